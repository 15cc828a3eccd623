import Engine
import PlaygroundCore
import Testing

@testable import playground

/// The speed control's pacing, driven by a fake clock (no window, no sleeping).
@Suite struct TrainingPaceTests {
  /// Frames at 60 Hz for `seconds`, granting at `rate` per second and training all granted.
  func epochs(rate: Double, seconds: Double, frame: Double = 1.0 / 60, cost: Double = 1) -> Int {
    var pace = TrainingPace()
    var total = 0
    var t = 100.0
    while t < 100 + seconds + 1e-9 {
      let n = pace.grant(now: t, perSecond: rate, cost: cost)
      pace.spend(n, cost: cost)
      total += n
      t += frame
    }
    return total
  }

  @Test func wholeEpochsFollowTheSpeedAndTheFractionCarries() {
    #expect(epochs(rate: 60, seconds: 10) == 600)
    #expect(epochs(rate: 5, seconds: 10) == 50)
    #expect(epochs(rate: 1, seconds: 10) == 10)
    #expect(epochs(rate: 300, seconds: 2) == 600)
    // Uneven frames (a slow machine at 23 Hz) keep the same pace.
    #expect(abs(epochs(rate: 20, seconds: 10, frame: 1.0 / 23) - 200) <= 1)
  }

  @Test func cnnImagesTrainAsWholeMiniBatches() {
    // 50 images a second in mini-batches of 10: 5 batches a second.
    #expect(epochs(rate: 50, seconds: 10, cost: 10) == 50)
    // 10 images a second with batches of 32: one batch every 3.2 s.
    #expect(epochs(rate: 10, seconds: 10, cost: 32) == 3)
  }

  @Test func aStalledFrameDoesNotBurst() {
    var pace = TrainingPace()
    _ = pace.grant(now: 0, perSecond: 60, cost: 1)
    // Five seconds without a frame grant at most the catch-up window's worth.
    let n = pace.grant(now: 5, perSecond: 60, cost: 1)
    #expect(n == Int(60 * TrainingPace.maxCatchUp))
    // Untrained credit (the worker could not keep up) is capped the same way.
    for k in 1...100 { _ = pace.grant(now: 5 + Double(k) / 60, perSecond: 60, cost: 1) }
    #expect(pace.credit <= 60 * TrainingPace.maxCatchUp)
  }

  @Test func pausingForgetsTheTime() {
    var pace = TrainingPace()
    _ = pace.grant(now: 0, perSecond: 5, cost: 1)
    #expect(pace.grant(now: 0.1, perSecond: 5, cost: 1) == 0)
    pace.stop()
    #expect(pace.credit == 0)
    #expect(pace.grant(now: 60, perSecond: 5, cost: 1) == 0, "the first frame after a pause is a fresh start")
  }

  @Test func frameLimitAppliesTheModesSpeedAndTheLessonAllowance() throws {
    var state = try AppState()
    var pace = TrainingPace()
    reduce(&state, .play)
    reduce(&state, .setSpeed(.perSecond(5)))
    #expect(TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: 0) == 0)
    #expect(TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: 0.2) == 1)
    #expect(
      TrainingSlice.frameLimit(allowance: 0, state: state, pace: &pace, now: 0.45) == 0,
      "a lesson's allowance still stops")
    // Max is today's behaviour: only the allowance limits.
    reduce(&state, .setSpeed(.max))
    #expect(TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: 1) == nil)
    #expect(TrainingSlice.frameLimit(allowance: 7, state: state, pace: &pace, now: 2) == 7)
    // Paused: no limit computed and the pace forgets its time.
    reduce(&state, .setSpeed(.perSecond(60)))
    reduce(&state, .pause)
    _ = TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: 3)
    #expect(pace.credit == 0)
  }

  @Test func pacedFramesGiveTheBitsOfOneRun() throws {
    // The speed never changes the bits: 30 epochs trained one frame at a time are 30 epochs.
    var state = try AppState(config: BenchmarkConfig.c2.config)
    reduce(&state, .setSpeed(.perSecond(5)))
    reduce(&state, .play)
    var reference = try AppState(config: BenchmarkConfig.c2.config)
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    var pace = TrainingPace()
    var t = 0.0
    while state.experiment.epoch < 30 {
      if let limit = TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: t), limit > 0 {
        trainer.start(state, limit: min(limit, 30 - state.experiment.epoch), deadline: FramePacer.now() + 10)
        let outcome = try #require(trainer.finish())
        pace.spend(outcome.units, cost: 1)
        state = outcome.state
      }
      t += 1.0 / 60
    }
    #expect((t - 6).magnitude < 0.1, "30 epochs at 5 per second take 6 s")
    reduce(&reference, .train(epochs: 30))
    #expect(state.experiment.network.checksum == reference.experiment.network.checksum)
  }
}
