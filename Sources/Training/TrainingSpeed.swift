import Localization
/// How fast the window trains while playing: a number of units per second (epochs in the 2-D
/// playground, images in CNN mode) or as fast as the machine can.
///
/// A play setting, not a hyperparameter: training is sequential, so the same epochs give the same
/// bits whatever the pace. It rides along in the share string, session files and lessons so a
/// teacher's setup reopens at the pace it was shown at.
public enum TrainingSpeed: Hashable, Sendable {
  case perSecond(Int)
  /// As fast as the machine trains (the window's behaviour before the speed control).
  case max

  /// The 2-D menu: 60 epochs per second is one epoch per 60 Hz frame, as in TensorFlow Playground.
  public static let denseSteps: [TrainingSpeed] = [1, 5, 20, 60, 300].map(perSecond) + [.max]
  /// The CNN menu in images per second. At the default 200 (20 mini-batches of 10 a second) an
  /// epoch of the default 400 training images takes 2 s: the accuracy chart climbs
  /// visibly over a minute, and 10 lets a class follow single mini-batches.
  public static let cnnSteps: [TrainingSpeed] = [10, 50, 200, 1000].map(perSecond) + [.max]
  public static let denseDefault = TrainingSpeed.perSecond(60)
  public static let cnnDefault = TrainingSpeed.perSecond(200)
  /// The rates a command line, share string or lesson may give (faster than 10,000 a second is what max is for).
  public static let range = 1...10_000

  /// The menu steps for a mode.
  public static func steps(for mode: AppMode) -> [TrainingSpeed] {
    switch mode {
    case .dense: denseSteps
    case .cnn: cnnSteps
    }
  }

  /// Units per second; nil for max.
  public var rate: Int? {
    if case .perSecond(let n) = self { return n }
    return nil
  }

  /// As written in share strings, session files and lessons: "5" or "max".
  public var text: String { rate.map(String.init) ?? "max" }

  /// "5", "max"; nil for anything else (a whole number outside `range` included).
  public init?(text: String) {
    let t = String(text.filter { $0 != " " }).lowercased()
    if t == "max" {
      self = .max
    } else if let n = Int(t), TrainingSpeed.range.contains(n) {
      self = .perSecond(n)
    } else {
      return nil
    }
  }

  /// What a bad value is told.
  public static let allowed = "a whole number of epochs (CNN: images) per second from 1 to 10000, or max"
}

extension TrainingSpeed: Codable {
  /// A number (units per second) or the string "max".
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let n = try? c.decode(Int.self), TrainingSpeed.range.contains(n) {
      self = .perSecond(n)
      return
    }
    if let s = try? c.decode(String.self), s == "max" {
      self = .max
      return
    }
    throw DecodingError.dataCorrupted(
      .init(codingPath: c.codingPath, debugDescription: TrainingSpeed.allowed))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    if let rate { try c.encode(rate) } else { try c.encode("max") }
  }
}

/// The share string with the 2-D speed: `…&discretize=false&speed=5`. The key is written only
/// when the speed is not the default, so strings shared before the speed control read (and are
/// written) exactly as they were.
public struct SharedSetup: Equatable, Sendable {
  public var config: PlaygroundConfig
  public var speed: TrainingSpeed

  public init(config: PlaygroundConfig = PlaygroundConfig(), speed: TrainingSpeed = .denseDefault) {
    self.config = config
    self.speed = speed
  }

  public var shareString: String {
    config.shareString + (speed == .denseDefault ? "" : "&speed=\(speed.text)")
  }

  /// Parses a share string; `speed` may appear anywhere, at most once, and is optional.
  public init(shareString: String) throws(ConfigError) {
    var rest: [Substring] = []
    var speed: TrainingSpeed?
    for part in shareString.split(separator: "&") {
      guard part.hasPrefix("speed=") || part == "speed" else {
        rest.append(part)
        continue
      }
      let value = String(part.dropFirst(6))
      guard speed == nil else { throw ConfigError(key: "speed", message: tr("speed is given twice")) }
      guard let parsed = TrainingSpeed(text: value) else {
        throw ConfigError(
          key: "speed", message: "speed=\(value) is not valid; allowed: \(TrainingSpeed.allowed)")
      }
      speed = parsed
    }
    self.init(
      config: try PlaygroundConfig(shareString: rest.joined(separator: "&")), speed: speed ?? .denseDefault)
  }
}

