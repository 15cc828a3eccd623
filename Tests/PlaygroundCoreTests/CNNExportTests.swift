import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// The CNN numpy script, run for real on every machine that runs the tests.
@Suite struct CNNNumpyExportTests {
  /// Odd map sizes on purpose: [4] pools 28 → 9 (dropping a row and a column), [3, 5, 6] goes
  /// 28 → 14 → 7 → 2 (3×3 on 7 drops one); channel counts that are not multiples of eight.
  @Test(.enabled(if: PythonRunner.hasNumpy), arguments: CNNFixtures.configs)
  func checkAgreesWithThePlayground(config: CNNConfig) throws {
    var experiment = try CNNExperiment(config: config)
    experiment.train(epochs: 2)
    let evaluation = experiment.measure()
    let script = PythonExport.numpy(experiment, scriptName: "model.py")
    let check = try PythonRunner.runScript(script, ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    let largest = try #require(check.json["largestDifference"] as? Double)
    #expect(largest < 1e-5, "largest difference \(largest)")
    #expect(check.json["images"] as? Int == experiment.test.count)
    let report = try PythonRunner.runScript(script, ["--json"])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.json["epoch"] as? Int == 2)
    let testLoss = try #require(report.json["testLoss"] as? Double)
    #expect(abs(testLoss - Double(evaluation.test.loss)) < 1e-4, "\(testLoss) vs \(evaluation.test.loss)")
    #expect(abs((report.json["testAccuracy"] as? Double ?? -1) - Double(evaluation.test.accuracy)) < 1e-6)
    #expect(abs((report.json["trainAccuracy"] as? Double ?? -1) - Double(evaluation.train.accuracy)) < 1e-6)
  }

  @Test(.enabled(if: PythonRunner.hasNumpy))
  func importedClassesAndDrawingsAreExported() throws {
    let experiment = try CNNFixtures.busy()
    let script = PythonExport.numpy(experiment)
    #expect(script.contains(#"CLASSES = ["circle", "square", "triangle", "cross", "band"]"#))
    let check = try PythonRunner.runScript(script, ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect((check.json["largestDifference"] as? Double ?? 1) < 1e-5)
  }

  @Test(.enabled(if: PythonRunner.hasNumpy))
  func checkFailsWhenThePredictionsDiffer() throws {
    var experiment = try CNNExperiment(config: CNNFixtures.config())
    experiment.train(epochs: 1)
    let check = try PythonRunner.checkWithAMovedPrediction(PythonExport.numpy(experiment))
    #expect(check.moved && check.status == 1)
    #expect((check.json["largestDifference"] as? Double ?? 0) > 1e-4)
  }

  /// The script's architecture, flatten order and pooling are the engine's: a flipped flatten
  /// order (a transposed feature map) or a ceil-mode pool must make `--check` fail.
  @Test(.enabled(if: PythonRunner.hasNumpy))
  func checkNoticesAWrongFlattenOrderOrPooling() throws {
    var experiment = try CNNExperiment(config: CNNFixtures.config { $0.convLayers = [4] })
    experiment.train(epochs: 2)
    let script = PythonExport.numpy(experiment)
    let transposed = script.replacingOccurrences(
      of: "features = x.reshape(len(x), -1)", with: "features = x.transpose(0, 1, 3, 2).reshape(len(x), -1)")
    #expect(transposed != script)
    #expect(try PythonRunner.runScript(transposed, ["--check", "--json"]).status == 1)
    let channelsLast = script.replacingOccurrences(
      of: "features = x.reshape(len(x), -1)", with: "features = x.transpose(0, 2, 3, 1).reshape(len(x), -1)")
    #expect(try PythonRunner.runScript(channelsLast, ["--check", "--json"]).status == 1)
  }
}

/// The CNN PyTorch script, checked where PyTorch is installed.
@Suite(.enabled(if: PythonRunner.hasTorch)) struct CNNPyTorchExportTests {
  @Test(arguments: CNNFixtures.configs)
  func checkAgreesWithThePlayground(config: CNNConfig) throws {
    var experiment = try CNNExperiment(config: config)
    experiment.train(epochs: 2)
    let check = try PythonRunner.runScript(PythonExport.pytorch(experiment), ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    let largest = try #require(check.json["largestDifference"] as? Double)
    #expect(largest < 1e-5, "largest difference \(largest)")
  }

  /// `--train N` is the playground's SGD: the losses after N more epochs match the playground's,
  /// also when the session stopped inside an epoch and has imported classes and drawings.
  @Test func trainingFollowsThePlayground() throws {
    var whole = try CNNExperiment(config: CNNFixtures.configs[1])
    whole.train(epochs: 1)
    let inside = try CNNFixtures.busy()
    #expect(inside.cursor.example > 0)
    for var experiment in [whole, inside] {
      let script = PythonExport.pytorch(experiment)
      let start = experiment.epoch
      experiment.train(epochs: 1)
      let evaluation = experiment.measure()
      let run = try PythonRunner.runScript(script, ["--train", "1", "--json"])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.json["epoch"] as? Int == start + 1)
      let trainLoss = try #require(run.json["trainLoss"] as? Double)
      let testLoss = try #require(run.json["testLoss"] as? Double)
      let tolerance = 1e-3 * max(1, Double(evaluation.train.loss))
      #expect(
        abs(trainLoss - Double(evaluation.train.loss)) < tolerance, "\(trainLoss) vs \(evaluation.train.loss)"
      )
      #expect(
        abs(testLoss - Double(evaluation.test.loss)) < tolerance, "\(testLoss) vs \(evaluation.test.loss)")
    }
  }
}
