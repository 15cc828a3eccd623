import Foundation
import PlaygroundCore
import Testing
import Training

import _TestSupport

/// `playground explain --dataset shapes` through the real executable: the CNN's step on one
/// training image, the same numbers the window's step page shows.
@Suite struct CNNExplainCLITests {
  static let flags = ["--dataset", "shapes", "--shapes", "circle,square,triangle", "--conv-layers", "4,6"]

  @Test func itPrintsTheStepTheWindowShows() throws {
    let run = try runPlayground(["explain"] + Self.flags + ["--optimizer", "adam", "--epochs", "1", "--example", "7", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(run.lastJSON)
    #expect(object["example"] as? Int == 7)
    #expect(object["epoch"] as? Int == 1)
    var config = CNNConfig()
    config.shapes = [.circle, .square, .triangle]
    config.convLayers = [4, 6]
    config.optimizer = .adam
    var state = try AppState()
    reduce(&state, .configureCNN(config))
    reduce(&state, .setMode(.cnn))
    reduce(&state, .train(epochs: 1))
    reduce(&state, .cnn(.inside(.step(.pick(example: 6)))))
    let step = try #require(state.cnn?.explainedStep)
    #expect(object["label"] as? Int == step.explanation.label)
    #expect((object["loss"] as? Double).map(Float.init) == step.explanation.loss)
    #expect((object["lossAfter"] as? Double).map(Float.init) == step.lossAfter)
    // Every parameter: before, ∂L/∂θ and after, group by group in canonical order.
    let groups = try #require(object["parameters"] as? [[String: Any]])
    #expect(groups.count == 3)
    var before: [Float] = []
    var gradient: [Float] = []
    var after: [Float] = []
    for g in groups {
      for part in ["weights", "biases"] {
        let p = try #require(g[part] as? [String: [Double]])
        before += p["w"]!.map(Float.init)
        gradient += p["dLdw"]!.map(Float.init)
        after += p["updated"]!.map(Float.init)
      }
    }
    #expect(before == step.parametersBefore)
    #expect(gradient == step.explanation.parameterGradients)
    #expect(after == step.parametersAfter)
    // The checks: the dense layer and one filter per conv layer, each near its gradient.
    let checks = try #require(object["checks"] as? [[String: Any]])
    #expect(checks.compactMap { $0["layer"] as? Int }.sorted() == [1, 2, 3])
    for c in checks {
      let (g, e) = (try #require(c["dLdw"] as? Double), try #require(c["estimate"] as? Double))
      #expect(abs(g - e) <= 0.02 * abs(g) + 1e-3, "\(c)")
    }
  }

  @Test func filtersLoadsAndBadValues() throws {
    let chosen = try runPlayground(["explain"] + Self.flags + ["--example", "2", "--filter", "3,5", "--json"])
    #expect(chosen.status == 0, "\(chosen.stderr)")
    let followed = try #require(chosen.lastJSON?["followed"] as? [[String: Int]])
    #expect(followed.map { $0["filter"] } == [3, 5])
    let text = try runPlayground(["explain"] + Self.flags + ["--example", "2"])
    #expect(text.status == 0 && text.stdout.contains("Checks against finite differences"), "\(text.stderr)")
    for (bad, words) in [(["--filter", "9"], "--filter"), (["--filter", "1,2,3"], "--filter"), (["--example", "0"], "--example")] {
      let run = try runPlayground(["explain"] + Self.flags + (bad.contains("--example") ? bad : ["--example", "1"] + bad))
      #expect(run.status == 2, "\(bad)")
      #expect(run.stderr.contains(words), "\(run.stderr)")
    }
    // A saved CNN session explains from where it stood.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cnn-explain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("s.json").path
    let saved = try runPlayground(["train"] + Self.flags + ["--epochs", "1", "--save", file])
    #expect(saved.status == 0, "\(saved.stderr)")
    let loaded = try runPlayground(["explain", "--load", file, "--example", "2", "--json"])
    #expect(loaded.status == 0, "\(loaded.stderr)")
    #expect(loaded.lastJSON?["epoch"] as? Int == 1)
    let fresh = try runPlayground(["explain"] + Self.flags + ["--epochs", "1", "--example", "2", "--json"])
    #expect(loaded.lastJSON?["loss"] as? Double == fresh.lastJSON?["loss"] as? Double)
  }
}
