import Datasets
import Engine
import Localization
import Training

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A CNN session as it appears under `"cnn"` in a session file (see `SessionFormat`):
///
///     "cnn": {
///       "config": { "shapes": [...], "convLayers": [8, 16], "variation": "moderate", …every CNNConfig key… },
///       "importedClasses": [ { "name": "smiley", "images": ["AAAAAAAA…", …] } ],
///       "images": { "pixels": "float32le-base64", "width": 28, "height": 28,
///                   "train": [[label, "AAAA…"], …], "test": […], "drawings": […] },
///       "network": { "classes": ["circle", …, "smiley"], "layers": [{"filters": 8, "kernel": 5, "pool": 2}, …],
///                    "parameters": […every weight and bias, canonical order…] },
///       "training": { "epoch": 12, "nextExample": 0, "history": {…} },
///       "drawing": "AAAA…"
///     }
///
/// An image is its 784 pixels (row-major) as little-endian float32, in base64: exact, and a
/// fifth of the size of decimal lists (a session holds hundreds of images). Parameters are
/// decimals like the 2-D session's weights (`ExactFloat`). `classes` and `layers` are for people
/// and are checked against the config.
struct CNNRecord: Codable {
  static let pixelFormat = "float32le-base64"

  struct ImportedRecord: Codable {
    var name: String
    var images: [String]
  }
  struct ImagesRecord: Codable {
    /// How each image is written: `pixelFormat`.
    var pixels: String
    var width: Int
    var height: Int
    var train: [ImageRecord]
    var test: [ImageRecord]
    var drawings: [ImageRecord]
  }
  struct NetworkRecord: Codable {
    var classes: [String]
    var layers: [LayerRecord]
    var parameters: [ExactFloat]
  }
  struct LayerRecord: Codable, Equatable {
    var filters: Whole<Int>
    var kernel: Whole<Int>
    var pool: Whole<Int>
    init(_ spec: ConvLayerSpec) {
      filters = Whole(spec.filters)
      kernel = Whole(spec.kernel)
      pool = Whole(spec.pool)
    }
  }
  struct TrainingRecord: Codable {
    var epoch: Whole<Int>
    var nextExample: Whole<Int>
    var divergence: String?
    /// The optimizer's state and dropout generator; absent when empty (see `LearningRecord`).
    var learning: LearningRecord?
    var history: TrainingHistory?
  }
  var config: CNNConfigRecord
  var importedClasses: [ImportedRecord]
  var images: ImagesRecord
  var network: NetworkRecord
  var training: TrainingRecord
  var drawing: String
  /// Images per second while playing; written only when not the default (200).
  var speed: TrainingSpeed?
  /// The recorded history (format 2).
  var timeline: CNNTimeline?

  init(_ s: CNNSessionFile) {
    config = CNNConfigRecord(s.config)
    importedClasses = s.importedClasses.map {
      ImportedRecord(name: $0.name, images: $0.images.map(CNNRecord.encode))
    }
    images = ImagesRecord(
      pixels: CNNRecord.pixelFormat, width: ShapeImages.size, height: ShapeImages.size,
      train: s.train.map(ImageRecord.init), test: s.test.map(ImageRecord.init),
      drawings: s.drawings.map(ImageRecord.init))
    network = NetworkRecord(
      classes: s.classNames, layers: s.shape.convs.map(LayerRecord.init),
      parameters: s.parameters.map(ExactFloat.init))
    training = TrainingRecord(
      epoch: Whole(s.cursor.epoch), nextExample: Whole(s.cursor.example), divergence: s.divergence,
      history: s.history)
    training.learning = LearningRecord(s.learning)
    drawing = CNNRecord.encode(s.drawing)
    speed = s.speed == .cnnDefault ? nil : s.speed
    timeline = s.timeline
  }

  /// The session, every field checked; errors name the field as it appears in the file.
  func session() throws(SessionError) -> CNNSessionFile {
    let side = ShapeImages.size
    if images.pixels != CNNRecord.pixelFormat {
      throw SessionError(
        "cnn.images.pixels is \"\(short(images.pixels))\"; this version reads \"\(CNNRecord.pixelFormat)\"")
    }
    if images.width != side || images.height != side {
      throw SessionError(
        "cnn.images is \(images.width)×\(images.height); shapes sessions are \(side)×\(side)")
    }
    var imported: [ImageClass] = []
    for (i, c) in importedClasses.enumerated() {
      if i >= ImageClass.Limits.classes.upperBound {
        throw SessionError(
          "cnn.importedClasses has \(importedClasses.count) classes; at most \(ImageClass.Limits.classes.upperBound)"
        )
      }
      if c.images.count > ImageClass.Limits.images.upperBound {
        throw SessionError(
          "cnn.importedClasses[\(i)].images has \(c.images.count) images; at most \(ImageClass.Limits.images.upperBound)"
        )
      }
      var pictures: [[Float]] = []
      for (n, text) in c.images.enumerated() {
        pictures.append(try CNNRecord.decode(text, "cnn.importedClasses[\(i)].images[\(n)]"))
      }
      imported.append(ImageClass(name: c.name, images: pictures))
    }
    func decodeImages(_ list: [ImageRecord], _ name: String) throws(SessionError) -> [LabeledImage] {
      var out: [LabeledImage] = []
      out.reserveCapacity(list.count)
      for (n, record) in list.enumerated() {
        out.append(
          LabeledImage(
            pixels: try CNNRecord.decode(record.pixels, "cnn.images.\(name)[\(n)]"), label: record.label))
      }
      return out
    }
    var session = CNNSessionFile(
      config: config.config, importedClasses: imported, train: try decodeImages(images.train, "train"),
      test: try decodeImages(images.test, "test"), drawings: try decodeImages(images.drawings, "drawings"),
      parameters: network.parameters.map(\.value),
      cursor: {
        var c = CNNTrainingCursor()
        c.epoch = training.epoch.value
        c.example = training.nextExample.value
        return c
      }(), divergence: training.divergence, history: training.history ?? TrainingHistory(),
      drawing: try CNNRecord.decode(drawing, "cnn.drawing"))
    session.speed = speed ?? .cnnDefault
    session.timeline = timeline
    try timeline?.validate()
    session.learning = try training.learning?.state("cnn") ?? SavedLearningState()
    try session.validate()
    if network.classes != session.classNames {
      throw SessionError(
        "cnn.network.classes is \(network.classes.map(short)), but the config and imported classes give "
          + "\(session.classNames)")
    }
    if network.layers != session.shape.convs.map(LayerRecord.init) {
      throw SessionError(
        "cnn.network.layers does not match cnn.config.convLayers \(session.config.convLayers)")
    }
    return session
  }

  /// A long or odd string cut short for a message.
  func short(_ text: String) -> String {
    text.unicodeScalars.count <= 40
      ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…"
  }

  /// Characters of one 28×28 image in base64 (4 per 3 bytes, padded).
  static var encodedLength: Int { (ShapeImages.size * ShapeImages.size * 4 + 2) / 3 * 4 }

  /// An image's pixels as base64 of little-endian float32.
  static func encode(_ pixels: [Float]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(pixels.count * 4)
    for p in pixels {
      let bits = p.bitPattern
      bytes += [UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF), UInt8(bits >> 24)]
    }
    return Data(bytes).base64EncodedString()
  }

  /// The pixels of one encoded 28×28 image (values not yet checked); `field` names it in errors.
  static func decode(_ text: String, _ field: String) throws(SessionError) -> [Float] {
    let count = ShapeImages.size * ShapeImages.size
    guard text.utf8.count == encodedLength, let data = Data(base64Encoded: text), data.count == count * 4
    else {
      throw SessionError(
        "\(field) is not a \(ShapeImages.size)×\(ShapeImages.size) image (\(encodedLength) base64 characters "
          + "of float32 pixels; found \(text.utf8.count) characters\(text.utf8.count == encodedLength ? " that are not base64" : ""))"
      )
    }
    var pixels = [Float](repeating: 0, count: count)
    data.withUnsafeBytes { raw in
      for i in 0..<count {
        var bits = UInt32(raw[4 * i + 3])
        bits = bits << 8 | UInt32(raw[4 * i + 2])
        bits = bits << 8 | UInt32(raw[4 * i + 1])
        bits = bits << 8 | UInt32(raw[4 * i])
        pixels[i] = Float(bitPattern: bits)
      }
    }
    return pixels
  }
}

/// An image as `[label, "base64 pixels"]`.
struct ImageRecord: Codable {
  var label: Int
  var pixels: String

  init(_ image: LabeledImage) {
    label = image.label
    pixels = CNNRecord.encode(image.pixels)
  }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    label = try c.decode(Whole<Int>.self).value
    pixels = try c.decode(String.self)
    guard c.isAtEnd else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "an image is [label, \"base64 pixels\"]"))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(label)
    try c.encode(pixels)
  }
}

/// `CNNConfig` as the file holds it: every key required, as the config's own `Codable` does,
/// with whole numbers read through `Whole` so that one out of range is named by its field.
/// (A test checks that the keys are exactly `CNNConfig`'s.)
struct CNNConfigRecord: Codable {
  var shapes: [ShapeKind]
  var convLayers: [Whole<Int>]
  var variation: ShapeVariation
  var imagesPerClass: Whole<Int>
  var trainRatio: Whole<Int>
  var learningRate: Double
  var batchSize: Whole<Int>
  var seed: Whole<UInt64>
  /// Absent from files written with adversarial training off.
  var adversarialTraining: AdversarialTraining?
  /// Optimizer, momentum, dropout and schedule; absent at the defaults.
  var learning: LearningSettings?

  init(_ c: CNNConfig) {
    shapes = c.shapes
    convLayers = c.convLayers.map(Whole.init)
    variation = c.variation
    imagesPerClass = Whole(c.imagesPerClass)
    trainRatio = Whole(c.trainRatio)
    learningRate = c.learningRate
    batchSize = Whole(c.batchSize)
    seed = Whole(c.seed)
    adversarialTraining = c.adversarialTraining
    learning = c.learning
  }

  var config: CNNConfig {
    var c = CNNConfig()
    c.shapes = shapes
    c.convLayers = convLayers.map(\.value)
    c.variation = variation
    c.imagesPerClass = imagesPerClass.value
    c.trainRatio = trainRatio.value
    c.learningRate = learningRate
    c.batchSize = batchSize.value
    c.seed = seed.value
    c.adversarialTraining = adversarialTraining
    c.learningSettings = learning ?? .standard
    return c
  }
}

/// A whole number in the file. JSONDecoder reports a number that does not fit an integer type
/// (-1 for a seed, 1e300, 2.5) as invalid JSON without saying where; this says which field.
struct Whole<T: FixedWidthInteger & Codable & Sendable>: Codable, Equatable {
  var value: T
  init(_ value: T) { self.value = value }

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    do {
      value = try c.decode(T.self)
    } catch {
      guard let d = try? c.decode(Double.self) else { throw error }
      let shown = d.isFinite && d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: c.codingPath,
          debugDescription: "\(shown) is not a whole number from \(T.min) to \(T.max)"))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}

struct CNNEnvelope: Decodable {
  var cnn: CNNRecord
}

extension CNNSessionFile {
  /// Checks that the session describes a network the engine can run on images it can train on;
  /// the error names the offending field as it appears in the file.
  public func validate() throws(SessionError) {
    do {
      try config.validate()
    } catch {
      throw SessionError("cnn.config.\(error.key): \(error.message)")
    }
    do {
      try ImageClass.validate(importedClasses, beside: config.shapes)
    } catch {
      throw SessionError("cnn.importedClasses: \(error.message)")
    }
    let expected = shape.parameterCount
    if parameters.count != expected {
      throw SessionError(
        "cnn.network.parameters has \(parameters.count) numbers; the network of cnn.config.convLayers "
          + "\(config.convLayers) with \(classCount) classes has \(expected)")
    }
    try validateImages(train, "images.train")
    try validateImages(test, "images.test")
    try validateImages(drawings, "images.drawings")
    if drawings.count > train.count || train.suffix(drawings.count) != drawings[...] {
      throw SessionError(tr("cnn.images.drawings must be the last images of cnn.images.train"))
    }
    if let problem = ImageClass.problem(withImage: drawing) { throw SessionError("cnn.drawing: \(problem)") }
    if cursor.epoch < 0 { throw SessionError(tr("cnn.training.epoch must be 0 or more, got {1}", cursor.epoch)) }
    if let divergence, divergence.utf8.count > SessionFormat.maximumTextBytes {
      throw SessionError(
        "cnn.training.divergence is \(divergence.utf8.count) bytes; at most "
          + "\(SessionFormat.maximumTextBytes)")
    }
    if cursor.example < 0 || cursor.example >= max(train.count, 1) {
      throw SessionError(
        "cnn.training.nextExample must be from 0 to \(max(train.count - 1, 0)) (an index into cnn.images.train), "
          + "got \(cursor.example)")
    }
    try history.validate(prefix: "cnn")
  }

  /// Pixels are 28×28 in [0, 1]; labels index the classes (the engine indexes by them).
  func validateImages(_ images: [LabeledImage], _ name: String) throws(SessionError) {
    for (n, image) in images.enumerated() {
      if !(0..<classCount).contains(image.label) {
        throw SessionError(
          "cnn.\(name)[\(n)] has label \(image.label), but the classes are 0 to \(classCount - 1)")
      }
      if let problem = ImageClass.problem(withImage: image.pixels) {
        throw SessionError("cnn.\(name)[\(n)]: \(problem)")
      }
    }
  }
}

extension TrainingHistory {
  /// Checks the charts' bookkeeping (a damaged series could make the chart code misbehave).
  func validate(prefix: String) throws(SessionError) {
    for (name, series) in [("trainLoss", trainLoss), ("testLoss", testLoss), ("testAccuracy", testAccuracy)] {
      let sane =
        series.capacity >= 4 && series.capacity <= 1 << 20 && series.span >= 1
        && series.buckets.count <= series.capacity
        && series.buckets.allSatisfy { $0.count >= 1 && $0.firstEpoch <= $0.lastEpoch }
      if !sane { throw SessionError(tr("{1}.training.history.{2} is damaged", prefix, name)) }
    }
  }
}
