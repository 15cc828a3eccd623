import Datasets
import Engine
import Localization

/// Every setting of a shapes (CNN) session: the lesson-format keys for `dataset: shapes`.
///
/// Kept apart from `PlaygroundConfig` (whose keys describe the 2-D playground); the shared keys
/// (`trainRatio`, `learningRate`, `batchSize`, `seed`) mean the same in both.
public struct CNNConfig: Sendable, Codable, Hashable {
  /// The classes, in order (class index = position).
  public var shapes: [ShapeKind] = ShapeKind.defaultClasses
  /// Filters per conv stage. Each entry is a 5×5 convolution (same padding) + ReLU + max pool;
  /// the pool is 2×2 for every stage but the last, which pools 3×3 (see `CNNShape.family`).
  /// `[8, 16]` is the reference CNN.
  public var convLayers: [Int] = [8, 16]
  /// How much the images of a class differ (none = one fixed template per class, as ShapeShop).
  public var variation: ShapeVariation = .moderate
  /// Images generated per class before the split.
  public var imagesPerClass: Int = 200
  /// Percent of the images used for training, 10–90.
  public var trainRatio: Int = 50
  public var learningRate: Double = 0.03
  public var batchSize: Int = 10
  public var seed: UInt64 = 0
  /// Adversarial training (nil = off, and then omitted from files): a share of every batch
  /// replaced by FGSM images at ε.
  public var adversarialTraining: AdversarialTraining? = nil
  /// Optimizer, momentum, dropout (before the dense layer) and schedule; nil at the defaults.
  public var learning: LearningSettings?

  public init() {}

  /// Allowed ranges, shared by validation messages, controls and help text.
  public enum Limits {
    public static let shapeCount = 2...ShapeKind.allCases.count
    public static let convLayerCount = 1...4
    public static let filters = 1...32
    public static let imagesPerClass = 10...1000
    public static let trainRatio = 10...90
    public static let batchSize = 1...500
    public static let learningRate = 0.000_01...10.0
  }

  /// The network architecture these settings build.
  public var shape: CNNShape {
    CNNShape.family(
      convLayers: convLayers, classes: shapes.count, width: ShapeImages.size, height: ShapeImages.size)
  }

  /// The SGD settings.
  public var trainingOptions: CNNTrainingOptions {
    CNNTrainingOptions(
      learningRate: Float(learningRate), batchSize: batchSize, optimizer: optimizer, momentum: Float(momentum),
      dropout: Float(dropout),
      adversarial: adversarialTraining.map { AdversarialTraining(share: $0.share, epsilon: $0.epsilon, seed: seed) })
  }

  /// Checks every key; the error names the key, the value and what is allowed.
  public func validate() throws(ConfigError) {
    if !Limits.shapeCount.contains(shapes.count) {
      throw ConfigError(
        key: "shapes",
        message:
          "shapes needs 2 to \(Limits.shapeCount.upperBound) classes, got \(shapes.count); pick from \(ShapeKind.allNames)"
      )
    }
    if Set(shapes).count != shapes.count {
      throw ConfigError(key: "shapes", message: tr("shapes lists a class twice"))
    }
    if !Limits.convLayerCount.contains(convLayers.count) {
      throw ConfigError(
        key: "convLayers", message: "convLayers has \(convLayers.count) layers; allowed: 1 to 4")
    }
    if let bad = convLayers.first(where: { !Limits.filters.contains($0) }) {
      throw ConfigError(
        key: "convLayers", message: "a conv layer of \(bad) filters; each layer needs 1 to 32 filters")
    }
    if !Limits.imagesPerClass.contains(imagesPerClass) {
      throw ConfigError(
        key: "imagesPerClass",
        message: "imagesPerClass must be an integer from 10 to 1000, got \(imagesPerClass)")
    }
    if !Limits.trainRatio.contains(trainRatio) {
      throw ConfigError(
        key: "trainRatio", message: "trainRatio must be an integer from 10 to 90 (percent), got \(trainRatio)"
      )
    }
    if !(learningRate > 0) || !learningRate.isFinite || learningRate > Limits.learningRate.upperBound {
      throw ConfigError(
        key: "learningRate", message: "learningRate must be a number > 0 and at most 10, got \(learningRate)")
    }
    if !Limits.batchSize.contains(batchSize) {
      throw ConfigError(
        key: "batchSize", message: "batchSize must be an integer from 1 to 500, got \(batchSize)")
    }
    try learning?.validate()
    if let problem = shape.problem {
      throw ConfigError(key: "convLayers", message: "convLayers \(convLayers): \(problem)")
    }
    if let problem = adversarialTraining?.problem {
      throw ConfigError(key: "adversarialTraining", message: problem)
    }
  }
}
