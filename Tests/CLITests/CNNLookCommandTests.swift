import Foundation
import Testing
import _TestSupport

/// `playground attack`, `units` and `embed` end to end through the binary, on a quick session.
@Suite struct CNNLookCommandTests {
  static let quick = ["--shapes", "circle,square,triangle,cross", "--conv-layers", "8", "--epochs", "4"]

  @Test func attackPrintsOneLineAndWritesThreePictures() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attack-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let r = try runPlayground(
      ["attack"] + Self.quick + ["--image", "3", "--method", "pgd", "--epsilon", "0.2", "--out", folder, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let line = try #require(r.lastJSON)
    for key in [
      "originalClass", "originalProbability", "adversarialClass", "adversarialProbability", "epsilon",
      "linfDistance", "l2Distance",
    ] {
      #expect(line[key] != nil, "\(key) in \(line)")
    }
    #expect((line["linfDistance"] as? Double ?? 9) <= 0.2)
    #expect(line["epsilon"] as? Double == 0.2)
    for name in ["original.png", "perturbation.png", "adversarial.png"] {
      #expect(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
    }
    let targeted = try runPlayground(
      ["attack"] + Self.quick + ["--image", "3", "--method", "pgd", "--target", "cross", "--epsilon", "0.4", "--json"])
    #expect(targeted.lastJSON?["adversarialClass"] as? String == "cross", "\(targeted.stdout)")
    let search = try runPlayground(["attack"] + Self.quick + ["--image", "3", "--search", "--json"])
    let found = try #require(search.lastJSON)
    #expect(found["fooled"] as? Bool == true)
    #expect((found["epsilon"] as? Double ?? 0) > 0 && (found["epsilon"] as? Double ?? 1) < 1)
  }

  @Test func attackRejectsBadFlags() throws {
    for (flags, message) in [
      (["--image", "0"], "--image must be from 1 to 400"),
      (["--target", "blob"], "--target: no class 'blob'"),
      (["--epsilon", "2"], "--epsilon must be a number from 0 to 1"),
      (["--epsilon", "0.1", "--search"], "exclude each other"),
    ] {
      let r = try runPlayground(["attack"] + Self.quick + flags)
      #expect(r.status == 2)
      #expect(r.stderr.contains(message), "\(r.stderr)")
    }
  }

  @Test func unitsPrintsOneLinePerUnitCountingFromOne() throws {
    let r = try runPlayground(["units"] + Self.quick + ["--layer", "1", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(lines.count == 8)
    #expect(lines.map { $0["unit"] as? Int } == (1...8).map { $0 })
    for line in lines {
      let top = try #require(line["topImages"] as? [Int])
      #expect(top.count == 9 && top.allSatisfy { (1...400).contains($0) })
    }
    let dense = try runPlayground(["units"] + Self.quick + ["--layer", "2", "--json"])
    #expect(dense.stdout.split(separator: "\n").count == 4, "one unit per class")
    let bad = try runPlayground(["units"] + Self.quick + ["--layer", "0"])
    #expect(bad.status == 2 && bad.stderr.contains("--layer must be from 1 to 2"))
  }

  @Test func trainTakesAdversarialTraining() throws {
    let r = try runPlayground(
      ["train", "--dataset", "shapes"] + Self.quick + ["--adversarial-share", "0.5", "--adversarial-epsilon", "0.1", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let line = try #require(r.lastJSON)
    let adversarial = try #require(line["adversarialTraining"] as? [String: Double])
    #expect(adversarial == ["share": 0.5, "epsilon": 0.1])
    let plain = try runPlayground(["train", "--dataset", "shapes"] + Self.quick + ["--json"])
    #expect(plain.lastJSON?["adversarialTraining"] == nil)
    #expect(plain.lastJSON?["weightsChecksum"] as? String != line["weightsChecksum"] as? String)
    for (flags, message) in [
      (["--adversarial-share", "1.5"], "--adversarial-share must be a number from 0 to 1"),
      (["--adversarial-epsilon", "0.1"], "--adversarial-epsilon needs --adversarial-share"),
      (["--adversarial-share", "0.5", "--adversarial-epsilon", "-1"], "--adversarial-epsilon must be a number from 0 to 1"),
    ] {
      let bad = try runPlayground(["train", "--dataset", "shapes"] + Self.quick + flags)
      #expect(bad.status == 2 && bad.stderr.contains(message), "\(bad.stderr)")
    }
    let twoD = try runPlayground(["train", "--adversarial-share", "0.5"])
    #expect(twoD.status == 2 && twoD.stderr.contains("--adversarial-share needs --dataset shapes"), "\(twoD.stderr)")
  }

  @Test func embedSeparatesTheClassesAfterTraining() throws {
    let before = try runPlayground(
      ["embed"] + Self.quick.dropLast(2) + ["--epochs", "0", "--layer", "2", "--json"])
    let after = try runPlayground(["embed"] + Self.quick + ["--layer", "2", "--method", "tsne", "--json"])
    #expect(before.status == 0 && after.status == 0, "\(before.stderr) \(after.stderr)")
    let a = try #require(before.lastJSON?["silhouette"] as? Double)
    let b = try #require(after.lastJSON?["silhouette"] as? Double)
    #expect(b > a, "silhouette \(a) → \(b)")
    let points = try #require(after.lastJSON?["points"] as? [[Double]])
    #expect(points.count == 400 && points.allSatisfy { $0.count == 2 })
  }
}
