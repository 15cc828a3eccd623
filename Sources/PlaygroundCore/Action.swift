import Datasets
import Engine
import SessionKit
import Training

/// Everything a learner, a lesson or a test can do, named by intent.
public enum Action: Equatable, Sendable {
  // Training (the run that shows: the 2-D playground's or the CNN mode's)
  case togglePlay
  case play
  case pause
  /// One epoch.
  case step
  /// `epochs` more whole epochs (a lesson's `train`, the command line).
  case train(epochs: Int)
  /// `units` more training units (2-D: epochs; CNN: mini-batches): the window's frame-sized slices
  /// while playing. The same bits as whole epochs; loss and accuracy are measured as each epoch ends.
  case trainSlice(units: Int)
  /// New initial weights from the seed; divergence cleared. The run's history is set aside
  /// (`undoBranch` brings it back).
  case reset
  /// Shows an earlier moment of the run that shows (the timeline); pauses.
  case seek(TimelineSeek)
  /// Goes on from the moment shown: the later history is set aside (`undoBranch` brings it back).
  /// Training or changing anything while an earlier moment shows does the same.
  case continueFromHere
  /// Brings back the history the last "Continue from here" or Reset set aside.
  case undoBranch
  /// Compare: run B beside the run that shows (open, close, B's settings).
  case compare(ComparisonAction)
  /// New data from a seed derived from the old one.
  case regenerate
  // Data
  case selectProblem(ProblemKind)
  case selectDataset(DatasetKind)
  case setNoise(Int)
  case setTrainRatio(Int)
  case setBatchSize(Int)
  case setShowTestData(Bool)
  case setDiscretize(Bool)
  /// Adds a point of class (or value) `label` at (x, y) to the training data.
  case addPoint(x: Double, y: Double, label: Double)
  case removePointNear(x: Double, y: Double)
  case selectClass(Int)
  // Network
  case toggleFeature(Feature)
  case addLayer
  case removeLayer
  /// `layer` counts hidden layers from 0.
  case addNeuron(layer: Int)
  case removeNeuron(layer: Int)
  case setActivation(Activation)
  case setLearningRate(Double)
  case setRegularization(Regularization)
  case setRegularizationRate(Double)
  /// Optimizer, momentum, dropout and schedule of the run that shows (all change live).
  case setLearning(LearningSettings)
  /// `layer` counts weighted layers from 0 (the first hidden layer; the last is the output).
  case setWeight(layer: Int, from: Int, to: Int, value: Float)
  case setBias(layer: Int, neuron: Int, value: Float)
  /// Replaces the whole configuration (a share string, a lesson's setup).
  case applyConfig(PlaygroundConfig)
  // View
  case focusNeuron(NeuronRef?)
  case showWarp(LayerWarpChoice?)
  case toggleHelp
  /// "Explain a step" on one training point: open, step through, leave.
  case explain(ExplainAction)
  /// Colours the 2-D network's links by their recent gradient (true) or by their weight (false).
  case showGradients(Bool)
  /// Shows DATA or the network where a narrow window folds them behind tabs.
  case showSidePanel(SidePanel)
  case dismissBanner
  case showBanner(Banner)
  /// The loss chart takes the output plot's place (true) or returns to its own (false).
  case setChartExpanded(Bool)
  /// The loss chart's y axis on a log scale (true) or linear from 0 (false).
  case setChartLogScale(Bool)
  // Modes
  /// Shows the 2-D playground or the CNN shapes mode (made on first use).
  case setMode(AppMode)
  /// A CNN-mode action (ignored until the CNN mode exists).
  case cnn(CNNAction)
  /// A whole CNN configuration (a CNN lesson's setup and `set:` steps): the CNN session is made
  /// if there is none; learning rate and batch size change live; any other change starts a new
  /// session from the seed. Does not switch modes.
  case configureCNN(CNNConfig)
  // Pace
  /// The training speed of the run that shows (epochs per second in 2-D, images per second in CNN mode).
  case setSpeed(TrainingSpeed)
  // Whole states
  /// Opens a saved session (the window's Ctrl+O): a 2-D one replaces everything, a CNN one
  /// replaces the CNN mode and shows it. One that does not check changes nothing and says why in
  /// the banner (`SessionFile.validate()` checks first, for callers that report it themselves).
  indirect case restore(SessionFile)
  /// Goes back to a state held earlier (a lesson's Back to the state its step was entered with).
  case replaceState(StateSnapshot)
}

/// Where the timeline moves.
public enum TimelineSeek: Equatable, Sendable {
  /// To the end of epoch `epoch` (clamped to the run's history).
  case epoch(Int)
  /// One epoch back (`[`).
  case back
  /// One epoch forward (`]`).
  case forward
  /// The run's start (Home).
  case start
  /// The present (End).
  case end
}
