import Foundation
import Testing
import _TestSupport

/// `train --load/--save`, `export` and `playground --load`, through the real binary.
@Suite struct SessionCLITests {
  static let hasNumpy = (try? runPython(["-c", "import numpy"]).status) == 0
  static let hasTorch = (try? runPython(["-c", "import torch"]).status) == 0

  func contents(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

  @Test func saveThenLoadGivesTheSameResultLine() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("spiral.json").path
    let trained = try runPlayground([
      "train", "--dataset", "spiral", "--seed", "4", "--epochs", "60", "--json", "--save", file,
    ])
    #expect(trained.status == 0, "\(trained.stderr)")
    let loaded = try runPlayground(["train", "--load", file, "--epochs", "0", "--json"])
    #expect(loaded.status == 0, "\(loaded.stderr)")
    let a = try #require(trained.lastJSON)
    let b = try #require(loaded.lastJSON)
    #expect(b["weightsChecksum"] as? String == a["weightsChecksum"] as? String)
    for key in ["epoch", "trainLoss", "testLoss", "testAccuracy", "trainPoints", "testPoints", "dataset"] {
      #expect("\(b[key] ?? "nil")" == "\(a[key] ?? "nil")", "\(key)")
    }
    #expect(loaded.stdout.split(separator: "\n").count == 1, "--epochs 0 prints only the result line")
  }

  @Test func loadContinuesTraining() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("half.json").path
    let flags = [
      "--dataset", "xor", "--seed", "3", "--regularization", "l1", "--regularization-rate", "0.01",
    ]
    #expect(try runPlayground(["train"] + flags + ["--epochs", "40", "--save", file]).status == 0)
    let resumed = try runPlayground(["train", "--load", file, "--epochs", "40", "--json", "--save", file])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let straight = try runPlayground(["train"] + flags + ["--epochs", "80", "--json"])
    #expect(resumed.lastJSON?["epoch"] as? Int == 80)
    #expect(
      resumed.lastJSON?["weightsChecksum"] as? String == straight.lastJSON?["weightsChecksum"] as? String)
    let again = try runPlayground(["train", "--load", file, "--epochs", "0", "--json"])
    #expect(again.lastJSON?["weightsChecksum"] as? String == straight.lastJSON?["weightsChecksum"] as? String)
  }

  @Test func badLoadsExitWithTwoAndNameTheFile() throws {
    let dir = try temporaryDirectory()
    let good = dir.appendingPathComponent("good.json")
    #expect(try runPlayground(["train", "--epochs", "5", "--save", good.path]).status == 0)
    let text = try String(contentsOf: good, encoding: .utf8)
    let cut = dir.appendingPathComponent("cut.json")
    try text.prefix(text.count / 2).write(to: cut, atomically: true, encoding: .utf8)
    let future = dir.appendingPathComponent("future.json")
    try text.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 7").write(
      to: future, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      (["train", "--load", cut.path], "damaged or cut short"),
      (["train", "--load", future.path], "newer NeuralPlayground"),
      (["train", "--load", dir.appendingPathComponent("none.json").path], "cannot read"),
      (["train", "--load", good.path, "--dataset", "xor"], "remove --dataset"),
      (["train", "--load", good.path, "--seed=3"], "remove --seed"),
      (["export", "--load", cut.path, "--numpy", dir.appendingPathComponent("out.py").path], "damaged"),
      (["--load", future.path, "--layout-json"], "newer NeuralPlayground"),
      (["--load", good.path, "--config", "dataset=xor"], "--load and --config"),
    ]
    for (arguments, expected) in cases {
      let r = try runPlayground(arguments)
      #expect(r.status == 2, "\(arguments)")
      #expect(r.stderr.contains(expected), "\(arguments): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(arguments)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.py").path))
  }

  @Test func aBadSaveFailsBeforeTrainingAndKeepsTheOldFile() throws {
    let dir = try temporaryDirectory()
    let missing = dir.appendingPathComponent("no/such/dir/s.json").path
    let r = try runPlayground(["train", "--epochs", "5", "--save", missing])
    #expect(
      r.status == 2 && r.stderr.contains("--save") && r.stderr.contains("does not exist"), "\(r.stderr)")
    #expect(r.stdout.isEmpty, "nothing trained")
    let onFolder = try runPlayground(["train", "--epochs", "5", "--save", dir.path])
    #expect(onFolder.status == 2 && onFolder.stderr.contains("folder"), "\(onFolder.stderr)")
    // Overwriting a good file replaces it whole.
    let file = dir.appendingPathComponent("s.json")
    #expect(try runPlayground(["train", "--epochs", "5", "--save", file.path]).status == 0)
    #expect(try runPlayground(["train", "--epochs", "9", "--save", file.path]).status == 0)
    let reloaded = try runPlayground(["train", "--load", file.path, "--epochs", "0", "--json"])
    #expect(reloaded.lastJSON?["epoch"] as? Int == 9)
  }

  @Test func exportCSVReadsBackThroughCSV() throws {
    let dir = try temporaryDirectory()
    let csv = dir.appendingPathComponent("points.csv").path
    let r = try runPlayground(["export", "--dataset", "blobs3", "--seed", "2", "--save-csv", csv])
    #expect(r.status == 0, "\(r.stderr)")
    let original = try runPlayground([
      "train", "--dataset", "blobs3", "--seed", "2", "--epochs", "0", "--json",
    ])
    let imported = try runPlayground(["train", "--csv", csv, "--epochs", "0", "--json"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let total = { (j: [String: Any]?) in (j?["trainPoints"] as? Int ?? 0) + (j?["testPoints"] as? Int ?? 0) }
    #expect(total(imported.lastJSON) == total(original.lastJSON) && total(original.lastJSON) > 0)
    #expect(imported.lastJSON?["dataset"] as? String == "custom")
  }

  @Test func exportRefusesBadRequestsAndWritesNothing() throws {
    let dir = try temporaryDirectory()
    let session = dir.appendingPathComponent("s.json")
    #expect(try runPlayground(["train", "--epochs", "3", "--save", session.path]).status == 0)
    let before = contents(session)
    let cases: [([String], String)] = [
      (["export", "--load", session.path], "at least one of"),
      (["export", "--load", session.path, "--numpy", session.path], "also the --load file"),
      (["export", "--load", session.path, "--numpy", dir.path], "folder"),
      (
        [
          "export", "--load", session.path, "--epochs", "-1", "--numpy",
          dir.appendingPathComponent("a.py").path,
        ], "--epochs"
      ),
      (["export", "--noise", "80", "--numpy", dir.appendingPathComponent("b.py").path], "--noise"),
    ]
    for (arguments, expected) in cases {
      let r = try runPlayground(arguments)
      #expect(r.status == 2 && r.stderr.contains(expected), "\(arguments): \(r.stderr)")
    }
    #expect(contents(session) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["s.json"])
  }

  @Test(.enabled(if: SessionCLITests.hasNumpy))
  func exportedNumpyScriptChecks() throws {
    let dir = try temporaryDirectory()
    let session = dir.appendingPathComponent("s.json").path
    #expect(
      try runPlayground(["train", "--dataset", "spiral3", "--epochs", "30", "--save", session]).status == 0)
    let script = dir.appendingPathComponent("model.py").path
    let torchScript = dir.appendingPathComponent("torch_model.py").path
    let r = try runPlayground(["export", "--load", session, "--numpy", script, "--pytorch", torchScript])
    #expect(r.status == 0, "\(r.stderr)")
    let check = try runPython([script, "--check"], mergingOutput: true)
    #expect(check.status == 0 && check.stdout.contains("largest difference"), "\(check.stdout)")
    #expect(FileManager.default.isExecutableFile(atPath: script))
    let torch = try String(contentsOfFile: torchScript, encoding: .utf8)
    #expect(torch.contains("import torch") && torch.contains("--train"))
  }

  @Test(.enabled(if: SessionCLITests.hasTorch))
  func exportedPyTorchScriptChecksAndTrains() throws {
    let dir = try temporaryDirectory()
    let script = dir.appendingPathComponent("model.py").path
    let r = try runPlayground(["export", "--dataset", "circle", "--epochs", "50", "--pytorch", script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try runPython([script, "--check"], mergingOutput: true).status == 0)
    let train = try runPython([script, "--train", "20"], mergingOutput: true)
    #expect(train.status == 0 && train.stdout.contains("epoch 70"), "\(train.stdout)")
  }

  @Test func theWindowOpensASession() throws {
    let dir = try temporaryDirectory()
    let session = dir.appendingPathComponent("s.json").path
    #expect(
      try runPlayground(["train", "--dataset", "gauss", "--epochs", "3", "--save", session]).status == 0)
    let r = try runPlayground(["--load", session, "--layout-json"])
    #expect(r.status == 0 && r.lastJSON?["dataset.gauss"] != nil, "\(r.stderr)")
    let png = dir.appendingPathComponent("frame.png").path
    let shot = try runPlayground(["--load", session, "--screenshot", png])
    #expect(shot.status == 0, "\(shot.stderr)")
    #expect(FileManager.default.fileExists(atPath: png))
  }
}
