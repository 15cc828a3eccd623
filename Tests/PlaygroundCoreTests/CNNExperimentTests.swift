import Datasets
import Engine
import Testing

@testable import PlaygroundCore
@testable import Training
import Visualization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The shapes (CNN) session: learning, class activation maximization, determinism, the lesson
/// metrics and the config's validation.
@Suite struct CNNExperimentTests {
  /// The reference CNN on the default four classes at moderate variation, trained a few epochs.
  static func trained(epochs: Int = 6, _ edit: (inout CNNConfig) -> Void = { _ in }) throws -> CNNExperiment {
    var config = CNNConfig()
    edit(&config)
    var experiment = try CNNExperiment(config: config)
    experiment.train(epochs: epochs)
    return experiment
  }

  @Test func referenceCNNReachesNinetyFivePercentOnFourClasses() throws {
    var experiment = try CNNExperimentTests.trained()
    #expect(experiment.config.shapes == [.circle, .square, .triangle, .cross])
    #expect(experiment.config.variation == .moderate)
    #expect(experiment.network.shape == CNNShape.reference(classes: 4))
    #expect(experiment.train.count == 400 && experiment.test.count == 400)
    let evaluation = experiment.measure()
    #expect(experiment.epoch == 6)
    #expect(experiment.divergence == nil)
    #expect(evaluation.test.accuracy >= 0.95, "\(evaluation.test)")
    #expect(evaluation.test.classAccuracy.allSatisfy { $0 >= 0.9 }, "\(evaluation.test.classAccuracy)")
  }

  /// Each class's activation-maximization image (default settings) gets that class's probability
  /// ≥ 0.9, above every other class, and looks more like its own template than any other.
  @Test func everyClasssCAMImageIsConfidentlyThatClass() throws {
    let experiment = try CNNExperimentTests.trained()
    for (c, kind) in experiment.config.shapes.enumerated() {
      let ascent = try #require(experiment.activationMaximization(kind))
      #expect(ascent.probability >= 0.9, "\(kind)")
      for other in 0..<experiment.classCount where other != c {
        #expect(
          ascent.probabilities[other] < ascent.probability, "\(kind) vs \(experiment.config.shapes[other])")
      }
      // ShapeShop's similarity: of all the session's templates, the class's own is the closest.
      let similarities = experiment.templates.map { ascent.similarity(to: $0) }
      #expect(similarities.firstIndex(of: similarities.max()!) == c, "\(kind): \(similarities)")
      #expect(experiment.camScore(kind) == ascent.probability)
    }
    #expect(experiment.camScore(.star) == 0, "not a class of this session")
  }

  /// Twelve classes × 200 steps. Timed in this thread's CPU seconds (best of two), so a test run
  /// sharing the machine with other tests measures the work, not the waiting.
  @Test func camForEveryClassTakesUnderASecond() throws {
    let experiment = try CNNExperimentTests.trained(epochs: 1) { $0.shapes = ShapeKind.allCases }
    func cpuSeconds() -> Double {
      var t = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
      return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
    var best = Double.infinity
    for _ in 0..<2 {
      let start = cpuSeconds()
      for kind in ShapeKind.allCases {
        #expect(experiment.activationMaximization(kind)?.steps == 200)
      }
      best = min(best, cpuSeconds() - start)
    }
    #expect(best < 1, "\(best) s for \(ShapeKind.allCases.count) classes")
  }

  @Test func sameSeedSameBitsAndAGoldenChecksum() throws {
    let a = try CNNExperimentTests.trained(epochs: 2).network.checksum
    let b = try CNNExperimentTests.trained(epochs: 2).network.checksum
    let c = try CNNExperimentTests.trained(epochs: 2) { $0.seed = 1 }.network.checksum
    #expect(a == b)
    #expect(a != c)
    // Pins images, split, initial weights and training; changes only on purpose.
    #expect(a == "3cb0e4a1ece210ff")
  }

  @Test func batchesInSlicesMatchWholeEpochs() throws {
    let whole = try CNNExperimentTests.trained(epochs: 2)
    var sliced = try CNNExperiment(config: CNNConfig())
    var batches = 0
    for n in [3, 17, 1, 29, 30] { batches += sliced.trainBatches(n) }
    #expect(batches == 80)
    #expect(sliced.epoch == 2 && sliced.cursor.example == 0)
    #expect(sliced.network.checksum == whole.network.checksum)
    // train(epochs:) finishes a partly trained epoch first.
    var partial = try CNNExperiment(config: CNNConfig())
    partial.trainBatches(5)
    #expect(partial.train(epochs: 2) == 2)
    #expect(partial.epoch == 2 && partial.network.checksum == whole.network.checksum)
  }

  /// A CNN with softmax cross-entropy rarely overflows (the loss's gradient is bounded): a huge
  /// learning rate kills every ReLU instead. A NaN weight is what diverges.
  @Test func aNaNWeightDivergesAndStops() throws {
    var dead = try CNNExperimentTests.trained(epochs: 3) { $0.learningRate = 10 }
    #expect(dead.measure().test.accuracy < 0.5, "a dead network guesses one class")
    #expect(dead.divergence == nil)
    var experiment = try CNNExperimentTests.trained(epochs: 1)
    experiment.setFilterWeight(stage: 1, output: 3, input: 2, ky: 4, kx: 0, value: .nan)
    #expect(experiment.network.filter(stage: 1, output: 3, input: 2)[20].isNaN)
    #expect(experiment.train(epochs: 3) == 1)
    #expect(experiment.divergence != nil)
    let epoch = experiment.epoch
    #expect(experiment.train(epochs: 3) == 0, "a diverged session does not train")
    #expect(experiment.epoch == epoch)
    #expect(experiment.measure().test.loss.isNaN)
    experiment.reset()
    #expect(experiment.divergence == nil && experiment.epoch == 0)
  }

  @Test func resetRestoresTheInitialWeights() throws {
    let fresh = try CNNExperiment(config: CNNConfig())
    var experiment = fresh
    experiment.train(epochs: 1)
    #expect(experiment.network.checksum != fresh.network.checksum)
    experiment.reset()
    #expect(experiment.network == fresh.network)
    #expect(experiment.cursor == CNNTrainingCursor())
  }

  @Test func drawingsJoinTheTrainingSet() throws {
    var experiment = try CNNExperiment(config: CNNConfig())
    let drawing = ShapeImages.template(.cross)
    try experiment.addDrawing(drawing, as: .cross)
    #expect(experiment.train.count == 401 && experiment.trainSamples.count == 401)
    #expect(experiment.test.count == 400)
    #expect(experiment.train.last == LabeledImage(pixels: drawing, label: 3))
    experiment.reset()
    #expect(experiment.drawings.count == 1, "kept across resets")
    #expect(throws: ConfigError.self) { try experiment.addDrawing(drawing, as: .star) }
    #expect(throws: ConfigError.self) { try experiment.addDrawing([0.5], as: .cross) }
    // A new session can start with the drawings.
    let again = try CNNExperiment(config: CNNConfig(), drawings: experiment.drawings)
    #expect(again.train.count == 401)
  }

  @Test func confusionMetric() throws {
    var experiment = try CNNExperimentTests.trained(epochs: 1)
    let test = experiment.measure().test
    for (a, actual) in experiment.config.shapes.enumerated() {
      let row = experiment.config.shapes.map { experiment.confusion(actual, $0) }
      #expect(row == test.confusion[a])
      #expect(row.reduce(0, +) == experiment.test.filter { $0.label == a }.count)
    }
    #expect(experiment.confusion(.star, .circle) == 0)
    let wrong = experiment.misclassifiedTestImages()
    #expect(!wrong.isEmpty, "one epoch leaves mistakes")
    #expect(wrong.count == test.count - test.confusion.indices.reduce(0) { $0 + test.confusion[$1][$1] })
    #expect(wrong.allSatisfy { $0.predicted != $0.image.label && experiment.test[$0.testIndex] == $0.image })
    #expect(experiment.misclassifiedTestImages(limit: 2).count == min(2, wrong.count))
  }

  @Test func liveChangesAndNewSessionKeys() throws {
    var experiment = try CNNExperiment(config: CNNConfig())
    try experiment.updateLive { $0.learningRate = 0.1 }
    #expect(experiment.config.learningRate == 0.1)
    #expect {
      try experiment.updateLive { $0.convLayers = [4] }
    } throws: { ($0 as? ConfigError)?.key == "convLayers" }
    #expect(
      throws: ConfigError(key: "batchSize", message: "batchSize must be an integer from 1 to 500, got 0")
    ) {
      try experiment.updateLive { $0.batchSize = 0 }
    }
  }

  @Test func badConfigNamesTheKey() {
    let cases: [((inout CNNConfig) -> Void, String)] = [
      ({ $0.shapes = [.circle] }, "shapes"),
      ({ $0.shapes = [.circle, .circle] }, "shapes"),
      ({ $0.convLayers = [] }, "convLayers"),
      ({ $0.convLayers = [8, 33] }, "convLayers"),
      ({ $0.convLayers = [4, 4, 4, 4, 4] }, "convLayers"),
      ({ $0.trainRatio = 95 }, "trainRatio"),
      ({ $0.learningRate = 0 }, "learningRate"),
      ({ $0.learningRate = .nan }, "learningRate"),
      ({ $0.batchSize = 501 }, "batchSize"),
      ({ $0.imagesPerClass = 5 }, "imagesPerClass"),
    ]
    #expect(throws: Never.self) { try CNNConfig().validate() }
    for (edit, key) in cases {
      var config = CNNConfig()
      edit(&config)
      #expect(throws: ConfigError.self) { try config.validate() }
      do {
        try config.validate()
      } catch {
        #expect(error.key == key, "\(error)")
      }
    }
  }

  @Test func familyOfConvLayers() throws {
    for layers in [[4], [8, 16], [4, 8, 8], [2, 2, 2, 2]] {
      var experiment = try CNNExperimentTests.trained(epochs: 1) {
        $0.convLayers = layers; $0.imagesPerClass = 20
      }
      #expect(experiment.network.shape.convs.map(\.filters) == layers)
      #expect(
        experiment.network.shape.convs.map(\.pool) == Array(repeating: 2, count: layers.count - 1) + [3])
      #expect(experiment.measure().train.loss.isFinite)
    }
  }

  @Test func grayscalePictures() {
    let raster = CNNPictures.grayscale([0.2, 0.4, 0.6, 0.8], width: 2, height: 2, scale: 3)
    #expect(raster.width == 6 && raster.height == 6)
    #expect(raster[0, 0] == 0xFF00_0000, "darkest is black with auto-contrast")
    #expect(raster[5, 5] == 0xFFFF_FFFF, "brightest is white")
    #expect(raster[2, 2] == 0xFF00_0000 && raster[3, 0] == raster[5, 2])
    let plain = CNNPictures.grayscale([0, 1, 0.5, 0.5], width: 2, height: 2, scale: 1, autoContrast: false)
    #expect(plain.pixels == [0xFF00_0000, 0xFFFF_FFFF, 0xFF80_8080, 0xFF80_8080])
  }
}
