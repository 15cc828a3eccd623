import Datasets
import Engine
import Localization

/// Where training stands: whole epochs done and, inside the next epoch, the training examples
/// already seen (always 0 in 2-D, where training moves in whole epochs). Every moment of a run's
/// history is named by one.
public struct TrainingPosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var epoch: Int
  public var example: Int

  public init(epoch: Int, example: Int = 0) {
    self.epoch = epoch
    self.example = example
  }

  public static func < (a: TrainingPosition, b: TrainingPosition) -> Bool {
    (a.epoch, a.example) < (b.epoch, b.example)
  }

  public var description: String { example == 0 ? "epoch \(epoch)" : "epoch \(epoch) + \(example) images" }
}

/// Something other than training that changed a 2-D run, as its history records it: applying the
/// same changes at the same positions rebuilds the same bits.
public enum DenseChange: Codable, Equatable, Sendable {
  /// New live settings (learning rate, batch size, regularization and its rate, display options).
  case settings(PlaygroundConfig)
  case addPoint(DataPoint)
  /// Removes the point nearest (x, y) within the playground's pick radius.
  case removePoint(x: Double, y: Double)
  /// `layer` counts weighted layers from 0.
  case setWeight(layer: Int, from: Int, to: Int, value: Float)
  case setBias(layer: Int, neuron: Int, value: Float)
  /// Training stopped: the loss or a weight became NaN or infinite.
  case diverged(String)
}

/// Something other than training that changed a CNN run (see `DenseChange`).
public enum CNNChange: Codable, Equatable, Sendable {
  /// New live settings (learning rate, batch size).
  case settings(CNNConfig)
  /// A drawing (28×28, row-major, values in [0, 1]) added to the training set as class `label`.
  case addDrawing(pixels: [Float], label: Int)
  case diverged(String)
}

/// A session whose history can be recorded and replayed: its position, the changes it takes and
/// a digest of its exact state.
public protocol ReplayableSession: TrainingSession {
  associatedtype Change: Codable, Equatable, Sendable
  /// Where training stands.
  var position: TrainingPosition { get }
  /// Training units from here to `target` (nil when `target` lies behind or is not a position this
  /// run can reach at its batch size).
  func units(to target: TrainingPosition) -> Int?
  /// Applies a recorded change; a change that does not fit (a tampered file) throws.
  mutating func apply(_ change: Change) throws(ConfigError)
  /// The change's words on the timeline ("learning rate 0.1").
  func describe(_ change: Change) -> String
  /// A digest of every parameter's bits and the position: equal digests, equal runs.
  var digest: String { get }
  /// The memory a copy of this session's state costs beyond the data it shares with others.
  var stateBytes: Int { get }
  /// The change that sets the live settings to `config`.
  static func settingsChange(_ config: Config) -> Change
  /// The change that records a divergence.
  static func divergedChange(_ reason: String) -> Change
  static func isDivergence(_ change: Change) -> Bool
  /// Whether `change` only changes live settings (a slider's drag records one event).
  static func isSettings(_ change: Change) -> Bool
}

extension Experiment: ReplayableSession {
  public var position: TrainingPosition { TrainingPosition(epoch: epoch) }

  public func units(to target: TrainingPosition) -> Int? {
    target.example == 0 && target.epoch >= epoch ? target.epoch - epoch : nil
  }

  public mutating func apply(_ change: DenseChange) throws(ConfigError) {
    switch change {
    case .settings(let next):
      guard config.differsOnlyLive(from: next) else {
        throw ConfigError(key: "settings", message: tr("a recorded change alters more than the live settings"))
      }
      try updateLive { $0 = next }
    case .addPoint(let point):
      guard abs(point.x) <= 6, abs(point.y) <= 6, point.x.isFinite, point.y.isFinite, point.label.isFinite else {
        throw ConfigError(key: "points", message: tr("a recorded point lies outside the plane"))
      }
      addPoint(point)
    case .removePoint(let x, let y):
      _ = removeNearestPoint(x: x, y: y)
    case .setWeight(let layer, let from, let to, let value):
      guard value.isFinite, layer >= 0, layer < network.layerCount else {
        throw ConfigError(key: "weights", message: tr("a recorded weight edit names no weight"))
      }
      let size = network.layerSize(layer)
      guard from >= 0, from < size.inputs, to >= 0, to < size.outputs else {
        throw ConfigError(key: "weights", message: tr("a recorded weight edit names no weight"))
      }
      setWeight(layer: layer, from: from, to: to, value: value)
    case .setBias(let layer, let neuron, let value):
      guard value.isFinite, layer >= 0, layer < network.layerCount, neuron >= 0,
        neuron < network.layerSize(layer).outputs
      else {
        throw ConfigError(key: "weights", message: tr("a recorded bias edit names no bias"))
      }
      setBias(layer: layer, neuron: neuron, value: value)
    case .diverged(let reason):
      divergence = reason
    }
  }

  public func describe(_ change: DenseChange) -> String {
    switch change {
    case .settings(let next): Self.describeSettings(from: config, to: next)
    case .addPoint(let p): "point added at (\(short(p.x)), \(short(p.y)))"
    case .removePoint(let x, let y): "point removed near (\(short(x)), \(short(y)))"
    case .setWeight(let layer, let from, let to, let value):
      "weight \(layer + 1):\(from + 1)→\(to + 1) set to \(short(Double(value)))"
    case .setBias(let layer, let neuron, let value): "bias \(layer + 1):\(neuron + 1) set to \(short(Double(value)))"
    case .diverged(let reason): "diverged (\(reason))"
    }
  }

  static func describeSettings(from old: PlaygroundConfig, to new: PlaygroundConfig) -> String {
    var parts: [String] = []
    if old.learningRate != new.learningRate { parts.append("learning rate \(short(new.learningRate))") }
    if old.batchSize != new.batchSize { parts.append("batch size \(new.batchSize)") }
    if old.regularization != new.regularization { parts.append("regularization \(new.regularization.rawValue)") }
    if old.regularizationRate != new.regularizationRate {
      parts.append("regularization rate \(short(new.regularizationRate))")
    }
    if old.showTestData != new.showTestData { parts.append(new.showTestData ? "test data shown" : "test data hidden") }
    if old.discretize != new.discretize { parts.append(new.discretize ? "output discretized" : "output smooth") }
    parts += describeLearning(from: old.learningSettings, to: new.learningSettings)
    return parts.isEmpty ? "settings" : parts.joined(separator: ", ")
  }

  public static func settingsChange(_ config: PlaygroundConfig) -> DenseChange { .settings(config) }
  public static func divergedChange(_ reason: String) -> DenseChange { .diverged(reason) }
  public static func isDivergence(_ change: DenseChange) -> Bool {
    if case .diverged = change { return true }
    return false
  }
  public static func isSettings(_ change: DenseChange) -> Bool {
    if case .settings = change { return true }
    return false
  }

  public var digest: String { stateDigest(network.checksum, position) }
  public var stateBytes: Int { (network.weights.count * 2 + network.biases.count) * MemoryLayout<Lanes>.stride + 64 }
}

extension CNNExperiment: ReplayableSession {
  public var position: TrainingPosition { TrainingPosition(epoch: cursor.epoch, example: cursor.example) }

  public func units(to target: TrainingPosition) -> Int? {
    guard target >= position, trainSamples.count > 0, target.example < trainSamples.count else { return nil }
    let batch = config.batchSize
    let units: Int
    if target.epoch == cursor.epoch {
      units = (target.example - cursor.example + batch - 1) / batch
    } else {
      units = batches(untilEpoch: target.epoch) + (target.example + batch - 1) / batch
    }
    return units
  }

  public mutating func apply(_ change: CNNChange) throws(ConfigError) {
    switch change {
    case .settings(let next):
      try updateLive { $0 = next }
    case .addDrawing(let pixels, let label):
      guard pixels.allSatisfy({ $0.isFinite }) else {
        throw ConfigError(key: "drawings", message: tr("a recorded drawing holds a value that is not a number"))
      }
      try addDrawing(pixels, label: label)
    case .diverged(let reason):
      divergence = reason
    }
  }

  public func describe(_ change: CNNChange) -> String {
    switch change {
    case .settings(let next):
      ([
        config.learningRate != next.learningRate ? "learning rate \(short(next.learningRate))" : nil,
        config.batchSize != next.batchSize ? "batch size \(next.batchSize)" : nil,
      ].compactMap { $0 } + describeLearning(from: config.learningSettings, to: next.learningSettings))
      .joined(separator: ", ")
    case .addDrawing(_, let label): "drawing added as \(className(label))"
    case .diverged(let reason): "diverged (\(reason))"
    }
  }

  public static func settingsChange(_ config: CNNConfig) -> CNNChange { .settings(config) }
  public static func divergedChange(_ reason: String) -> CNNChange { .diverged(reason) }
  public static func isDivergence(_ change: CNNChange) -> Bool {
    if case .diverged = change { return true }
    return false
  }
  public static func isSettings(_ change: CNNChange) -> Bool {
    if case .settings = change { return true }
    return false
  }

  public var digest: String { stateDigest(network.checksum, position) }
  public var stateBytes: Int { network.parameterCount * 4 + 128 }
}

/// The optimizer, momentum, dropout and schedule changes in words.
func describeLearning(from old: LearningSettings, to new: LearningSettings) -> [String] {
  var parts: [String] = []
  if old.optimizer != new.optimizer { parts.append("optimizer \(new.optimizer.rawValue)") }
  if old.momentum != new.momentum { parts.append("momentum \(short(new.momentum))") }
  if old.dropout != new.dropout { parts.append("dropout \(short(new.dropout))") }
  if old.lrSchedule != new.lrSchedule { parts.append("schedule \(new.lrSchedule)") }
  return parts
}

/// The parameters' checksum and the position in one string (what replay compares).
func stateDigest(_ checksum: String, _ position: TrainingPosition) -> String {
  "\(checksum)@\(position.epoch).\(position.example)"
}

/// A number as the timeline's words show it (4 significant digits).
func short(_ value: Double) -> String {
  if value == 0 { return "0" }
  guard value.isFinite else { return "\(value)" }
  var scale = 1.0
  while abs(value) * scale < 1_000 { scale *= 10 }
  while abs(value) * scale >= 10_000 { scale /= 10 }
  var text = "\((value * scale).rounded() / scale)"
  if text.hasSuffix(".0") { text.removeLast(2) }
  return text
}
