import Datasets
import Engine
import Localization

/// A shapes session: the images drawn from the config, the CNN and what training did.
///
/// Draw order from `config.seed` (the determinism contract): the images (class by class, see
/// `ShapeImages.generate`), then the shuffle and train/test split, then the initial weights.
/// The learner's own drawings join the training set after the split (never the test set).
/// Imported image classes (`ImageClass`, folders of PNGs) follow the shape classes: their images
/// are appended after the generated ones, class by class, and take part in the one split.
public struct CNNExperiment: Sendable {
  public package(set) var config: CNNConfig
  /// Classes imported from image folders; class index `config.shapes.count + i`.
  public package(set) var imported: [ImageClass]
  /// Images the learner drew and added (kept across resets).
  public package(set) var drawings: [LabeledImage]
  /// Training images (generated, then the drawings) and test images.
  public package(set) var train: [LabeledImage]
  public package(set) var test: [LabeledImage]
  public package(set) var trainSamples: ImageSamples
  public package(set) var testSamples: ImageSamples
  public package(set) var network: CNN
  /// Where training stands (epochs done and the next example).
  public package(set) var cursor = CNNTrainingCursor()
  /// Why training stopped, when a weight or the loss became NaN or infinite, or the network
  /// collapsed (see `measure`).
  public package(set) var divergence: String?
  /// The training loss of the untrained network (measured at epoch 0; nil for a session loaded
  /// later), which a collapse is judged against.
  var startLoss: Float?
  /// The generator as it stood after the split: resets draw the same initial weights from it.
  let initGenerator: SeededGenerator
  /// The optimizer's buffers (momentum, Adam's moments and step): part of the session's value.
  public package(set) var optimizerState = CNNOptimizerState()
  /// Where dropout masks come from (its own stream from the seed; see `freshDropoutGenerator`).
  package var dropoutGenerator: SeededGenerator = freshDropoutGenerator(seed: 0)

  /// Builds the session; the config must be valid (see `CNNConfig.validate`).
  public init(config: CNNConfig, drawings: [LabeledImage] = [], imported: [ImageClass] = [])
    throws(ConfigError)
  {
    try config.validate()
    try ImageClass.validate(imported, beside: config.shapes)
    self.config = config
    self.imported = imported
    var rng = SeededGenerator(seed: config.seed)
    let images = CNNExperiment.images(config, imported: imported, rng: &rng)
    let split = splitTrainTest(images, trainRatio: config.trainRatio, rng: &rng)
    for d in drawings
    where !(0..<(config.shapes.count + imported.count)).contains(d.label)
      || d.pixels.count != ShapeImages.size * ShapeImages.size
    {
      throw ConfigError(
        key: "shapes", message: "a drawing has class \(d.label), which this session does not have")
    }
    self.drawings = drawings
    train = split.train + drawings
    test = split.test
    trainSamples = CNNExperiment.samples(train)
    testSamples = CNNExperiment.samples(test)
    initGenerator = rng
    network = CNN(shape: CNNExperiment.shape(config, importedClasses: imported.count), rng: &rng)
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }

  /// The images before the split: the generated shapes, then every imported class's images.
  package static func images(_ config: CNNConfig, imported: [ImageClass], rng: inout SeededGenerator)
    -> [LabeledImage]
  {
    var images = ShapeImages.generate(
      config.shapes, variation: config.variation, perClass: config.imagesPerClass, rng: &rng)
    for (i, c) in imported.enumerated() {
      images += c.images.map { LabeledImage(pixels: $0, label: config.shapes.count + i) }
    }
    return images
  }

  /// The network for `config` with `importedClasses` more classes after its shapes.
  public static func shape(_ config: CNNConfig, importedClasses: Int) -> CNNShape {
    CNNShape.family(
      convLayers: config.convLayers, classes: config.shapes.count + importedClasses, width: ShapeImages.size,
      height: ShapeImages.size)
  }

  package static func samples(_ images: [LabeledImage]) -> ImageSamples {
    var s = ImageSamples(width: ShapeImages.size, height: ShapeImages.size)
    for image in images { s.append(image.pixels, label: image.label) }
    return s
  }

  /// Epochs completed.
  public var epoch: Int { cursor.epoch }
  public var classCount: Int { config.shapes.count + imported.count }
  /// Every class's name in class order: the shapes, then the imported classes.
  public var classNames: [String] { config.shapes.map(\.rawValue) + imported.map(\.name) }

  /// The class index of `kind`, or nil when the session does not have it.
  public func classIndex(_ kind: ShapeKind) -> Int? { config.shapes.firstIndex(of: kind) }

  /// The shape of class `i`, or nil for an imported class (or an index the session lacks).
  public func shapeKind(_ i: Int) -> ShapeKind? { config.shapes.indices.contains(i) ? config.shapes[i] : nil }

  /// The imported class at class index `i`, or nil for a shape class.
  public func importedClass(_ i: Int) -> ImageClass? {
    let j = i - config.shapes.count
    return imported.indices.contains(j) ? imported[j] : nil
  }

  /// Class `i`'s name as the window shows it: the shape's display name ("Circle") or the
  /// imported class's own name ("smiley"); "class i" past the last class.
  public func className(_ i: Int) -> String {
    if let kind = shapeKind(i) { return kind.displayName }
    return importedClass(i)?.name ?? "class \(i)"
  }

  /// Trains `epochs` more epochs (nothing happens once diverged). Returns the epochs done.
  @discardableResult
  public mutating func train(epochs: Int) -> Int {
    let epochs = EpochLimit.room(for: epochs, from: cursor.epoch)  // saturates at Int.max
    guard divergence == nil, epochs > 0, trainSamples.count > 0 else { return 0 }
    let before = cursor.epoch
    let target = before + epochs
    let batch = config.batchSize
    let perEpoch = (trainSamples.count + batch - 1) / batch
    // A partly trained epoch is finished first, so `epochs` counts whole passes.
    while cursor.epoch < target && divergence == nil {
      let rest = (trainSamples.count - cursor.example + batch - 1) / batch
      trainBatches(rest + (target - cursor.epoch - 1) * perEpoch)
    }
    return cursor.epoch - before
  }

  /// Trains up to `batches` mini-batches (a window's frame budget); returns the batches done.
  @discardableResult
  public mutating func trainBatches(_ batches: Int) -> Int {
    var batches = batches
    if cursor.epoch >= EpochLimit.maximum - 1 { batches = min(batches, self.batches(untilEpoch: EpochLimit.maximum)) }
    guard divergence == nil, batches > 0, trainSamples.count > 0 else { return 0 }
    if let reason = trainScheduled(batches: batches) {
      divergence = reason
    }
    return batches
  }

  /// Mini-batches from the cursor to the end of epoch `epoch` (0 when it is already done): the
  /// most a frame-sliced run may train without passing an epoch limit (a lesson's `train` step).
  public func batches(untilEpoch epoch: Int) -> Int {
    guard epoch > cursor.epoch, trainSamples.count > 0 else { return 0 }
    let batch = config.batchSize
    let perEpoch = (trainSamples.count + batch - 1) / batch
    let rest = (trainSamples.count - cursor.example + batch - 1) / batch
    return rest + (epoch - cursor.epoch - 1) * perEpoch
  }

  /// Loss, accuracy, per-class accuracy and confusion on both sets; a NaN loss marks the session
  /// diverged.
  public mutating func measure() -> CNNEvaluation {
    let result = CNNEvaluation(
      train: network.metrics(on: trainSamples), test: network.metrics(on: testSamples))
    if divergence == nil && !(result.train.loss.isFinite && result.test.loss.isFinite) {
      divergence = "the loss became NaN or infinite at epoch \(epoch)"
    }
    if cursor.epoch == 0 && cursor.example == 0 { startLoss = result.train.loss }
    // A step far too large rarely overflows a ReLU network: it kills every unit instead, and from
    // then on the network gives every image the same answer and learns nothing. That is a
    // divergence too: the loss rose above the untrained network's and one class takes every image.
    if divergence == nil, epoch >= 1, let start = startLoss, result.train.loss > start, classCount >= 2 {
      let answered = result.test.confusion.indices.filter { p in result.test.confusion.contains { $0[p] > 0 } }
      if answered.count == 1 {
        divergence =
          "every image gets the same answer and the loss rose from \(Self.format(start)) to \(Self.format(result.train.loss)) by epoch \(epoch)"
      }
    }
    return result
  }

  /// Changes settings that need neither new images nor a new network (learning rate, batch size).
  /// Other keys need `CNNExperiment(config:)`.
  public mutating func updateLive(_ change: (inout CNNConfig) -> Void) throws(ConfigError) {
    var next = config
    change(&next)
    try next.validate()
    let fixed: [(key: String, same: Bool)] = [
      ("shapes", next.shapes == config.shapes), ("convLayers", next.convLayers == config.convLayers),
      ("variation", next.variation == config.variation),
      ("imagesPerClass", next.imagesPerClass == config.imagesPerClass),
      ("trainRatio", next.trainRatio == config.trainRatio), ("seed", next.seed == config.seed),
    ]
    if let changed = fixed.first(where: { !$0.same }) {
      throw ConfigError(
        key: changed.key,
        message: "\(changed.key) needs a new session; only learningRate and batchSize change live")
    }
    // Another optimizer's buffers mean something else: it starts from empty ones.
    if next.optimizer != config.optimizer { optimizerState = CNNOptimizerState() }
    config = next
  }

  static func format(_ loss: Float) -> String { String((Double(loss) * 100).rounded() / 100) }

  /// Re-initialises the weights from the seed and clears divergence (same images).
  public mutating func reset() {
    var rng = initGenerator
    network = CNN(shape: network.shape, rng: &rng)
    cursor = CNNTrainingCursor()
    divergence = nil
    optimizerState = CNNOptimizerState()
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }

  /// Edits one conv weight w(output ← input, ky, kx) of stage `stage` by hand.
  public mutating func setFilterWeight(stage: Int, output: Int, input: Int, ky: Int, kx: Int, value: Float) {
    network.setFilterWeight(stage: stage, output: output, input: input, ky: ky, kx: kx, value: value)
  }

  /// Adds the learner's drawing (row-major 28×28, values in [0, 1]) to the training set as `kind`.
  public mutating func addDrawing(_ pixels: [Float], as kind: ShapeKind) throws(ConfigError) {
    guard let label = classIndex(kind) else {
      throw ConfigError(key: "shapes", message: tr("{1} is not one of this session's classes", kind.rawValue))
    }
    try addDrawing(pixels, label: label)
  }

  /// Adds the learner's drawing to the training set as class index `label` (a shape or an
  /// imported class).
  public mutating func addDrawing(_ pixels: [Float], label: Int) throws(ConfigError) {
    guard (0..<classCount).contains(label) else {
      throw ConfigError(key: "shapes", message: tr("class {1} is not one of this session's classes", label))
    }
    guard pixels.count == ShapeImages.size * ShapeImages.size else {
      throw ConfigError(
        key: "shapes", message: "a drawing has \(ShapeImages.size)×\(ShapeImages.size) pixels")
    }
    let image = LabeledImage(pixels: pixels.map { min(max($0, 0), 1) }, label: label)
    drawings.append(image)
    train.append(image)
    trainSamples.append(image.pixels, label: label)
  }

  /// The drawings relabelled for a session with `shapes` and the same imported classes: a shape's
  /// drawings follow it to its new index, an imported class's shift with the shape count, and
  /// drawings of a removed shape are dropped.
  public func drawings(keepingClassesFor shapes: [ShapeKind]) -> [LabeledImage] {
    drawings.compactMap { d in
      if let kind = shapeKind(d.label) {
        return shapes.firstIndex(of: kind).map { LabeledImage(pixels: d.pixels, label: $0) }
      }
      guard importedClass(d.label) != nil else { return nil }
      return LabeledImage(pixels: d.pixels, label: d.label - config.shapes.count + shapes.count)
    }
  }

  /// Test images the network gets wrong, in test order (at most `limit`): a gallery of mistakes.
  public func misclassifiedTestImages(limit: Int = .max) -> [MisclassifiedImage] {
    let k = classCount
    let p = network.probabilities(testSamples)
    var out: [MisclassifiedImage] = []
    for n in 0..<test.count where out.count < limit {
      var best = 0
      for j in 1..<k where p[n * k + j] > p[n * k + best] { best = j }
      if best != test[n].label {
        out.append(
          MisclassifiedImage(testIndex: n, image: test[n], predicted: best, probability: p[n * k + best]))
      }
    }
    return out
  }

  /// The clean template of every class, in class order (CAM similarity and thumbnails).
  public var templates: [[Float]] { config.shapes.map { ShapeImages.template($0) } }

  /// The finished class activation maximization of `kind` (default settings: ShapeShop's
  /// probability objective with a 200-step cap and clamping).
  public func activationMaximization(_ kind: ShapeKind, settings: CAMSettings = CAMSettings()) -> CAMAscent? {
    guard let c = classIndex(kind) else { return nil }
    return network.maximizeActivation(class: c, settings: settings)
  }

  /// The lesson metric `camScore(kind)`: the probability the network gives `kind` for that
  /// class's activation-maximization image made with the default settings (0 for a class the
  /// session does not have).
  public func camScore(_ kind: ShapeKind) -> Float {
    activationMaximization(kind)?.probability ?? 0
  }

  /// The lesson metric `confusion(a, b)`: test images of class `a` predicted as `b`.
  public func confusion(_ actual: ShapeKind, _ predicted: ShapeKind) -> Int {
    guard let a = classIndex(actual), let b = classIndex(predicted) else { return 0 }
    return network.metrics(on: testSamples).confusion[a][b]
  }
}

/// Loss, accuracy, per-class accuracy and confusion on both sets.
public struct CNNEvaluation: Sendable, Equatable, Codable {
  public var train: CNNMetrics
  public var test: CNNMetrics
}

/// A test image the network classifies wrongly.
public struct MisclassifiedImage: Sendable, Equatable {
  /// Its index in `CNNExperiment.test`.
  public var testIndex: Int
  public var image: LabeledImage
  /// The class the network chose, and that class's probability.
  public var predicted: Int
  public var probability: Float
}
