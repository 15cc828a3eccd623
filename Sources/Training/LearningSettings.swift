import Engine
import Localization

/// How a session learns beyond plain SGD: the optimizer, its momentum, dropout and the
/// learning-rate schedule (config keys `optimizer`, `momentum`, `dropout`, `lrSchedule`).
///
/// Both configs hold it as an optional `learning` field that is nil at the defaults, so session
/// files and share strings with default settings read and write exactly as before.
public struct LearningSettings: Sendable, Codable, Hashable {
  public var optimizer: Optimizer = .sgd
  /// μ of momentum and Nesterov (PyTorch's default 0.9).
  public var momentum: Double = 0.9
  /// Fraction of hidden activations dropped while training, 0–0.9.
  public var dropout: Double = 0
  public var lrSchedule: LearningRateSchedule = .constant

  public init() {}

  /// Allowed ranges.
  public enum Limits {
    public static let momentum = 0.0...0.999
    public static let dropout = 0.0...0.9
  }

  public static let standard = LearningSettings()

  /// Checks every key; the error names it.
  public func validate() throws(ConfigError) {
    if !momentum.isFinite || !Limits.momentum.contains(momentum) {
      throw ConfigError(key: "momentum", message: tr("momentum must be a number from 0 to 0.999, got {1}", momentum))
    }
    if !dropout.isFinite || !Limits.dropout.contains(dropout) {
      throw ConfigError(key: "dropout", message: tr("dropout must be a number from 0 to 0.9, got {1}", dropout))
    }
  }

  enum CodingKeys: String, CodingKey { case optimizer, momentum, dropout, lrSchedule }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    optimizer = try c.decodeIfPresent(Optimizer.self, forKey: .optimizer) ?? .sgd
    momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? 0.9
    dropout = try c.decodeIfPresent(Double.self, forKey: .dropout) ?? 0
    lrSchedule = try c.decodeIfPresent(LearningRateSchedule.self, forKey: .lrSchedule) ?? .constant
  }

  /// Writes only the keys that differ from the defaults.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let d = LearningSettings.standard
    if optimizer != d.optimizer { try c.encode(optimizer, forKey: .optimizer) }
    if momentum != d.momentum { try c.encode(momentum, forKey: .momentum) }
    if dropout != d.dropout { try c.encode(dropout, forKey: .dropout) }
    if lrSchedule != d.lrSchedule { try c.encode(lrSchedule, forKey: .lrSchedule) }
  }

  /// `key=value` parts for the share string: only the settings that differ from the defaults, so
  /// a default config's string reads as before.
  public var shareParts: [String] {
    let d = LearningSettings.standard
    var parts: [String] = []
    if optimizer != d.optimizer { parts.append("optimizer=\(optimizer.rawValue)") }
    if momentum != d.momentum { parts.append("momentum=\(momentum)") }
    if dropout != d.dropout { parts.append("dropout=\(dropout)") }
    if lrSchedule != d.lrSchedule { parts.append("lrSchedule=\(lrSchedule)") }
    return parts
  }

  /// The learning rate of epoch `epoch` (0-based) under the schedule.
  public func learningRate(base: Double, epoch: Int) -> Double { lrSchedule.rate(base: base, epoch: epoch) }
}

/// The `learning` settings read and written one key at a time; nil storage at the defaults.
public protocol HasLearningSettings {
  var learning: LearningSettings? { get set }
}

extension HasLearningSettings {
  /// The settings, defaults filled in.
  public var learningSettings: LearningSettings {
    get { learning ?? .standard }
    set { learning = newValue == .standard ? nil : newValue }
  }
  public var optimizer: Optimizer {
    get { learningSettings.optimizer }
    set { learningSettings.optimizer = newValue }
  }
  public var momentum: Double {
    get { learningSettings.momentum }
    set { learningSettings.momentum = newValue }
  }
  public var dropout: Double {
    get { learningSettings.dropout }
    set { learningSettings.dropout = newValue }
  }
  public var lrSchedule: LearningRateSchedule {
    get { learningSettings.lrSchedule }
    set { learningSettings.lrSchedule = newValue }
  }
}

extension PlaygroundConfig: HasLearningSettings {}
extension CNNConfig: HasLearningSettings {}

/// A session's learning memory as session files carry it: the optimizer's buffers and the dropout
/// generator's position.
public struct SavedLearningState: Sendable, Equatable {
  public var optimizer: FlatOptimizerState
  /// The dropout generator's four state words (nil: fresh from the seed, as at epoch 0).
  public var dropoutGenerator: [UInt64]?

  public init(optimizer: FlatOptimizerState = FlatOptimizerState(), dropoutGenerator: [UInt64]? = nil) {
    self.optimizer = optimizer
    self.dropoutGenerator = dropoutGenerator
  }

  public var isEmpty: Bool { optimizer.isEmpty && dropoutGenerator == nil }
}

/// The dropout generator of a fresh run: its own stream from the seed, so turning dropout on
/// never changes the data or the initial weights.
package func freshDropoutGenerator(seed: UInt64) -> SeededGenerator {
  SeededGenerator(seed: seed ^ 0xD5A6_1266_F0C9_392C)
}
