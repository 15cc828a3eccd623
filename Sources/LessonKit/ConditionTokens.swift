import Datasets

/// The tokens of a condition: numbers, words (names, keywords, `h1.2`, `reg-plane`) and symbols.
extension ConditionParser {
  /// Dataset names with a hyphen, read as one word.
  static let hyphenatedWords = (DatasetKind.allCases.map(\.rawValue) + CNNSetup.knownShapes).filter {
    $0.contains("-")
  }

  /// Longer conditions are refused (their trees would be needlessly deep).
  static let maxLength = 1000

  static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [Token] {
    let s = Array(text.unicodeScalars)
    if s.count > maxLength {
      throw ConditionSyntaxError(
        offset: 0, message: "the condition is \(s.count) characters long; split it (at most \(maxLength))")
    }
    var tokens: [Token] = []
    var i = 0
    func isLetter(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    while i < s.count {
      let c = s[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
      } else if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
        let start = i
        while i < s.count && (isDigit(s[i]) || s[i] == ".") { i += 1 }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
          var j = i + 1
          if j < s.count && (s[j] == "+" || s[j] == "-") { j += 1 }
          if j < s.count && isDigit(s[j]) {
            i = j
            while i < s.count && isDigit(s[i]) { i += 1 }
          }
        }
        let literal = String(String.UnicodeScalarView(s[start..<i]))
        guard let value = Double(literal), value.isFinite else {
          throw ConditionSyntaxError(offset: start, message: "'\(literal)' is not a number")
        }
        if i < s.count && isLetter(s[i]) {
          throw ConditionSyntaxError(
            offset: start, message: "'\(literal)' runs into a name; put a space between them")
        }
        tokens.append(Token(kind: .number(value), offset: start))
      } else if isLetter(c) {
        let start = i
        while i < s.count && (isLetter(s[i]) || isDigit(s[i]) || s[i] == ".") { i += 1 }
        var word = String(String.UnicodeScalarView(s[start..<i]))
        // reg-plane, reg-gauss: one word, not a subtraction.
        if i < s.count && s[i] == "-" {
          var j = i + 1
          while j < s.count && (isLetter(s[j]) || isDigit(s[j])) { j += 1 }
          let longer = String(String.UnicodeScalarView(s[start..<j]))
          if hyphenatedWords.contains(longer) {
            word = longer
            i = j
          }
        }
        tokens.append(Token(kind: .word(word), offset: start))
      } else {
        let two = i + 1 < s.count ? String(String.UnicodeScalarView([c, s[i + 1]])) : ""
        switch two {
        case "<=", ">=", "==", "!=":
          tokens.append(Token(kind: .symbol(two), offset: i))
          i += 2
          continue
        case "&&": throw ConditionSyntaxError(offset: i, message: "use `and` instead of `&&`")
        case "||": throw ConditionSyntaxError(offset: i, message: "use `or` instead of `||`")
        default: break
        }
        switch c {
        case "<", ">", "(", ")", "[", "]", ",", "+", "-", "*", "/":
          tokens.append(Token(kind: .symbol(String(c)), offset: i))
          i += 1
        case "=": throw ConditionSyntaxError(offset: i, message: "use `==` to compare for equality")
        case "!": throw ConditionSyntaxError(offset: i, message: "use `not` (or `!=`) instead of `!`")
        default:
          throw ConditionSyntaxError(offset: i, message: "unexpected character '\(c.escaped(asASCII: true))'")
        }
      }
    }
    tokens.append(Token(kind: .end, offset: s.count))
    return tokens
  }
}

extension ConditionParser.Token.Kind {
  /// How the token reads in a message.
  var text: String {
    switch self {
    case .number(let x): "'\(formatNumber(x))'"
    case .word(let w): "'\(w)'"
    case .symbol(let s): "'\(s)'"
    case .end: "the end of the condition"
    }
  }
}
