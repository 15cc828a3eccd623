import Datasets
import PlaygroundCore

/// A problem at a column of a condition's text.
struct ConditionSyntaxError: Error {
  var offset: Int
  var message: String
}

/// A recursive-descent parser for conditions, with a type check that names the offending column.
///
/// Grammar (lowest precedence first):
///
///     condition  := or
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := sum (op sum)?          op: < <= > >= == != contains, not contains
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | atom
///     atom       := number | true | false | name | name "(" args ")" | "[" list "]" | "(" or ")"
struct ConditionParser {
  struct Token {
    enum Kind: Equatable {
      case number(Double)
      case word(String)
      case symbol(String)
      case end
    }
    var kind: Kind
    var offset: Int
  }

  private var tokens: [Token] = []
  private var position = 0
  /// Open parentheses, brackets, `not`s and minus signs: bounded so hostile text cannot exhaust the stack.
  private var depth = 0
  static let maxDepth = 40

  private mutating func nest(at offset: Int) throws(ConditionSyntaxError) {
    depth += 1
    if depth > ConditionParser.maxDepth {
      throw ConditionSyntaxError(
        offset: offset,
        message: "the condition is nested too deeply (more than \(ConditionParser.maxDepth) levels)")
    }
  }

  /// Parses and type-checks `text`; errors carry the column within `text`.
  static func parse(_ text: String) throws(ConditionSyntaxError) -> Expr {
    var parser = ConditionParser()
    parser.tokens = try tokenize(text)
    guard parser.tokens.count > 1 else {
      throw ConditionSyntaxError(offset: 0, message: "the condition is empty; write e.g. `testLoss < 0.1`")
    }
    let expr = try parser.parseOr()
    if parser.current.kind != .end {
      throw ConditionSyntaxError(
        offset: parser.current.offset,
        message:
          "unexpected \(parser.current.kind.text) after a complete condition; join conditions with `and` or `or`"
      )
    }
    let type = try TypeChecker.check(expr)
    guard type == .bool else {
      throw ConditionSyntaxError(
        offset: 0,
        message:
          "a condition must compare or test something, e.g. `testLoss < 0.1`; this is \(type.description)")
    }
    return expr
  }

  /// Parses without the type check (for `highlight:`).
  static func parseTerm(_ text: String) throws(ConditionSyntaxError) -> Expr {
    var parser = ConditionParser()
    parser.tokens = try tokenize(text)
    let expr = try parser.parseAtom()
    if parser.current.kind != .end {
      throw ConditionSyntaxError(
        offset: parser.current.offset, message: "unexpected \(parser.current.kind.text)")
    }
    return expr
  }

  // MARK: Grammar

  private var current: Token { tokens[position] }
  private mutating func advance() -> Token {
    let t = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    return t
  }
  private func isWord(_ w: String) -> Bool { current.kind == .word(w) }
  private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
  private var nextIsContains: Bool {
    position + 1 < tokens.count && tokens[position + 1].kind == .word("contains")
  }

  private mutating func expect(_ symbol: String, _ context: String) throws(ConditionSyntaxError) {
    guard isSymbol(symbol) else {
      throw ConditionSyntaxError(
        offset: current.offset, message: "expected '\(symbol)' \(context), found \(current.kind.text)")
    }
    _ = advance()
  }

  private mutating func parseOr() throws(ConditionSyntaxError) -> Expr {
    var left = try parseAnd()
    while isWord("or") {
      let op = advance()
      left = Expr(kind: .or(left, try parseAnd()), offset: op.offset)
    }
    return left
  }

  private mutating func parseAnd() throws(ConditionSyntaxError) -> Expr {
    var left = try parseNot()
    while isWord("and") {
      let op = advance()
      left = Expr(kind: .and(left, try parseNot()), offset: op.offset)
    }
    return left
  }

  private mutating func parseNot() throws(ConditionSyntaxError) -> Expr {
    if isWord("not") && !nextIsContains {
      let op = advance()
      try nest(at: op.offset)
      defer { depth -= 1 }
      return Expr(kind: .not(try parseNot()), offset: op.offset)
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(ConditionSyntaxError) -> Expr {
    let left = try parseSum()
    guard let op = try comparisonOperator() else { return left }
    let right = try parseSum()
    if comparisonAhead {
      throw ConditionSyntaxError(
        offset: current.offset, message: "compare two values at a time; join comparisons with `and`")
    }
    return Expr(kind: .compare(op.0, left, right), offset: op.1)
  }

  private var comparisonAhead: Bool {
    switch current.kind {
    case .symbol(let s): CompareOp(rawValue: s) != nil
    case .word("contains"): true
    case .word("not"): nextIsContains
    default: false
    }
  }

  /// Consumes a comparison operator if one comes next.
  private mutating func comparisonOperator() throws(ConditionSyntaxError) -> (CompareOp, Int)? {
    let offset = current.offset
    switch current.kind {
    case .symbol(let s):
      guard let op = CompareOp(rawValue: s) else { return nil }
      _ = advance()
      return (op, offset)
    case .word("contains"):
      _ = advance()
      return (.contains, offset)
    case .word("not"):
      guard nextIsContains else {
        throw ConditionSyntaxError(offset: offset, message: "`not` here must be followed by `contains`")
      }
      _ = advance()
      _ = advance()
      return (.notContains, offset)
    default:
      return nil
    }
  }

  private mutating func parseSum() throws(ConditionSyntaxError) -> Expr {
    var left = try parseProduct()
    while isSymbol("+") || isSymbol("-") {
      let op = advance()
      guard case .symbol(let s) = op.kind else { break }
      left = Expr(kind: .arithmetic(Character(s), left, try parseProduct()), offset: op.offset)
    }
    return left
  }

  private mutating func parseProduct() throws(ConditionSyntaxError) -> Expr {
    var left = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let op = advance()
      guard case .symbol(let s) = op.kind else { break }
      left = Expr(kind: .arithmetic(Character(s), left, try parseUnary()), offset: op.offset)
    }
    return left
  }

  private mutating func parseUnary() throws(ConditionSyntaxError) -> Expr {
    if isSymbol("-") {
      let op = advance()
      try nest(at: op.offset)
      defer { depth -= 1 }
      let operand = try parseUnary()
      if case .number(let x) = operand.kind { return Expr(kind: .number(-x), offset: op.offset) }
      return Expr(kind: .negate(operand), offset: op.offset)
    }
    return try parseAtom()
  }

  private mutating func parseAtom() throws(ConditionSyntaxError) -> Expr {
    let token = current
    switch token.kind {
    case .number(let x):
      _ = advance()
      return Expr(kind: .number(x), offset: token.offset)
    case .symbol("("):
      _ = advance()
      try nest(at: token.offset)
      defer { depth -= 1 }
      let inner = try parseOr()
      try expect(")", "to close the '(' at column \(token.offset + 1) of the condition")
      return inner
    case .symbol("["):
      _ = advance()
      try nest(at: token.offset)
      defer { depth -= 1 }
      var items: [Expr] = []
      if !isSymbol("]") {
        while true {
          items.append(try parseSum())
          if isSymbol(",") {
            _ = advance()
            continue
          }
          break
        }
      }
      try expect("]", "to close the list")
      return Expr(kind: .list(items), offset: token.offset)
    case .word(let w):
      switch w {
      case "true", "false":
        _ = advance()
        return Expr(kind: .bool(w == "true"), offset: token.offset)
      case "and", "or", "not", "contains":
        throw ConditionSyntaxError(offset: token.offset, message: "expected a value before `\(w)`")
      default:
        break
      }
      _ = advance()
      if Metric.functions.contains(w) {
        return Expr(kind: .metric(try parseCall(w, at: token.offset)), offset: token.offset)
      }
      if isSymbol("(") {
        var message = "'\(w)' is not a function"
        if let close = closest(w, in: Metric.functions) { message += "; did you mean \(close)(…)?" }
        throw ConditionSyntaxError(
          offset: token.offset, message: message + " (functions: \(Metric.functions.joined(separator: ", ")))"
        )
      }
      if let metric = Metric.simple[w] { return Expr(kind: .metric(metric), offset: token.offset) }
      // `a.testLoss`, `b.diverged`: the runs of a comparison (a lesson's `compare:` step).
      if w.hasPrefix("a.") || w.hasPrefix("b.") {
        let rest = String(w.dropFirst(2))
        guard let metric = Metric.simple[rest] else {
          var message = "'\(rest)' is not a metric of a run"
          if let close = closest(rest, in: Array(Metric.simple.keys)) { message += "; did you mean \(w.prefix(2))\(close)?" }
          throw ConditionSyntaxError(offset: token.offset, message: message)
        }
        return Expr(kind: .metric(.ofRun(b: w.hasPrefix("b."), metric)), offset: token.offset)
      }
      return Expr(kind: .name(w), offset: token.offset)
    case .end:
      throw ConditionSyntaxError(
        offset: token.offset, message: "the condition ends where a value was expected")
    default:
      throw ConditionSyntaxError(offset: token.offset, message: "expected a value, found \(token.kind.text)")
    }
  }

  // MARK: Functions

  private mutating func parseCall(_ name: String, at offset: Int) throws(ConditionSyntaxError) -> Metric {
    try expect("(", "after \(name)")
    var args: [Token] = []
    while !isSymbol(")") {
      var t = advance()
      if t.kind == .symbol("-"), case .number(let x) = current.kind {
        t = Token(kind: .number(-x), offset: t.offset)
        _ = advance()
      }
      switch t.kind {
      case .word, .number: args.append(t)
      default:
        throw ConditionSyntaxError(
          offset: t.offset, message: "expected an argument of \(name)(…), found \(t.kind.text)")
      }
      if isSymbol(",") {
        _ = advance()
      } else if !isSymbol(")") {
        var message = "expected ',' or ')' in \(name)(…), found \(current.kind.text)"
        if current.kind == .end {
          message +=
            " (in a YAML [a, b] list a comma starts the next item: write one condition per `- ` line, or quote it)"
        }
        throw ConditionSyntaxError(offset: current.offset, message: message)
      }
    }
    let close = advance()
    func arity(_ n: Int, _ usage: String) throws(ConditionSyntaxError) {
      guard args.count == n else {
        throw ConditionSyntaxError(
          offset: args.count > n ? args[n].offset : close.offset,
          message: "\(name) takes \(n) argument\(n == 1 ? "" : "s"): \(usage)")
      }
    }
    func neuron(_ t: Token) throws(ConditionSyntaxError) -> NeuronName {
      guard case .word(let w) = t.kind, let n = NeuronName(w) else {
        throw ConditionSyntaxError(
          offset: t.offset,
          message:
            "\(t.kind.text) is not a neuron: use a feature (x1, x1sq, …), h<layer>.<index> such as h1.2, or output"
        )
      }
      return n
    }
    func coordinate(_ t: Token) throws(ConditionSyntaxError) -> Double {
      guard case .number(let x) = t.kind, abs(x) <= 6 else {
        throw ConditionSyntaxError(
          offset: t.offset, message: "\(name) takes coordinates from -6 to 6, found \(t.kind.text)")
      }
      return x
    }
    func shape(_ t: Token) throws(ConditionSyntaxError) -> String {
      guard case .word(let w) = t.kind, CNNSetup.knownShapes.contains(w) else {
        throw ConditionSyntaxError(
          offset: t.offset,
          message: "\(t.kind.text) is not a shape; shapes: \(CNNSetup.knownShapes.joined(separator: ", "))")
      }
      return w
    }
    switch name {
    case "weight", "gradient":
      try arity(2, "\(name)(from, to), e.g. \(name)(x1, h1.1)")
      let from = try neuron(args[0])
      let to = try neuron(args[1])
      if case .output = from {
        throw ConditionSyntaxError(offset: args[0].offset, message: "no weight starts at the output")
      }
      if case .feature = to {
        throw ConditionSyntaxError(offset: args[1].offset, message: "no weight ends at an input")
      }
      return name == "weight" ? .weight(from: from, to: to) : .gradient(from: from, to: to)
    case "bias":
      try arity(1, "bias(neuron), e.g. bias(h1.1)")
      let n = try neuron(args[0])
      if case .feature = n {
        throw ConditionSyntaxError(offset: args[0].offset, message: "inputs have no bias")
      }
      return .bias(of: n)
    case "outputAt":
      try arity(2, "outputAt(x, y), e.g. outputAt(2, -1.5)")
      return .outputAt(x: try coordinate(args[0]), y: try coordinate(args[1]))
    case "classAt":
      try arity(2, "classAt(x, y), e.g. classAt(2, -1.5)")
      return .classAt(x: try coordinate(args[0]), y: try coordinate(args[1]))
    case "camScore":
      try arity(1, "camScore(shape), e.g. camScore(circle)")
      return .camScore(try shape(args[0]))
    default:
      try arity(2, "confusion(actual, predicted), e.g. confusion(circle, square)")
      return .confusion(try shape(args[0]), try shape(args[1]))
    }
  }
}
