import Training

/// The training actions, the same for every kind of run: play, pause, step, train, reset, and
/// the live settings (learning rate, batch size, speed). `reduce` sends them to the run that shows.
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
    train(&run, &banner) { $0.train(epochs: 1) > 0 || $0.divergence != nil }
  case .train(let epochs):
    guard epochs > 0 else { return }
    train(&run, &banner) { $0.train(epochs: epochs) > 0 || $0.divergence != nil }
  case .trainSlice(let units):
    guard units > 0 else { return }
    train(&run, &banner, measuring: false) { $0.train(units: units) }
  case .reset:
    run.session.reset()
    run.isPlaying = false
    if banner?.kind == .warning { banner = nil }
    run.remeasure(keepHistory: false)
  case .setLearningRate(let rate):
    live(&run, &banner) { $0.learningRate = rate }
  case .setBatchSize(let size):
    live(&run, &banner) { $0.batchSize = size }
  case .setSpeed(let speed):
    run.speed = speed
  default:
    break
  }
}

/// Whether `reduceTraining` handles `action` (for the run that shows).
func isTrainingAction(_ action: Action) -> Bool {
  switch action {
  case .togglePlay, .play, .pause, .step, .train, .trainSlice, .reset, .setLearningRate, .setBatchSize, .setSpeed:
    true
  default: false
  }
}

func divergedMessage(_ reason: String) -> String {
  "Training diverged (\(reason)) — try a smaller learning rate, then press Reset."
}

/// Trains with `body`; measures and records the history when it says so (whole epochs always,
/// `measuring` slices when an epoch ends). Divergence pauses with a banner.
private func train<S: TrainingSession>(
  _ run: inout TrainingRun<S>, _ banner: inout Banner?, measuring: Bool = true, _ body: (inout S) -> Bool
) {
  if let reason = run.session.divergence {
    run.isPlaying = false
    banner = Banner(.warning, divergedMessage(reason))
    return
  }
  let measure = body(&run.session)
  run.revision += 1
  if measure || measuring {
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
