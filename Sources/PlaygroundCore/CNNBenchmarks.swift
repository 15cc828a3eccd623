import Datasets
import Engine
import Training

/// The CNN speed figures of `playground bench`: the reference CNN (28×28×1 → conv 5×5×8, pool 2 →
/// conv 5×5×16, pool 3 → dense 4) on four shape classes, one thread.
public enum CNNBenchmarks {
  /// One measured figure.
  public struct Figure: Sendable {
    public var metric: String
    public var value: Double
    public var label: String
  }

  /// The reference session: default config (circle, square, triangle, cross; moderate variation).
  public static func referenceExperiment() throws -> CNNExperiment {
    try CNNExperiment(config: CNNConfig())
  }

  /// All three figures.
  public static func figures() throws -> [Figure] {
    let experiment = try referenceExperiment()
    return [
      Figure(
        metric: "cnn_train_examples_per_s", value: trainExamplesPerSecond(experiment),
        label: "CNN training examples/s (reference CNN, batch 10)"),
      Figure(
        metric: "cnn_forward_examples_per_s", value: forwardExamplesPerSecond(experiment),
        label: "CNN forward examples/s (batches of 10)"),
      Figure(
        metric: "cam_steps_per_s", value: camStepsPerSecond(experiment),
        label: "activation-maximization steps/s (one image, default settings)"),
    ]
  }

  /// Mini-batch SGD (batch 10) over the training images.
  public static func trainExamplesPerSecond(_ experiment: CNNExperiment) -> Double {
    var network = experiment.network
    let samples = experiment.trainSamples
    let options = CNNTrainingOptions(learningRate: 0.03, batchSize: 10)
    return rate { batches in
      var cursor = CNNTrainingCursor()
      _ = network.train(batches: batches, on: samples, options: options, cursor: &cursor)
      return batches * 10
    }
  }

  /// Softmax probabilities of ten test images per call.
  public static func forwardExamplesPerSecond(_ experiment: CNNExperiment) -> Double {
    let network = experiment.network
    let test = experiment.testSamples
    let batches: [ImageSamples] = (0..<(test.count / 10)).map { b in
      var s = ImageSamples(width: test.width, height: test.height)
      for n in (b * 10)..<(b * 10 + 10) { s.append(test.image(n), label: test.labels[n]) }
      return s
    }
    var sink: Float = 0
    let r = rate { calls in
      for i in 0..<calls { sink += network.probabilities(batches[i % batches.count])[0] }
      return calls * 10
    }
    return sink.isNaN ? 0 : r
  }

  /// `CAMAscent.step()` called one step at a time (default settings, no early stop).
  public static func camStepsPerSecond(_ experiment: CNNExperiment) -> Double {
    var settings = CAMSettings()
    settings.maxSteps = 100_000
    settings.stopProbability = nil
    return rate { steps in
      var ascent = CAMAscent(network: experiment.network, targetClass: 0, settings: settings)
      for _ in 0..<steps { ascent.step() }
      return steps
    }
  }

  /// Units per second of `body(n)` (which returns the units done): `n` grows until one call
  /// takes a tenth of a second, then the best of three calls of 4n.
  static func rate(_ body: (Int) -> Int) -> Double {
    var n = 1
    while Stopwatch.time({ _ = body(n) }) < 0.1 { n *= 2 }
    var best = 0.0
    for _ in 0..<3 {
      var units = 0
      let t = Stopwatch.time { units = body(4 * n) }
      best = max(best, Double(units) / t)
    }
    return best
  }
}
