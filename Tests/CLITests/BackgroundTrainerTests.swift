import Engine
import PlaygroundCore
import Testing

@testable import playground

/// The window trains on a second thread; the bits must be those of one thread.
@Suite struct BackgroundTrainerTests {
  @Test func trainingOnTheWorkerGivesTheBitsOfOneThread() throws {
    var state = try AppState(config: BenchmarkConfig.c2.config)
    reduce(&state, .play)
    var reference = state
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    // Frames of 4 ms until several epochs are done (a busy machine fits fewer in each frame).
    var frame = 0
    while frame < 6 || (state.experiment.epoch <= 6 && frame < 500) {
      defer { frame += 1 }
      trainer.start(state, limit: nil, deadline: FramePacer.now() + 0.004)
      // Half the frames are cut short, as the benchmark does when drawing ends.
      let outcome = try #require(trainer.finish(stopNow: frame % 2 == 1))
      #expect(outcome.state.experiment.epoch == state.experiment.epoch + outcome.units)
      state = outcome.state
    }
    let epochs = state.experiment.epoch
    #expect(epochs > 6)
    reduce(&reference, .train(epochs: epochs))
    #expect(state.experiment.network.flatWeights == reference.experiment.network.flatWeights)
    #expect(state.experiment.network.flatBiases == reference.experiment.network.flatBiases)
    #expect(state.evaluation == reference.evaluation)
  }

  @Test func aLimitStopsExactlyAtItsEpochs() throws {
    var state = try AppState(config: BenchmarkConfig.c2.config)
    reduce(&state, .play)
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    trainer.start(state, limit: 37, deadline: FramePacer.now() + 10)
    let outcome = try #require(trainer.finish())
    #expect(outcome.units == 37 && outcome.state.experiment.epoch == 37)
    #expect(trainer.finish() == nil, "nothing left to collect")
  }

  @Test func cnnModeTrainsMiniBatchesUpToALessonsEpoch() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .play)
    let limit = try #require(TrainingSlice.limit(epochs: 1, state: state))
    #expect(limit == state.cnn?.experiment.batches(untilEpoch: 1))
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    var trained = 0
    while trained < limit {
      trainer.start(state, limit: limit - trained, deadline: FramePacer.now() + 0.005)
      let outcome = try #require(trainer.finish())
      trained += outcome.units
      state = outcome.state
    }
    #expect(trained == limit)
    #expect(state.cnn?.experiment.epoch == 1 && state.cnn?.experiment.batches(untilEpoch: 1) == 0)
  }
}
