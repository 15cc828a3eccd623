import PlaygroundCore

/// What a step's `highlight:` points at.
public enum HighlightTarget: Sendable, Equatable {
  /// A control in the top bar or the side panels.
  case control(Control)
  /// A feature tile, a hidden neuron's tile, or the output (the big heatmap).
  case neuron(NeuronName)
  /// The link from one neuron to the next.
  case weight(from: NeuronName, to: NeuronName)
  /// The loss chart under the output.
  case lossChart
}

/// Lesson-level `controls:`.
public struct Controls: Sendable, Equatable {
  /// Not shown at all.
  public var hidden: [Control] = []
  /// Shown but not changeable.
  public var locked: [Control] = []
  public init(hidden: [Control] = [], locked: [Control] = []) {
    self.hidden = hidden
    self.locked = locked
  }

  public func isHidden(_ control: Control) -> Bool { hidden.contains(control) }
  public func isLocked(_ control: Control) -> Bool { locked.contains(control) }
  /// Hidden or locked: the learner cannot change it.
  public func isFrozen(_ control: Control) -> Bool { isHidden(control) || isLocked(control) }

  /// Whether a learner's action is allowed: actions that touch a hidden or locked control are not.
  /// Pausing and view actions are always allowed; a whole new config (`applyConfig`) only when no
  /// config control is frozen. (The lesson's own actions are not filtered.)
  public func permits(_ action: Action) -> Bool {
    if case .applyConfig = action {
      return !(hidden + locked).contains { $0.isConfigKey }
    }
    guard let control = Control(touchedBy: action) else { return true }
    return !isFrozen(control)
  }
}

/// A control a lesson can hide, lock or highlight: every config key, plus the buttons.
public enum Control: String, CaseIterable, Sendable {
  case problem, dataset, noise, trainRatio, seed, features, hiddenLayers, activation, learningRate
  case regularization, regularizationRate, batchSize
  case initialization = "init"
  case showTestData, discretize, shapes, convLayers
  /// Play/pause (and training by key).
  case play
  /// One epoch.
  case step
  /// Reset the weights.
  case reset
  /// New data.
  case regenerate
  /// Adding and removing the learner's own points in the output.
  case points
  /// Editing a weight or bias by clicking it.
  case weights

  public var isConfigKey: Bool {
    switch self {
    case .play, .step, .reset, .regenerate, .points, .weights: false
    default: true
    }
  }

  /// The control a learner's action changes; nil for pausing and view actions.
  public init?(touchedBy action: Action) {
    switch action {
    case .togglePlay, .play, .train: self = .play
    case .step: self = .step
    case .reset: self = .reset
    case .regenerate: self = .regenerate
    case .selectProblem: self = .problem
    case .selectDataset: self = .dataset
    case .setNoise: self = .noise
    case .setTrainRatio: self = .trainRatio
    case .setBatchSize: self = .batchSize
    case .setShowTestData: self = .showTestData
    case .setDiscretize: self = .discretize
    case .addPoint, .removePointNear, .selectClass: self = .points
    case .toggleFeature: self = .features
    case .addLayer, .removeLayer, .addNeuron, .removeNeuron: self = .hiddenLayers
    case .setActivation: self = .activation
    case .setLearningRate: self = .learningRate
    case .setRegularization: self = .regularization
    case .setRegularizationRate: self = .regularizationRate
    case .setWeight, .setBias: self = .weights
    // Pausing, a whole config and the view actions (new actions too, until they are mapped here).
    default: return nil
    }
  }
}
