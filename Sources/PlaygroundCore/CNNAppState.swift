import Datasets
import Engine
import Training

/// Everything the CNN (shapes) mode knows: its run and what the learner inspects. Only `reduce`
/// changes it.
public struct CNNAppState: Sendable {
  /// The images, the network and the training so far.
  public internal(set) var run: TrainingRun<CNNExperiment>
  /// The test image being inspected (feature maps, probabilities), when not showing the drawing.
  public internal(set) var selectedTestImage = 0
  /// The learner's 28×28 drawing, row-major, values in [0, 1].
  public internal(set) var drawing = [Float](repeating: 0, count: ShapeImages.size * ShapeImages.size)
  /// True: the inspected image is the drawing; false: the selected test image (the start, so the
  /// feature maps show a real shape).
  public internal(set) var inspectDrawing = false
  /// The saliency overlay on the inspected image.
  public internal(set) var showSaliency = false
  /// Class activation maximization: the settings and one run per class (class order).
  public internal(set) var camSettings = CAMSettings()
  public internal(set) var cams: [CAMAscent] = []
  /// The network revision the CAM runs started from.
  public internal(set) var camRevision = -1
  /// The right-hand page (results, class pictures; in narrow windows also layers and drawing).
  public internal(set) var page = CNNPage.results
  /// The attack, units and embedding pages' choices.
  public internal(set) var inside = CNNInsideState()

  public init(config: CNNConfig = CNNConfig()) throws(ConfigError) {
    try self.init(experiment: CNNExperiment(config: config))
  }

  public init(experiment: CNNExperiment, speed: TrainingSpeed = .cnnDefault, history: TrainingHistory = TrainingHistory()) {
    run = TrainingRun(experiment, speed: speed, history: history)
    restartCAM()
  }

  /// The CNN mode for a run (a session file's).
  public init(run: TrainingRun<CNNExperiment>) {
    self.run = run
    restartCAM()
  }

  public var config: CNNConfig { run.config }
  /// The session: the images, the network and the training so far.
  public var experiment: CNNExperiment { run.session }
  /// Latest loss, accuracy and confusion on both sets.
  public var evaluation: CNNEvaluation { run.evaluation }
  public var isPlaying: Bool { run.isPlaying }
  /// Increases whenever the network or the data changes.
  public var revision: Int { run.revision }

  /// The image being inspected: the drawing or the selected test image.
  public var inspectedImage: [Float] {
    if inspectDrawing || experiment.test.isEmpty { return drawing }
    return experiment.test[min(selectedTestImage, experiment.test.count - 1)].pixels
  }

  /// Whether every CAM run has finished.
  public var camFinished: Bool { cams.allSatisfy(\.isFinished) }

  /// After training, a step, a pause or a reset: the class pictures follow the network when it
  /// is not training on (a diverged network has none).
  mutating func followNetwork() {
    if experiment.divergence != nil {
      cams = []
    } else if !run.isPlaying && camRevision != revision {
      restartCAM()
    }
  }

  /// New CAM runs from the current network (the images start over).
  mutating func restartCAM() {
    let network = experiment.network
    if !network.isFinite || experiment.divergence != nil {
      cams = []
    } else {
      cams = (0..<experiment.classCount).map {
        CAMAscent(network: network, targetClass: $0, settings: camSettings)
      }
    }
    camRevision = revision
  }
}
