import Datasets
import PlaygroundCore
import Training
import Yams

extension LessonParser {
  static let actionKeys = ["set", "train", "task", "setWeight", "reset", "regenerate", "ask", "addPoints", "seek", "compare"]
  static let stepKeys = ["say", "highlight", "page", "explain", "expect"] + actionKeys
  /// More steps than this is surely a mistake (and keeps hostile files cheap).
  static let maxSteps = 500

  /// Reads every step, recording each step's first error and going on with the next.
  mutating func steps(_ node: Node) -> [Step] {
    guard
      let items = attempt({ p throws(LessonError) in
        try p.reader.list(node, "steps", example: "[- say: \"Hello\"]")
      })
    else {
      return []
    }
    if items.isEmpty { errors.append(reader.error(node, "steps needs at least one step")) }
    if items.count > LessonParser.maxSteps {
      errors.append(reader.error(node, "\(items.count) steps; a lesson has at most \(LessonParser.maxSteps)"))
      return []
    }
    var steps: [Step] = []
    for (i, item) in items.enumerated() {
      reader.step = i + 1
      if let step = attempt({ p throws(LessonError) in try p.step(item, number: i + 1) }) {
        steps.append(step)
      }
    }
    reader.step = nil
    return steps
  }

  func step(_ node: Node, number: Int) throws(LessonError) -> Step {
    let pairs = try reader.mapping(node, "a step")
    try reader.checkKeys(pairs, allowed: LessonParser.stepKeys, in: "a step")
    let actions = pairs.filter { LessonParser.actionKeys.contains($0.key) }
    if actions.count > 1 {
      throw reader.error(
        actions[1].keyNode,
        "a step has at most one action; found \(actions.map(\.key).joined(separator: " and ")) (split it into two steps)"
      )
    }
    var step = Step(
      number: number, say: nil, highlight: nil, action: nil, expectations: [],
      location: reader.location(node),
      actionLocation: reader.location(actions.first?.keyNode ?? node))
    for pair in pairs {
      let v = pair.value
      switch pair.key {
      case "say": step.say = try reader.string(v, "say")
      case "highlight": step.highlight = try highlight(v)
      case "page": step.page = try page(v)
      case "explain":
        step.explain = try explainRequest(v)
        step.explainLocation = reader.location(pair.keyNode)
      case "expect": step.expectations = try expectations(v)
      case "set":
        step.action = .set(try modeChecked(try reader.configChange(v, "set").0, v))
      case "train": step.action = .train(epochs: try reader.integer(v, "train (epochs)", in: 1...100_000))
      case "task": step.action = .task(try task(v))
      case "setWeight":
        try notInCNN("setWeight", v)
        step.action = .setWeight(try weightEdits(v))
      case "reset":
        try reader.trueFlag(v, "reset")
        step.action = .reset
      case "regenerate":
        try reader.trueFlag(v, "regenerate")
        try notInCNN("regenerate", v)
        step.action = .regenerate
      case "ask": step.action = .ask(try question(v))
      case "compare": step.action = .compare(try reader.configChange(v, "compare").0)
      case "seek": step.action = .seek(epoch: try reader.integer(v, "seek (an epoch of the run so far)", in: 0...EpochLimit.maximum))
      default:  // addPoints
        try notInCNN("addPoints", v)
        let points = try self.points(v, "addPoints")
        if points.isEmpty { throw reader.error(v, "addPoints needs at least one point") }
        step.action = .addPoints(points)
      }
    }
    return step
  }

  // MARK: Pieces of steps

  func task(_ node: Node) throws(LessonError) -> LessonTask {
    let pairs = try reader.mapping(node, "task")
    try reader.checkKeys(pairs, allowed: ["goal", "solution", "hint"], in: "task")
    guard let goalNode = pairs.first(where: { $0.key == "goal" })?.value else {
      throw reader.error(node, "task needs a goal (a condition the learner must reach)")
    }
    guard let solutionNode = pairs.first(where: { $0.key == "solution" })?.value else {
      throw reader.error(
        node,
        "task needs a solution (what \"Show me\" and the validation apply), e.g. `solution: { set: { … } }`")
    }
    // `goal: CONDITION`, or `goal: { check: CONDITION, text: "in words" }`.
    var goalText: String?
    var goalCheck = goalNode
    if case .mapping = goalNode {
      let goalPairs = try reader.mapping(goalNode, "goal")
      try reader.checkKeys(goalPairs, allowed: ["check", "text"], in: "goal")
      guard let check = goalPairs.first(where: { $0.key == "check" })?.value else {
        throw reader.error(goalNode, "a goal map needs `check:` (the condition)")
      }
      goalCheck = check
      if let t = goalPairs.first(where: { $0.key == "text" })?.value { goalText = try reader.string(t, "text") }
    }
    let goal = try condition(goalCheck)
    var hint: String?
    if let h = pairs.first(where: { $0.key == "hint" })?.value { hint = try reader.string(h, "hint") }
    let parts = try reader.mapping(solutionNode, "solution")
    try reader.checkKeys(parts, allowed: ["set", "setWeight", "addPoints", "train"], in: "solution")
    if parts.isEmpty { throw reader.error(solutionNode, "solution needs set, setWeight, addPoints or train") }
    var solution: [LessonTask.SolutionPart] = []
    for part in parts {
      switch part.key {
      case "set":
        solution.append(.set(try modeChecked(try reader.configChange(part.value, "set").0, part.value)))
      case "setWeight":
        try notInCNN("setWeight", part.value)
        solution.append(.setWeight(try weightEdits(part.value)))
      case "addPoints":
        try notInCNN("addPoints", part.value)
        solution.append(.addPoints(try points(part.value, "addPoints")))
      default:
        solution.append(.train(epochs: try reader.integer(part.value, "train (epochs)", in: 1...100_000)))
      }
    }
    return LessonTask(goal: goal, solution: solution, hint: hint, goalText: goalText)
  }

  /// One edit as a map, or a list of them.
  func weightEdits(_ node: Node) throws(LessonError) -> [WeightEdit] {
    if case .sequence(let seq) = node {
      guard !seq.isEmpty else { throw reader.error(node, "setWeight needs at least one edit") }
      var edits: [WeightEdit] = []
      for item in seq { edits.append(try weightEdit(item)) }
      return edits
    }
    return [try weightEdit(node)]
  }

  func weightEdit(_ node: Node) throws(LessonError) -> WeightEdit {
    let pairs = try reader.mapping(node, "setWeight")
    try reader.checkKeys(pairs, allowed: ["from", "to", "of", "value"], in: "setWeight")
    func field(_ key: String) -> YAMLReader.Pair? { pairs.first { $0.key == key } }
    guard let to = field("to") else { throw reader.error(node, "setWeight needs `to:` (a neuron, or bias)") }
    guard let valueNode = field("value") else { throw reader.error(node, "setWeight needs `value:`") }
    let value = try reader.number(valueNode.value, "value")
    guard abs(value) <= 1000 else { throw reader.error(valueNode.value, "value must be from -1000 to 1000") }
    let toName = try reader.string(to.value, "to")
    if toName == "bias" {
      if let from = field("from") {
        throw reader.error(from.keyNode, "a bias has no `from:`; name its neuron with `of:`")
      }
      guard let of = field("of") else {
        throw reader.error(to.keyNode, "`to: bias` needs `of:` naming the neuron, e.g. of: h1.1")
      }
      let neuron = try self.neuron(of.value, "of")
      if case .feature = neuron {
        throw reader.error(of.value, "inputs have no bias; name a hidden neuron or the output")
      }
      return WeightEdit(target: .bias(of: neuron), value: Float(value), location: reader.location(node))
    }
    if let of = field("of") { throw reader.error(of.keyNode, "`of:` is for `to: bias`") }
    guard let from = field("from") else {
      throw reader.error(node, "setWeight needs `from:` (or `to: bias` with `of:`)")
    }
    let source = try neuron(from.value, "from")
    let target = try neuron(to.value, "to")
    if case .output = source { throw reader.error(from.value, "no weight starts at the output") }
    if case .feature = target { throw reader.error(to.value, "no weight ends at an input") }
    return WeightEdit(
      target: .weight(from: source, to: target), value: Float(value), location: reader.location(node))
  }

  func neuron(_ node: Node, _ what: String) throws(LessonError) -> NeuronName {
    let text = try reader.string(node, what)
    guard let name = NeuronName(text) else {
      throw reader.error(
        node,
        "'\(text)' is not a neuron: use a feature (\(Feature.allNames)), h<layer>.<index> such as h1.2, or output"
      )
    }
    return name
  }

  func question(_ node: Node) throws(LessonError) -> Question {
    let pairs = try reader.mapping(node, "ask")
    try reader.checkKeys(pairs, allowed: ["question", "choices", "answer", "explain"], in: "ask")
    func field(_ key: String) throws(LessonError) -> Node {
      guard let v = pairs.first(where: { $0.key == key })?.value else {
        throw reader.error(node, "ask needs `\(key):`")
      }
      return v
    }
    let question = try reader.string(try field("question"), "question")
    let choicesNode = try field("choices")
    var choices: [String] = []
    for item in try reader.list(choicesNode, "choices", example: "[\"first\", \"second\"]") {
      choices.append(try reader.string(item, "a choice"))
    }
    guard (2...10).contains(choices.count) else {
      throw reader.error(choicesNode, "choices needs 2 to 10 choices, found \(choices.count)")
    }
    let answerNode = try field("answer")
    let answer = try reader.integer(answerNode, "answer", in: Int.min / 2...Int.max / 2)
    guard choices.indices.contains(answer) else {
      throw reader.error(
        answerNode,
        "answer \(answer) is not a choice: count from 0, so it must be from 0 to \(choices.count - 1)")
    }
    var explain: String?
    if let e = pairs.first(where: { $0.key == "explain" })?.value {
      explain = try reader.string(e, "explain")
    }
    return Question(question: question, choices: choices, answer: answer, explain: explain)
  }

  func expectations(_ node: Node) throws(LessonError) -> [Expectation] {
    var items: [Node]
    if case .sequence(let seq) = node { items = Array(seq) } else { items = [node] }
    if case .sequence = node, isFlow(node) { items = rejoinSplitCalls(items) }
    var out: [Expectation] = []
    for item in items {
      if case .mapping = item {
        let pairs = try reader.mapping(item, "an expectation")
        try reader.checkKeys(pairs, allowed: ["check", "text", "met", "missed"], in: "an expectation")
        guard let check = pairs.first(where: { $0.key == "check" })?.value else {
          throw reader.error(item, "an expectation map needs `check:` (the condition)")
        }
        var e = Expectation(condition: try condition(check), met: nil, missed: nil)
        if let met = pairs.first(where: { $0.key == "met" })?.value { e.met = try reader.string(met, "met") }
        if let missed = pairs.first(where: { $0.key == "missed" })?.value {
          e.missed = try reader.string(missed, "missed")
        }
        if let text = pairs.first(where: { $0.key == "text" })?.value { e.text = try reader.string(text, "text") }
        out.append(e)
      } else {
        out.append(Expectation(condition: try condition(item), met: nil, missed: nil))
      }
    }
    return out
  }

  /// True for a `[a, b]` collection (read from the source: Yams does not keep the style reliably).
  func isFlow(_ node: Node) -> Bool {
    let at = reader.location(node)
    guard at.line >= 1, at.line <= lines.count else { return false }
    let line = Array(lines[at.line - 1])
    return at.column >= 1 && at.column <= line.count && line[at.column - 1] == "["
  }

  /// In a flow list (`expect: [weight(x1, h1.1) > 0]`) YAML splits at the comma inside the call;
  /// rejoins plain items while a parenthesis or bracket is still open.
  func rejoinSplitCalls(_ items: [Node]) -> [Node] {
    var out: [Node] = []
    var pending: (text: String, first: Node)?
    for item in items {
      guard case .scalar(let s) = item else {
        if let p = pending { out.append(p.first) }
        pending = nil
        out.append(item)
        continue
      }
      let text = pending.map { $0.text + ", " + s.string } ?? s.string
      let first = pending?.first ?? item
      var depth = 0
      for c in text.unicodeScalars {
        if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
      }
      if depth > 0 {
        pending = (text, first)
      } else {
        pending = nil
        if text == s.string {
          out.append(item)
        } else {
          out.append(.scalar(Node.Scalar(text, .implicit, .plain, first.mark)))
        }
      }
    }
    if let p = pending { out.append(.scalar(Node.Scalar(p.text, .implicit, .plain, p.first.mark))) }
    return out
  }

  // MARK: Conditions and highlights

  func condition(_ node: Node) throws(LessonError) -> Condition {
    let text = try reader.string(node, "a condition")
    let start = reader.location(node)
    let condition: Condition
    do {
      condition = Condition(source: text, location: start, root: try ConditionParser.parse(text))
    } catch {
      throw LessonError(textLocation(node, text, offset: error.offset), step: reader.step, error.message)
    }
    for metric in condition.metrics {
      if isCNN, !metric.readsCNN {
        throw reader.error(
          node, "\(metric.name) is for the 2-D playground; this lesson is about the CNN (dataset: shapes)")
      }
      if !isCNN, metric.isCNNOnly {
        throw reader.error(node, "\(metric.name) is for CNN lessons (setup: dataset: shapes)")
      }
    }
    return condition
  }

  /// A `set:` checked against the lesson's mode: a CNN lesson sets the CNN keys and the keys the CNN
  /// shares with the 2-D playground; a 2-D lesson sets no CNN key.
  func modeChecked(_ change: ConfigChange, _ node: Node) throws(LessonError) -> ConfigChange {
    if isCNN {
      for entry in change.entries where !entry.isSharedWithCNN {
        let key = entry.key
        throw LessonError(
          change.keyLocations[key] ?? reader.location(node), step: reader.step,
          "\(key) is for the 2-D playground; a CNN lesson sets \(ConfigChange.cnnKeys.joined(separator: ", "))")
      }
      if change.entries.isEmpty && change.cnn.shapes == nil && change.cnn.convLayers == nil && change.speed == nil {
        throw reader.error(node, "set needs at least one config key")
      }
    } else {
      if !change.cnn.isEmpty {
        let key = ["shapes", "convLayers", "dataset"].first { change.keyLocations[$0] != nil } ?? "shapes"
        throw LessonError(
          change.keyLocations[key] ?? reader.location(node), step: reader.step,
          "shapes, convLayers and dataset: shapes are for CNN lessons (setup: dataset: shapes)")
      }
      if change.entries.isEmpty && change.speed == nil {
        throw reader.error(node, "set needs at least one config key")
      }
    }
    return change
  }

  /// The CNN page a step opens (the lesson format's names).
  func page(_ node: Node) throws(LessonError) -> CNNPage {
    let text = try reader.string(node, "page")
    guard isCNN else {
      throw reader.error(node, "page is for CNN lessons (setup: dataset: shapes); the 2-D playground has one page")
    }
    switch text {
    case "results": return .results
    case "classPictures": return .classPictures
    case "attack": return .attack
    case "units": return .units
    case "embedding": return .embedding
    case "step": return .step
    default:
      throw reader.error(node, "page must be results, classPictures, attack, units, embedding or step; found '\(text)'")
    }
  }

  /// Point-plane actions have no meaning in a CNN lesson.
  func notInCNN(_ key: String, _ node: Node) throws(LessonError) {
    if isCNN {
      throw reader.error(node, "\(key) is for the 2-D playground; this lesson is about the CNN (dataset: shapes)")
    }
  }

  func highlight(_ node: Node) throws(LessonError) -> HighlightTarget {
    let text = try reader.string(node, "highlight")
    let usage =
      isCNN
      ? "a CNN lesson highlights play, step, reset, learningRate, batchSize, shapes, convLayers, lossChart or a part of the CNN view (\(CNNPart.allCases.map(\.rawValue).joined(separator: ", ")))"
      : "highlight a control (a config key, play, step, reset, regenerate, points, weights), a neuron (x1, h1.1, output), weight(x1, h1.1) or lossChart"
    let target: HighlightTarget
    // CNN parts first: `confusion` is also the name of a metric that takes arguments.
    if let part = CNNPart(rawValue: text) {
      target = .cnn(part)
    } else {
      target = try parsedHighlight(text, node, usage: usage)
    }
    switch target {
    case .neuron, .weight:
      if isCNN { throw reader.error(node, "'\(text)' is a 2-D network's part; \(usage)") }
    case .cnn:
      if !isCNN { throw reader.error(node, "'\(text)' is a part of the CNN view, for CNN lessons (setup: dataset: shapes)") }
    case .control(let control):
      if isCNN && !control.isCNNControl {
        throw reader.error(node, "'\(text)' is a 2-D playground control; \(usage)")
      }
    case .lossChart: break
    }
    return target
  }

  /// A highlight written as a control, a neuron, `weight(a, b)` or `lossChart`.
  func parsedHighlight(_ text: String, _ node: Node, usage: String) throws(LessonError) -> HighlightTarget {
    let expr: Expr
    do {
      expr = try ConditionParser.parseTerm(text)
    } catch {
      throw LessonError(
        textLocation(node, text, offset: error.offset), step: reader.step, "\(error.message); \(usage)")
    }
    let target: HighlightTarget
    switch expr.kind {
    case .metric(.config(let control)): target = .control(control)
    case .metric(.weight(let from, let to)): target = .weight(from: from, to: to)
    case .name(let w):
      if w == "lossChart" {
        target = .lossChart
      } else if let control = Control(rawValue: w) {
        target = .control(control)
      } else if let part = CNNPart(rawValue: w) {
        target = .cnn(part)
      } else if let neuron = NeuronName(w) {
        target = .neuron(neuron)
      } else {
        var message = "cannot highlight '\(w)'"
        let names = Control.allCases.map(\.rawValue) + CNNPart.allCases.map(\.rawValue) + ["lossChart", "output"]
        if let c = closest(w, in: names) { message += "; did you mean \(c)?" }
        throw reader.error(node, "\(message) (\(usage))")
      }
    default:
      throw reader.error(node, "cannot highlight '\(text)'; \(usage)")
    }
    return target
  }

  /// The file position of column `offset` inside a scalar's text: exact when the scalar sits on one
  /// line as written (plain or quoted without escapes), else the scalar's start.
  func textLocation(_ node: Node, _ text: String, offset: Int) -> LessonLocation {
    let start = reader.location(node)
    guard case .scalar(let s) = node, start.line >= 1, start.line <= lines.count else { return start }
    let line = lines[start.line - 1]
    let from = start.column - 1
    let textScalars = Array(text.unicodeScalars)
    let quote: Unicode.Scalar? =
      switch s.style {
      case .doubleQuoted: "\""
      case .singleQuoted: "'"
      default: nil
      }
    let skip = quote == nil ? 0 : 1
    guard from >= 0, from + skip + textScalars.count <= line.count else { return start }
    let lineScalars = Array(line)
    if let quote, lineScalars[from] != quote { return start }
    guard Array(lineScalars[(from + skip)..<(from + skip + textScalars.count)]) == textScalars else {
      return start
    }
    return start.shifted(by: skip + offset)
  }
}
