import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import SessionKit
@testable import Training

/// The PyTorch script trains with the session's optimizer and schedule from the optimizer state
/// it was exported with: without dropout its losses match `playground train` within 1e-4
/// relative after 20 epochs (SGD, momentum, Nesterov) or 2 (RMSprop, Adam), exported mid-run.
@Suite(.enabled(if: PythonRunner.hasTorch)) struct LearningExportTests {
  static let cases: [(Optimizer, Int)] = [(.sgd, 20), (.momentum, 20), (.nesterov, 20), (.rmsprop, 2), (.adam, 2)]

  @Test(arguments: 0..<5)
  func exportedMidRunMatches(index: Int) throws {
    let (optimizer, epochs) = Self.cases[index]
    var config = PlaygroundConfig()
    config.dataset = .circle
    config.hiddenLayers = [5, 3]
    config.optimizer = optimizer
    config.learningRate = optimizer == .sgd || optimizer == .momentum || optimizer == .nesterov ? 0.03 : 0.003
    config.lrSchedule = .step(every: 3, factor: 0.8)
    config.regularization = .l1
    config.regularizationRate = 0.001
    var experiment = try Experiment(config: config)
    experiment.train(epochs: 5)
    let script = PythonExport.pytorch(experiment)
    experiment.train(epochs: epochs)
    let evaluation = experiment.measure()
    let run = try PythonRunner.runScript(script, ["--train", "\(epochs)", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.json["epoch"] as? Int == 5 + epochs)
    let trainLoss = try #require(run.json["trainLoss"] as? Double)
    let ours = Double(evaluation.train.loss)
    #expect(abs(trainLoss - ours) <= 1e-4 * ours, "\(optimizer): \(trainLoss) vs \(ours)")
  }

  /// With dropout the script trains with its own masks; it runs and keeps learning.
  @Test func dropoutRuns() throws {
    var config = PlaygroundConfig()
    config.dataset = .circle
    config.dropout = 0.2
    config.optimizer = .adam
    config.learningRate = 0.01
    var experiment = try Experiment(config: config)
    experiment.train(epochs: 3)
    let run = try PythonRunner.runScript(PythonExport.pytorch(experiment), ["--train", "5", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.json["epoch"] as? Int == 8)
    let check = try PythonRunner.runScript(PythonExport.pytorch(experiment), ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
  }

  /// The CNN script continues a mid-run Adam or momentum session (1 epoch in, 2 more).
  @Test(arguments: [Optimizer.momentum, .adam])
  func cnnExportedMidRunMatches(optimizer: Optimizer) throws {
    var config = CNNConfig()
    config.imagesPerClass = 30
    config.convLayers = [4]
    config.optimizer = optimizer
    config.learningRate = optimizer == .adam ? 0.002 : 0.01
    config.lrSchedule = .exponential(factor: 0.9)
    var experiment = try CNNExperiment(config: config)
    experiment.train(epochs: 1)
    let script = PythonExport.pytorch(experiment)
    experiment.train(epochs: 2)
    let evaluation = experiment.measure()
    let run = try PythonRunner.runScript(script, ["--train", "2", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.json["epoch"] as? Int == 3)
    let trainLoss = try #require(run.json["trainLoss"] as? Double)
    let ours = Double(evaluation.train.loss)
    #expect(abs(trainLoss - ours) <= 1e-4 * max(ours, 0.01), "\(optimizer): \(trainLoss) vs \(ours)")
  }
}
