import Foundation
import Testing

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
