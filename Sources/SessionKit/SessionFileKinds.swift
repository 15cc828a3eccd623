import Datasets
import Engine
import Training

/// A saved playground: what `playground --load FILE` opens and `playground train --save FILE`
/// writes. The file records its `kind`: a dense network on 2-D points or a CNN on shape images.
public enum SessionFile: Sendable, Equatable {
  /// A dense network on 2-D points (`"kind": "dense2d"`).
  case dense2d(DenseSessionFile)
  /// A CNN on 28×28 shape images (`"kind": "cnn"`, see `CNNSessionFile`).
  case cnn(CNNSessionFile)

  /// Whether the file records the run's history (format 2).
  public var hasTimeline: Bool {
    switch self {
    case .dense2d(let s): s.timeline != nil
    case .cnn(let s): s.timeline != nil
    }
  }

  /// The `kind` field of the file.
  public var kind: String {
    switch self {
    case .dense2d: "dense2d"
    case .cnn: "cnn"
    }
  }
}

/// Everything needed to carry on a 2-D session exactly where it stopped.
///
/// The network's parameters are kept in canonical order (`Network.flatWeights`, `flatBiases`):
/// weighted layer, then output neuron j, then input neuron i. Loading gives back the same
/// `Network.checksum`, the same predictions, and training continues with the same bits.
public struct DenseSessionFile: Sendable, Equatable {
  /// Every setting (`PlaygroundConfig` is the lesson format's config keys).
  public var config: PlaygroundConfig
  /// Classes the network distinguishes: 0 for regression, 2 for one tanh output, k for softmax.
  public var classCount: Int
  /// The learner's own points (clicked or imported); they are also in `train` or `test`.
  public var customPoints: [DataPoint]
  /// The points the network trains on, in training order.
  public var train: [DataPoint]
  /// The held-out points.
  public var test: [DataPoint]
  /// Every weight, canonical order.
  public var weights: [Float]
  /// Every bias, canonical order.
  public var biases: [Float]
  /// Positions in `weights` that L1 regularization froze at 0 (they stay 0 in further training).
  public var frozenWeights: [Int]
  /// Epochs trained so far.
  public var epoch: Int
  /// Why training stopped, when it diverged.
  public var divergence: String?
  /// Loss and accuracy over the epochs (the window's charts).
  public var history: TrainingHistory
  /// The pace the window trained at (a play setting; files without it open at the default).
  public var speed: TrainingSpeed = .denseDefault
  /// The run's recorded history (format 2; nil in files written before it existed).
  public var timeline: DenseTimeline?
  /// The optimizer's buffers and the dropout generator (empty for plain SGD without dropout).
  public var learning = SavedLearningState()

  public init(
    config: PlaygroundConfig, classCount: Int, customPoints: [DataPoint], train: [DataPoint],
    test: [DataPoint],
    weights: [Float], biases: [Float], frozenWeights: [Int] = [], epoch: Int, divergence: String? = nil,
    history: TrainingHistory = TrainingHistory()
  ) {
    self.config = config
    self.classCount = classCount
    self.customPoints = customPoints
    self.train = train
    self.test = test
    self.weights = weights
    self.biases = biases
    self.frozenWeights = frozenWeights
    self.epoch = epoch
    self.divergence = divergence
    self.history = history
  }

  /// The session of an experiment, with the history recorded so far.
  public init(experiment: Experiment, history: TrainingHistory = TrainingHistory()) {
    self.init(
      config: experiment.config, classCount: experiment.classCount, customPoints: experiment.customPoints,
      train: experiment.train, test: experiment.test, weights: experiment.network.flatWeights,
      biases: experiment.network.flatBiases, frozenWeights: experiment.network.frozenWeightIndices,
      epoch: experiment.epoch, divergence: experiment.divergence, history: history)
    learning = experiment.learningState
  }

  /// The session of a 2-D run: its present (also while an earlier moment shows), charts, pace and
  /// recorded history.
  public init(run: TrainingRun<Experiment>) {
    let present = run.presentSession
    self.init(experiment: present, history: run.history)
    speed = run.speed
    let start = run.timeline.start
    var origin = DenseTimeline.Start(
      fromSeed: run.timeline.startsFromSeed, epoch: start.epoch, example: 0, config: start.config)
    if start.train != present.train || start.test != present.test || start.customPoints != present.customPoints {
      origin.train = start.train
      origin.test = start.test
      origin.ownPoints = start.customPoints
    }
    if !run.timeline.startsFromSeed {
      origin.weights = start.network.flatWeights
      origin.biases = start.network.flatBiases
      origin.frozenWeights = start.network.frozenWeightIndices
    }
    timeline = DenseTimeline(run, start: origin)
  }

  /// The architecture the config and class count call for.
  public var shape: NetworkShape { Experiment.shape(config, classes: classCount) }

  /// Equal when every field is equal and every parameter has the same bits (NaN included).
  public static func == (a: DenseSessionFile, b: DenseSessionFile) -> Bool {
    a.config == b.config && a.classCount == b.classCount && a.customPoints == b.customPoints
      && a.train == b.train
      && a.test == b.test && a.weights.map(\.bitPattern) == b.weights.map(\.bitPattern)
      && a.biases.map(\.bitPattern) == b.biases.map(\.bitPattern) && a.frozenWeights == b.frozenWeights
      && a.epoch == b.epoch && a.divergence == b.divergence && a.history == b.history && a.speed == b.speed
      && a.timeline == b.timeline && a.learning == b.learning
  }
}

/// A session file that cannot be read or written, with a message naming the file.
public struct SessionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file, when the error is about one.
  public var path: String?
  /// What is wrong, in words a learner can act on.
  public var message: String

  public init(path: String? = nil, _ message: String) {
    self.path = path
    self.message = message
  }

  /// `PATH: message`, or the message alone.
  public var description: String {
    guard let path else { return message }
    return "\(path): \(message)"
  }

  /// The same error about `path`.
  func about(_ path: String) -> SessionError { SessionError(path: path, message) }
}
