import Datasets
import Engine
import Training

/// Everything needed to carry on a CNN (shapes) session exactly where it stopped.
///
/// The images are kept as trained on (the training images in training order, the learner's
/// drawings at their end), so loading needs no image generator to agree with the one that saved;
/// the parameters are in the CNN's canonical order (`CNN.flatParameters`). Loading gives back the
/// same `CNN.checksum` and predictions, and training continues from `cursor` with the same bits
/// as a run that never stopped (CNN training visits the images in stored order every epoch).
public struct CNNSessionFile: Sendable, Equatable {
  /// Every setting (the lesson format's keys for `dataset: shapes`).
  public var config: CNNConfig
  /// Classes imported from image folders, after the shape classes, with their images in the
  /// order they joined the split.
  public var importedClasses: [ImageClass]
  /// The images the network trains on, in training order (the drawings last).
  public var train: [LabeledImage]
  /// The held-out images.
  public var test: [LabeledImage]
  /// The images the learner drew and added; they are also the last images of `train`.
  public var drawings: [LabeledImage]
  /// Every weight and bias, canonical order (`CNN.flatParameters`).
  public var parameters: [Float]
  /// Epochs completed and the next training image (a window may stop inside an epoch).
  public var cursor: CNNTrainingCursor
  /// Why training stopped, when it diverged.
  public var divergence: String?
  /// Loss and accuracy over the epochs (the window's charts).
  public var history: TrainingHistory
  /// The drawing canvas, row-major 28×28 in [0, 1].
  public var drawing: [Float]
  /// Images per second while playing (a play setting; files without it open at the default).
  public var speed: TrainingSpeed = .cnnDefault
  /// The run's recorded history (format 2; nil in files written before it existed).
  public var timeline: CNNTimeline?
  /// The optimizer's buffers and the dropout generator (empty for plain SGD without dropout).
  public var learning = SavedLearningState()

  public init(
    config: CNNConfig, importedClasses: [ImageClass] = [], train: [LabeledImage], test: [LabeledImage],
    drawings: [LabeledImage] = [], parameters: [Float], cursor: CNNTrainingCursor = CNNTrainingCursor(),
    divergence: String? = nil, history: TrainingHistory = TrainingHistory(),
    drawing: [Float] = CNNSessionFile.blankDrawing
  ) {
    self.config = config
    self.importedClasses = importedClasses
    self.train = train
    self.test = test
    self.drawings = drawings
    self.parameters = parameters
    self.cursor = cursor
    self.divergence = divergence
    self.history = history
    self.drawing = drawing
  }

  /// The session of an experiment, with the charts recorded so far and the canvas.
  public init(
    experiment: CNNExperiment, history: TrainingHistory = TrainingHistory(),
    drawing: [Float] = CNNSessionFile.blankDrawing
  ) {
    self.init(
      config: experiment.config, importedClasses: experiment.imported, train: experiment.train,
      test: experiment.test, drawings: experiment.drawings, parameters: experiment.network.flatParameters,
      cursor: experiment.cursor, divergence: experiment.divergence, history: history, drawing: drawing)
    learning = experiment.learningState
  }

  /// The session of a CNN run: its present (also while an earlier moment shows), charts, pace,
  /// canvas and recorded history.
  public init(run: TrainingRun<CNNExperiment>, drawing: [Float]) {
    let present = run.presentSession
    self.init(experiment: present, history: run.history, drawing: drawing)
    speed = run.speed
    let start = run.timeline.start
    var origin = CNNTimeline.Start(
      fromSeed: run.timeline.startsFromSeed, epoch: start.position.epoch, example: start.position.example,
      config: start.config)
    if start.train.count != present.train.count || start.drawings.count != present.drawings.count {
      origin.trainImages = start.train.count
      origin.drawings = start.drawings.count
    }
    if !run.timeline.startsFromSeed { origin.weights = start.network.flatParameters }
    timeline = CNNTimeline(run, start: origin)
  }

  /// An empty canvas.
  public static let blankDrawing = [Float](repeating: 0, count: ShapeImages.size * ShapeImages.size)

  /// Classes: the shapes, then the imported ones.
  public var classCount: Int { config.shapes.count + importedClasses.count }
  /// Every class's name in class order.
  public var classNames: [String] { config.shapes.map(\.rawValue) + importedClasses.map(\.name) }
  /// The architecture the config and the classes call for.
  public var shape: CNNShape { CNNExperiment.shape(config, importedClasses: importedClasses.count) }
  public var epoch: Int { cursor.epoch }

  /// Equal when every field is equal and every parameter has the same bits (NaN included).
  public static func == (a: CNNSessionFile, b: CNNSessionFile) -> Bool {
    a.config == b.config && a.importedClasses == b.importedClasses && a.train == b.train && a.test == b.test
      && a.drawings == b.drawings && a.parameters.map(\.bitPattern) == b.parameters.map(\.bitPattern)
      && a.cursor == b.cursor && a.divergence == b.divergence && a.history == b.history
      && a.drawing == b.drawing && a.speed == b.speed && a.timeline == b.timeline && a.learning == b.learning
  }
}

extension TrainingHistory {
  /// Appends one CNN measurement, as the window's CNN mode does after every training slice.
  public mutating func record(epoch: Int, evaluation: CNNEvaluation) {
    trainLoss.append(epoch: epoch, value: evaluation.train.loss)
    testLoss.append(epoch: epoch, value: evaluation.test.loss)
    testAccuracy.append(epoch: epoch, value: evaluation.test.accuracy)
  }
}

extension CNNShape {
  /// Weights and biases of a network of this shape (without storage padding), computed without
  /// building it, so a damaged file's sizes can be checked first.
  var parameterCount: Int {
    var count = 0
    var inputs = 1
    for c in convs {
      count += c.filters * (inputs * c.kernel * c.kernel + 1)
      inputs = c.filters
    }
    return count + classes * (featureCount + 1)
  }
}
