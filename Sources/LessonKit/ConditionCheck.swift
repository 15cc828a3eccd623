import PlaygroundCore

/// The type check made while parsing: every operator gets values of the kind it needs, and every
/// bare name compared with a config key is one of that key's values.
enum TypeChecker {
  typealias Failure = ConditionSyntaxError

  static func check(_ e: Expr) throws(Failure) -> ValueType {
    switch e.kind {
    case .number: return .number
    case .bool: return .bool
    case .name: return .literalName
    case .metric(let m): return m.type
    case .list(let items): return try listType(items, at: e)
    case .negate(let x):
      try requireNumber(x, "'-'")
      return .number
    case .arithmetic(let op, let a, let b):
      try requireNumber(a, "'\(op)'")
      try requireNumber(b, "'\(op)'")
      return .number
    case .and(let a, let b), .or(let a, let b):
      let word = if case .and = e.kind { "and" } else { "or" }
      try requireBool(a, word)
      try requireBool(b, word)
      return .bool
    case .not(let a):
      try requireBool(a, "not")
      return .bool
    case .compare(let op, let a, let b):
      try compare(op, a, b, at: e.offset)
      return .bool
    }
  }

  private static func listType(_ items: [Expr], at e: Expr) throws(Failure) -> ValueType {
    guard let first = items.first else { return .emptyList }
    let firstType = try check(first)
    for item in items.dropFirst() {
      let t = try check(item)
      if t != firstType {
        throw Failure(
          offset: item.offset,
          message:
            "a list holds values of one kind; this is \(t.description), the first is \(firstType.description)"
        )
      }
    }
    switch firstType {
    case .number, .literalName, .name: return .list(firstType)
    default:
      throw Failure(offset: first.offset, message: "lists hold numbers or names, not \(firstType.plural)")
    }
  }

  private static func requireNumber(_ e: Expr, _ op: String) throws(Failure) {
    let t = try check(e)
    if t == .literalName { throw unknownName(e) }
    guard t == .number else {
      throw Failure(offset: e.offset, message: "\(op) needs numbers; this is \(t.description)")
    }
  }

  private static func requireBool(_ e: Expr, _ op: String) throws(Failure) {
    let t = try check(e)
    if t == .literalName { throw unknownName(e) }
    guard t == .bool else {
      throw Failure(
        offset: e.offset,
        message: "`\(op)` joins conditions, but this is \(t.description); compare it, e.g. `testLoss < 0.1`")
    }
  }

  private static func compare(_ op: CompareOp, _ a: Expr, _ b: Expr, at offset: Int) throws(Failure) {
    switch op {
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      try requireNumber(a, "'\(op.rawValue)'")
      try requireNumber(b, "'\(op.rawValue)'")
    case .equal, .notEqual:
      try same(a, try check(a), b, try check(b), op: op.rawValue, at: offset)
    case .contains, .notContains:
      let ta = try check(a)
      let tb = try check(b)
      switch ta {
      case .literalName: throw unknownName(a)
      case .emptyList: return
      case .list(let element):
        switch tb {
        case .list, .emptyList: try same(a, ta, b, tb, op: op.rawValue, at: offset)
        default: try same(a, element, b, tb, op: op.rawValue, at: offset, leftIsList: true)
        }
      default:
        throw Failure(
          offset: a.offset,
          message: "`\(op.rawValue)` needs a list on its left, such as features; this is \(ta.description)")
      }
    }
  }

  /// Checks that two sides can be compared (or that `b` can be an element of list `a`).
  private static func same(
    _ a: Expr, _ ta: ValueType, _ b: Expr, _ tb: ValueType, op: String, at offset: Int,
    leftIsList: Bool = false
  ) throws(Failure) {
    switch (ta, tb) {
    case (.number, .number), (.bool, .bool), (.list, .emptyList), (.emptyList, .list),
      (.emptyList, .emptyList):
      return
    case (.name(let d1), .name(let d2)) where d1 == d2:
      return
    case (.name(let d), .literalName), (.list(.name(let d)), .list(.literalName)):
      try checkNames(b, d)
    case (.literalName, .name(let d)), (.list(.literalName), .list(.name(let d))):
      try checkNames(a, d)
    case (.list(let x), .list(let y)):
      try same(a, x, b, y, op: op, at: offset)
    case (.literalName, _) where !leftIsList:
      throw unknownName(a)
    case (_, .literalName):
      throw unknownName(b)
    default:
      let left = leftIsList ? "an element of a list of \(ta.plural)" : ta.description
      throw Failure(offset: offset, message: "`\(op)` cannot compare \(left) with \(tb.description)")
    }
  }

  /// Every bare name in `e` must be one of the domain's values.
  private static func checkNames(_ e: Expr, _ domain: NameDomain) throws(Failure) {
    switch e.kind {
    case .name(let w):
      guard domain.allowed.contains(w) else {
        var message = "'\(w)' is not \(domain.noun)"
        if let close = closest(w, in: domain.allowed) { message += "; did you mean \(close)?" }
        throw Failure(
          offset: e.offset, message: message + " (allowed: \(domain.allowed.joined(separator: ", ")))")
      }
    case .list(let items):
      for item in items { try checkNames(item, domain) }
    default:
      return
    }
  }

  /// A bare name where a metric or config key was needed: most likely a typo.
  static func unknownName(_ e: Expr) -> Failure {
    guard case .name(let w) = e.kind else { return Failure(offset: e.offset, message: "expected a metric") }
    if NeuronName(w) != nil && Metric.simple[w] == nil {
      return Failure(
        offset: e.offset, message: "'\(w)' is a neuron; read its weights with weight(\(w), …) or bias(\(w))")
    }
    let keys: [(String, NameDomain)] = [
      ("problem", .problem), ("dataset", .dataset), ("activation", .activation),
      ("regularization", .regularization),
      ("init", .initialization), ("features", .feature), ("shapes", .shape),
    ]
    if let (key, _) = keys.first(where: { $0.1.allowed.contains(w) }) {
      let op = key == "features" || key == "shapes" ? "contains" : "=="
      return Failure(
        offset: e.offset,
        message:
          "'\(w)' is a value of \(key), not a number or a metric; compare it with its key, e.g. `\(key) \(op) \(w)`"
      )
    }
    var message = "unknown name '\(w)': not a metric or config key"
    if let close = closest(w, in: Array(Metric.simple.keys).sorted() + Metric.functions) {
      message += "; did you mean \(close)?"
    } else {
      message +=
        " (metrics: epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, diverged, deadNeurons, zeroWeights, weight(a, b), bias(n), or a config key)"
    }
    return Failure(offset: e.offset, message: message)
  }
}

/// Why a metric cannot be read in the current state.
public struct MetricError: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

/// What a condition reads its metrics from (the app state, or a test's table).
protocol MetricReading {
  func read(_ metric: Metric) throws(MetricError) -> Value
}

extension Expr {
  func evaluate(_ reader: some MetricReading) throws(MetricError) -> Value {
    switch kind {
    case .number(let x): return .number(x)
    case .bool(let b): return .bool(b)
    case .name(let w): return .name(w)
    case .metric(let m): return try reader.read(m)
    case .list(let items):
      var values: [Value] = []
      for item in items { values.append(try item.evaluate(reader)) }
      return .list(values)
    case .negate(let x): return .number(-(try x.evaluate(reader).number))
    case .arithmetic(let op, let a, let b):
      let x = try a.evaluate(reader).number
      let y = try b.evaluate(reader).number
      switch op {
      case "+": return .number(x + y)
      case "-": return .number(x - y)
      case "*": return .number(x * y)
      default: return .number(x / y)
      }
    case .and(let a, let b):
      guard try a.evaluate(reader).truth else { return .bool(false) }
      return .bool(try b.evaluate(reader).truth)
    case .or(let a, let b):
      if try a.evaluate(reader).truth { return .bool(true) }
      return .bool(try b.evaluate(reader).truth)
    case .not(let a): return .bool(!(try a.evaluate(reader).truth))
    case .compare(let op, let a, let b):
      return .bool(Value.compare(op, try a.evaluate(reader), try b.evaluate(reader)))
    }
  }
}

extension Value {
  var number: Double {
    if case .number(let x) = self { return x }
    return .nan
  }

  var truth: Bool {
    if case .bool(let b) = self { return b }
    return false
  }

  static func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Bool {
    switch op {
    case .less: a.number < b.number
    case .lessOrEqual: a.number <= b.number
    case .greater: a.number > b.number
    case .greaterOrEqual: a.number >= b.number
    case .equal: equal(a, b)
    case .notEqual: !equal(a, b)
    case .contains: contains(a, b)
    case .notContains: !contains(a, b)
    }
  }

  /// Lists of names (features, shapes) compare as sets; lists of numbers in order.
  static func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.list(let x), .list(let y)):
      let names = (x + y).contains { if case .name = $0 { true } else { false } }
      if names { return x.allSatisfy { e in y.contains(e) } && y.allSatisfy { e in x.contains(e) } }
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    default:
      return a == b
    }
  }

  /// `list contains value`, or every element of a list on the right.
  static func contains(_ a: Value, _ b: Value) -> Bool {
    guard case .list(let items) = a else { return false }
    if case .list(let wanted) = b { return wanted.allSatisfy { w in items.contains { equal($0, w) } } }
    return items.contains { equal($0, b) }
  }
}
