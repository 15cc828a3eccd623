import Datasets
import Engine
import Training

/// The reference configurations of the benchmark (see the README's speed section).
public enum BenchmarkConfig: String, CaseIterable, Sendable {
  /// circle, x1 x2, [4, 2], tanh, lr 0.03, batch 10 (250 training points).
  case c1
  /// spiral, all seven features, six hidden layers of 8, tanh, lr 0.03, batch 10.
  case c2
  /// C2 trained with Adam (its default rates, lr 0.03).
  case c2Adam = "c2-adam"
  /// C2 with dropout 0.2 on the hidden layers.
  case c2Dropout = "c2-dropout"

  public var config: PlaygroundConfig {
    var config = PlaygroundConfig()
    switch self {
    case .c1:
      config.dataset = .circle
      config.features = [.x1, .x2]
      config.hiddenLayers = [4, 2]
    case .c2, .c2Adam, .c2Dropout:
      config.dataset = .spiral
      config.features = Feature.allCases
      config.hiddenLayers = [8, 8, 8, 8, 8, 8]
    }
    if self == .c2Adam { config.optimizer = .adam }
    if self == .c2Dropout { config.dropout = 0.2 }
    return config
  }
}

/// Timing helpers: best of several rounds, so a busy machine shows its real speed.
public enum Stopwatch {
  /// Seconds taken by `body`.
  public static func time(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// Training epochs per second: best of `rounds` rounds of about `seconds` each.
  public static func epochsPerSecond(_ experiment: inout Experiment, rounds: Int = 3, seconds: Double = 0.4) -> Double {
    experiment.train(epochs: 5)
    var batch = 10
    while time({ experiment.train(epochs: batch) }) < seconds / 4 { batch *= 2 }
    var best = 0.0
    for _ in 0..<rounds {
      var copy = experiment
      let t = time { copy.train(epochs: batch * 4) }
      best = max(best, Double(batch * 4) / t)
    }
    return best
  }

  /// Milliseconds to evaluate every neuron over a `size`×`size` grid: the minimum of `repeats`.
  public static func gridMilliseconds(_ network: Network, grid: InputGrid, repeats: Int = 40) -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
      var sink = 0
      let t = time { sink = network.evaluateAll(grid.samples).pointCount }
      precondition(sink == grid.size * grid.size)
      best = min(best, t)
    }
    return best * 1000
  }
}
