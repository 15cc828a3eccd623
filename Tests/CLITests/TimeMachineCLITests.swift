import Foundation
import Testing
import _TestSupport

/// `replay`, `compare` and `grade` through the real binary.
@Suite struct TimeMachineCLITests {
  func jsonLines(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  /// Edits the first weight of a 2-D session file by one digit.
  func tamper(_ path: String, to out: String) throws {
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    var dense = try #require(json["dense2d"] as? [String: Any])
    var network = try #require(dense["network"] as? [String: Any])
    var weights = try #require(network["weights"] as? [Double])
    weights[0] += 0.01
    network["weights"] = weights
    dense["network"] = network
    json["dense2d"] = dense
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: out))
  }

  @Test func replayPassesASavedSessionAndCatchesAnEditedWeight() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("run.json").path
    #expect(try runPlayground(["train", "--dataset", "spiral", "--epochs", "120", "--save", file]).status == 0)
    let continued = dir.appendingPathComponent("more.json").path
    #expect(try runPlayground(["train", "--load", file, "--epochs", "30", "--learning-rate", "0.1", "--save", continued]).status == 2,
      "--load takes its settings from the file")
    #expect(try runPlayground(["train", "--load", file, "--epochs", "30", "--save", continued]).status == 0)
    for path in [file, continued] {
      let ok = try runPlayground(["replay", path, "--json"])
      #expect(ok.status == 0, "\(ok.stderr)")
      #expect(ok.lastJSON?["identical"] as? Bool == true)
      #expect((ok.lastJSON?["checks"] as? Int ?? 0) > 2, "keyframes are checked, not only the end")
    }
    let edited = dir.appendingPathComponent("edited.json").path
    try tamper(continued, to: edited)
    let bad = try runPlayground(["replay", edited])
    #expect(bad.status == 1)
    #expect(bad.stdout.contains("differs at epoch 150"), "\(bad.stdout)")
    let invalid = dir.appendingPathComponent("invalid.json").path
    try "{".write(toFile: invalid, atomically: true, encoding: .utf8)
    #expect(try runPlayground(["replay", invalid]).status == 2)
  }

  @Test func compareRunAEqualsTrainAndBEqualsTrainWithTheVariedFlags() throws {
    let flags = ["--dataset", "xor", "--seed", "3", "--hidden-layers", "5,3"]
    let both = try runPlayground(["compare"] + flags + ["--vary", "learning-rate=0.1", "--epochs", "40", "--json"])
    #expect(both.status == 0, "\(both.stderr)")
    let lines = jsonLines(both.stdout)
    #expect(lines.count == 3)
    guard lines.count == 3 else { return }
    let a = try runPlayground(["train"] + flags + ["--epochs", "40", "--json"])
    let b = try runPlayground(["train"] + flags + ["--learning-rate", "0.1", "--epochs", "40", "--json"])
    #expect(lines[0]["run"] as? String == "A" && lines[1]["run"] as? String == "B")
    for key in ["weightsChecksum", "testLoss", "trainLoss", "epoch"] {
      #expect("\(lines[0][key] ?? "nil")" == "\(a.lastJSON?[key] ?? "none")", "A \(key)")
      #expect("\(lines[1][key] ?? "nil")" == "\(b.lastJSON?[key] ?? "none")", "B \(key)")
    }
    #expect(lines[2]["differing"] as? [String] == ["learning-rate"])
    #expect(lines[2]["sameStart"] as? Bool == true)
    let rebuilt = try runPlayground(["compare"] + flags + ["--vary", "hidden-layers=8,8", "--epochs", "5", "--json"])
    #expect(jsonLines(rebuilt.stdout).last?["sameStart"] as? Bool == false)
    let cnn = try runPlayground([
      "compare", "--dataset", "shapes", "--shapes", "circle,square", "--conv-layers", "4", "--vary",
      "batch-size=5", "--epochs", "1", "--json",
    ])
    #expect(cnn.status == 0, "\(cnn.stderr)")
    #expect(jsonLines(cnn.stdout).last?["sameStart"] as? Bool == true)
    #expect(try runPlayground(["compare", "--vary", "colour=red", "--epochs", "1"]).status == 2)
    #expect(try runPlayground(["compare", "--epochs", "1"]).status == 2)
  }

  @Test func gradeReplaysEachSessionThenChecksTheRubric() throws {
    let dir = try temporaryDirectory()
    let good = dir.appendingPathComponent("good.json").path
    let weak = dir.appendingPathComponent("weak.json").path
    let tampered = dir.appendingPathComponent("tampered.json").path
    #expect(try runPlayground(["train", "--dataset", "circle", "--epochs", "200", "--save", good]).status == 0)
    #expect(try runPlayground(["train", "--dataset", "circle", "--epochs", "2", "--save", weak]).status == 0)
    try tamper(weak, to: tampered)
    let rubric = dir.appendingPathComponent("rubric.yaml").path
    try """
      criteria:
        - name: "fits the data"
          check: testAccuracy >= 0.95
          points: 2
        - name: "the default network"
          check: hiddenLayers == [4, 2]
      """.write(toFile: rubric, atomically: true, encoding: .utf8)
    let run = try runPlayground(["grade", "--rubric", rubric, good, weak, tampered, "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = jsonLines(run.stdout)
    #expect(rows.count == 3)
    guard rows.count == 3 else { return }
    #expect(rows[0]["reproducible"] as? Bool == true && rows[0]["score"] as? Double == 3)
    #expect(rows[1]["reproducible"] as? Bool == true && rows[1]["score"] as? Double == 1)
    #expect(rows[2]["reproducible"] as? Bool == false && rows[2]["score"] as? Double == 0)
    let met = (rows[1]["criteria"] as? [[String: Any]])?.map { $0["met"] as? Bool }
    #expect(met == [false, true])
    let csv = try runPlayground(["grade", "--rubric", rubric, good, "--csv"])
    #expect(csv.stdout.hasPrefix("file,reproducible,fits the data,the default network,score\n"), "\(csv.stdout)")
    let broken = dir.appendingPathComponent("broken.yaml").path
    try "criteria:\n  - name: x\n    check: testAccuracy >=\n".write(toFile: broken, atomically: true, encoding: .utf8)
    let invalid = try runPlayground(["grade", "--rubric", broken, good])
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("broken.yaml:3:"), "\(invalid.stderr)")
    #expect(try runPlayground(["grade", "--rubric", rubric, dir.appendingPathComponent("none.json").path]).status == 2)
  }

  /// A session written before histories existed (format 1) opens, continues, and then replays
  /// from the saved state on (not from the seed, so `grade` does not count it reproducible).
  @Test func aFormatOneSessionStillOpensAndItsContinuationReplays() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fixtures/dense-format1.json").standardized.path
    let dir = try temporaryDirectory()
    let noHistory = try runPlayground(["replay", fixture])
    #expect(noHistory.status == 2 && noHistory.stderr.contains("no recorded history"), "\(noHistory.stderr)")
    let continued = dir.appendingPathComponent("continued.json").path
    let run = try runPlayground(["train", "--load", fixture, "--epochs", "20", "--json", "--save", continued])
    #expect(run.status == 0, "\(run.stderr)")
    let replay = try runPlayground(["replay", continued, "--json"])
    #expect(replay.status == 0 && replay.lastJSON?["identical"] as? Bool == true, "\(replay.stdout) \(replay.stderr)")
    #expect(replay.lastJSON?["fromSeed"] as? Bool == false)
    let text = try String(contentsOfFile: continued, encoding: .utf8)
    #expect(text.contains("\"version\": 2"))
  }
}
