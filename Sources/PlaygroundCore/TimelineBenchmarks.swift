import Engine
import Training

/// The time machine's figures: how long seeking takes and how much memory a long history keeps.
public enum TimelineBenchmarks {
  /// The slowest of `seeks` seeks to random epochs (seeded) of a C2 run trained `epochs` epochs, in
  /// milliseconds: rebuilding the moment and measuring it, as the window's timeline does.
  public static func seekMilliseconds(epochs: Int = 10_000, seeks: Int = 20) throws -> Double {
    var state = try AppState(config: BenchmarkConfig.c2.config)
    reduce(&state, .train(epochs: epochs))
    var generator = SeededGenerator(seed: 11)
    var slowest = 0.0
    for _ in 0..<seeks {
      let target = Int(generator.next() % UInt64(epochs))
      let seconds = Stopwatch.time { reduce(&state, .seek(.epoch(target))) }
      precondition(state.dense.session.epoch == target)
      slowest = max(slowest, seconds * 1000)
    }
    return slowest
  }

  /// Bytes the history (keyframes, changes, charts) of a C2 run of `epochs` epochs keeps.
  public static func historyBytes(epochs: Int = 100_000) throws -> Int {
    var state = try AppState(config: BenchmarkConfig.c2.config)
    reduce(&state, .setLearningRate(0.01))
    reduce(&state, .train(epochs: epochs))
    return state.dense.historyBytes
  }
}
