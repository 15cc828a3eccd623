import Datasets
import PlaygroundCore
import Training

/// Turns a step's lesson-driven actions into PlaygroundCore `Action`s and sends them through
/// `reduce`, checking first what the reducer would refuse so the lesson can say why.
enum LessonActions {
  /// The actions for a `set:` on `config`: the live keys (learning rate, regularization, batch size,
  /// display) keep the network; any other key rebuilds data and network from the seed
  /// (`applyConfig`), as the same change made in the window would.
  static func actions(for change: ConfigChange, on config: PlaygroundConfig) -> [Action] {
    guard change.isLiveOnly else { return [.applyConfig(change.applied(to: config))] }
    var out: [Action] = []
    for entry in change.entries {
      switch entry {
      case .learningRate(let v): out.append(.setLearningRate(v))
      case .regularization(let v): out.append(.setRegularization(v))
      case .regularizationRate(let v): out.append(.setRegularizationRate(v))
      case .batchSize(let v): out.append(.setBatchSize(v))
      case .showTestData(let v): out.append(.setShowTestData(v))
      case .discretize(let v): out.append(.setDiscretize(v))
      case .learning: out.append(.setLearning(change.applied(to: config).learningSettings))
      default: break
      }
    }
    return out
  }

  /// The 2-D config a change makes of `config`, or the errors that say where it is wrong.
  static func denseConfig(_ change: ConfigChange, from config: PlaygroundConfig, step: Int) -> Result<PlaygroundConfig, LessonErrors> {
    if !change.cnn.isEmpty {
      return .failure(LessonErrors([LessonError(change.location, step: step, "shapes and convLayers are for CNN lessons (setup: dataset: shapes)")]))
    }
    let next = change.applied(to: config)
    do {
      try next.validate()
    } catch {
      let key = error.key == "initialization" ? "init" : error.key
      return .failure(LessonErrors([LessonError(change.keyLocations[key] ?? change.location, step: step, error.message)]))
    }
    return .success(next)
  }

  static func set(_ change: ConfigChange, _ state: inout AppState, step: Int) -> [LessonError] {
    if let speed = change.speed { reduce(&state, .setSpeed(speed)) }
    if let cnn = state.showingCNN { return setCNN(change, &state, cnn: cnn, step: step) }
    let next: PlaygroundConfig
    switch denseConfig(change, from: state.config, step: step) {
    case .success(let config): next = config
    case .failure(let errors): return errors.errors
    }
    if next.dataset == .custom && state.experiment.customPoints.isEmpty {
      return [
        LessonError(
          change.keyLocations["dataset"] ?? change.location, step: step,
          "dataset custom needs points; add them first")
      ]
    }
    let before = state.banner
    for action in actions(for: change, on: state.config) { reduce(&state, action) }
    if let banner = state.banner, banner.kind == .error, banner != before {
      reduce(&state, .dismissBanner)
      return [LessonError(change.location, step: step, banner.text)]
    }
    return []
  }

  /// `compare:`: opens Compare (B a copy of the run that shows) and changes B's settings.
  static func compare(_ change: ConfigChange, _ state: inout AppState, step: Int) -> [LessonError] {
    reduce(&state, .compare(.open))
    let before = state.banner
    if let cnn = state.showingCNN {
      var probe = state
      var errors = setCNN(change, &probe, cnn: cnn, step: step)
      if errors.isEmpty, let config = probe.cnn?.config { reduce(&state, .compare(.configureBCNN(config))) }
      if errors.isEmpty, let banner = state.banner, banner.kind == .error, banner != before {
        errors = [LessonError(change.location, step: step, banner.text)]
      }
      return errors
    }
    let next: PlaygroundConfig
    switch denseConfig(change, from: state.config, step: step) {
    case .success(let config): next = config
    case .failure(let errors): return errors.errors
    }
    reduce(&state, .compare(.configureB(next)))
    if let banner = state.banner, banner.kind == .error, banner != before {
      reduce(&state, .dismissBanner)
      return [LessonError(change.location, step: step, banner.text)]
    }
    return []
  }

  static func setWeights(_ edits: [WeightEdit], _ state: inout AppState, step: Int) -> [LessonError] {
    if state.showingCNN != nil {
      return edits.prefix(1).map {
        LessonError($0.location, step: step, "setWeight is for the 2-D playground; this lesson is about the CNN")
      }
    }
    var errors: [LessonError] = []
    for edit in edits {
      do {
        switch edit.target {
        case .weight(let from, let to):
          let w = try state.experiment.weightIndex(from: from, to: to)
          reduce(&state, .setWeight(layer: w.layer, from: w.from, to: w.to, value: edit.value))
        case .bias(let of):
          let b = try state.experiment.biasIndex(of: of)
          reduce(&state, .setBias(layer: b.layer, neuron: b.neuron, value: edit.value))
        }
      } catch {
        errors.append(LessonError(edit.location, step: step, "setWeight: \(error.message)"))
      }
    }
    return errors
  }

  static func addPoints(
    _ points: [DataPoint], _ state: inout AppState, at location: LessonLocation, step: Int
  ) -> [LessonError] {
    if state.showingCNN != nil {
      return [LessonError(location, step: step, "addPoints is for the 2-D playground; this lesson is about the CNN")]
    }
    let classes = state.experiment.classCount
    if classes > 0,
      let bad = points.first(where: {
        $0.label < 0 || $0.label >= Double(classes) || $0.label != $0.label.rounded()
      })
    {
      return [
        LessonError(
          location, step: step,
          "addPoints: class \(formatNumber(bad.label)) does not exist; this dataset has classes 0 to \(classes - 1) (0 is orange, 1 blue)"
        )
      ]
    }
    for p in points { reduce(&state, .addPoint(x: p.x, y: p.y, label: p.label)) }
    return []
  }
}

extension LessonActions {
  /// A `set:` in a CNN lesson: the keys the CNN shares with the 2-D playground (trainRatio, seed,
  /// learningRate, batchSize) and the CNN keys (shapes, convLayers). Learning rate and batch size
  /// change live; the rest start a new CNN session from the seed, as the window's buttons do.
  static func setCNN(_ change: ConfigChange, _ state: inout AppState, cnn: CNNAppState, step: Int) -> [LessonError] {
    var c = cnn.config
    for entry in change.entries {
      switch entry {
      case .trainRatio(let v): c.trainRatio = v
      case .seed(let v): c.seed = v
      case .learningRate(let v): c.learningRate = v
      case .batchSize(let v): c.batchSize = v
      default:
        let key = entry.key
        return [
          LessonError(
            change.keyLocations[key] ?? change.location, step: step,
            "\(key) is for the 2-D playground; a CNN lesson sets shapes, convLayers, learningRate, batchSize, trainRatio or seed"
          )
        ]
      }
    }
    if let shapes = change.cnn.shapes { c.shapes = shapes.compactMap(ShapeKind.init(rawValue:)) }
    if let layers = change.cnn.convLayers { c.convLayers = layers }
    do {
      try c.validate()
    } catch {
      return [LessonError(change.keyLocations[error.key] ?? change.location, step: step, error.message)]
    }
    let before = state.banner
    reduce(&state, .configureCNN(c))
    if let banner = state.banner, banner.kind == .error, banner != before {
      reduce(&state, .dismissBanner)
      return [LessonError(change.location, step: step, banner.text)]
    }
    return []
  }
}

/// The outcome of one step: the numbers when it completed and every check made.
public struct StepReport: Sendable {
  public var step: Step
  public var metrics: MetricSnapshot
  /// A task's goal (after its solution, when "Show me" or the validation applied it).
  public var goal: ConditionResult?
  public var solutionApplied = false
  public var expectations: [ConditionResult] = []
  /// A question's chosen answer and whether it is right.
  public var answer: (choice: Int, correct: Bool)?
  /// Actions the lesson could not apply.
  public var errors: [LessonError]

  init(step: Step, metrics: MetricSnapshot, errors: [LessonError]) {
    self.step = step
    self.metrics = metrics
    self.errors = errors
  }

  /// Every check held, no action failed, and a question got the right answer.
  public var passed: Bool {
    errors.isEmpty && goal?.holds != false && expectations.allSatisfy(\.holds) && answer?.correct != false
  }

  /// Conditions that could not be evaluated (a neuron the network does not have, a CNN metric in
  /// the 2-D mode): in headless validation these make the lesson invalid.
  public var evaluationErrors: [LessonError] {
    ([goal].compactMap { $0 } + expectations).compactMap { result in
      result.error.map {
        LessonError(
          result.condition.location, step: step.number, "cannot evaluate \(result.condition.source): \($0)")
      }
    }
  }

  /// The unmet goal and expectations (that could be evaluated) as located messages.
  public var failures: [LessonError] {
    var out: [LessonError] = []
    if let goal, !goal.holds, goal.error == nil {
      let when = solutionApplied ? " after its solution" : ""
      out.append(
        LessonError(goal.condition.location, step: step.number, "goal does not hold\(when): \(goal.summary)"))
    }
    for e in expectations where !e.holds && e.error == nil {
      out.append(LessonError(e.condition.location, step: step.number, "expectation not met: \(e.summary)"))
    }
    if let answer, !answer.correct, case .ask(let q)? = step.action {
      out.append(
        LessonError(
          step.actionLocation, step: step.number, "answered \(answer.choice), the answer is \(q.answer)"))
    }
    return out
  }

  /// One line for `playground lesson validate`:
  /// `step 3/7 train 300: epoch 300, trainLoss 0.0123, … | ok testLoss < 0.05 (testLoss = 0.0123)`.
  public func line(of count: Int) -> String {
    var text = "step \(step.number)/\(count) \(step.action.map(LessonActions.describe) ?? "say"): \(metrics)"
    if let goal { text += " | goal \(goal.holds ? "ok" : "FAILED") \(goal.summary)" }
    for e in expectations { text += " | \(e.holds ? "ok" : "FAILED") \(e.summary)" }
    if let answer { text += " | answer \(answer.choice) \(answer.correct ? "ok" : "WRONG")" }
    for error in errors { text += " | ERROR \(error.message)" }
    return text
  }
}

extension LessonActions {
  /// `train 200`, `set learningRate=3`, `setWeight x1→output=1`, …
  static func describe(_ action: StepAction) -> String {
    switch action {
    case .set(let change):
      var parts = change.entries.map(describe)
      if let shapes = change.cnn.shapes { parts.append("shapes=[\(shapes.joined(separator: ","))]") }
      if let layers = change.cnn.convLayers { parts.append("convLayers=[\(layers.map(String.init).joined(separator: ","))]") }
      return "set " + parts.joined(separator: " ")
    case .train(let n): return "train \(n)"
    case .task: return "task"
    case .setWeight(let edits):
      return "setWeight "
        + edits.map { e in
          switch e.target {
          case .weight(let a, let b): "\(a)→\(b)=\(formatNumber(Double(e.value)))"
          case .bias(let n): "bias(\(n))=\(formatNumber(Double(e.value)))"
          }
        }.joined(separator: " ")
    case .reset: return "reset"
    case .seek(let epoch): return "seek \(epoch)"
    case .compare(let change): return "compare " + change.entries.map(describe).joined(separator: " ")
    case .regenerate: return "regenerate"
    case .ask: return "ask"
    case .addPoints(let p): return "addPoints \(p.count)"
    }
  }

  static func describe(_ entry: ConfigChange.Entry) -> String {
    switch entry {
    case .problem(let v): "problem=\(v.rawValue)"
    case .dataset(let v): "dataset=\(v.rawValue)"
    case .noise(let v): "noise=\(v)"
    case .trainRatio(let v): "trainRatio=\(v)"
    case .seed(let v): "seed=\(v)"
    case .features(let v): "features=[\(v.map(\.rawValue).joined(separator: ","))]"
    case .hiddenLayers(let v): "hiddenLayers=[\(v.map(String.init).joined(separator: ","))]"
    case .activation(let v): "activation=\(v.rawValue)"
    case .learningRate(let v): "learningRate=\(formatNumber(v))"
    case .regularization(let v): "regularization=\(v.rawValue)"
    case .regularizationRate(let v): "regularizationRate=\(formatNumber(v))"
    case .batchSize(let v): "batchSize=\(v)"
    case .initialization(let v): "init=\(v.rawValue)"
    case .showTestData(let v): "showTestData=\(v)"
    case .discretize(let v): "discretize=\(v)"
    case .learning(let key): key.description
    }
  }
}
