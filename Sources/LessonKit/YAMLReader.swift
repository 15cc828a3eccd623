import Foundation
import Yams

/// Typed reading of Yams nodes with errors at the node's line and column.
///
/// Scalars are read from their source text, not from YAML's implicit typing, so `say: Yes` stays
/// the text "Yes" and `noise: .nan` is an error rather than a number.
struct YAMLReader {
  let file: String
  /// The step being read (1-based), named in every message.
  var step: Int?

  /// One key of a mapping with the nodes of the key and the value.
  struct Pair {
    var key: String
    var keyNode: Node
    var value: Node
  }

  func location(_ node: Node) -> LessonLocation {
    let mark = node.mark
    return LessonLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  func error(_ node: Node, _ message: String) -> LessonError {
    LessonError(location(node), step: step, message)
  }

  /// Parses the text into its root node; a YAML syntax error becomes a LessonError at its mark.
  static func compose(_ text: String, file: String) throws(LessonError) -> Node {
    if let problem = YAMLBudget.problem(
      text, maximumNodes: LessonLimits.expandedNodes, maximumKeyNodes: LessonLimits.keyNodes)
    {
      throw LessonError(LessonLocation(file: file, line: problem.line, column: 1), problem.message)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw YAMLReader.syntaxError(error, text: text, file: file)
    } catch {
      throw LessonError(LessonLocation(file: file, line: 1, column: 1), "not a YAML document: \(error)")
    }
    guard let root else {
      throw LessonError(
        LessonLocation(file: file, line: 1, column: 1), "the file is empty; a lesson starts with `format: 1`")
    }
    return root
  }

  static func syntaxError(_ error: YamlError, text: String, file: String) -> LessonError {
    func at(_ mark: Mark, _ message: String) -> LessonError {
      let line = max(1, mark.line)
      return LessonError(
        LessonLocation(file: file, line: line, column: max(1, mark.column)),
        step: stepNumber(atLine: line, in: text),
        message)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return at(mark, "YAML syntax: \(problem)\(while_)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return at(context.mark, "the key \(names) appears more than once in the same map")
    case .reader(let problem, let offset, _, _):
      let (line, column) = lineAndColumn(ofUTF8Offset: offset ?? 0, in: text)
      return LessonError(
        LessonLocation(file: file, line: line, column: column), step: stepNumber(atLine: line, in: text),
        "unreadable text: \(problem)")
    default:
      return LessonError(LessonLocation(file: file, line: 1, column: 1), "not a YAML document: \(error)")
    }
  }

  /// The step a line belongs to, found from the text alone (for YAML syntax errors, which come
  /// before there is a tree): the `- ` items under a top-level `steps:` up to that line.
  static func stepNumber(atLine target: Int, in text: String) -> Int? {
    var inSteps = false
    var itemIndent: Int?
    var count = 0
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = i + 1
      if number > target { break }
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      if rest.isEmpty || rest.hasPrefix("#") { continue }
      if indent == 0 && !rest.hasPrefix("-") {
        inSteps = rest.hasPrefix("steps:")
        continue
      }
      guard inSteps, rest.hasPrefix("- ") || rest == "-" else { continue }
      if itemIndent == nil { itemIndent = indent }
      if indent == itemIndent { count += 1 }
    }
    return inSteps && count > 0 ? count : nil
  }

  static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
    var line = 1
    var column = 1
    var consumed = 0
    for scalar in text.unicodeScalars {
      if consumed >= offset { break }
      consumed += String(scalar).utf8.count
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  // MARK: Shapes

  /// The pairs of a mapping; keys must be plain names. `what` names the map in messages.
  func mapping(_ node: Node, _ what: String) throws(LessonError) -> [Pair] {
    guard case .mapping(let map) = node else {
      throw error(node, "\(what) must be a map of `key: value` lines, found \(describe(node))")
    }
    var pairs: [Pair] = []
    for (key, value) in map {
      guard case .scalar(let s) = key else {
        throw error(key, "a key in \(what) must be a name, found \(describe(key))")
      }
      pairs.append(Pair(key: s.string, keyNode: key, value: value))
    }
    return pairs
  }

  /// Rejects keys outside `allowed`, suggesting the closest allowed key.
  func checkKeys(_ pairs: [Pair], allowed: [String], in what: String) throws(LessonError) {
    for pair in pairs where !allowed.contains(pair.key) {
      var message = "unknown key '\(pair.key)' in \(what)"
      if let close = closest(pair.key, in: allowed) { message += "; did you mean '\(close)'?" }
      message += " (allowed: \(allowed.joined(separator: ", ")))"
      throw error(pair.keyNode, message)
    }
  }

  func list(_ node: Node, _ what: String, example: String) throws(LessonError) -> [Node] {
    guard case .sequence(let seq) = node else {
      throw error(node, "\(what) must be a list such as \(example), found \(describe(node))")
    }
    return Array(seq)
  }

  // MARK: Scalars

  /// The scalar's text; nil for an empty value or `~`/`null` written plainly.
  func scalarText(_ node: Node) -> String? {
    guard case .scalar(let s) = node else { return nil }
    if s.style == .plain || s.style == .any {
      if ["", "~", "null", "Null", "NULL"].contains(s.string) { return nil }
    }
    return s.string
  }

  func string(_ node: Node, _ what: String) throws(LessonError) -> String {
    guard case .scalar = node else { throw error(node, "\(what) must be text, found \(describe(node))") }
    guard let text = scalarText(node), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw error(node, "\(what) needs text")
    }
    let cap = LessonLimits.characters(for: what)
    if text.count > cap { throw error(node, "\(what) is \(text.count) characters long; at most \(cap)") }
    return text
  }

  func number(_ node: Node, _ what: String) throws(LessonError) -> Double {
    guard let text = scalarText(node) else {
      throw error(node, "\(what) must be a number, found \(describe(node))")
    }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let value = Double(trimmed) else {
      throw error(node, "\(what) must be a number, found '\(text)'")
    }
    guard value.isFinite else { throw error(node, "\(what) must be a finite number, found '\(text)'") }
    return value
  }

  /// A whole number in `range`.
  func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(LessonError) -> Int {
    let value = try number(node, what)
    guard value == value.rounded() else {
      throw error(node, "\(what) must be a whole number, found \(scalarText(node) ?? "")")
    }
    guard value >= Double(range.lowerBound) && value <= Double(range.upperBound) else {
      throw error(
        node,
        "\(what) must be from \(range.lowerBound) to \(range.upperBound), found \(scalarText(node) ?? "")")
    }
    return Int(value)
  }

  func bool(_ node: Node, _ what: String) throws(LessonError) -> Bool {
    switch scalarText(node)?.lowercased() {
    case "true": return true
    case "false": return false
    default: throw error(node, "\(what) must be true or false, found \(describe(node))")
    }
  }

  /// `key: true` for the flag actions (`reset: true`).
  func trueFlag(_ node: Node, _ what: String) throws(LessonError) {
    guard try bool(node, what) else {
      throw error(node, "\(what) takes `true` (leave the key out otherwise)")
    }
  }

  /// A short description of a node for messages: 'text', a list, a map, nothing.
  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s):
      if scalarText(node) == nil { return "nothing" }
      let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
      return "'\(text)'"
    case .mapping: return "a map"
    case .sequence: return "a list"
    default: return "an alias"
    }
  }
}

/// The allowed word closest to `word` (by edit distance, a swap of neighbours counting as one
/// edit), if it is plausibly a typo.
func closest(_ word: String, in candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
  guard word.count <= 40 else { return nil }
  let lower = Array(word.lowercased())
  var best: (String, Int)?
  for c in candidates {
    let d = distance(lower, Array(c.lowercased()))
    if d < (best?.1 ?? Int.max) { best = (c, d) }
  }
  guard let (name, d) = best, d <= (name.count <= 3 ? 1 : max(2, name.count / 3)) else { return nil }
  return name
}
