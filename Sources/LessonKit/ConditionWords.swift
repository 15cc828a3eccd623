import Datasets
import Foundation
import PlaygroundCore

/// Conditions in words, for the lesson panel: "the test loss is below 0.000001 and training has not
/// diverged" instead of `testLoss < 0.000001 and not diverged`. The fallback when an expectation or
/// goal has no `text:` of its own.
extension Condition {
  /// The condition as a sentence (no capital, no full stop).
  public var sentence: String { ConditionWords.phrase(root) }
}

/// Numbers for people: no exponents, three significant digits, accuracies and probabilities in percent.
public enum HumanNumber {
  /// `5.883e-16` → "about 0", `0.000001` → "0.000001", `0.01234` → "0.0123", `6000` → "6,000".
  public static func format(_ x: Double) -> String {
    // A real minus sign: a hyphen reads as a dash on a projector.
    let s = plain(x)
    return s.hasPrefix("-") ? "−" + s.dropFirst() : s
  }

  static func plain(_ x: Double) -> String {
    if x.isNaN { return "not a number" }
    if x.isInfinite { return x > 0 ? "infinite" : "minus infinite" }
    let m = abs(x)
    if m == 0 { return "0" }
    if m >= 1e12 { return x > 0 ? "over a trillion" : "below minus a trillion" }
    if m >= 1000 || (x == x.rounded() && m >= 1) {
      let n = Int(x.rounded())
      return grouped(n)
    }
    // Smaller than anything a lesson compares with: the value rounds to nothing people can read.
    if m < 5e-9 { return "about 0" }
    let digits = max(0, 2 - Int(floor(log10(m))))
    var s = String(format: "%.\(digits)f", x)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }

  /// `0.9567` → "95.7%", `1` → "100%", `0.5` → "50%".
  public static func percent(_ x: Double) -> String {
    guard x.isFinite else { return format(x) }
    let p = x * 100
    if p == p.rounded() { return "\(Int(p))%" }
    let s = format((p * 10).rounded() / 10)
    return s + "%"
  }

  static func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}

extension Metric {
  /// The metric in words: "the test loss", "the weight from X₁ to the output".
  public var words: String {
    switch self {
    case .epoch: "the epoch counter"
    case .trainLoss: "the training loss"
    case .testLoss: "the test loss"
    case .trainAccuracy: "the training accuracy"
    case .testAccuracy: "the test accuracy"
    case .diverged: "training has diverged"
    case .deadNeurons: "the number of dead neurons"
    case .zeroWeights: "the number of weights that are zero"
    case .trainPoints: "the number of training points"
    case .testPoints: "the number of test points"
    case .maxWeight: "the largest weight (in size)"
    case .weight(let from, let to): "the weight from \(Self.words(from)) to \(Self.words(to))"
    case .bias(let n): "the bias of \(Self.words(n))"
    case .gradient(let from, let to): "∂L/∂w of the weight from \(Self.words(from)) to \(Self.words(to)) in the explained step"
    case .outputAt(let x, let y): "the output at (\(HumanNumber.format(x)), \(HumanNumber.format(y)))"
    case .classAt(let x, let y): "the class predicted at (\(HumanNumber.format(x)), \(HumanNumber.format(y)))"
    case .config(let c): Self.words(c)
    case .camScore(let s): "the \(Self.shape(s)) picture's \(Self.shape(s)) score"
    case .confusion(let a, let b): "the number of test \(Self.shape(a))s taken for \(Self.shape(b))s"
    case .ofRun(let b, let m): "\(m.words) of run \(b ? "B" : "A")"
    }
  }

  /// The metric's short name beside a value: "test loss 0.31".
  public var shortWords: String {
    if self == .epoch { return "epoch" }
    let w = words
    return w.hasPrefix("the ") ? String(w.dropFirst(4)) : w
  }

  /// True for the metrics read as a share (0–1) and shown in percent.
  public var isShare: Bool {
    switch self {
    case .trainAccuracy, .testAccuracy, .camScore: true
    default: false
    }
  }

  static func words(_ n: NeuronName) -> String {
    switch n {
    case .feature(let f): f.displayName
    case .hidden(let layer, let index): "neuron \(index) of hidden layer \(layer)"
    case .output(let k): k == 1 ? "the output" : "output \(k)"
    }
  }

  static func words(_ c: Control) -> String {
    switch c {
    case .learningRate: "the learning rate"
    case .hiddenLayers: "the hidden layers"
    case .regularizationRate: "the regularization rate"
    case .batchSize: "the batch size"
    case .trainRatio: "the ratio of training to test data"
    case .showTestData: "showing test data"
    case .convLayers: "the conv layers"
    case .initialization: "the initialization"
    default: "the " + c.rawValue
    }
  }

  static func shape(_ s: String) -> String {
    (ShapeKind(rawValue: s)?.displayName ?? s).lowercased()
  }
}

/// Turns a condition's tree into words.
enum ConditionWords {
  static func phrase(_ e: Expr) -> String {
    switch e.kind {
    case .and:
      let parts = conjuncts(e).map(phrase)
      return parts.count == 2
        ? parts.joined(separator: " and ") : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    case .or(let a, let b): return "either " + phrase(a) + " or " + phrase(b)
    case .not(let a):
      if case .metric(.diverged) = a.kind { return "training has not diverged" }
      if case .metric(.config(let c)) = a.kind { return Metric.words(c) + " is off" }
      return "not (" + phrase(a) + ")"
    case .metric(.config(let c)): return Metric.words(c) + " is on"
    case .metric(let m): return m.words
    case .bool(let b): return b ? "always" : "never"
    case .compare(let op, let a, let b): return compare(op, a, b)
    default: return term(e, share: false)
    }
  }

  /// `a and b and c` as [a, b, c].
  static func conjuncts(_ e: Expr) -> [Expr] {
    if case .and(let a, let b) = e.kind { return conjuncts(a) + conjuncts(b) }
    return [e]
  }

  static func compare(_ op: CompareOp, _ a: Expr, _ b: Expr) -> String {
    // A share compared with a number reads in percent on both sides.
    let share = isShare(a) || isShare(b)
    if case .metric(.epoch) = a.kind, case .number(let n) = b.kind {
      let count = HumanNumber.format(n)
      switch op {
      case .greaterOrEqual: return "at least \(count) epochs are trained"
      case .greater: return "more than \(count) epochs are trained"
      case .less: return "fewer than \(count) epochs are trained"
      case .lessOrEqual: return "at most \(count) epochs are trained"
      default: break
      }
    }
    let left = term(a, share: share)
    let right = term(b, share: share)
    if case .metric(.diverged) = a.kind, case .bool(let v) = b.kind {
      return (op == .equal) == v ? "training has diverged" : "training has not diverged"
    }
    let plural = isPlural(a)
    switch op {
    case .less: return "\(left) \(plural ? "are" : "is") below \(right)"
    case .lessOrEqual: return "\(left) \(plural ? "are" : "is") at most \(right)"
    case .greater: return "\(left) \(plural ? "are" : "is") above \(right)"
    case .greaterOrEqual: return "\(left) \(plural ? "are" : "is") at least \(right)"
    case .equal: return "\(left) \(plural ? "are" : "is") \(right)"
    case .notEqual: return "\(left) \(plural ? "are" : "is") not \(right)"
    case .contains: return "\(left) include\(plural ? "" : "s") \(right)"
    case .notContains: return "\(left) do\(plural ? "" : "es") not include \(right)"
    }
  }

  static func isPlural(_ e: Expr) -> Bool {
    if case .metric(.config(let c)) = e.kind {
      return [.features, .hiddenLayers, .shapes, .convLayers].contains(c)
    }
    return false
  }

  static func isShare(_ e: Expr) -> Bool {
    if case .metric(let m) = e.kind { return m.isShare }
    return false
  }

  /// A value or a computation: "0.05", "2 × the training loss", "X₁² and X₂²".
  static func term(_ e: Expr, share: Bool) -> String {
    switch e.kind {
    case .number(let x): return share ? HumanNumber.percent(x) : HumanNumber.format(x)
    case .bool(let b): return b ? "on" : "off"
    case .name(let n): return name(n)
    case .list(let items):
      let names = items.map { term($0, share: share) }
      if items.allSatisfy({ if case .number = $0.kind { true } else { false } }) {
        return names.isEmpty ? "none" : "[" + names.joined(separator: ", ") + "]"
      }
      guard let last = names.last else { return "none" }
      return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    case .metric(let m): return m.words
    case .negate(let x): return "minus " + term(x, share: share)
    case .arithmetic(let op, let a, let b):
      let symbol = ["*": "×", "/": "÷", "+": "+", "-": "−"][String(op)] ?? String(op)
      return term(a, share: false) + " \(symbol) " + term(b, share: false)
    default: return phrase(e)
    }
  }

  /// Config values as the window labels them (features with subscripts, shapes by name).
  static func name(_ n: String) -> String {
    if let f = Feature(rawValue: n) { return f.displayName }
    if let s = ShapeKind(rawValue: n) { return s.displayName.lowercased() }
    return n
  }
}

extension ConditionResult {
  /// What the learner reads beside ✓ or ✗: the author's `met:`/`missed:` note; else the `text:` or
  /// the condition in words, with the values it saw ("The test loss is below 0.05 — now 0.31.").
  public var sentence: String {
    if let note { return note }
    var s = ConditionWords.capitalized(text ?? condition.sentence)
    if let error { return s + " (cannot check: \(error))" }
    if let now = valuesInWords { s += " — now " + now }
    if let last = s.last, !".!?".contains(last) { s += "." }
    return s
  }

  /// The numbers the condition read, for people: "0.31", or "test loss 0.31, epoch counter 100"
  /// when it reads several; nil when it reads none (or only yes/no values and lists).
  public var valuesInWords: String? {
    let numbers = readings.compactMap { r -> (Metric, String)? in
      // A class number reads as code ("now 1"); the sentence names the class already.
      if case .classAt = r.metric { return nil }
      guard case .number(let x) = r.value else { return nil }
      return (r.metric, r.metric.isShare ? HumanNumber.percent(x) : HumanNumber.format(x))
    }
    if numbers.isEmpty { return nil }
    if numbers.count == 1 { return numbers[0].1 }
    // Settings the learner chose are on screen already; the measured numbers are the news.
    let measured = numbers.filter { if case .config = $0.0 { false } else { true } }
    if !measured.isEmpty { return measured.map { "\($0.0.shortWords) \($0.1)" }.joined(separator: ", ") }
    return numbers.map { "\($0.0.shortWords) \($0.1)" }.joined(separator: ", ")
  }
}

extension ConditionWords {
  /// The first letter in upper case.
  static func capitalized(_ s: String) -> String {
    guard let first = s.first else { return s }
    return first.uppercased() + s.dropFirst()
  }
}
