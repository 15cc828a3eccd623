import Datasets
import Localization
import PlaygroundCore

/// The settings a step's text can depend on, read from a state as key → value text, so the session
/// can tell when free play has changed one the lesson set (a different dataset, network, rate…).
/// Display-only keys (showTestData, discretize) are left out: they change no claim of a step.
enum ScriptedSettings {
  static func read(_ state: AppState, keys: Set<String>? = nil) -> [String: String] {
    var out: [String: String] = [:]
    func put(_ key: String, _ value: @autoclosure () -> String) {
      if keys == nil || keys!.contains(key) { out[key] = value() }
    }
    if let cnn = state.showingCNN {
      let c = cnn.config
      put("shapes", c.shapes.map(\.rawValue).joined(separator: ","))
      put("convLayers", c.convLayers.map(String.init).joined(separator: ","))
      put("learningRate", "\(c.learningRate)")
      put("batchSize", "\(c.batchSize)")
      put("trainRatio", "\(c.trainRatio)")
      put("seed", "\(c.seed)")
      return out
    }
    let c = state.config
    put("problem", c.problem.rawValue)
    put("dataset", c.dataset.rawValue)
    put("noise", "\(c.noise)")
    put("trainRatio", "\(c.trainRatio)")
    put("seed", "\(c.seed)")
    put("features", c.features.map(\.rawValue).sorted().joined(separator: ","))
    put("hiddenLayers", c.hiddenLayers.map(String.init).joined(separator: ","))
    put("activation", c.activation.rawValue)
    put("init", c.initialization.rawValue)
    put("learningRate", "\(c.learningRate)")
    put("regularization", c.regularization.rawValue)
    put("regularizationRate", "\(c.regularizationRate)")
    put("batchSize", "\(c.batchSize)")
    return out
  }

  /// How the panel names a key ("the dataset", "the hidden layers").
  static func words(_ key: String) -> String {
    Control(rawValue: key).map(Metric.words) ?? key
  }

  /// `words` in the learner's language, for the lesson panel.
  static func shownWords(_ key: String) -> String {
    guard let control = Control(rawValue: key) else { return verbatim(key) }
    return switch control {
    case .problem: tr("the problem type")
    case .dataset: tr("the dataset")
    case .noise: tr("the noise")
    case .trainRatio: tr("the ratio of training to test data")
    case .seed: tr("the seed")
    case .features: tr("the features")
    case .hiddenLayers: tr("the hidden layers")
    case .activation: tr("the activation")
    case .learningRate: tr("the learning rate")
    case .regularization: tr("the regularization")
    case .regularizationRate: tr("the regularization rate")
    case .batchSize: tr("the batch size")
    case .initialization: tr("the initialization")
    case .showTestData: tr("showing test data")
    case .discretize: tr("the discretized output")
    case .shapes: tr("the shapes")
    case .convLayers: tr("the conv layers")
    default: tr("the setting {1}", control.rawValue)
    }
  }
}

extension ConfigChange {
  /// The keys this change sets, with the ones it brings along (a dataset its problem and back).
  var keys: Set<String> {
    var out = Set(entries.map(\.key))
    if out.contains("dataset") || out.contains("problem") { out.formUnion(["dataset", "problem"]) }
    if cnn.shapes != nil { out.insert("shapes") }
    if cnn.convLayers != nil { out.insert("convLayers") }
    return out
  }
}

extension LessonTask {
  /// The keys the solution's `set:` parts name.
  var solutionKeys: Set<String> {
    solution.reduce(into: Set<String>()) { keys, part in
      if case .set(let change) = part { keys.formUnion(change.keys) }
    }
  }
}

extension GuidedLesson {
  /// The settings the learner changed in free play that the lesson's script set otherwise, in
  /// words ("the dataset", "the learning rate"); empty when the screen matches the step's text.
  /// Empty on a task the learner is still working on (changing things is the task).
  public func changedSettings(in state: AppState) -> [String] {
    if case .task? = step.action, report == nil { return [] }
    let now = ScriptedSettings.read(state)
    return scripted.keys.sorted().filter { now[$0] != scripted[$0] }.map(ScriptedSettings.shownWords)
  }

  /// "Set up this step": the state the lesson's own script gives this step, made by replaying the
  /// lesson from its start (every earlier step done as "Show me" would, through `reduce`), as
  /// `--lesson-step` does. The learner asked for it with a click, so their changes are replaced.
  public mutating func setUpStep(_ state: inout AppState) {
    guard var fresh = try? lesson.startingState() else { return }
    var replay = GuidedLesson(lesson: lesson, state: &fresh)
    while replay.index < index {
      replay.showMe(&fresh)
      guard replay.next(&fresh) else { break }
    }
    self = replay
    state = fresh
  }
}
