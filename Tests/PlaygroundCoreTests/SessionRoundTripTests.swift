import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// Experiments covering every output kind, activation and the L1 freezing rule.
enum SessionFixtures {
  static func config(_ edit: (inout PlaygroundConfig) -> Void) -> PlaygroundConfig {
    var c = PlaygroundConfig()
    edit(&c)
    return c
  }

  static let configs: [PlaygroundConfig] = [
    config {
      $0.dataset = .circle; $0.seed = 3
    },
    config {
      $0.dataset = .spiral3; $0.activation = .relu; $0.features = Feature.allCases; $0.hiddenLayers = [12, 9]
    },
    config {
      $0.dataset = .regGauss; $0.problem = .regression; $0.activation = .sigmoid; $0.noise = 20
    },
    config {
      $0.dataset = .xor; $0.activation = .linear; $0.hiddenLayers = []; $0.initialization = .xavier
    },
    config {
      $0.dataset = .gauss; $0.regularization = .l1; $0.regularizationRate = 0.3; $0.learningRate = 0.3
      $0.hiddenLayers = [8, 4]; $0.seed = 5
    },
    config {
      $0.dataset = .blobs3; $0.regularization = .l2; $0.regularizationRate = 0.01; $0.batchSize = 7;
      $0.initialization = .he
    },
  ]

  static func trained(_ config: PlaygroundConfig, epochs: Int = 40) throws -> Experiment {
    var e = try Experiment(config: config)
    e.train(epochs: epochs)
    _ = e.measure()
    return e
  }

  /// Through the bytes of a file and back.
  static func roundTrip(_ session: DenseSessionFile) throws -> DenseSessionFile {
    guard case .dense2d(let back) = try SessionFormat.decode(SessionFormat.encode(.dense2d(session))) else {
      throw SessionError("not a 2-D session")
    }
    return back
  }

  static func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }
}

@Suite struct SessionRoundTripTests {
  @Test(arguments: SessionFixtures.configs)
  func sameChecksumPredictionsAndData(config: PlaygroundConfig) throws {
    var original = try SessionFixtures.trained(config)
    let session = DenseSessionFile(experiment: original)
    let back = try SessionFixtures.roundTrip(session)
    #expect(back == session)
    var restored = try Experiment(restoring: back)
    #expect(restored.network.checksum == original.network.checksum)
    #expect(
      SessionFixtures.bits(restored.network.predict(restored.testSamples))
        == SessionFixtures.bits(original.network.predict(original.testSamples)))
    #expect(restored.train == original.train && restored.test == original.test)
    #expect(restored.trainSamples == original.trainSamples && restored.testSamples == original.testSamples)
    #expect(restored.epoch == original.epoch && restored.config == original.config)
    #expect(restored.network.frozenWeightIndices == original.network.frozenWeightIndices)
    #expect(restored.measure() == original.measure())
  }

  /// Saving in the middle changes nothing: 25 + 25 epochs through a file equal 50 in one go.
  @Test(arguments: SessionFixtures.configs)
  func trainingContinuesWithTheSameBits(config: PlaygroundConfig) throws {
    let straight = try SessionFixtures.trained(config, epochs: 50)
    let half = try SessionFixtures.trained(config, epochs: 25)
    var resumed = try Experiment(restoring: SessionFixtures.roundTrip(DenseSessionFile(experiment: half)))
    resumed.train(epochs: 25)
    #expect(resumed.network.checksum == straight.network.checksum)
    #expect(resumed.epoch == 50)
  }

  @Test func l1FrozenWeightsAreKept() throws {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[4], epochs: 25)
    #expect(!experiment.network.frozenWeightIndices.isEmpty, "the fixture should freeze some weights")
    let back = try SessionFixtures.roundTrip(DenseSessionFile(experiment: experiment))
    #expect(back.frozenWeights == experiment.network.frozenWeightIndices)
  }

  @Test func resetDrawsTheSameInitialWeightsAfterLoading() throws {
    for config in SessionFixtures.configs {
      var original = try SessionFixtures.trained(config, epochs: 5)
      var restored = try Experiment(restoring: SessionFixtures.roundTrip(DenseSessionFile(experiment: original)))
      original.reset()
      restored.reset()
      #expect(restored.network.checksum == original.network.checksum)
    }
  }

  @Test func ownPointsAndACustomDatasetRoundTrip() throws {
    var config = PlaygroundConfig()
    config.dataset = .custom
    config.seed = 9
    let points = (0..<40).map {
      DataPoint(x: Double($0) * 0.1 - 2, y: sin(Double($0)), label: Double($0 % 4))
    }
    var experiment = try Experiment(config: config, customPoints: points)
    experiment.addPoint(DataPoint(x: 0.123456789012345, y: -1e-300, label: 2))
    experiment.train(epochs: 10)
    #expect(experiment.classCount == 4)
    let back = try SessionFixtures.roundTrip(DenseSessionFile(experiment: experiment))
    let restored = try Experiment(restoring: back)
    #expect(restored.customPoints == experiment.customPoints)
    #expect(restored.train == experiment.train)
    #expect(restored.network.checksum == experiment.network.checksum)
  }

  @Test func everyFloatBitPatternSurvives() throws {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[1], epochs: 1)
    var session = DenseSessionFile(experiment: experiment)
    var rng = SeededGenerator(seed: 42)
    let special: [Float] = [
      0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, .infinity,
      -.infinity,
      .nan, Float(bitPattern: 0xFFC0_0000), Float(bitPattern: 0x7F80_0001), 0.1, 1 / 3,
    ]
    session.weights = session.weights.indices.map { i in
      i < special.count ? special[i] : Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
    }
    session.biases = session.biases.map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
    session.train = session.train.map { p in
      DataPoint(
        x: Double(bitPattern: rng.next() >> 2), y: -Double(bitPattern: rng.next() >> 2), label: p.label)
    }
    session.config.seed = .max
    let back = try SessionFixtures.roundTrip(session)
    #expect(SessionFixtures.bits(back.weights) == SessionFixtures.bits(session.weights))
    #expect(SessionFixtures.bits(back.biases) == SessionFixtures.bits(session.biases))
    #expect(back.train.map(\.x.bitPattern) == session.train.map(\.x.bitPattern))
    #expect(back.train.map(\.y.bitPattern) == session.train.map(\.y.bitPattern))
    #expect(back.config.seed == .max)
  }

  @Test func appStateKeepsItsCharts() throws {
    var state = try AppState(config: SessionFixtures.configs[0])
    for _ in 0..<30 { reduce(&state, .train(epochs: 3)) }
    reduce(&state, .setWeight(layer: 0, from: 1, to: 2, value: 0.75))
    let back = try SessionFixtures.roundTrip(DenseSessionFile(state: state))
    let restored = try AppState(session: back)
    #expect(restored.dense.history.trainLoss == state.dense.history.trainLoss && restored.dense.history.testLoss == state.dense.history.testLoss)
    #expect(restored.dense.history.testAccuracy == state.dense.history.testAccuracy)
    #expect(restored.evaluation == state.evaluation)
    #expect(restored.experiment.network.checksum == state.experiment.network.checksum)
  }

  @Test func restoreReplacesTheStateOrNothing() throws {
    var state = try AppState(config: SessionFixtures.configs[0])
    reduce(&state, .train(epochs: 10))
    let saved = DenseSessionFile(state: state)
    reduce(&state, .selectDataset(.spiral))
    reduce(&state, .train(epochs: 3))
    let revision = state.revision
    try state.restore(saved)
    #expect(state.experiment.network.checksum == saved.weightsChecksum)
    #expect(state.config.dataset == .circle && state.experiment.epoch == 10)
    #expect(state.revision > revision)
    var broken = saved
    broken.weights.removeLast()
    let before = state.experiment.network.checksum
    #expect(throws: SessionError.self) { try state.restore(broken) }
    #expect(state.experiment.network.checksum == before)
  }

  @Test func theFileIsLaidOutForPeople() throws {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[0], epochs: 2)
    let text = String(
      decoding: SessionFormat.encode(.dense2d(DenseSessionFile(experiment: experiment))), as: UTF8.self)
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "{")
    #expect(lines[1] == #"  "format": "neuralplayground-session","#)
    #expect(lines[2] == #"  "version": 1,"#)
    #expect(lines[3] == #"  "kind": "dense2d","#)
    // One point per line: [x, y, label].
    #expect(lines.contains { $0.hasPrefix("        [") && $0.filter { $0 == "," }.count == 3 })
    #expect(text.hasSuffix("}\n"))
    // Same session, same bytes.
    #expect(SessionFormat.encode(.dense2d(DenseSessionFile(experiment: experiment))) == Array(text.utf8))
  }
}

extension DenseSessionFile {
  /// The checksum the session's parameters give a network.
  var weightsChecksum: String {
    (try? Experiment(restoring: self).network.checksum) ?? "invalid"
  }
}
