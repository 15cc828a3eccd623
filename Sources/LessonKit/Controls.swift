import PlaygroundCore

/// What a step's `highlight:` points at.
public enum HighlightTarget: Sendable, Equatable {
  /// A control in the top bar or the side panels.
  case control(Control)
  /// A feature tile, a hidden neuron's tile, or the output (the big heatmap).
  case neuron(NeuronName)
  /// The link from one neuron to the next.
  case weight(from: NeuronName, to: NeuronName)
  /// The loss chart under the output (in a CNN lesson, the CNN's loss chart).
  case lossChart
  /// A part of the CNN view (CNN lessons).
  case cnn(CNNPart)
}

/// The parts of the CNN view a CNN lesson can point at.
public enum CNNPart: String, CaseIterable, Sendable {
  /// The first conv layer's filters, and the feature maps of the inspected image.
  case filters, featureMaps
  /// The inspected image (a test image or the learner's drawing) and the brush canvas.
  case image
  /// The saliency switch under the image.
  case saliency
  /// The class probabilities for the inspected image.
  case prediction
  /// The confusion matrix on the results page.
  case confusion
  /// The switch to the class pictures page (class activation maximization).
  case classPictures
  /// The test images the network gets wrong.
  case mistakes
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
    // A lesson is about one mode: the learner cannot switch to the other.
    if case .setMode = action { return false }
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
  /// The timeline: moving to an earlier moment, continuing from it, undoing that.
  case timeline

  /// The controls the CNN mode has.
  public var isCNNControl: Bool {
    switch self {
    case .play, .step, .reset, .learningRate, .batchSize, .shapes, .convLayers, .trainRatio, .seed, .dataset, .timeline:
      true
    default: false
    }
  }

  public var isConfigKey: Bool {
    switch self {
    case .play, .step, .reset, .regenerate, .points, .weights, .timeline: false
    default: true
    }
  }

  /// The control a learner's action changes; nil for pausing and view actions.
  public init?(touchedBy action: Action) {
    switch action {
    case .togglePlay, .play, .train, .trainSlice: self = .play
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
    case .seek, .continueFromHere, .undoBranch, .compare: self = .timeline
    case .cnn(let cnnAction):
      guard let control = Control.touched(by: cnnAction) else { return nil }
      self = control
    case .configureCNN: self = .shapes
    // Pausing, a whole config, the view and the pace: no lesson control, so never frozen. Listed
    // one by one (no `default`) so a new action must be mapped here before this compiles.
    case .pause, .applyConfig, .focusNeuron, .showWarp, .toggleHelp, .showSidePanel, .dismissBanner,
      .showBanner, .setChartExpanded, .setChartLogScale, .setMode, .setSpeed, .setLearning, .explain,
      .showGradients:
      return nil
    // Whole states: opening a session (Ctrl+O) and the lesson's own Back.
    case .restore, .replaceState:
      return nil
    }
  }

  /// The control a CNN action changes; nil for the drawing canvas, the test image and the class
  /// pictures, which a lesson never locks.
  static func touched(by action: CNNAction) -> Control? {
    switch action {
    case .toggleClass: .shapes
    case .addConvLayer, .removeConvLayer, .addFilter, .removeFilter: .convLayers
    case .addDrawing, .addDrawingToClass: .points
    case .selectTestImage, .inspectDrawing, .setDrawing, .paint, .clearDrawing, .importClasses, .setSaliency,
      .setCAMSettings, .advanceCAM, .restartCAM, .showPage, .inside:
      nil
    }
  }
}
