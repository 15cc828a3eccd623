import Training

/// The training actions, the same for every kind of run: play, pause, step, train, reset, and
/// the live settings (learning rate, batch size, speed). `reduce` sends them to the run that shows,
/// and only them (the other actions change no run).
func reduceTraining<S: TrainingSession>(_ run: inout TrainingRun<S>, _ action: Action, _ banner: inout Banner?) {
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
    train(&run, &banner) { $0.train(epochs: 1); return true }
  case .train(let epochs):
    guard epochs > 0 else { return }
    train(&run, &banner) { $0.train(epochs: epochs); return true }
  case .trainSlice(let units):
    guard units > 0 else { return }
    train(&run, &banner) { $0.train(units: units) }
  case .reset:
    run.session.reset()
    run.isPlaying = false
    if banner?.kind == .warning { banner = nil }
    run.remeasure(keepHistory: false)
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
  "Training diverged (\(reason)) — try a smaller learning rate, then press Reset."
}

/// Trains with `body`; measures and records the history when `body` says so (whole epochs always,
/// slices when an epoch ends or training diverged). Divergence pauses with a banner.
private func train<S: TrainingSession>(
  _ run: inout TrainingRun<S>, _ banner: inout Banner?, _ body: (inout S) -> Bool
) {
  if let reason = run.session.divergence {
    run.isPlaying = false
    banner = Banner(.warning, divergedMessage(reason))
    return
  }
  let measure = body(&run.session)
  run.revision += 1
  if measure {
    run.evaluation = run.session.measure()
    run.recordHistory()
  }
  if let reason = run.session.divergence {
    run.isPlaying = false
    banner = Banner(.warning, divergedMessage(reason))
  }
}

/// A change that keeps the data and the network.
private func live<S: TrainingSession>(
  _ run: inout TrainingRun<S>, _ banner: inout Banner?, _ change: (inout S.Config) -> Void
) {
  do {
    try run.session.updateLive(change)
  } catch {
    banner = Banner(.error, error.message)
  }
}
