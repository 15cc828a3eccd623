import Engine
import Foundation
import LessonKit
import PlaygroundCore
import Testing
import Training

/// Lesson 29 walks one training image through one CNN step on the Explain page; what its text
/// says each stage shows holds for the lesson's own run (seed 5, 3 epochs, training image 4).
@Suite struct CNNBackpropLessonTests {
  @Test func everyClaimHoldsOnTheLessonsRun() throws {
    let lesson = try Lesson.load(path: lessonsDirectory + "/29-backpropagation-through-a-cnn.yaml")
    var state = try lesson.startingState()
    var guide = GuidedLesson(lesson: lesson, state: &state)
    var seen: [ExplainStage] = []
    repeat {
      guide.showMe(&state)
      guard let cnn = state.cnn, cnn.page == .step else { continue }
      #expect(cnn.experiment.epoch == 3 && cnn.stepExample == 3, "trained 3 epochs, image 4")
      let step = try #require(cnn.explainedStep)
      let x = step.explanation
      #expect(cnn.experiment.className(x.label) == "Square")
      let p = x.forward.probabilities
      #expect(abs(p[1] - 0.655) < 0.0005 && abs(p[0] - 0.297) < 0.0005, "Square 65.5%, Circle 29.7%")
      #expect(abs(x.loss - 0.42) < 0.005, "L = −log 0.655 = 0.42")
      #expect(abs(x.logitGradients[1] + 0.345) < 0.0005 && abs(x.logitGradients[0] - 0.297) < 0.0005)
      #expect(x.logitGradients[1] < 0 && x.logitGradients.enumerated().allSatisfy { $0.offset == 1 || $0.element > 0 }, "the quiz's answer")
      let dense = try #require(step.checks.first { $0.layer == 3 })
      #expect(abs(dense.gradient + 1.598) < 0.0005 && abs(dense.estimate - dense.gradient) < 0.001, "the dense check: −1.598")
      for c in step.checks { #expect(abs(c.estimate - c.gradient) <= 0.01 * abs(c.gradient), "layer \(c.layer)'s check agrees") }
      #expect(abs(step.lossAfter - 0.005) < 0.001, "0.42 → 0.005 after the update")
      #expect(step.learningRate == 0.03 && cnn.config.optimizer == .sgd && cnn.config.batchSize == 10)
      seen.append(cnn.stepStage)
    } while guide.next(&state)
    #expect(seen.contains(.forward(layer: 1)) && seen.contains(.forward(layer: 3)) && seen.contains(.loss))
    #expect(seen.contains(.backward(layer: 3)) && seen.contains(.backward(layer: 1)) && seen.last == .update)
  }
}
