import Datasets
import Engine
import Localization

/// A 2-D training session: the data drawn from the config, the network and what training did.
///
/// Draw order from `config.seed` (the determinism contract): the dataset's points, then the
/// shuffle and train/test split, then the network's initial weights.
public struct Experiment: Sendable {
  public package(set) var config: PlaygroundConfig
  /// Points the learner added or imported (kept across regenerations and resets).
  public package(set) var customPoints: [DataPoint]
  public package(set) var train: [DataPoint]
  public package(set) var test: [DataPoint]
  public package(set) var trainSamples: Samples
  public package(set) var testSamples: Samples
  public package(set) var network: Network
  public package(set) var epoch: Int = 0
  /// Why training stopped, when a weight or the loss became NaN or infinite.
  public package(set) var divergence: String?
  /// The generator as it stood after the split: resets draw the same initial weights from it.
  let initGenerator: SeededGenerator
  /// The optimizer's buffers (momentum, Adam's moments and step): part of the session's value.
  public package(set) var optimizerState = OptimizerState()
  /// Where dropout masks come from (its own stream from the seed; see `freshDropoutGenerator`).
  package var dropoutGenerator: SeededGenerator = freshDropoutGenerator(seed: 0)

  /// Builds the session; the config must be valid (see `PlaygroundConfig.validate`).
  public init(config: PlaygroundConfig, customPoints: [DataPoint] = []) throws(ConfigError) {
    try config.validate()
    self.config = config
    self.customPoints = customPoints
    var rng = SeededGenerator(seed: config.seed)
    let generated = DatasetGenerator.generate(config.dataset, noise: config.noise, rng: &rng)
    let split = splitTrainTest(generated + customPoints, trainRatio: config.trainRatio, rng: &rng)
    if split.train.isEmpty {
      throw ConfigError(key: "dataset", message: tr("there are no training points: add points or pick a dataset"))
    }
    train = split.train
    test = split.test
    let classes = Experiment.classCount(config: config, points: split.train + split.test)
    trainSamples = Experiment.samples(train, config.features)
    testSamples = Experiment.samples(test, config.features)
    initGenerator = rng
    network = Network(shape: Experiment.shape(config, classes: classes), initialization: config.initialization, rng: &rng)
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }

  /// Classes in the data: the dataset's count, or for own points the largest label + 1 (at least 2).
  package static func classCount(config: PlaygroundConfig, points: [DataPoint]) -> Int {
    if config.problem == .regression { return 0 }
    if config.dataset != .custom { return config.dataset.classCount }
    return max(2, Int(points.map(\.label).max() ?? 1) + 1)
  }

  package static func shape(_ config: PlaygroundConfig, classes: Int) -> NetworkShape {
    let output: OutputKind =
      config.problem == .regression ? .regression : (classes <= 2 ? .binaryTanh : .softmax(classes: classes))
    return NetworkShape(
      inputs: config.features.count, hidden: config.hiddenLayers, activation: config.activation, output: output)
  }

  package static func samples(_ points: [DataPoint], _ features: [Feature]) -> Samples {
    Samples(features: featureRows(points, features: features), featureCount: features.count, targets: points.map { Float($0.label) })
  }

  /// How many classes the network distinguishes (0 for regression).
  public var classCount: Int {
    switch network.shape.output {
    case .regression: 0
    case .binaryTanh: 2
    case .softmax(let k): k
    }
  }

  /// The SGD settings from the config.
  public var trainingOptions: TrainingOptions {
    TrainingOptions(
      learningRate: Float(config.learningRate), batchSize: config.batchSize,
      regularization: config.regularization, regularizationRate: Float(config.regularizationRate),
      optimizer: config.optimizer, momentum: Float(config.momentum), dropout: Float(config.dropout))
  }

  /// Trains `epochs` more epochs (nothing happens once diverged). Returns the epochs done.
  @discardableResult
  public mutating func train(epochs: Int) -> Int {
    let epochs = EpochLimit.room(for: epochs, from: epoch)  // saturates at Int.max
    guard divergence == nil, epochs > 0 else { return 0 }
    let report = trainWithSchedule(epochs: epochs)
    epoch += report.epochs
    if let reason = report.divergence {
      divergence = reason
    }
    return report.epochs
  }

  /// Loss and accuracy on the training and test sets; a NaN loss marks the session diverged.
  public mutating func measure() -> Evaluation {
    let result = Evaluation(train: network.metrics(on: trainSamples), test: network.metrics(on: testSamples))
    if divergence == nil && !(result.train.loss.isFinite && result.test.loss.isFinite) {
      divergence = "the loss became NaN or infinite at epoch \(epoch)"
    }
    return result
  }

  /// Changes settings that do not need new data or a new network (learning rate, regularization,
  /// batch size, display options). Other keys need `Experiment(config:)`.
  public mutating func updateLive(_ change: (inout PlaygroundConfig) -> Void) throws(ConfigError) {
    var next = config
    change(&next)
    try next.validate()
    // Another optimizer's buffers mean something else: it starts from empty ones.
    if next.optimizer != config.optimizer { optimizerState = OptimizerState() }
    config = next
  }

  /// Re-initialises the weights from the seed and clears divergence (same data).
  public mutating func reset() {
    var rng = initGenerator
    network = Network(shape: network.shape, initialization: config.initialization, rng: &rng)
    epoch = 0
    divergence = nil
    optimizerState = OptimizerState()
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }

  /// Edits one weight by hand (layer counts weighted layers: 0 is the first hidden layer).
  public mutating func setWeight(layer: Int, from: Int, to: Int, value: Float) {
    network.setWeight(layer: layer, from: from, to: to, value: value)
  }

  /// Edits one bias by hand.
  public mutating func setBias(layer: Int, neuron: Int, value: Float) {
    network.setBias(layer: layer, neuron: neuron, value: value)
  }
}

/// Loss and accuracy on both sets.
public struct Evaluation: Sendable, Equatable, Codable {
  public var train: Metrics
  public var test: Metrics
}
