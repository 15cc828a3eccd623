import Engine

/// One training run of either kind: the session (data, network, training so far), whether it
/// plays, at what pace, its latest evaluation and its history. Only `reduce` changes it.
public struct TrainingRun<SessionFile: ReplayableSession>: Sendable {
  /// The data, the network and the training so far.
  public package(set) var session: SessionFile
  /// Training runs between frames while playing.
  public package(set) var isPlaying = false
  /// The pace of training while playing (a play setting: it never changes the bits).
  public package(set) var speed: TrainingSpeed
  /// Latest loss and accuracy on both sets.
  public package(set) var evaluation: SessionFile.Measurement
  /// Loss and accuracy over the epochs, in bounded memory.
  public package(set) var history = TrainingHistory()
  /// Increases whenever the network or the data changes, so views know when to redraw.
  public package(set) var revision = 0
  /// Everything that happened since the run started (or was reset or rebuilt): any earlier moment
  /// can be shown again exactly (see `RunTimeline`).
  public package(set) var timeline: RunTimeline<SessionFile>
  /// The present (the latest moment), kept while the run shows an earlier one.
  package var present: Moment?
  /// What "Continue from here" or Reset set aside: one undo brings it back.
  package var setAside: SetAside?

  /// A moment of the run: the session and its measurement.
  package struct Moment: Sendable {
    var session: SessionFile
    var evaluation: SessionFile.Measurement
  }

  /// A whole run's state before a branch or reset.
  package struct SetAside: Sendable {
    var moment: Moment
    var timeline: RunTimeline<SessionFile>
    var history: TrainingHistory
  }

  /// A run of `session`, measured; `history` when it comes from a file (empty: a chart starting now).
  ///
  /// Its timeline starts here: `fromSeed` says whether the session's weights are the seed's initial
  /// ones (a new run) or saved ones (a file without history); `timeline` is a file's recorded one.
  public init(
    _ session: SessionFile, speed: TrainingSpeed, history: TrainingHistory = TrainingHistory(),
    fromSeed: Bool = true, timeline: RunTimeline<SessionFile>? = nil
  ) {
    var s = session
    evaluation = s.measure()
    self.session = s
    self.speed = speed
    self.history = history
    self.timeline = timeline ?? RunTimeline(start: s, fromSeed: fromSeed)
    if history.isEmpty { recordHistory() }
  }

  public var config: SessionFile.Config { session.config }

  package mutating func recordHistory() { history.record(epoch: session.epoch, evaluation: evaluation) }

  /// Measures after the network or the data changed; the chart starts over unless `keepHistory`,
  /// and so does the timeline (a reset or a rebuild: the weights are the seed's initial ones).
  package mutating func remeasure(keepHistory: Bool) {
    evaluation = session.measure()
    if !keepHistory {
      history = TrainingHistory()
      timeline = RunTimeline(start: session, fromSeed: true)
      present = nil
      setAside = nil
    }
    recordHistory()
    revision += 1
  }
}

/// Loss and accuracy over the epochs, in bounded memory (the charts of either mode).
public struct TrainingHistory: Sendable, Equatable, Codable {
  public var trainLoss: ChartSeries
  public var testLoss: ChartSeries
  public var testAccuracy: ChartSeries

  public init(
    trainLoss: ChartSeries = ChartSeries(), testLoss: ChartSeries = ChartSeries(),
    testAccuracy: ChartSeries = ChartSeries()
  ) {
    self.trainLoss = trainLoss
    self.testLoss = testLoss
    self.testAccuracy = testAccuracy
  }

  /// Appends one measurement, as a run does after every measured training slice.
  public mutating func record(epoch: Int, evaluation: some RunEvaluation) {
    trainLoss.append(epoch: epoch, value: evaluation.trainLoss)
    testLoss.append(epoch: epoch, value: evaluation.testLoss)
    testAccuracy.append(epoch: epoch, value: evaluation.testAccuracy)
  }

  public var isEmpty: Bool { trainLoss.isEmpty && testLoss.isEmpty && testAccuracy.isEmpty }
}

/// A run without its kind: what lessons, the background trainer and the bench read of the run
/// that shows (`AppState.active`).
public protocol ActiveRun: Sendable {
  var isPlaying: Bool { get }
  var speed: TrainingSpeed { get }
  var revision: Int { get }
  var history: TrainingHistory { get }
  /// Epochs completed.
  var epoch: Int { get }
  var divergence: String? { get }
  /// Latest loss and accuracy (test accuracy, losses of both sets).
  var latest: any RunEvaluation { get }
  /// What one training unit counts in the speed setting's units (see `TrainingSession`).
  var speedUnitsPerUnit: Int { get }
  /// What the time of one unit depends on: the kind, the settings and the training set's size.
  var workload: AnyHashable { get }
  /// Units from where training stands to the end of epoch `epoch`.
  func units(untilEpoch epoch: Int) -> Int
  /// Whether accuracy means something (not for regression).
  var isClassifier: Bool { get }
  /// True when training diverged or a weight or the latest loss is NaN or infinite.
  var hasDiverged: Bool { get }
  /// The live settings every kind has (the top bar's).
  var learningRate: Double { get }
  var batchSize: Int { get }
  /// The run's history for the window's timeline.
  var timelineView: TimelineView { get }
  var learningSettings: LearningSettings { get }
}

extension TrainingRun: ActiveRun {
  public var epoch: Int { session.epoch }
  public var divergence: String? { session.divergence }
  public var latest: any RunEvaluation { evaluation }
  public var speedUnitsPerUnit: Int { session.speedUnitsPerUnit }
  public var workload: AnyHashable { AnyHashable([AnyHashable(session.config), AnyHashable(session.trainingExamples)]) }
  public func units(untilEpoch epoch: Int) -> Int { session.units(untilEpoch: epoch) }
  public var isClassifier: Bool { session.isClassifier }
  public var hasDiverged: Bool {
    session.divergence != nil || !session.isFinite || !evaluation.trainLoss.isFinite || !evaluation.testLoss.isFinite
  }
  public var learningRate: Double { session.config.learningRate }
  public var batchSize: Int { session.config.batchSize }
  public var learningSettings: LearningSettings { session.config.learningSettings }
}
