import Datasets
import Engine
import Localization

/// Classification (points with classes) or regression (points with values).
public enum ProblemKind: String, CaseIterable, Sendable, Codable {
  case classification, regression
}

/// Every setting of a 2-D playground session: the config keys of the lesson format.
///
/// The same keys name lesson `set:` entries, command-line flags (in kebab-case), saved sessions and
/// the share string. `validate()` checks every range and names the offending key.
public struct PlaygroundConfig: Sendable, Codable, Hashable {
  public var problem: ProblemKind = .classification
  public var dataset: DatasetKind = .circle
  /// Percent, 0–50.
  public var noise: Int = 0
  /// Percent of the points used for training, 10–90.
  public var trainRatio: Int = 50
  public var seed: UInt64 = 0
  public var features: [Feature] = [.x1, .x2]
  public var hiddenLayers: [Int] = [4, 2]
  public var activation: Activation = .tanh
  public var learningRate: Double = 0.03
  public var regularization: Regularization = .none
  public var regularizationRate: Double = 0
  public var batchSize: Int = 10
  public var initialization: WeightInit = .playground
  public var showTestData: Bool = false
  public var discretize: Bool = false
  /// Optimizer, momentum, dropout and schedule; nil at the defaults (see `LearningSettings`).
  public var learning: LearningSettings?

  public init() {}

  /// Allowed ranges, shared by validation messages, sliders and the help text.
  public enum Limits {
    public static let noise = 0...50
    public static let trainRatio = 10...90
    public static let hiddenLayerCount = 0...10
    public static let neurons = 1...32
    public static let batchSize = 1...500
    public static let learningRate = 0.000_01...10.0
    public static let regularizationRate = 0.0...10.0
    /// The window's +/− buttons stop here (the command line and lessons allow the full range).
    public static let windowLayers = 8
    public static let windowNeurons = 16
  }

  /// The number of classes the data has (0 for regression).
  public var classCount: Int { problem == .regression ? 0 : dataset.classCount }

  /// Checks every key; the error names the key, the value and what is allowed.
  public func validate() throws(ConfigError) {
    if !Limits.noise.contains(noise) {
      throw ConfigError(key: "noise", message: tr("noise must be an integer from 0 to 50 (percent), got {1}", noise))
    }
    if !Limits.trainRatio.contains(trainRatio) {
      throw ConfigError(
        key: "trainRatio", message: "trainRatio must be an integer from 10 to 90 (percent), got \(trainRatio)")
    }
    if features.isEmpty {
      throw ConfigError(key: "features", message: tr("features needs at least one of {1}", Feature.allNames))
    }
    if Set(features).count != features.count {
      throw ConfigError(key: "features", message: tr("features lists a feature twice"))
    }
    if !Limits.hiddenLayerCount.contains(hiddenLayers.count) {
      throw ConfigError(
        key: "hiddenLayers", message: "hiddenLayers has \(hiddenLayers.count) layers; allowed: 0 to 10")
    }
    if let bad = hiddenLayers.first(where: { !Limits.neurons.contains($0) }) {
      throw ConfigError(
        key: "hiddenLayers", message: "a hidden layer of \(bad) neurons; each layer needs 1 to 32 neurons")
    }
    if !(learningRate > 0) || !learningRate.isFinite || learningRate > Limits.learningRate.upperBound {
      throw ConfigError(
        key: "learningRate", message: "learningRate must be a number > 0 and at most 10, got \(learningRate)")
    }
    if !regularizationRate.isFinite || !Limits.regularizationRate.contains(regularizationRate) {
      throw ConfigError(
        key: "regularizationRate",
        message: "regularizationRate must be a number from 0 to 10, got \(regularizationRate)")
    }
    if !Limits.batchSize.contains(batchSize) {
      throw ConfigError(key: "batchSize", message: tr("batchSize must be an integer from 1 to 500, got {1}", batchSize))
    }
    try learning?.validate()
    if dataset.isRegression != (problem == .regression) && dataset != .custom {
      throw ConfigError(
        key: "dataset",
        message: "dataset \(dataset.rawValue) is for \(dataset.isRegression ? "regression" : "classification"), "
          + "but problem is \(problem.rawValue)")
    }
  }
}

/// A setting that is out of range or inconsistent.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The config key (camelCase, as in lessons).
  public var key: String
  public var message: String
  public init(key: String, message: String) {
    self.key = key
    self.message = message
  }
  public var description: String { message }
}

extension Feature {
  /// "x1, x2, x1sq, …" for messages.
  public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension DatasetKind {
  /// Datasets offered for a problem kind, in display order.
  public static func offered(for problem: ProblemKind) -> [DatasetKind] {
    allCases.filter { $0 != .custom && $0.isRegression == (problem == .regression) }
  }
}
