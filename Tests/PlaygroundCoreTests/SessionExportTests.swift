import Datasets
import Engine
import Foundation
import Testing
import _TestSupport

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// Runs `python3` on a script; nil when python3 or `module` cannot be imported.
enum PythonRunner {
  static func available(_ module: String) -> Bool {
    (try? runPython(["-c", "import \(module)"]).status) == 0
  }

  static let hasNumpy = available("numpy")
  static let hasTorch = available("torch")

  /// Writes `script` to a temporary file and runs it with `arguments`; the last stdout line as JSON.
  static func runScript(_ script: String, _ arguments: [String]) throws -> (
    status: Int32, json: [String: Any], stderr: String
  ) {
    let path = NSTemporaryDirectory() + "playground-export-\(UUID().uuidString).py"
    try SessionFile.writeAtomically(Array(script.utf8), to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = try runPython([path] + arguments)
    let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let json = (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any] ?? [:]
    return (r.status, json, r.stdout + r.stderr)
  }

  /// `--check --json` on `script` with its first embedded playground prediction moved by 0.001,
  /// as a wrong export would be; `moved` is false when the script had no such line to move.
  static func checkWithAMovedPrediction(_ script: String) throws -> (
    moved: Bool, status: Int32, json: [String: Any], stderr: String
  ) {
    let moved = script.replacingOccurrences(
      of: "PLAYGROUND_PREDICTIONS = [\n    [", with: "PLAYGROUND_PREDICTIONS = [\n    [0.001 + ")
    let r = try runScript(moved, ["--check", "--json"])
    return (moved != script, r.status, r.json, r.stderr)
  }
}

@Suite struct SessionCSVExportTests {
  @Test(arguments: SessionFixtures.configs)
  func theCSVReadsBackAsTheSamePoints(config: PlaygroundConfig) throws {
    let experiment = try SessionFixtures.trained(config, epochs: 0)
    let text = DatasetCSV.text(experiment)
    #expect(text.hasPrefix("# NeuralPlayground points"))
    let points = try PointsCSV.parse(text, source: "out.csv", regression: config.problem == .regression)
    #expect(points == experiment.train + experiment.test)
  }
}

/// The numpy script is checked on every machine that runs the tests (numpy is part of the setup).
@Suite struct SessionNumpyExportTests {
  @Test func numpyIsInstalled() {
    #expect(
      PythonRunner.hasNumpy,
      "python3 with numpy is needed for the export tests: apt-get install python3-numpy")
  }

  @Test(.enabled(if: PythonRunner.hasNumpy), arguments: SessionFixtures.configs)
  func checkAgreesWithThePlayground(config: PlaygroundConfig) throws {
    var experiment = try SessionFixtures.trained(config, epochs: 30)
    let evaluation = experiment.measure()
    let script = PythonExport.numpy(experiment, scriptName: "model.py")
    let check = try PythonRunner.runScript(script, ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    let largest = try #require(check.json["largestDifference"] as? Double)
    #expect(largest < 1e-5, "largest difference \(largest)")
    #expect(check.json["points"] as? Int == experiment.test.count)
    // The losses it reports are the playground's.
    let report = try PythonRunner.runScript(script, ["--json"])
    #expect(report.status == 0, "\(report.stderr)")
    let trainLoss = try #require(report.json["trainLoss"] as? Double)
    let testLoss = try #require(report.json["testLoss"] as? Double)
    #expect(abs(trainLoss - Double(evaluation.train.loss)) < 1e-4)
    #expect(abs(testLoss - Double(evaluation.test.loss)) < 1e-4)
    if experiment.classCount > 0 {
      #expect(abs((report.json["testAccuracy"] as? Double ?? -1) - Double(evaluation.test.accuracy)) < 1e-6)
    }
  }

  @Test(.enabled(if: PythonRunner.hasNumpy))
  func checkFailsWhenThePredictionsDiffer() throws {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[0], epochs: 5)
    let check = try PythonRunner.checkWithAMovedPrediction(PythonExport.numpy(experiment))
    #expect(check.moved && check.status == 1)
    #expect((check.json["largestDifference"] as? Double ?? 0) > 1e-4)
  }

  @Test(.enabled(if: PythonRunner.hasNumpy))
  func withoutTestPointsTheTrainingPointsAreChecked() throws {
    var config = PlaygroundConfig()
    config.dataset = .custom
    config.trainRatio = 90
    let points = (0..<5).map { DataPoint(x: Double($0), y: 1, label: Double($0 % 2)) }
    var experiment = try Experiment(config: config, customPoints: points)
    experiment.test = []
    experiment.testSamples = Experiment.samples([], config.features)
    let script = PythonExport.numpy(experiment)
    #expect(script.contains("CHECK_POINTS = TRAIN_POINTS"))
    let check = try PythonRunner.runScript(script, ["--check", "--json"])
    #expect(check.status == 0 && check.json["points"] as? Int == experiment.train.count, "\(check.stderr)")
  }
}

/// The PyTorch script, checked where PyTorch is installed (`pip install torch`).
@Suite(.enabled(if: PythonRunner.hasTorch)) struct SessionPyTorchExportTests {
  @Test(arguments: SessionFixtures.configs)
  func checkAgreesWithThePlayground(config: PlaygroundConfig) throws {
    let experiment = try SessionFixtures.trained(config, epochs: 30)
    let check = try PythonRunner.runScript(PythonExport.pytorch(experiment), ["--check", "--json"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect((check.json["largestDifference"] as? Double ?? 1) < 1e-5)
  }

  /// `--train N` is the playground's SGD: the losses after N more epochs match the playground's.
  @Test(arguments: SessionFixtures.configs)
  func trainingFollowsThePlayground(config: PlaygroundConfig) throws {
    var experiment = try SessionFixtures.trained(config, epochs: 20)
    let script = PythonExport.pytorch(experiment)
    experiment.train(epochs: 10)
    let evaluation = experiment.measure()
    let run = try PythonRunner.runScript(script, ["--train", "10", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.json["epoch"] as? Int == 30)
    let trainLoss = try #require(run.json["trainLoss"] as? Double)
    let testLoss = try #require(run.json["testLoss"] as? Double)
    let tolerance = 1e-3 * max(1, Double(evaluation.train.loss))
    #expect(
      abs(trainLoss - Double(evaluation.train.loss)) < tolerance, "\(trainLoss) vs \(evaluation.train.loss)")
    #expect(
      abs(testLoss - Double(evaluation.test.loss)) < tolerance, "\(testLoss) vs \(evaluation.test.loss)")
  }
}
