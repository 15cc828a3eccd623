import Datasets
import Training

/// The current dataset as the CSV that `--csv` reads back (`x,y,label` rows, see `PointsCSV`).
public enum DatasetCSV {
  /// A comment saying where the points came from, the header, the training points in training
  /// order, then the test points. Numbers are shortest round-trip decimals, so reading the file
  /// back gives the same points bit for bit.
  public static func text(_ experiment: Experiment) -> String {
    let c = experiment.config
    let origin =
      c.dataset == .custom
      ? "own points" : "the \(c.dataset.rawValue) dataset, noise \(c.noise), seed \(c.seed)"
    let comment =
      "# NeuralPlayground points (\(origin)): \(experiment.train.count) training points, then "
      + "\(experiment.test.count) test points\n"
    return comment + PointsCSV.format(experiment.train + experiment.test)
  }
}
