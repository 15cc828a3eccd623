import Datasets
import Engine
import Training

/// Everything the playground window knows, in one value. Only `reduce` changes it.
///
/// Two runs live side by side, the 2-D playground's and the CNN mode's (made the first time it
/// shows); `mode` says which one shows, and `active` is that run as lessons, the background trainer
/// and the bench see either kind. Training actions go to the active run (`reduceTraining`).
public struct AppState: Sendable {
  /// The 2-D playground's run: the points, the network and the training so far.
  public internal(set) var dense: TrainingRun<Experiment>
  /// The CNN (shapes) mode, made the first time it is shown.
  public internal(set) var cnn: CNNAppState?
  /// Which playground the window shows.
  public internal(set) var mode: AppMode = .dense
  /// How the loss chart is shown (expanded, log scale).
  public internal(set) var chart = ChartOptions()
  /// The neuron whose picture fills the output panel while hovered (nil: the output).
  public internal(set) var focusedNeuron: NeuronRef?
  /// The class a left click in the output adds.
  public internal(set) var selectedClass = 1
  /// A message across the top: an error, a divergence, a confirmation.
  public internal(set) var banner: Banner?
  /// The help overlay listing every shortcut.
  public internal(set) var showHelp = false
  /// The hidden layer whose warping of the plane is shown (nil: none), and its two neurons.
  public internal(set) var warp: LayerWarpChoice?
  /// Which panel shows where a narrow window folds panels behind tabs.
  public internal(set) var sidePanel: SidePanel = .network
  /// Run B beside the run that shows (Compare), when open.
  public internal(set) var comparison: Comparison?
  /// "Explain a step": the training point and stage walked through (nil: the normal view).
  public internal(set) var explain: StepWalkthrough?
  /// "Show gradients": links coloured by their recent |∂L/∂w| (nil: off, by their weight).
  public internal(set) var linkGradients: LinkGradients?

  public init(config: PlaygroundConfig = PlaygroundConfig(), customPoints: [DataPoint] = []) throws(ConfigError) {
    dense = TrainingRun(try Experiment(config: config, customPoints: customPoints), speed: .denseDefault)
  }

  /// The 2-D playground's configuration.
  public var config: PlaygroundConfig { dense.config }
  /// The 2-D playground's session (data, network, training so far).
  public var experiment: Experiment { dense.session }
  /// The 2-D playground's latest loss and accuracy.
  public var evaluation: Evaluation { dense.evaluation }
  /// Increases whenever the 2-D network or data changes (or the mode does), so views redraw.
  public var revision: Int { dense.revision }

  /// The CNN mode's state when it is the mode showing (nil while the 2-D playground shows).
  public var showingCNN: CNNAppState? { mode == .cnn ? cnn : nil }

  /// The run that shows, whatever its kind.
  public var active: any ActiveRun { showingCNN?.run ?? dense }

  /// Whether the run that shows is training between frames.
  public var isPlaying: Bool { showingCNN?.isPlaying ?? dense.isPlaying }
}

/// The panels that share one place, behind tabs, in a narrow window (a projector's zoom, a small
/// laptop, a lesson beside them): DATA and the network first, OUTPUT too in the narrowest.
public enum SidePanel: String, CaseIterable, Sendable {
  case data
  case network
  case output
}

/// A neuron by position: layer 0 is the input features, 1… the hidden layers, the last the output.
public struct NeuronRef: Hashable, Sendable {
  public var layer: Int
  public var index: Int
  public init(layer: Int, index: Int) {
    self.layer = layer
    self.index = index
  }
}

/// Which hidden layer's warp is shown, through which two of its neurons.
public struct LayerWarpChoice: Hashable, Sendable {
  public var layer: Int
  public var first: Int
  public var second: Int
  public init(layer: Int, first: Int, second: Int) {
    self.layer = layer
    self.first = first
    self.second = second
  }
}

/// A message shown across the top of the window.
public struct Banner: Equatable, Sendable {
  public enum Kind: Sendable { case info, warning, error }
  public var kind: Kind
  public var text: String
  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

extension AppState {
  /// What Copy config puts on the clipboard: the configuration and the 2-D speed.
  public var shareString: String { SharedSetup(config: config, speed: dense.speed).shareString }
}
