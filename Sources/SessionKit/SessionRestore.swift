import Datasets
import Engine
import Localization
import Training

extension DenseSessionFile {
  /// Checks that the session describes a network the engine can run on data it can train on;
  /// the error names the offending field as it appears in the file.
  public func validate() throws(SessionError) {
    do {
      try config.validate()
    } catch {
      throw SessionError("dense2d.config.\(error.key): \(error.message)")
    }
    try validateClasses()
    let widths = shape.widths
    var weightCount = 0
    var biasCount = 0
    for l in 0..<(widths.count - 1) {
      weightCount += widths[l] * widths[l + 1]
      biasCount += widths[l + 1]
    }
    let arrow = widths.map(String.init).joined(separator: " → ")
    if weights.count != weightCount {
      throw SessionError(
        "dense2d.network.weights has \(weights.count) numbers; the network \(arrow) has \(weightCount)")
    }
    if biases.count != biasCount {
      throw SessionError(
        "dense2d.network.biases has \(biases.count) numbers; the network \(arrow) has \(biasCount)")
    }
    for (n, k) in frozenWeights.enumerated() {
      if k < 0 || k >= weightCount || (n > 0 && k <= frozenWeights[n - 1]) {
        throw SessionError(
          "dense2d.network.frozenWeights must list weight positions 0 to \(weightCount - 1) in increasing order, "
            + "found \(k)")
      }
    }
    if epoch < 0 { throw SessionError(tr("dense2d.training.epoch must be 0 or more, got {1}", epoch)) }
    if let divergence, divergence.utf8.count > SessionFormat.maximumTextBytes {
      throw SessionError(
        "dense2d.training.divergence is \(divergence.utf8.count) bytes; at most "
          + "\(SessionFormat.maximumTextBytes)")
    }
    try validatePoints(train, "train")
    try validatePoints(test, "test")
    try validatePoints(customPoints, "ownPoints")
    try history.validate(prefix: "dense2d")
  }

  func validateClasses() throws(SessionError) {
    let c = config
    let expected: ClosedRange<Int> =
      c.problem == .regression
      ? 0...0 : (c.dataset == .custom ? 2...10 : c.dataset.classCount...c.dataset.classCount)
    if !expected.contains(classCount) {
      let allowed =
        expected.count == 1 ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)"
      throw SessionError(
        "dense2d.network.classes is \(classCount), but a \(c.problem.rawValue) on \(c.dataset.rawValue) needs \(allowed)"
      )
    }
  }

  /// Finite coordinates; class labels are whole numbers 0 ..< classCount (the engine indexes by them).
  func validatePoints(_ points: [DataPoint], _ name: String) throws(SessionError) {
    for (n, p) in points.enumerated() {
      guard p.x.isFinite, p.y.isFinite, p.label.isFinite else {
        throw SessionError(tr("dense2d.data.{1}[{2}] has a number that is not finite", name, n))
      }
      // The network reads points as 32-bit numbers: a larger one would become infinity there.
      let largest = Double(Float.greatestFiniteMagnitude)
      guard abs(p.x) <= largest, abs(p.y) <= largest, abs(p.label) <= largest else {
        throw SessionError(tr("dense2d.data.{1}[{2}] has a number too large for a 32-bit number (over 3.4e38)", name, n))
      }
      if classCount > 0 && !(p.label >= 0 && p.label < Double(classCount) && p.label == p.label.rounded()) {
        throw SessionError(
          "dense2d.data.\(name)[\(n)] has label \(p.label), but the classes are 0 to \(classCount - 1)")
      }
    }
  }
}

extension Experiment {
  /// Rebuilds an experiment exactly as it was saved: same data in the same order, same weights,
  /// biases and frozen weights, same epoch and divergence.
  ///
  /// Reset draws its initial weights from the generator as it stood after the split; that is
  /// replayed from the seed with the data generator and the split of the generated points plus
  /// the own points, as `init(config:customPoints:)` does (exact unless points were added after
  /// the last rebuild, which leaves the saved data and weights exact but changes what Reset draws).
  public init(restoring s: DenseSessionFile) throws(SessionError) {
    try s.validate()
    self.init(
      saved: s.config, customPoints: s.customPoints, train: s.train, test: s.test, shape: s.shape,
      weights: s.weights, biases: s.biases, frozenWeights: s.frozenWeights, epoch: s.epoch,
      divergence: s.divergence)
    if !restoreLearning(s.learning) {
      throw SessionError(tr("dense2d.training.learning does not fit the network (buffer lengths or generator state)"))
    }
  }

}
