import Datasets
import Engine
import Foundation
import PlaygroundCore
import Training

/// A parsed `goal:` or `expect:` condition such as `testLoss < 0.05 and features contains x1sq`.
///
/// Built by `Condition.parse`, which checks names and types, so evaluation only fails for things
/// that depend on the state (a neuron the network does not have, a CNN metric in the 2-D mode).
public struct Condition: Sendable {
  /// The text as written.
  public var source: String
  /// Where the text starts in the lesson file.
  public var location: LessonLocation
  let root: Expr

  /// Parses a condition written outside a lesson file (errors point into `text` at `location`).
  public init(
    _ text: String, location: LessonLocation = LessonLocation(file: "<condition>", line: 1, column: 1)
  )
    throws(LessonError)
  {
    source = text
    self.location = location
    do {
      root = try ConditionParser.parse(text)
    } catch {
      throw LessonError(location.shifted(by: error.offset), error.message)
    }
  }

  init(source: String, location: LessonLocation, root: Expr) {
    self.source = source
    self.location = location
    self.root = root
  }

  /// Whether the condition holds in `state`, with the values it read.
  public func evaluate(in state: AppState) -> ConditionResult { ConditionResult(self, state: state) }

  /// Every metric the condition reads, in order of appearance, without repeats.
  public var metrics: [Metric] {
    var out: [Metric] = []
    root.visitMetrics { if !out.contains($0) { out.append($0) } }
    return out
  }
}

/// Something a condition can read from the state.
public enum Metric: Sendable, Equatable {
  case epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, diverged, deadNeurons, zeroWeights
  /// Points in the training and test sets, and the largest |weight| (additions).
  case trainPoints, testPoints, maxWeight
  case weight(from: NeuronName, to: NeuronName)
  case bias(of: NeuronName)
  /// ∂L/∂w of a weight in the open "Explain a step" (addition): the step's gradient on its point.
  case gradient(from: NeuronName, to: NeuronName)
  /// The network's output at (x, y) (addition): the tanh value (−1…1) for two classes, the value for
  /// regression, class 0's probability for three or more.
  case outputAt(x: Double, y: Double)
  /// The predicted class at (x, y), counting from 0 (addition).
  case classAt(x: Double, y: Double)
  /// A config key's current value.
  case config(Control)
  /// CNN metrics (`dataset: shapes`).
  case camScore(String)
  case confusion(String, String)
  /// A metric of run A or B of an open comparison (`a.testLoss`, `b.diverged`).
  indirect case ofRun(b: Bool, Metric)

  /// The name as written in a condition.
  public var name: String {
    switch self {
    case .epoch: "epoch"
    case .trainLoss: "trainLoss"
    case .testLoss: "testLoss"
    case .trainAccuracy: "trainAccuracy"
    case .testAccuracy: "testAccuracy"
    case .diverged: "diverged"
    case .deadNeurons: "deadNeurons"
    case .zeroWeights: "zeroWeights"
    case .trainPoints: "trainPoints"
    case .testPoints: "testPoints"
    case .maxWeight: "maxWeight"
    case .weight(let a, let b): "weight(\(a), \(b))"
    case .bias(let n): "bias(\(n))"
    case .gradient(let a, let b): "gradient(\(a), \(b))"
    case .outputAt(let x, let y): "outputAt(\(formatNumber(x)), \(formatNumber(y)))"
    case .classAt(let x, let y): "classAt(\(formatNumber(x)), \(formatNumber(y)))"
    case .config(let c): c.rawValue
    case .camScore(let s): "camScore(\(s))"
    case .confusion(let a, let b): "confusion(\(a), \(b))"
    case .ofRun(let b, let m): (b ? "b." : "a.") + m.name
    }
  }

  /// True for the metrics only the CNN mode has (`camScore`, `confusion`, the CNN config keys).
  public var isCNNOnly: Bool {
    switch self {
    case .camScore, .confusion, .config(.shapes), .config(.convLayers): true
    case .ofRun(_, let m): m.isCNNOnly
    default: false
    }
  }

  /// True for the metrics a CNN lesson can read: the losses and accuracies, the image counts, the
  /// CNN metrics and the config keys the CNN has.
  public var readsCNN: Bool {
    switch self {
    case .epoch, .trainLoss, .testLoss, .trainAccuracy, .testAccuracy, .diverged, .trainPoints, .testPoints,
      .maxWeight, .camScore, .confusion:
      true
    case .config(let c): c.isCNNControl
    case .ofRun(_, let m): m.readsCNN
    case .deadNeurons, .zeroWeights, .weight, .bias, .gradient, .outputAt, .classAt: false
    }
  }

  /// Plain metric names (those without arguments).
  static let simple: [String: Metric] = {
    var table: [String: Metric] = [
      "epoch": .epoch, "trainLoss": .trainLoss, "testLoss": .testLoss, "trainAccuracy": .trainAccuracy,
      "testAccuracy": .testAccuracy, "diverged": .diverged, "deadNeurons": .deadNeurons,
      "zeroWeights": .zeroWeights, "trainPoints": .trainPoints, "testPoints": .testPoints,
      "maxWeight": .maxWeight,
    ]
    for control in Control.allCases where control.isConfigKey { table[control.rawValue] = .config(control) }
    return table
  }()

  /// Names that take arguments.
  static let functions = ["weight", "bias", "gradient", "outputAt", "classAt", "camScore", "confusion"]

  var type: ValueType {
    switch self {
    case .ofRun(_, let m): return m.type
    case .diverged: return .bool
    case .config(let c):
      switch c {
      case .showTestData, .discretize: return .bool
      case .problem: return .name(.problem)
      case .dataset: return .name(.dataset)
      case .activation: return .name(.activation)
      case .regularization: return .name(.regularization)
      case .initialization: return .name(.initialization)
      case .features: return .list(.name(.feature))
      case .shapes: return .list(.name(.shape))
      case .hiddenLayers, .convLayers: return .list(.number)
      default: return .number
      }
    default: return .number
    }
  }
}

/// A value a condition computes or compares.
public enum Value: Sendable, Equatable, CustomStringConvertible {
  case number(Double)
  case bool(Bool)
  case name(String)
  case list([Value])

  public var description: String {
    switch self {
    case .number(let x): formatNumber(x)
    case .bool(let b): b ? "true" : "false"
    case .name(let s): s
    case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    }
  }
}

/// Numbers in messages: four significant digits, integers without a fraction.
func formatNumber(_ x: Double) -> String {
  if x.isNaN { return "NaN" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
  let magnitude = abs(x)
  if magnitude >= 1e-3 && magnitude < 1e6 {
    var s = String(format: "%.4g", x)
    if s.contains("e") { s = String(format: "%.4f", x) }
    return s
  }
  return String(format: "%.3e", x)
}

/// The kinds of value, for the checks made while parsing.
indirect enum ValueType: Equatable, Sendable {
  case number, bool
  /// A config value from a fixed set of names.
  case name(NameDomain)
  /// A bare name whose domain is decided by what it is compared with.
  case literalName
  case list(ValueType)
  /// `[]`: a list whose element type is not known.
  case emptyList

  var description: String {
    switch self {
    case .number: "a number"
    case .bool: "true or false"
    case .name(let d): d.noun
    case .literalName: "a name"
    case .list(let e): "a list of \(e.plural)"
    case .emptyList: "an empty list"
    }
  }

  var plural: String {
    switch self {
    case .number: "numbers"
    case .bool: "booleans"
    case .name(let d): d.plural
    case .literalName: "names"
    case .list, .emptyList: "lists"
    }
  }
}

/// The names a config value may take.
enum NameDomain: Sendable, Equatable {
  case problem, dataset, feature, activation, regularization, initialization, shape

  var allowed: [String] {
    switch self {
    case .problem: ProblemKind.allCases.map(\.rawValue)
    case .dataset: DatasetKind.allCases.map(\.rawValue) + ["shapes"]
    case .feature: Feature.allCases.map(\.rawValue)
    case .activation: Activation.allCases.map(\.rawValue)
    case .regularization: Regularization.allCases.map(\.rawValue)
    case .initialization: WeightInit.allCases.map(\.rawValue)
    case .shape: CNNSetup.knownShapes
    }
  }

  var noun: String {
    switch self {
    case .problem: "a problem"
    case .dataset: "a dataset"
    case .feature: "a feature"
    case .activation: "an activation"
    case .regularization: "a regularization"
    case .initialization: "an initialization"
    case .shape: "a shape"
    }
  }

  var plural: String {
    switch self {
    case .problem: "problems"
    case .dataset: "datasets"
    case .feature: "features"
    case .activation: "activations"
    case .regularization: "regularizations"
    case .initialization: "initializations"
    case .shape: "shapes"
    }
  }
}

/// A parsed expression; `offset` is its column within the condition text (0-based, in characters).
struct Expr: Sendable {
  indirect enum Kind: Sendable {
    case number(Double)
    case bool(Bool)
    case name(String)
    case list([Expr])
    case metric(Metric)
    case negate(Expr)
    case arithmetic(Character, Expr, Expr)
    case compare(CompareOp, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr)
  }
  var kind: Kind
  var offset: Int

  func visitMetrics(_ visit: (Metric) -> Void) {
    switch kind {
    case .metric(let m): visit(m)
    case .list(let items): for item in items { item.visitMetrics(visit) }
    case .negate(let e), .not(let e): e.visitMetrics(visit)
    case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
      a.visitMetrics(visit)
      b.visitMetrics(visit)
    case .number, .bool, .name: break
    }
  }
}

enum CompareOp: String, Sendable {
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case equal = "=="
  case notEqual = "!="
  case contains = "contains"
  case notContains = "not contains"
}
