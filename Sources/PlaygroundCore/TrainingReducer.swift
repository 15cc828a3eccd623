import Localization
import Training

/// The training actions, the same for every kind of run: play, pause, step, train, reset, and
/// the live settings (learning rate, batch size, speed). `reduce` sends them to the run that shows,
/// and only them (the other actions change no run).
func reduceTraining<S: ReplayableSession>(_ run: inout TrainingRun<S>, _ action: Action, _ banner: inout Banner?) {
  switch action {
  case .togglePlay:
    reduceTraining(&run, run.isPlaying ? .pause : .play, &banner)
  case .play:
    if let reason = run.session.divergence {
      banner = Banner(.warning, divergedMessage(reason))
    } else {
      run.isPlaying = true
    }
  case .pause:
    run.isPlaying = false
  case .step:
    run.isPlaying = false
    train(&run, &banner) { $0.advance(epochs: 1); return true }
  case .train(let epochs):
    guard epochs > 0 else { return }
    train(&run, &banner) { $0.advance(epochs: epochs); return true }
  case .trainSlice(let units):
    guard units > 0 else { return }
    train(&run, &banner) { $0.advance(units: units) }
  case .reset:
    run.resetKeepingUndo()
    if banner?.kind == .warning { banner = nil }
  case .seek(let seek):
    reduceSeek(&run, seek, &banner)
  case .continueFromHere:
    run.continueHere()
  case .undoBranch:
    if run.canUndoBranch {
      run.undoBranch()
      let p = run.session.position
      let at = p.example == 0 ? tr("epoch {1}", p.epoch) : tr("epoch {1} + {2} images", p.epoch, p.example)
      banner = Banner(.info, tr("The later history is back: the run stands at {1}.", at))
    }
  case .setLearningRate(let rate):
    live(&run, &banner) { $0.learningRate = rate }
  case .setBatchSize(let size):
    live(&run, &banner) { $0.batchSize = size }
  case .setLearning(let settings):
    live(&run, &banner) { $0.learningSettings = settings }
  case .setSpeed(let speed):
    run.speed = speed
  default:
    break
  }
}

func divergedMessage(_ reason: String) -> String {
  tr("Training diverged ({1}) — try a smaller learning rate, then press Reset.", verbatim(reason))
}

/// Trains with `body`; measures and records the history when `body` says so (whole epochs always,
/// slices when an epoch ends or training diverged). Divergence pauses with a banner.
private func train<S: ReplayableSession>(
  _ run: inout TrainingRun<S>, _ banner: inout Banner?, _ body: (inout TrainingRun<S>) -> Bool
) {
  if let reason = run.session.divergence {
    run.isPlaying = false
    banner = Banner(.warning, divergedMessage(reason))
    return
  }
  let measure = body(&run)
  run.revision += 1
  if measure {
    run.evaluation = run.session.measure()
    run.recordHistory()
  }
  run.noteDivergence()
  if let reason = run.session.divergence {
    run.isPlaying = false
    banner = Banner(.warning, divergedMessage(reason))
  }
}

/// A change that keeps the data and the network (recorded on the run's timeline).
func live<S: ReplayableSession>(
  _ run: inout TrainingRun<S>, _ banner: inout Banner?, _ change: (inout S.Config) -> Void
) {
  do {
    try run.editSettings(change)
  } catch {
    banner = Banner(.error, error.message)
  }
}

/// Moves the timeline: to an epoch, one epoch back or forward, or to either end. Pauses.
private func reduceSeek<S: ReplayableSession>(_ run: inout TrainingRun<S>, _ seek: TimelineSeek, _ banner: inout Banner?) {
  let now = run.session.position
  let target: TrainingPosition
  switch seek {
  case .epoch(let epoch): target = TrainingPosition(epoch: max(0, epoch))
  case .back: target = TrainingPosition(epoch: now.example > 0 ? now.epoch : max(0, now.epoch - 1))
  case .forward: target = TrainingPosition(epoch: now.epoch + 1)
  case .start: target = run.timeline.start.position
  case .end: target = run.end
  }
  do {
    try run.seek(to: target)
  } catch {
    banner = Banner(.error, tr("This moment cannot be rebuilt: {1}", verbatim(error.message)))
  }
}
