import Datasets
import Foundation
import Localization
import PlaygroundCore

/// Conditions in words, for the lesson panel: "the test loss is below 0.000001 and training has not
/// diverged" instead of `testLoss < 0.000001 and not diverged`. The fallback when an expectation or
/// goal has no `text:` of its own. Every word goes through `tr`, so a translated lesson's ✓/✗
/// sentences speak its language; the English words are the catalog's keys.
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
    if x.isNaN { return tr("not a number") }
    if x.isInfinite { return x > 0 ? tr("infinite") : tr("minus infinite") }
    let m = abs(x)
    if m == 0 { return "0" }
    if m >= 1e12 { return x > 0 ? tr("over a trillion") : tr("below minus a trillion") }
    if m >= 1000 || (x == x.rounded() && m >= 1) {
      let n = Int(x.rounded())
      return grouped(n)
    }
    // Smaller than anything a lesson compares with: the value rounds to nothing people can read.
    if m < 5e-9 { return tr("about 0") }
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
    // "6,000" reads as six in Spanish and German: there a no-break space groups the thousands.
    let separator: Character = Localization.catalog.language == "en" ? "," : "\u{00A0}"
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}

extension Metric {
  /// The metric in words: "the test loss", "the weight from X₁ to the output".
  public var words: String {
    switch self {
    case .epoch: tr("the epoch counter")
    case .trainLoss: tr("the training loss")
    case .testLoss: tr("the test loss")
    case .trainAccuracy: tr("the training accuracy")
    case .testAccuracy: tr("the test accuracy")
    case .diverged: tr("training has diverged")
    case .deadNeurons: tr("the number of dead neurons")
    case .zeroWeights: tr("the number of weights that are zero")
    case .trainPoints: tr("the number of training points")
    case .testPoints: tr("the number of test points")
    case .maxWeight: tr("the largest weight (in size)")
    case .weight(let from, let to):
      to == .output(index: 1)
        ? tr("the weight from {1} to the output", Self.words(from)) : tr("the weight from {1} to {2}", Self.words(from), Self.words(to))
    case .bias(let n): n == .output(index: 1) ? tr("the bias of the output") : tr("the bias of {1}", Self.words(n))
    case .gradient(let from, let to):
      to == .output(index: 1)
        ? tr("∂L/∂w of the weight from {1} to the output in the explained step", Self.words(from))
        : tr("∂L/∂w of the weight from {1} to {2} in the explained step", Self.words(from), Self.words(to))
    case .outputAt(let x, let y): tr("the output at ({1}, {2})", HumanNumber.format(x), HumanNumber.format(y))
    case .classAt(let x, let y): tr("the class predicted at ({1}, {2})", HumanNumber.format(x), HumanNumber.format(y))
    case .config(let c): Self.words(c)
    case .camScore(let s): tr("the {1} picture's {1} score", Self.shape(s))
    case .confusion(let a, let b): tr("the number of test {1}s taken for {2}s", Self.shape(a), Self.shape(b))
    case .ofRun(let b, let m): tr("{1} of run {2}", m.words, b ? "B" : "A")
    }
  }

  /// The metric's short name beside a value: "test loss 0.31".
  public var shortWords: String {
    if self == .epoch { return tr("epoch") }
    let w = words
    // The words without their article: "test loss 0.31", "pérdida de prueba 0.31".
    for article in ["the ", "el ", "la ", "los ", "las ", "der ", "die ", "das "] where w.hasPrefix(article) {
      return String(w.dropFirst(article.count))
    }
    return w
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
    case .feature(let f): verbatim(f.displayName)
    case .hidden(let layer, let index): tr("neuron {1} of hidden layer {2}::sentence", index, layer)
    case .output(let k): k == 1 ? tr("the output") : tr("output {1}", k)
    }
  }

  /// A setting as the subject of a sentence ("the learning rate is at least 0.1"); `::subject`
  /// keeps it apart from the panel's "you changed the dataset" (German: den Datensatz).
  static func words(_ c: Control) -> String {
    switch c {
    case .learningRate: tr("the learning rate::subject")
    case .hiddenLayers: tr("the hidden layers::subject")
    case .regularizationRate: tr("the regularization rate::subject")
    case .batchSize: tr("the batch size::subject")
    case .trainRatio: tr("the ratio of training to test data::subject")
    case .showTestData: tr("showing test data::subject")
    case .convLayers: tr("the conv layers::subject")
    case .initialization: tr("the initialization::subject")
    case .problem: tr("the problem::subject")
    case .dataset: tr("the dataset::subject")
    case .noise: tr("the noise::subject")
    case .seed: tr("the seed::subject")
    case .features: tr("the features::subject")
    case .activation: tr("the activation::subject")
    case .regularization: tr("the regularization::subject")
    case .discretize: tr("the discretize::subject")
    case .shapes: tr("the shapes::subject")
    default: tr("the {1}::subject", c.rawValue)
    }
  }

  /// A shape's name inside a sentence: "the circle picture", "das Kreis-Bild" keeps German's capital.
  static func shape(_ s: String) -> String {
    let name = ShapeKind(rawValue: s).map { tr($0.displayName) } ?? verbatim(s)
    return Localization.catalog.language == "de" ? name : name.lowercased()
  }
}

/// Turns a condition's tree into words.
enum ConditionWords {
  static func phrase(_ e: Expr) -> String {
    switch e.kind {
    case .and:
      let parts = conjuncts(e).map(phrase)
      return tr("{1} and {2}", parts.dropLast().joined(separator: ", "), parts.last!)
    case .or(let a, let b): return tr("either {1} or {2}", phrase(a), phrase(b))
    case .not(let a):
      if case .metric(.diverged) = a.kind { return tr("training has not diverged") }
      if case .metric(.config(let c)) = a.kind { return tr("{1} is off", Metric.words(c)) }
      return tr("not ({1})", phrase(a))
    case .metric(.config(let c)): return tr("{1} is on", Metric.words(c))
    case .metric(let m): return m.words
    case .bool(let b): return b ? tr("always") : tr("never")
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
      case .greaterOrEqual: return tr("at least {1} epochs are trained", count)
      case .greater: return tr("more than {1} epochs are trained", count)
      case .less: return tr("fewer than {1} epochs are trained", count)
      case .lessOrEqual: return tr("at most {1} epochs are trained", count)
      default: break
      }
    }
    let left = term(a, share: share)
    let right = term(b, share: share)
    if case .metric(.diverged) = a.kind, case .bool(let v) = b.kind {
      return (op == .equal) == v ? tr("training has diverged") : tr("training has not diverged")
    }
    // One key per verb form: a language puts its own verb, agreement and word order around them.
    if isPlural(a) {
      switch op {
      case .less: return tr("{1} are below {2}", left, right)
      case .lessOrEqual: return tr("{1} are at most {2}", left, right)
      case .greater: return tr("{1} are above {2}", left, right)
      case .greaterOrEqual: return tr("{1} are at least {2}", left, right)
      case .equal: return tr("{1} are {2}", left, right)
      case .notEqual: return tr("{1} are not {2}", left, right)
      case .contains: return tr("{1} include {2}", left, right)
      case .notContains: return tr("{1} do not include {2}", left, right)
      }
    }
    switch op {
    case .less: return tr("{1} is below {2}", left, right)
    case .lessOrEqual: return tr("{1} is at most {2}", left, right)
    case .greater: return tr("{1} is above {2}", left, right)
    case .greaterOrEqual: return tr("{1} is at least {2}", left, right)
    case .equal: return tr("{1} is {2}", left, right)
    case .notEqual: return tr("{1} is not {2}", left, right)
    case .contains: return tr("{1} includes {2}", left, right)
    case .notContains: return tr("{1} does not include {2}", left, right)
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
    case .bool(let b): return b ? tr("on") : tr("off")
    case .name(let n): return name(n)
    case .list(let items):
      let names = items.map { term($0, share: share) }
      if items.allSatisfy({ if case .number = $0.kind { true } else { false } }) {
        return names.isEmpty ? tr("none") : "[" + names.joined(separator: ", ") + "]"
      }
      guard let last = names.last else { return tr("none") }
      return names.count == 1 ? last : tr("{1} and {2}", names.dropLast().joined(separator: ", "), last)
    case .metric(let m): return m.words
    case .negate(let x): return tr("minus {1}", term(x, share: share))
    case .arithmetic(let op, let a, let b):
      let symbol = ["*": "×", "/": "÷", "+": "+", "-": "−"][String(op)] ?? String(op)
      return term(a, share: false) + " \(symbol) " + term(b, share: false)
    default: return phrase(e)
    }
  }

  /// Config values as the window labels them (features with subscripts, shapes by name).
  static func name(_ n: String) -> String {
    if let f = Feature(rawValue: n) { return verbatim(f.displayName) }
    if ShapeKind(rawValue: n) != nil { return Metric.shape(n) }
    return verbatim(n)
  }
}

extension ConditionResult {
  /// What the learner reads beside ✓ or ✗: the author's `met:`/`missed:` note; else the `text:` or
  /// the condition in words, with the values it saw ("The test loss is below 0.05 — now 0.31.").
  public var sentence: String {
    if let note { return note }
    var s = ConditionWords.capitalized(text ?? condition.sentence)
    if let error { return tr("{1} (cannot check: {2})", s, error) }
    if let now = valuesInWords { s = tr("{1} — now {2}", s, now) }
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
