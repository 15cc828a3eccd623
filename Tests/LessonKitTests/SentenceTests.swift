import Foundation
import LessonKit
import PlaygroundCore
import Testing
import Training

/// What the lesson panel says beside ✓ and ✗: sentences for people, never condition code.
@Suite struct SentenceTests {
  func result(_ text: String, _ state: AppState) throws -> ConditionResult {
    ConditionResult(try Condition(text), state: state)
  }

  @Test func conditionsReadAsSentences() throws {
    let state = try AppState(config: PlaygroundConfig())
    #expect(try Condition("testLoss < 0.000001").sentence == "the test loss is below 0.000001")
    #expect(
      try Condition("learningRate >= 0.1 and not diverged and epoch >= 100 and testLoss < 0.0001").sentence
        == "the learning rate is at least 0.1, training has not diverged, at least 100 epochs are trained and the test loss is below 0.0001"
    )
    #expect(try Condition("testAccuracy >= 0.95").sentence == "the test accuracy is at least 95%")
    #expect(try Condition("features contains [x1sq, x2sq]").sentence == "the features include X₁² and X₂²")
    #expect(
      try Condition("testLoss > 2 * trainLoss").sentence == "the test loss is above 2 × the training loss")
    #expect(try Condition("diverged").sentence == "training has diverged")
    let line = try result("testLoss < 0.05", state).sentence
    #expect(line.hasPrefix("The test loss is below 0.05 — now 0."), "\(line)")
  }

  @Test func numbersAreForPeople() {
    #expect(HumanNumber.format(5.883e-16) == "about 0")
    #expect(HumanNumber.format(0.000001) == "0.000001")
    #expect(HumanNumber.format(0.00000059) == "0.00000059")
    #expect(HumanNumber.format(0.012345) == "0.0123")
    #expect(HumanNumber.format(6000) == "6,000")
    #expect(HumanNumber.format(0.5) == "0.5")
    #expect(HumanNumber.format(.infinity) == "infinite")
    #expect(HumanNumber.percent(0.9567) == "95.7%")
    #expect(HumanNumber.percent(1) == "100%")
  }

  /// Every expectation and goal of every shipped lesson, after its step ran: a sentence without
  /// metric names, operators or exponents.
  @Test func shippedLessonsSpeakInSentences() throws {
    let code = [
      "<", ">", "==", "!=", "e-", "trainLoss", "testLoss", "Accuracy", "learningRate", "hiddenLayers",
      "epoch >=",
    ]
    for path in try LessonLibrary.files(in: lessonsDirectory) {
      let run = LessonRunner.validate(try Lesson.load(path: path))
      for report in run.reports {
        for r in (report.goal.map { [$0] } ?? []) + report.expectations {
          let s = r.sentence
          print(
            "\(URL(fileURLWithPath: path).lastPathComponent) step \(report.step.number): \(r.holds ? "✓" : "✗") \(s)"
          )
          for bad in code { #expect(!s.contains(bad), "\(path) step \(report.step.number): \(s)") }
        }
      }
    }
  }
}
