import Engine

/// The two kinds of run, and so the two playgrounds the window shows.
public enum AppMode: String, Sendable, Equatable, CaseIterable {
  /// The 2-D point playground.
  case dense
  /// The CNN on 28×28 shape images.
  case cnn
}

/// The settings every kind of run changes while it trains (the top bar's learning rate and batch
/// size in both modes).
public protocol LiveTrainingSettings: Hashable, Sendable, HasLearningSettings {
  var learningRate: Double { get set }
  var batchSize: Int { get set }
  /// These settings with `other`'s live ones (what changes while a run trains, keeping its data
  /// and network): equal to `other` exactly when the two differ in live settings only.
  func withLiveSettings(of other: Self) -> Self
}

extension LiveTrainingSettings {
  /// Whether `other` differs from these settings in live settings only (a run keeps its network).
  public func differsOnlyLive(from other: Self) -> Bool { withLiveSettings(of: other) == other }
}

/// Loss and accuracy on the training and test sets, as a run's history records them.
public protocol RunEvaluation: Equatable, Sendable {
  var trainLoss: Float { get }
  var testLoss: Float { get }
  var testAccuracy: Float { get }
  var trainAccuracy: Float { get }
}

/// Data, a network and what training did to it: a 2-D `Experiment` or a shapes `CNNExperiment`.
///
/// A `TrainingRun` plays, steps, resets and measures either kind through this, so the window,
/// lessons, the background trainer and the bench handle one kind of run. Training is in *units*:
/// an epoch in 2-D, a mini-batch on images (a CNN epoch is too long for a frame); the same units
/// give the same bits however they are sliced.
public protocol TrainingSession: Sendable {
  associatedtype Config: LiveTrainingSettings
  associatedtype Measurement: RunEvaluation

  var config: Config { get }
  /// Epochs completed.
  var epoch: Int { get }
  /// Why training stopped, when it diverged (nothing trains until a reset).
  var divergence: String? { get }
  /// Examples in the training set (what the time of a unit grows with).
  var trainingExamples: Int { get }
  /// What one unit counts in the speed setting's units (an epoch is 1 epoch; a mini-batch is its
  /// images).
  var speedUnitsPerUnit: Int { get }
  /// Whether every weight and bias is a finite number.
  var isFinite: Bool { get }
  /// Whether accuracy means something (a classifier; regression has none).
  var isClassifier: Bool { get }

  /// Trains `units` more (nothing once diverged); true when an epoch ended or training diverged,
  /// so the run measures (a frame's slice of a CNN epoch does not pay for evaluating every image).
  mutating func train(units: Int) -> Bool
  /// Trains `epochs` more whole epochs (a partly trained one is finished first); returns those done.
  @discardableResult mutating func train(epochs: Int) -> Int
  /// Units from where training stands to the end of epoch `epoch` (0 when it is done).
  func units(untilEpoch epoch: Int) -> Int
  /// Loss and accuracy on both sets; a NaN loss marks the session diverged.
  mutating func measure() -> Measurement
  /// The initial weights again, from the seed (same data); divergence cleared.
  mutating func reset()
  /// Changes settings that keep the data and the network (learning rate, batch size, …).
  mutating func updateLive(_ change: (inout Config) -> Void) throws(ConfigError)
}

extension Experiment: TrainingSession {
  public var trainingExamples: Int { train.count }
  public var speedUnitsPerUnit: Int { 1 }
  public var isFinite: Bool { network.isFinite }
  public var isClassifier: Bool { classCount > 0 }
  public mutating func train(units: Int) -> Bool { train(epochs: units) > 0 || divergence != nil }
  public func units(untilEpoch target: Int) -> Int { max(0, target - epoch) }
}

extension CNNExperiment: TrainingSession {
  public var trainingExamples: Int { train.count }
  public var speedUnitsPerUnit: Int { config.batchSize }
  public var isFinite: Bool { network.isFinite }
  public var isClassifier: Bool { true }
  public mutating func train(units: Int) -> Bool {
    let before = epoch
    trainBatches(units)
    return epoch != before || divergence != nil
  }
  public func units(untilEpoch target: Int) -> Int { batches(untilEpoch: target) }
}

extension Evaluation: RunEvaluation {
  public var trainLoss: Float { train.loss }
  public var testLoss: Float { test.loss }
  public var testAccuracy: Float { test.accuracy }
  public var trainAccuracy: Float { train.accuracy }
}

extension CNNEvaluation: RunEvaluation {
  public var trainLoss: Float { train.loss }
  public var testLoss: Float { test.loss }
  public var testAccuracy: Float { test.accuracy }
  public var trainAccuracy: Float { train.accuracy }
}

extension PlaygroundConfig: LiveTrainingSettings {
  /// Live in 2-D: learning rate, batch size, regularization and its rate, the optimizer settings
  /// and the display options.
  public func withLiveSettings(of other: PlaygroundConfig) -> PlaygroundConfig {
    var c = self
    c.learningRate = other.learningRate
    c.batchSize = other.batchSize
    c.regularization = other.regularization
    c.regularizationRate = other.regularizationRate
    c.showTestData = other.showTestData
    c.discretize = other.discretize
    c.learning = other.learning
    return c
  }
}

extension CNNConfig: LiveTrainingSettings {
  /// Live for a CNN: learning rate, batch size and the optimizer settings.
  public func withLiveSettings(of other: CNNConfig) -> CNNConfig {
    var c = self
    c.learningRate = other.learningRate
    c.batchSize = other.batchSize
    c.learning = other.learning
    return c
  }
}
