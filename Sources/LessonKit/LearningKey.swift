import Engine
import Training
import Yams

/// One of the lesson keys `optimizer`, `momentum`, `dropout`, `lrSchedule` (all change live).
public enum LearningKey: Sendable, Equatable, CustomStringConvertible {
  case optimizer(Optimizer)
  case momentum(Double)
  case dropout(Double)
  case lrSchedule(LearningRateSchedule)

  static let names = ["optimizer", "momentum", "dropout", "lrSchedule"]

  func apply(to settings: inout LearningSettings) {
    switch self {
    case .optimizer(let v): settings.optimizer = v
    case .momentum(let v): settings.momentum = v
    case .dropout(let v): settings.dropout = v
    case .lrSchedule(let v): settings.lrSchedule = v
    }
  }

  public var description: String {
    switch self {
    case .optimizer(let v): "optimizer=\(v.rawValue)"
    case .momentum(let v): "momentum=\(formatNumber(v))"
    case .dropout(let v): "dropout=\(formatNumber(v))"
    case .lrSchedule(let v): "lrSchedule=\(v)"
    }
  }
}

extension YAMLReader {
  /// Reads a learning key's value; the range checks are `LearningSettings.validate()`'s.
  func learningKey(_ pair: Pair) throws(LessonError) -> LearningKey {
    let v = pair.value
    switch pair.key {
    case "optimizer": return .optimizer(try choice(v, pair.key, Optimizer.self))
    case "momentum": return .momentum(try number(v, pair.key))
    case "dropout": return .dropout(try number(v, pair.key))
    default:
      guard let text = scalarText(v), let schedule = LearningRateSchedule(text) else {
        throw error(
          v, "lrSchedule must be constant, step:EVERY:FACTOR or exp:FACTOR (factors in (0, 1]); found \(describe(v))")
      }
      return .lrSchedule(schedule)
    }
  }
}
