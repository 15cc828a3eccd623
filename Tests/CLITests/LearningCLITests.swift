import Foundation
import PlaygroundCore
import Testing
import Training

import _TestSupport

/// The optimizer flags, `explain` and the bench's new configs through the real executable.
@Suite struct LearningCLITests {
  @Test func flagsTrainAndRejectBadValues() throws {
    let adam = try runPlayground(["train", "--dataset", "xor", "--optimizer", "adam", "--dropout", "0.2", "--lr-schedule", "exp:0.9", "--epochs", "5", "--json"])
    #expect(adam.status == 0, "\(adam.stderr)")
    let sgd = try runPlayground(["train", "--dataset", "xor", "--epochs", "5", "--json"])
    let a = try #require(adam.lastJSON?["weightsChecksum"] as? String)
    #expect(a != sgd.lastJSON?["weightsChecksum"] as? String)
    for bad in [["--optimizer", "adagrad"], ["--dropout", "0.95"], ["--momentum", "1.5"], ["--lr-schedule", "step:0:0.5"]] {
      let run = try runPlayground(["train", "--epochs", "1"] + bad)
      #expect(run.status == 2, "\(bad)")
      #expect(run.stderr.contains(bad[0]), "\(run.stderr)")
    }
  }

  @Test func explainPrintsTheStep() throws {
    let run = try runPlayground(["explain", "--dataset", "circle", "--hidden-layers", "3", "--optimizer", "momentum", "--epochs", "2", "--example", "4", "--json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(run.lastJSON)
    #expect(object["example"] as? Int == 4)
    #expect(object["epoch"] as? Int == 2)
    #expect((object["forward"] as? [Any])?.count == 2)
    #expect((object["weights"] as? [Any])?.count == 2 * 3 + 3)
    let outOfRange = try runPlayground(["explain", "--example", "0"])
    #expect(outOfRange.status == 2)
  }
}

/// The window's walk-through shows the numbers `playground explain` prints for the same point.
@Suite struct ExplainAgreesWithTheWindowTests {
  @Test func everyWeightAndNeuronMatchesTheCommand() throws {
    let run = try runPlayground([
      "explain", "--dataset", "xor", "--hidden-layers", "3,2", "--optimizer", "adam", "--epochs", "3", "--example", "6",
      "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(run.lastJSON)
    var config = PlaygroundConfig()
    config.dataset = .xor
    config.hiddenLayers = [3, 2]
    config.optimizer = .adam
    var state = try AppState(config: config)
    reduce(&state, .train(epochs: 3))
    reduce(&state, .explain(.enter(example: 5)))
    let x = try #require(ExplainFigures(state))
    func close(_ a: Any?, _ b: Float) -> Bool {
      guard let a = a as? Double else { return false }
      return abs(a - Double(b)) <= 1e-6 * max(1, abs(a))
    }
    let weights = try #require(object["weights"] as? [[String: Any]])
    #expect(weights.count == 14)  // 2·3 + 3·2 + 2
    for entry in weights {
      let l = try #require(entry["layer"] as? Int) - 1
      let (i, j) = (try #require(entry["from"] as? Int), try #require(entry["to"] as? Int))
      let w = x.weight(layer: l, from: i, to: j)
      #expect(close(entry["w"], w.before), "\(entry)")
      #expect(close(entry["dLdw"], w.gradient), "\(entry)")
      #expect(close(entry["updated"], w.after), "\(entry)")
    }
    let forward = try #require(object["forward"] as? [[String: Any]])
    for layer in forward {
      let l = try #require(layer["layer"] as? Int)
      for (j, n) in try #require(layer["neurons"] as? [[String: Any]]).enumerated() {
        let mine = try #require(x.neuron(layer: l, index: j))
        let same = close(n["z"], mine.z) && close(n["a"], mine.a)
        #expect(same && close(n["dLdz"], mine.dLdz), "layer \(l) neuron \(j)")
      }
    }
    #expect(close(object["loss"], x.step.explanation.loss))
  }
}
