import Foundation
import PlaygroundCore
import Yams

/// A teacher's grading rubric: criteria in the lesson condition language, each worth points.
///
///     criteria:
///       - name: "fits the data"
///         check: testAccuracy >= 0.95
///         points: 2
///       - name: "a small network"
///         check: hiddenLayers == [4, 2]
///
/// `points` defaults to 1. Errors read `FILE:LINE:COLUMN: message`, like a lesson's.
public struct Rubric: Sendable {
  public struct Criterion: Sendable {
    public var name: String
    public var check: Condition
    public var points: Double
  }

  public var criteria: [Criterion]

  /// The most points a session can score.
  public var total: Double { criteria.reduce(0) { $0 + $1.points } }

  /// Reads a rubric file.
  public static func read(path: String) throws(LessonError) -> Rubric {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw LessonError(LessonLocation(file: path, line: 1, column: 1), "cannot read the rubric: \(error.localizedDescription)")
    }
    return try parse(text, file: path)
  }

  /// Parses a rubric's text (`file` names it in errors).
  public static func parse(_ text: String, file: String) throws(LessonError) -> Rubric {
    let reader = YAMLReader(file: file)
    let root = try YAMLReader.compose(text, file: file)
    let top = try reader.mapping(root, "the rubric")
    try reader.checkKeys(top, allowed: ["criteria"], in: "the rubric")
    guard let list = top.first(where: { $0.key == "criteria" }) else {
      throw reader.error(root, "a rubric lists its `criteria:` (each with a name and a check)")
    }
    var criteria: [Criterion] = []
    for item in try reader.list(list.value, "criteria", example: "- name: \"fits\"\n  check: testAccuracy >= 0.9") {
      let pairs = try reader.mapping(item, "a criterion")
      try reader.checkKeys(pairs, allowed: ["name", "check", "points"], in: "a criterion")
      guard let name = pairs.first(where: { $0.key == "name" }) else { throw reader.error(item, "a criterion needs a `name:`") }
      guard let check = pairs.first(where: { $0.key == "check" }) else {
        throw reader.error(item, "a criterion needs a `check:` (a condition such as testAccuracy >= 0.9)")
      }
      let source = try reader.string(check.value, "a condition")
      var at = reader.location(check.value)
      if case .scalar(let s) = check.value, s.style == .doubleQuoted || s.style == .singleQuoted { at.column += 1 }
      let condition = try Condition(source, location: at)
      var points = 1.0
      if let given = pairs.first(where: { $0.key == "points" }) {
        points = try reader.number(given.value, "points")
        guard points >= 0, points <= 1_000 else { throw reader.error(given.value, "points are from 0 to 1000") }
      }
      criteria.append(Criterion(name: try reader.string(name.value, "a name"), check: condition, points: points))
    }
    guard !criteria.isEmpty else { throw reader.error(list.value, "the rubric has no criteria") }
    return Rubric(criteria: criteria)
  }

  /// Which criteria `state` meets, and the score.
  public func grade(_ state: AppState) -> (met: [Bool], score: Double) {
    let met = criteria.map { $0.check.evaluate(in: state).holds }
    let score = zip(criteria, met).reduce(0) { $0 + ($1.1 ? $1.0.points : 0) }
    return (met, score)
  }
}
