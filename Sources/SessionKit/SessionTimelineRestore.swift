import Datasets
import Engine
import Localization
import Training

/// What `playground replay` found: whether re-executing the recorded history from its start gives
/// the file's keyframes and its final state, bit for bit.
public struct ReplayReport: Sendable, Equatable {
  /// True when every check agreed.
  public var identical: Bool
  /// Keyframes and end compared.
  public var checks: Int
  /// The first moment that differs (nil when identical).
  public var firstDifference: TrainingPosition?
  /// Whether the history starts from the seed's initial weights (false: from a session saved
  /// without a history, whose weights replay takes as given).
  public var fromSeed: Bool
  /// Epochs re-executed.
  public var epochs: Int
}

extension DenseSessionFile {
  /// The run this file describes: its present, charts, pace and, when recorded, its history (a file
  /// without one starts a history at its saved state).
  public func run() throws(SessionError) -> TrainingRun<Experiment> {
    let present = try Experiment(restoring: self)
    // A history that does not end where the file's state stands cannot lead to it: the run starts
    // a new history at the saved state (`replay` reports the file as differing).
    guard let saved = timeline, saved.end.at == present.position else {
      return TrainingRun(present, speed: speed, history: history, fromSeed: false)
    }
    return TrainingRun(present, speed: speed, history: history, timeline: try recorded(saved))
  }

  /// Re-executes the recorded history and compares it with the file (see `ReplayReport`).
  public func replay() throws(SessionError) -> ReplayReport {
    guard let saved = timeline else { throw SessionError(tr("it holds no recorded history (saved before format 2)")) }
    let present = try Experiment(restoring: self)
    return try replayCheck(try recorded(saved), saved, presentDigest: present.digest)
  }

  private func recorded(_ saved: DenseTimeline) throws(SessionError) -> RunTimeline<Experiment> {
    let s = saved.start
    do {
      try s.config.validate()
    } catch {
      throw SessionError("timeline.start.config: \(error.message)")
    }
    guard Experiment.shape(s.config, classes: classCount) == shape else {
      throw SessionError(tr("timeline.start.config builds another network than the file's"))
    }
    let weights = s.weights ?? self.weights
    let biases = s.biases ?? self.biases
    guard weights.count == self.weights.count, biases.count == self.biases.count else {
      throw SessionError(tr("timeline.start: the weights do not fit the network"))
    }
    guard s.fromSeed ? s.epoch == 0 : s.weights != nil && s.biases != nil else {
      throw SessionError(tr("timeline.start: a start from the seed is at epoch 0; another start lists its weights"))
    }
    let start = Experiment(
      saved: s.config, customPoints: s.ownPoints ?? customPoints, train: s.train ?? train, test: s.test ?? test,
      shape: shape, weights: weights, biases: biases, frozenWeights: s.frozenWeights ?? [], epoch: s.epoch,
      divergence: nil)
    return restoredTimeline(start, saved)
  }
}

extension CNNSessionFile {
  /// The run this file describes (see `DenseSessionFile.run()`).
  public func run() throws(SessionError) -> TrainingRun<CNNExperiment> {
    let present = try CNNExperiment(restoring: self)
    guard let saved = timeline, saved.end.at == present.position else {
      return TrainingRun(present, speed: speed, history: history, fromSeed: false)
    }
    return TrainingRun(present, speed: speed, history: history, timeline: try recorded(saved))
  }

  /// Re-executes the recorded history and compares it with the file (see `ReplayReport`).
  public func replay() throws(SessionError) -> ReplayReport {
    guard let saved = timeline else { throw SessionError(tr("it holds no recorded history (saved before format 2)")) }
    let present = try CNNExperiment(restoring: self)
    return try replayCheck(try recorded(saved), saved, presentDigest: present.digest)
  }

  private func recorded(_ saved: CNNTimeline) throws(SessionError) -> RunTimeline<CNNExperiment> {
    let s = saved.start
    do {
      try s.config.validate()
    } catch {
      throw SessionError("timeline.start.config: \(error.message)")
    }
    guard CNNExperiment.shape(s.config, importedClasses: importedClasses.count) == shape else {
      throw SessionError(tr("timeline.start.config builds another network than the file's"))
    }
    let trainCount = s.trainImages ?? train.count
    let drawingCount = s.drawings ?? drawings.count
    guard (0...train.count).contains(trainCount), (0...drawings.count).contains(drawingCount),
      train.count - trainCount == drawings.count - drawingCount
    else {
      throw SessionError(tr("timeline.start: its image counts do not fit the file's images"))
    }
    let parameters = s.weights ?? self.parameters
    guard parameters.count == self.parameters.count else {
      throw SessionError(tr("timeline.start: the weights do not fit the network"))
    }
    guard s.fromSeed ? s.epoch == 0 && s.example == 0 : s.weights != nil else {
      throw SessionError(tr("timeline.start: a start from the seed is at epoch 0; another start lists its weights"))
    }
    var cursor = CNNTrainingCursor()
    cursor.epoch = s.epoch
    cursor.example = s.example
    let start = CNNExperiment(
      saved: s.config, imported: importedClasses, drawings: Array(drawings.prefix(drawingCount)),
      train: Array(train.prefix(trainCount)), test: test, shape: shape, parameters: parameters, cursor: cursor,
      divergence: nil)
    return restoredTimeline(start, saved)
  }
}

/// The history a file records, from its start as saved (the seed's initial weights when it says
/// so, measured as a new run is), its changes, its end and its checks.
private func restoredTimeline<S: ReplayableSession, Config>(
  _ saved: S, _ timeline: SavedTimeline<S.Change, Config>
) -> RunTimeline<S> {
  var start = saved
  if timeline.start.fromSeed { start.reset() }
  _ = start.measure()
  return RunTimeline(
    start: start, fromSeed: timeline.start.fromSeed,
    events: timeline.events.map { RunTimeline.Event(position: $0.at, change: $0.change, words: $0.words) },
    end: timeline.end.at, checks: timeline.keyframes.map { (position: $0.at, events: $0.events, digest: $0.digest) })
}

/// Replays `timeline` against the file's keyframes and its final state.
private func replayCheck<S: ReplayableSession, Config>(
  _ timeline: RunTimeline<S>, _ saved: SavedTimeline<S.Change, Config>, presentDigest: String
) throws(SessionError) -> ReplayReport {
  var checks = saved.keyframes.map { (position: $0.at, events: $0.events, digest: $0.digest) }
  checks.append((position: saved.end.at, events: saved.end.events, digest: presentDigest))
  var report = ReplayReport(
    identical: true, checks: checks.count, firstDifference: nil, fromSeed: saved.start.fromSeed,
    epochs: saved.end.at.epoch - saved.start.epoch)
  if saved.end.digest != presentDigest {
    report.identical = false
    report.firstDifference = saved.end.at
  }
  do {
    if let difference = try timeline.firstDifference(checks) {
      report.identical = false
      let at = checks[difference.index].position
      report.firstDifference = min(report.firstDifference ?? at, at)
    }
  } catch {
    throw SessionError(tr("timeline: a recorded change does not apply ({1})", error.message))
  }
  return report
}
