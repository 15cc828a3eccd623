import Foundation
import Testing
import _TestSupport

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("playground-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite struct TrainCommandTests {
  @Test func jsonResultLine() throws {
    let r = try runPlayground(["train", "--dataset", "xor", "--epochs", "200", "--seed", "3", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 11, "ten progress lines and the result")
    let result = try #require(r.lastJSON)
    #expect(result["epoch"] as? Int == 200)
    #expect((result["testAccuracy"] as? Double ?? 0) >= 0.95)
    #expect(result["trainLoss"] is Double && result["testLoss"] is Double && result["trainAccuracy"] is Double)
    #expect(result["diverged"] as? Bool == false)
    let checksum = try #require(result["weightsChecksum"] as? String)
    #expect(checksum.count == 16 && checksum.allSatisfy(\.isHexDigit))
    // The same flags give the same bits.
    let again = try runPlayground(["train", "--dataset", "xor", "--epochs", "200", "--seed", "3", "--json"])
    #expect(again.lastJSON?["weightsChecksum"] as? String == checksum)
  }

  @Test func everyConfigFlag() throws {
    let r = try runPlayground([
      "train", "--problem", "classification", "--dataset", "spiral", "--noise", "10", "--train-ratio", "60",
      "--seed", "5", "--features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", "--hidden-layers", "8,8,4",
      "--activation", "relu", "--learning-rate", "0.01", "--regularization", "l2", "--regularization-rate",
      "0.001", "--batch-size", "5", "--epochs", "20", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let result = try #require(r.lastJSON)
    #expect(result["trainPoints"] as? Int == 300)
    #expect(result["epoch"] as? Int == 20)
  }

  @Test func regressionHasNoAccuracy() throws {
    let r = try runPlayground(["train", "--dataset", "reg-plane", "--epochs", "50", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let result = try #require(r.lastJSON)
    #expect(result["trainAccuracy"] == nil)
    #expect((result["testLoss"] as? Double ?? 1) < 0.01)
  }

  @Test func divergenceIsReported() throws {
    let r = try runPlayground([
      "train", "--dataset", "reg-plane", "--activation", "linear", "--learning-rate", "10", "--epochs", "100",
      "--json",
    ])
    #expect(r.status == 0)
    let result = try #require(r.lastJSON)
    #expect(result["diverged"] as? Bool == true)
    #expect((result["epoch"] as? Int ?? 100) < 100)
  }

  @Test func plainProgressLines() throws {
    let r = try runPlayground(["train", "--epochs", "50"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("epoch 5/50"))
    #expect(r.stdout.contains("epoch 50/50"))
    #expect(r.stdout.contains("weights checksum"))
  }

  @Test func pngOfTheDecisionBoundary() throws {
    let dir = try temporaryDirectory()
    let png = dir.appendingPathComponent("boundary.png")
    let r = try runPlayground(["train", "--dataset", "gauss", "--epochs", "20", "--png", png.path])
    #expect(r.status == 0, "\(r.stderr)")
    let data = try Data(contentsOf: png)
    #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // IHDR: width and height, big-endian, at bytes 16–23.
    let bytes = [UInt8](data)
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 600 && height == 600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["boundary.png"], "no temporary file left")
  }

  @Test func csvPoints() throws {
    let dir = try temporaryDirectory()
    let csv = dir.appendingPathComponent("points.csv")
    var text = "x,y,label\n"
    for i in 0..<40 {
      let x = Double(i % 8) - 3.5
      let y = Double(i / 8) - 2
      text += "\(x),\(y),\(x > 0 ? 1 : 0)\n"
    }
    try text.write(to: csv, atomically: true, encoding: .utf8)
    let r = try runPlayground(["train", "--csv", csv.path, "--epochs", "100", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lastJSON?["dataset"] as? String == "custom")
    #expect((r.lastJSON?["trainAccuracy"] as? Double ?? 0) > 0.9)
  }
}

@Suite struct BadInputTests {
  /// Each bad input exits 2 with one message naming the flag, and writes nothing.
  @Test(arguments: [
    (["--dataset", "moons"], "--dataset"),
    (["--noise", "80"], "--noise"),
    (["--learning-rate", "0"], "--learning-rate"),
    (["--learning-rate", "-1"], "--learning-rate"),
    (["--hidden-layers", "4,0"], "--hidden-layers"),
    (["--hidden-layers", "4,x"], "--hidden-layers"),
    (["--features", "x1,x3"], "--features"),
    (["--train-ratio", "95"], "--train-ratio"),
    (["--batch-size", "0"], "--batch-size"),
    (["--activation", "swish"], "--activation"),
    (["--regularization-rate", "-2"], "--regularization-rate"),
    (["--dataset", "reg-plane", "--problem", "classification"], "--dataset"),
    (["--epochs", "-5"], "--epochs"),
  ])
  func exitsTwoNamingTheFlag(arguments: [String], flag: String) throws {
    let dir = try temporaryDirectory()
    let png = dir.appendingPathComponent("out.png")
    let r = try runPlayground(["train"] + arguments + ["--png", png.path, "--json"], in: dir)
    #expect(r.status == 2, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains(flag), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
  }

  @Test func malformedCSVNamesTheLine() throws {
    let dir = try temporaryDirectory()
    let csv = dir.appendingPathComponent("bad.csv")
    try "x,y,label\n1,2,0\n3,oops,1\n".write(to: csv, atomically: true, encoding: .utf8)
    let r = try runPlayground(["train", "--csv", csv.path, "--json"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--csv"))
    #expect(r.stderr.contains("bad.csv:3"), "\(r.stderr)")
  }
}

@Suite struct BenchCommandTests {
  @Test func jsonFigures() throws {
    let r = try runPlayground(["bench", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    var seen: Set<String> = []
    for line in r.stdout.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let config = try #require(object["config"] as? String)
      let metric = try #require(object["metric"] as? String)
      let value = try #require(object["value"] as? Double)
      #expect(value > 0)
      seen.insert("\(config)/\(metric)")
    }
    #expect(seen.isSuperset(of: ["c1/train_epochs_per_s", "c1/grid_ms", "c2/train_epochs_per_s", "c2/grid_ms"]))
  }
}
