import Foundation
import PlaygroundCore
import Testing
import Training
@testable import LessonKit

/// Lessons are costed before they run: a step over `TrainingCost.lessonBound` is refused with
/// its estimate, and the shipped lessons stay far below it.
@Suite struct LessonBudgetTests {
  /// The example: 12 shapes, conv layers 32,32,32,32, batch size 1, `train: 100000`
  /// (about 22 hours on this machine).
  static let cnnBomb = """
    format: 1
    id: x
    title: x
    setup:
      dataset: shapes
      shapes: [circle,square,triangle,cross,star,hline,vline,ring,hollow-square,hollow-triangle,diamond,x]
      convLayers: [32,32,32,32]
      batchSize: 1
    steps:
      - train: 100000

    """

  @Test func heavyCNNLessonIsRefusedWithItsEstimate() throws {
    #expect(Self.cnnBomb.utf8.count < 240)
    #expect {
      try Lesson.parse(Self.cnnBomb, file: "bomb.yaml")
    } throws: { error in
      let text = "\(error)"
      return text.contains("step 1: train: 100000 epochs would cost 2.6e15 multiply-adds")
        && text.contains("at most 1e12")
    }
  }

  /// The network a step trains is followed through the `set:` steps before it.
  @Test func setStepsBeforeATrainStepCount() throws {
    let lesson = """
      format: 1
      id: d
      title: d
      setup: { dataset: shapes }
      steps:
        - train: 100
        - set: { convLayers: [32, 32, 32, 32] }
        - train: 1000
        - task:
            goal: testLoss < 0.1
            solution: { train: 1000 }
      """
    #expect {
      try Lesson.parse(lesson)
    } throws: { error in
      guard let errors = error as? LessonErrors else { return false }
      return errors.errors.count == 2 && errors.errors[0].step == 3 && errors.errors[1].step == 4
        && errors.errors[1].message.contains("the solution's train: 1000 epochs")
    }
    let small = lesson.replacingOccurrences(of: "[32, 32, 32, 32]", with: "[4]")
    #expect(throws: Never.self) { try Lesson.parse(small) }
  }

  /// Every shipped lesson's heaviest step, against the bound (printed for the README).
  @Test func shippedLessonsStayFarBelowTheBound() throws {
    var heaviest = 0.0
    for name in try LessonLibrary.files(in: lessonsDirectory) {
      let lesson = try Lesson.load(path: name.hasPrefix("/") ? name : lessonsDirectory + "/" + name)
      #expect(lesson.budgetErrors().isEmpty, "\(name)")
      heaviest = max(heaviest, Self.heaviestStep(lesson))
    }
    print("heaviest shipped lesson step: \(TrainingCost.describe(heaviest))")
    #expect(heaviest > 0 && heaviest < TrainingCost.lessonBound / 10)
  }

  static func heaviestStep(_ lesson: Lesson) -> Double {
    var most = 0.0
    var config = lesson.setup
    var cnn = lesson.cnn
    for step in lesson.steps {
      if case .set(let change)? = step.action {
        config = change.applied(to: config)
        if change.cnn.shapesDataset && cnn == nil { cnn = CNNSetup() }
        if let layers = change.cnn.convLayers { cnn?.convLayers = layers }
        if let shapes = change.cnn.shapes { cnn?.shapes = shapes }
      }
      if case .train(let epochs)? = step.action {
        let cost =
          cnn.map { TrainingCost.cnn($0.config(setup: config), epochs: epochs) }
          ?? TrainingCost.dense(config, points: 500 + lesson.setupPoints.count, epochs: epochs)
        most = max(most, cost)
      }
    }
    return most
  }

  @Test func estimatesFollowTheShapes() {
    // The reference CNN [8, 16]: 28·28·25·8 + 14·14·25·8·16 + 4·4·16·4 multiply-adds per image.
    #expect(TrainingCost.cnnForward(.reference(classes: 4)) == Double(28 * 28 * 25 * 8 + 14 * 14 * 25 * 8 * 16 + 4 * 4 * 16 * 4))
    #expect(TrainingCost.denseForward(layers: [2, 4, 2, 1]) == 8 + 8 + 2)
    #expect(TrainingCost.scientific(2.6e15) == "2.6e15")
    #expect(TrainingCost.describe(1e12).contains("about 100 s"))
  }
}
