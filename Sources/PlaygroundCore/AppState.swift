import Datasets
import Engine
import Visualization

/// Everything the playground window knows, in one value. Only `reduce` changes it.
public struct AppState: Sendable {
  /// The data, the network and the training so far.
  public internal(set) var experiment: Experiment
  /// Training runs between frames while playing.
  public internal(set) var isPlaying = false
  /// Latest loss and accuracy on both sets.
  public internal(set) var evaluation: Evaluation
  /// Loss and accuracy over the epochs, in bounded memory.
  public internal(set) var trainLoss = ChartSeries()
  public internal(set) var testLoss = ChartSeries()
  public internal(set) var testAccuracy = ChartSeries()
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
  /// Increases whenever the network or data changes, so views know when to redraw.
  public internal(set) var revision = 0
  /// Which playground the window shows.
  public internal(set) var mode: AppMode = .dense
  /// The CNN (shapes) mode, made the first time it is shown.
  public internal(set) var cnn: CNNAppState?
  /// Which panel shows where a narrow window folds panels behind tabs.
  public internal(set) var sidePanel: SidePanel = .network
  /// The pace of training while playing, per mode (a play setting: it never changes the bits).
  public internal(set) var speed = TrainingSpeed.denseDefault
  public internal(set) var cnnSpeed = TrainingSpeed.cnnDefault

  public init(config: PlaygroundConfig = PlaygroundConfig(), customPoints: [DataPoint] = []) throws(ConfigError) {
    var experiment = try Experiment(config: config, customPoints: customPoints)
    evaluation = experiment.measure()
    self.experiment = experiment
    recordHistory()
  }

  public var config: PlaygroundConfig { experiment.config }

  mutating func recordHistory() {
    let e = experiment.epoch
    trainLoss.append(epoch: e, value: evaluation.train.loss)
    testLoss.append(epoch: e, value: evaluation.test.loss)
    testAccuracy.append(epoch: e, value: evaluation.test.accuracy)
  }

  mutating func clearHistory() {
    trainLoss.removeAll()
    testLoss.removeAll()
    testAccuracy.removeAll()
    recordHistory()
  }
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
