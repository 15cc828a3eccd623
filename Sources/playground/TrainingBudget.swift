import PlaygroundCore
import Training

/// The command line's compute budget: a run whose training would cost more than
/// `TrainingCost.commandLineBound` is refused before it starts, with the estimate.
enum TrainingBudget {
  /// Refuses `epochs` epochs of the 2-D `experiment` when they cost more than the bound.
  static func check(_ experiment: Experiment, epochs: Int) throws {
    try check(TrainingCost.dense(experiment.config, trainExamples: Double(experiment.train.count), epochs: epochs), epochs)
  }

  /// Refuses `epochs` epochs of the CNN `experiment` when they cost more than the bound.
  static func check(_ experiment: CNNExperiment, epochs: Int) throws {
    let shape = experiment.network.shape
    try check(TrainingCost.cnn(shape, trainExamples: Double(experiment.trainSamples.count), epochs: epochs), epochs)
  }

  static func check(_ cost: Double, _ epochs: Int) throws {
    guard cost > TrainingCost.commandLineBound else { return }
    throw UsageError(
      message:
        "--epochs: training \(epochs) epochs would cost \(TrainingCost.describe(cost)); one run may cost at most "
        + "\(TrainingCost.scientific(TrainingCost.commandLineBound)) (about an hour): train fewer epochs or a smaller network"
    )
  }
}
