import Datasets
import Engine
import Localization
import Training

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The session file: JSON with a format name, a version and a kind ("dense2d" or "cnn", whose
/// payload is described at `CNNRecord`), then that kind's payload.
///
///     {
///       "format": "neuralplayground-session",
///       "version": 1,
///       "kind": "dense2d",
///       "dense2d": {
///         "config": { …every PlaygroundConfig key… },
///         "data": { "train": [[x, y, label], …], "test": […], "ownPoints": […] },
///         "network": { "layers": [2, 4, 2, 1], "output": "tanh", "classes": 2,
///                      "weights": […], "biases": […], "frozenWeights": [] },
///         "training": { "epoch": 300, "history": { "trainLoss": …, "testLoss": …, "testAccuracy": … } }
///       }
///     }
///
/// Exactness: each Float parameter is written as the shortest decimal of its Double value (for
/// example 0.1f as 0.10000000149011612), which reads back as exactly that Double and so exactly
/// that Float; NaN and ±∞ (a diverged network) are strings: "nan:7fc00000" (the bits), "inf",
/// "-inf". Point coordinates are Doubles, written as their shortest round-trip decimals.
/// Readers refuse a newer `version` (with a clear message) instead of guessing at it.
public enum SessionFormat {
  /// The `format` field every session file starts with.
  public static let name = "neuralplayground-session"
  /// The newest format version this build writes and reads: 2 adds a run's recorded history
  /// (`SavedTimeline`); a session without one is still written as version 1.
  public static let version = 2
  /// The longest free text (a divergence reason) a file may hold; the app writes a line.
  public static let maximumTextBytes = 1000
  /// The kinds this build can open.
  public static let kinds = ["dense2d", "cnn"]

  /// The file's bytes: UTF-8 JSON, laid out for people (see `JSONLayout`), ending in a newline.
  public static func encode(_ session: SessionFile) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = nonConforming
    let payload: Data
    switch session {
    case .dense2d(let dense):
      // Every value in the record is finite or already a string, so encoding cannot fail.
      payload = (try? encoder.encode(DenseRecord(dense))) ?? Data("{}".utf8)
    case .cnn(let cnn):
      payload = (try? encoder.encode(CNNRecord(cnn))) ?? Data("{}".utf8)
    }
    let written = session.hasTimeline ? version : 1
    var compact = Array(
      #"{"format":"\#(name)","version":\#(written),"kind":"\#(session.kind)","\#(session.kind)":"#.utf8)
    compact += payload
    compact += Array("}".utf8)
    return JSONLayout.pretty(compact)
  }

  /// Reads a session; every problem becomes a `SessionError` saying what is wrong and where.
  public static func decode(_ bytes: [UInt8]) throws(SessionError) -> SessionFile {
    // Some editors put a byte-order mark in front of UTF-8 text.
    let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard let first = bytes.first(where: { !$0.isJSONWhitespace }) else {
      throw SessionError(tr("the file is empty (was a save interrupted?)"))
    }
    guard first == UInt8(ascii: "{") else {
      throw SessionError(tr("not a NeuralPlayground session (it is not a JSON object)"))
    }
    if let problem = JSONShape.problem(bytes) { throw SessionError(problem) }  // duplicate keys, depth
    let data = Data(bytes)
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = nonConformingDecoding
    let header: Header
    do {
      header = try decoder.decode(Header.self, from: data)
    } catch {
      throw describe(error, data: data)
    }
    guard header.format == name else {
      throw SessionError(tr("not a NeuralPlayground session (\"format\" should be \"{1}\")", name))
    }
    guard let fileVersion = header.version else { throw SessionError(tr("the \"version\" field is missing")) }
    if fileVersion > version {
      throw SessionError(
        "saved by a newer NeuralPlayground (session format \(fileVersion); this version reads formats up to "
          + "\(version)). Update NeuralPlayground to open it.")
    }
    guard fileVersion >= 1 else { throw SessionError(tr("unknown session format version {1}", fileVersion)) }
    guard let kind = header.kind else { throw SessionError(tr("the \"kind\" field is missing")) }
    guard kinds.contains(kind) else {
      throw SessionError(
        "holds a \"\(kind)\" session, which this version cannot open (it opens: \(kinds.joined(separator: ", ")))"
      )
    }
    if kind == "cnn" {
      let record: CNNRecord
      do {
        record = try decoder.decode(CNNEnvelope.self, from: data).cnn
      } catch {
        throw describe(error, data: data)
      }
      return .cnn(try record.session())
    }
    let record: DenseRecord
    do {
      record = try decoder.decode(DenseEnvelope.self, from: data).dense2d
    } catch {
      throw describe(error, data: data)
    }
    return .dense2d(try record.session())
  }

  static let nonConforming = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
  static let nonConformingDecoding = JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(
    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

  /// A decoding error in words, naming the JSON path (`dense2d.network.weights[3]`).
  static func describe(_ error: any Error, data: Data? = nil) -> SessionError {
    func path(_ keys: [any CodingKey]) -> String {
      var out = ""
      for key in keys {
        if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
      }
      return out
    }
    guard let error = error as? DecodingError else {
      return SessionError(tr("cannot read the session: {1}", error))
    }
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      // JSONDecoder also says "not valid JSON" for a number that does not fit an integer field.
      if let data, (try? JSONDecoder().decode(AnyJSON.self, from: data)) != nil {
        return SessionError(
          "a number in the file does not fit its field (out of range, or not a whole number where one is "
            + "needed)")
      }
      var detail = ""
      if let underlying = context.underlyingError { detail = ": \(underlying)" }
      return SessionError(
        "the file is damaged or cut short (not valid JSON\(detail)); was a save interrupted?")
    case .dataCorrupted(let context):
      return SessionError("\(path(context.codingPath)): \(context.debugDescription)")
    case .keyNotFound(let key, let context):
      return SessionError(tr("{1} is missing", path(context.codingPath + [key])))
    case .typeMismatch(let type, let context):
      return SessionError(tr("{1} has the wrong type (expected {2})", path(context.codingPath), typeName(type)))
    case .valueNotFound(let type, let context):
      return SessionError(tr("{1} is null (expected {2})", path(context.codingPath), typeName(type)))
    @unknown default:
      return SessionError(tr("cannot read the session: {1}", error))
    }
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is Double.Type, is Float.Type, is UInt64.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
    }
  }
}

// MARK: - Records: the JSON shape of a session

/// Any JSON value: decoding into it only checks that the bytes are JSON.
struct AnyJSON: Decodable {
  init(from decoder: any Decoder) throws {
    if var list = try? decoder.unkeyedContainer() {
      while !list.isAtEnd { _ = try list.decode(AnyJSON.self) }
    } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
      for key in object.allKeys { _ = try object.decode(AnyJSON.self, forKey: key) }
    }
  }

  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

/// The fields every version shares, read before anything else.
struct Header: Decodable {
  var format: String?
  var version: Int?
  var kind: String?
}

struct DenseEnvelope: Decodable {
  var dense2d: DenseRecord
}

/// A 2-D session as it appears under `"dense2d"`.
struct DenseRecord: Codable {
  struct DataRecord: Codable {
    var train: [PointRecord]
    var test: [PointRecord]
    var ownPoints: [PointRecord]
  }
  struct NetworkRecord: Codable {
    /// Widths from the input features to the outputs (for people; checked against the config).
    var layers: [Int]
    /// "tanh" (two classes), "softmax" (`classes` classes) or "linear" (regression).
    var output: String
    var classes: Int
    var weights: [ExactFloat]
    var biases: [ExactFloat]
    var frozenWeights: [Int]
  }
  struct TrainingRecord: Codable {
    var epoch: Int
    var divergence: String?
    var history: TrainingHistory?
    /// The optimizer's state and dropout generator; absent when empty (see `LearningRecord`).
    var learning: LearningRecord?
  }
  var config: PlaygroundConfig
  var data: DataRecord
  var network: NetworkRecord
  var training: TrainingRecord
  /// Epochs per second while playing; written only when not the default (60), so older files and
  /// files at the default read the same.
  var speed: TrainingSpeed?
  /// The recorded history (format 2).
  var timeline: DenseTimeline?

  init(_ s: DenseSessionFile) {
    config = s.config
    data = DataRecord(
      train: s.train.map(PointRecord.init), test: s.test.map(PointRecord.init),
      ownPoints: s.customPoints.map(PointRecord.init))
    let output =
      switch s.shape.output {
      case .binaryTanh: "tanh"
      case .softmax: "softmax"
      case .regression: "linear"
      }
    network = NetworkRecord(
      layers: s.shape.widths, output: output, classes: s.classCount, weights: s.weights.map(ExactFloat.init),
      biases: s.biases.map(ExactFloat.init), frozenWeights: s.frozenWeights)
    training = TrainingRecord(epoch: s.epoch, divergence: s.divergence, history: s.history)
    training.learning = LearningRecord(s.learning)
    speed = s.speed == .denseDefault ? nil : s.speed
    timeline = s.timeline
  }

  /// The session, with the derived `layers` and `output` checked against the config.
  func session() throws(SessionError) -> DenseSessionFile {
    var session = DenseSessionFile(
      config: config, classCount: network.classes, customPoints: data.ownPoints.map(\.point),
      train: data.train.map(\.point), test: data.test.map(\.point), weights: network.weights.map(\.value),
      biases: network.biases.map(\.value), frozenWeights: network.frozenWeights, epoch: training.epoch,
      divergence: training.divergence, history: training.history ?? TrainingHistory())
    session.speed = speed ?? .denseDefault
    session.timeline = timeline
    session.learning = try training.learning?.state("dense2d") ?? SavedLearningState()
    try session.validate()
    try timeline?.validate()
    if network.layers != session.shape.widths {
      throw SessionError(
        "dense2d.network.layers is \(network.layers), but the config builds \(session.shape.widths)")
    }
    let expected = DenseRecord(session).network.output
    if network.output != expected {
      throw SessionError(
        "dense2d.network.output is \"\(network.output)\", but the config needs \"\(expected)\"")
    }
    return session
  }
}

/// A point as `[x, y, label]`.
struct PointRecord: Codable {
  var point: DataPoint
  init(_ point: DataPoint) { self.point = point }

  init(from decoder: any Decoder) throws {
    var c = try decoder.unkeyedContainer()
    let x = try c.decode(Double.self)
    let y = try c.decode(Double.self)
    let label = try c.decode(Double.self)
    guard c.isAtEnd else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "a point is [x, y, label]"))
    }
    point = DataPoint(x: x, y: y, label: label)
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    try c.encode(point.x)
    try c.encode(point.y)
    try c.encode(point.label)
  }
}

/// A Float that reads back with the same bits (see `SessionFormat`).
struct ExactFloat: Codable {
  var value: Float
  init(_ value: Float) { self.value = value }

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let d = try? c.decode(Double.self), !d.isNaN {
      value = Float(d)
      if d.isFinite && !value.isFinite {  // 1e39 must not become infinity silently
        throw DecodingError.dataCorrupted(
          .init(codingPath: c.codingPath, debugDescription: "\(d) is too large for a 32-bit number (at most ±3.4e38)"))
      }
      return
    }
    let text = try c.decode(String.self)
    if text.hasPrefix("nan:"), let bits = UInt32(text.dropFirst(4), radix: 16), Float(bitPattern: bits).isNaN
    {
      value = Float(bitPattern: bits)
    } else if text == "nan" {
      value = .nan
    } else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "\"\(text)\" is not a number"))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if value.isNaN {
      let hex = String(value.bitPattern, radix: 16)
      try c.encode("nan:" + String(repeating: "0", count: 8 - hex.count) + hex)
    } else {
      try c.encode(Double(value))  // ±∞ become "inf" / "-inf" through the encoder's strategy
    }
  }
}

extension UInt8 {
  var isJSONWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
