import Foundation
import Testing
import _TestSupport

/// What the lessons fool-the-network, what-each-filter-wants and watching-the-classes-separate
/// tell the learner the commands print, on the lessons' settings (seed 5, 10 epochs).
@Suite struct CNNLookLessonClaimsTests {
  static let lesson = ["--seed", "5", "--epochs", "10"]
  static let robust = ["--adversarial-share", "0.5", "--adversarial-epsilon", "0.1"]

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let r = try runPlayground(arguments + ["--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try #require(r.lastJSON)
  }

  @Test func foolTheNetwork() throws {
    let fgsm = try Self.json(["attack"] + Self.lesson + ["--image", "1", "--method", "fgsm", "--epsilon", "0.1"])
    #expect(fgsm["originalClass"] as? String == "triangle")
    #expect(abs((fgsm["originalProbability"] as? Double ?? 0) - 0.996) < 0.0005)
    #expect(fgsm["adversarialClass"] as? String == "cross")
    let robustFGSM = try Self.json(
      ["attack"] + Self.lesson + Self.robust + ["--image", "1", "--method", "fgsm", "--epsilon", "0.1"])
    #expect(robustFGSM["fooled"] as? Bool == false)
    for image in 1...5 {
      let plain = try Self.json(["attack"] + Self.lesson + ["--image", "\(image)", "--method", "pgd", "--search"])
      let hardened = try Self.json(
        ["attack"] + Self.lesson + Self.robust + ["--image", "\(image)", "--method", "pgd", "--search"])
      let a = try #require(plain["epsilon"] as? Double)
      let b = try #require(hardened["epsilon"] as? Double)
      #expect(a >= 0.06 && a <= 0.1, "image \(image): \(a)")
      #expect(b >= 2 * a, "image \(image): \(a) → \(b)")
      if image == 1 {
        #expect(abs(a - 0.07) < 0.005)
        #expect(abs(b - 0.15) < 0.01)
      }
    }
    let accuracy = try Self.json(["train", "--dataset", "shapes"] + Self.lesson + Self.robust)
    #expect(abs((accuracy["testAccuracy"] as? Double ?? 0) - 0.81) < 0.01)
  }

  @Test func whatEachFilterWants() throws {
    let r = try runPlayground(["units"] + Self.lesson + ["--layer", "1", "--json"])
    let lines = r.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    try #require(lines.count == 8)
    for unit in [1, 5, 7, 8] {
      let line = lines[unit - 1]
      let reached = try #require(line["activation"] as? Double)
      let best = try #require((line["topActivations"] as? [Double])?.first)
      #expect(reached >= 2 * best && reached <= 3 * best, "filter \(unit): \(reached) against \(best)")
    }
    // Filter 7's top nine are circles (the test images in the session's order).
    let test = try Self.json(["embed"] + Self.lesson + ["--layer", "0"])
    let labels = try #require(test["labels"] as? [Int])
    let top7 = try #require(lines[6]["topImages"] as? [Int])
    #expect(top7.allSatisfy { labels[$0 - 1] == 0 })
    let dense = try runPlayground(["units"] + Self.lesson + ["--layer", "3", "--json"])
    for (k, text) in dense.stdout.split(separator: "\n").enumerated() {
      let line = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let top = try #require(line["topImages"] as? [Int])
      #expect(top.allSatisfy { labels[$0 - 1] == k }, "dense unit \(k + 1)")
    }
  }

  @Test func watchingTheClassesSeparate() throws {
    let before = try Self.json(["embed", "--seed", "5", "--epochs", "0", "--layer", "3"])
    #expect(abs((before["silhouette"] as? Double ?? 9) - 0.05) < 0.01)
    #expect(abs(before["projectedSilhouette"] as? Double ?? 9) < 0.05, "one mixed cloud")
    let expected = [0.06, 0.08, 0.12, 0.60]
    for layer in 0...3 {
      let line = try Self.json(["embed"] + Self.lesson + ["--layer", "\(layer)"])
      let s = try #require(line["silhouette"] as? Double)
      #expect(abs(s - expected[layer]) < 0.006, "layer \(layer): \(s)")
    }
    let tsne = try Self.json(["embed"] + Self.lesson + ["--layer", "3", "--method", "tsne"])
    #expect((tsne["projectedSilhouette"] as? Double ?? 0) > 0.75, "four islands")
  }
}
