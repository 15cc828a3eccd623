import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import SessionKit
@testable import Training

/// The optimizer settings and state through session files and share strings: a run saved at
/// epoch 5 and trained 15 more equals a run of 20, for every optimizer, with dropout and a schedule.
@Suite struct LearningSessionTests {
  static func config(_ optimizer: Optimizer, dropout: Double) -> PlaygroundConfig {
    var c = PlaygroundConfig()
    c.dataset = .spiral
    c.hiddenLayers = [6, 4]
    c.learningRate = 0.01
    c.optimizer = optimizer
    c.dropout = dropout
    c.lrSchedule = .step(every: 4, factor: 0.5)
    c.regularization = .l1
    c.regularizationRate = 0.001
    return c
  }

  @Test(arguments: Optimizer.allCases) func savedAtFiveContinuesAsTwenty(_ optimizer: Optimizer) throws {
    let config = Self.config(optimizer, dropout: 0.2)
    var whole = try Experiment(config: config)
    whole.train(epochs: 20)
    var part = try Experiment(config: config)
    part.train(epochs: 5)
    let file = try SessionFixtures.roundTrip(DenseSessionFile(experiment: part))
    #expect(file.config == config)
    #expect(file.learning == part.learningState)
    var resumed = try Experiment(restoring: file)
    resumed.train(epochs: 15)
    #expect(resumed.network.checksum == whole.network.checksum)
    #expect(resumed.optimizerState == whole.optimizerState)
  }

  @Test func defaultsWriteNothingNew() throws {
    var e = try Experiment(config: PlaygroundConfig())
    e.train(epochs: 3)
    let text = String(decoding: SessionFormat.encode(.dense2d(DenseSessionFile(experiment: e))), as: UTF8.self)
    #expect(!text.contains("\"learning\""))
    #expect(!PlaygroundConfig().shareString.contains("optimizer"))
  }

  @Test func shareStringCarriesTheSettings() throws {
    let config = Self.config(.nesterov, dropout: 0.3)
    let back = try PlaygroundConfig(shareString: config.shareString)
    #expect(back == config)
    #expect(config.shareString.contains("optimizer=nesterov"))
    #expect(throws: ConfigError.self) { try PlaygroundConfig(shareString: "dropout=0.95") }
    #expect(throws: ConfigError.self) { try PlaygroundConfig(shareString: "lrSchedule=step:0:1") }
  }

  @Test func cnnSavedMidRunContinues() throws {
    var config = CNNConfig()
    config.imagesPerClass = 20
    config.convLayers = [4]
    config.optimizer = .adam
    config.learningRate = 0.002
    config.dropout = 0.2
    var whole = try CNNExperiment(config: config)
    whole.train(epochs: 3)
    var part = try CNNExperiment(config: config)
    part.train(epochs: 1)
    let bytes = SessionFormat.encode(.cnn(CNNSessionFile(experiment: part)))
    guard case .cnn(let file) = try SessionFormat.decode(bytes) else { throw SessionError("not a CNN session") }
    #expect(file.config == config)
    var resumed = try CNNExperiment(restoring: file)
    resumed.train(epochs: 2)
    #expect(resumed.network.checksum == whole.network.checksum)
  }

  /// Changing the optimizer live drops the old buffers; momentum, dropout and schedule keep them.
  @Test func liveChanges() throws {
    var e = try Experiment(config: Self.config(.momentum, dropout: 0))
    e.train(epochs: 2)
    #expect(!e.optimizerState.isEmpty)
    try e.updateLive { $0.momentum = 0.5 }
    #expect(!e.optimizerState.isEmpty)
    try e.updateLive { $0.optimizer = .adam }
    #expect(e.optimizerState.isEmpty)
    e.reset()
    #expect(e.optimizerState.isEmpty)
  }
}

/// Issue 15's figures from TensorFlow Playground's own engine (its nn.ts, driven as `oneStep`
/// does) for L1 on the circle: our training losses equal them within 1e-4 relative.
@Suite struct PlaygroundL1FiguresTests {
  @Test func circleWithL1MatchesThePlayground() throws {
    var config = PlaygroundConfig()
    config.dataset = .circle
    config.features = [.x1, .x2, .x1sq, .x2sq]
    config.hiddenLayers = [3]
    config.regularization = .l1
    config.regularizationRate = 0.01
    config.seed = 6
    var e = try Experiment(config: config)
    e.train(epochs: 10)
    let ten = Double(e.measure().train.loss)
    #expect(abs(ten - 0.037237) <= 1e-4 * 0.037237, "\(ten)")
    e.train(epochs: 90)
    let hundred = Double(e.measure().train.loss)
    #expect(abs(hundred - 0.0043403) <= 1e-4 * 0.0043403, "\(hundred)")
  }
}
