import Datasets
import Engine
import LessonKit
import PlaygroundCore
import Testing
import Training

/// A small CNN lesson: every kind of CNN step and metric.
let cnnLessonText = """
  format: 1
  id: cnn-test
  title: "CNN test"
  setup:
    dataset: shapes
    shapes: [circle, square, star]
    convLayers: [4, 8]
    learningRate: 0.03
    seed: 7
  controls:
    lock: [shapes]
  steps:
    - say: "Untrained."
      highlight: filters
      expect: [epoch == 0, testAccuracy < 0.6, trainPoints + testPoints == 600]
    - train: 4
      highlight: play
      expect:
        - testAccuracy > 0.9
        - confusion(circle, square) + confusion(square, circle) < 10
        - camScore(star) > 0.5
        - convLayers == [4, 8]
    - set: { learningRate: 0.1 }
      expect: [epoch == 4, learningRate == 0.1]
    - set: { shapes: [hline, vline], convLayers: [1] }
      expect: [epoch == 0, shapes contains vline]
    - task:
        goal: testAccuracy > 0.9
        solution: { train: 10 }

  """

@Suite struct CNNLessonTests {
  let lesson: Lesson
  init() throws { lesson = try Lesson.parse(cnnLessonText, file: "cnn.yaml") }

  @Test func startsInTheCNNModeWithTheSetup() throws {
    let state = try lesson.startingState()
    #expect(state.mode == .cnn)
    let cnn = try #require(state.cnn)
    #expect(cnn.config.shapes == [.circle, .square, .star])
    #expect(cnn.config.convLayers == [4, 8])
    #expect(cnn.config.seed == 7)
    #expect(cnn.experiment.epoch == 0)
  }

  @Test func validatesHeadlessAndDeterministically() throws {
    let run = LessonRunner.validate(lesson)
    #expect(run.isValid, "\(run.errors)")
    #expect(run.passed, "\(run.failures)")
    #expect(run.reports.count == 5)
    #expect(run.lines[3].contains("set shapes=[hline,vline] convLayers=[1]"))
    let again = LessonRunner.validate(try Lesson.parse(cnnLessonText, file: "cnn.yaml"))
    #expect(again.lines == run.lines)
    // The live key kept the training; the CNN keys started a new session.
    #expect(run.reports[2].metrics.epoch == 4)
    #expect(run.reports[3].metrics.epoch == 0)
  }

  @Test func theWindowStopsATrainStepAtItsEpochs() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    let moved = session.next(&state)
    #expect(moved)
    #expect(session.trainingAllowance(in: state) == 4)
    playUntilDone(&session, &state, slice: 3)
    #expect(state.cnn?.experiment.epoch == 4)
    #expect(!state.isPlaying && state.cnn?.isPlaying == false)
    #expect(session.status == .done(passed: true))
  }

  @Test func aLessonKeepsItsModeAndLockedControls() throws {
    var state = try lesson.startingState()
    let s = GuidedLesson(lesson: lesson, state: &state)
    #expect(!s.permits(.setMode(.dense)))
    #expect(!s.permits(.cnn(.toggleClass(.star))))
    #expect(s.permits(.cnn(.addConvLayer)))
    #expect(s.permits(.setLearningRate(0.1)))
    #expect(s.permits(.cnn(.paint(x: 3, y: 3, radius: 2, value: 1))))
    #expect(s.permits(.play))
  }

  @Test func metricsOfTheOtherModeAreParseErrors() {
    func cnnLesson(_ step: String) -> String {
      cnnLessonText.replacingOccurrences(
        of: "  - set: { learningRate: 0.1 }\n    expect: [epoch == 4, learningRate == 0.1]\n", with: step + "\n")
    }
    #expect(
      onlyError(cnnLesson("  - expect: [weight(x1, h1.1) > 0]"))
        == "t.yaml:23:14: step 3: weight(x1, h1.1) is for the 2-D playground; this lesson is about the CNN (dataset: shapes)")
    #expect(
      onlyError(cnnLesson("  - setWeight: { from: x1, to: output, value: 1 }"))
        .hasSuffix("step 3: setWeight is for the 2-D playground; this lesson is about the CNN (dataset: shapes)"))
    #expect(onlyError(cnnLesson("  - addPoints: [[1, 1, 0]]")).contains("step 3: addPoints is for the 2-D playground"))
    #expect(onlyError(cnnLesson("  - regenerate: true")).contains("step 3: regenerate is for the 2-D playground"))
    #expect(
      onlyError(cnnLesson("  - set: { features: [x1] }"))
        == "t.yaml:23:22: step 3: features is for the 2-D playground; a CNN lesson sets shapes, convLayers, learningRate, batchSize, trainRatio, seed"
    )
    #expect(onlyError(cnnLesson("  - say: x\n    highlight: h1.1")).contains("'h1.1' is a 2-D network's part"))
    #expect(onlyError(cnnLesson("  - say: x\n    highlight: activation")).contains("'activation' is a 2-D playground control"))
    #expect(parseErrors(cnnLesson("  - say: x\n    highlight: saliency")).isEmpty)
    #expect(onlyError(cnnLesson("  - say: x\n    highlight: salience")).contains("did you mean saliency?"))
    // And the other way round.
    #expect(
      onlyError(basicLesson + "  - expect: [camScore(circle) > 0.5]\n")
        .hasSuffix("step 3: camScore(circle) is for CNN lessons (setup: dataset: shapes)"))
    #expect(
      onlyError(basicLesson + "  - set: { convLayers: [4] }\n")
        .hasSuffix("step 3: shapes, convLayers and dataset: shapes are for CNN lessons (setup: dataset: shapes)"))
    #expect(onlyError(basicLesson + "  - say: x\n    highlight: featureMaps\n").contains("for CNN lessons"))
  }

  @Test func aShapeTheLessonDoesNotHaveIsNamed() throws {
    let text = cnnLessonText.replacingOccurrences(of: "camScore(star)", with: "camScore(ring)")
    let run = LessonRunner.validate(try Lesson.parse(text, file: "cnn.yaml"))
    #expect(!run.isValid)
    #expect(
      run.errors.map(\.description).contains {
        $0.contains("camScore(ring): ring is not one of this lesson's shapes (circle, square, star)")
      })
  }

  @Test func invalidCNNSettingsInAStepAreReported() throws {
    // Three pools of a 28-pixel image leave too little for a fourth layer: the step says so.
    let text = cnnLessonText.replacingOccurrences(
      of: "  - set: { learningRate: 0.1 }\n", with: "  - set: { convLayers: [4, 4, 4, 4] }\n")
    let run = LessonRunner.validate(try Lesson.parse(text, file: "cnn.yaml"))
    if run.isValid {
      // The architecture fits: then the step applied and the network has four conv layers.
      #expect(run.reports[2].errors.isEmpty)
    } else {
      #expect(run.errors.contains { $0.description.contains("step 3:") && $0.description.contains("convLayers") })
    }
  }
}

/// The claims the CNN lessons make about what the learner will see, checked on the same settings.
@Suite struct CNNLessonClaimTests {
  static func trained(_ shapes: [ShapeKind], epochs: Int, seed: UInt64) throws -> CNNExperiment {
    var c = CNNConfig()
    c.shapes = shapes
    c.seed = seed
    var e = try CNNExperiment(config: c)
    e.train(epochs: epochs)
    return e
  }

  /// Lesson 19: saliency is bright on and near the shape, dark on the background far from it.
  @Test func saliencySitsOnTheShapeNotTheFarBackground() throws {
    let e = try Self.trained([.circle, .square, .triangle, .cross], epochs: 10, seed: 5)
    var near: [Float] = []
    var far: [Float] = []
    let side = ShapeImages.size
    for image in e.test.prefix(40) {
      let s = e.network.saliency(image: image.pixels, class: image.label)
      let shape = (0..<side * side).filter { image.pixels[$0] > 0.5 }
      func distance(_ p: Int) -> Int {
        shape.map { max(abs($0 % side - p % side), abs($0 / side - p / side)) }.min() ?? side
      }
      for p in 0..<side * side {
        let d = distance(p)
        if d <= 1 { near.append(abs(s[p])) } else if d >= 6 { far.append(abs(s[p])) }
      }
    }
    let nearMean = near.reduce(0, +) / Float(max(1, near.count))
    let farMean = far.reduce(0, +) / Float(max(1, far.count))
    print("saliency near \(nearMean) far \(farMean)")
    #expect(nearMean > 2 * farMean, "near \(nearMean), far \(farMean)")
  }

  /// Lesson 19: for filled versus hollow squares, the filled square's inside is where it looks.
  @Test func filledVersusHollowLooksInside() throws {
    let e = try Self.trained([.square, .hollowSquare], epochs: 5, seed: 5)
    let side = ShapeImages.size
    var inside: [Float] = []
    var edge: [Float] = []
    for image in e.test.prefix(60) where image.label == 0 {
      let s = e.network.saliency(image: image.pixels, class: image.label)
      let dark = (0..<side * side).filter { image.pixels[$0] <= 0.5 }
      for p in 0..<side * side where image.pixels[p] > 0.5 {
        let d = dark.map { max(abs($0 % side - p % side), abs($0 / side - p / side)) }.min() ?? side
        if d >= 3 { inside.append(abs(s[p])) } else if d == 1 { edge.append(abs(s[p])) }
      }
    }
    let insideMean = inside.reduce(0, +) / Float(max(1, inside.count))
    let edgeMean = edge.reduce(0, +) / Float(max(1, edge.count))
    print("square inside \(insideMean) edge \(edgeMean)")
    #expect(insideMean > edgeMean, "inside \(insideMean), edge \(edgeMean)")
  }

  /// Lesson 18: against a ring, the circle's picture has a brighter middle than the ring's.
  @Test func theCirclesPictureAgainstARingFillsTheMiddle() throws {
    let e = try Self.trained([.circle, .ring], epochs: 5, seed: 3)
    let circle = try #require(e.activationMaximization(.circle)).image
    let ring = try #require(e.activationMaximization(.ring)).image
    let side = ShapeImages.size
    func middle(_ image: [Float]) -> Float {
      var sum: Float = 0
      for y in 10..<18 { for x in 10..<18 { sum += image[y * side + x] } }
      return sum / 64
    }
    #expect(middle(circle) > middle(ring) + 0.1, "circle \(middle(circle)), ring \(middle(ring))")
  }

  /// Lesson 18: an untrained network's picture stays blank and scores chance.
  @Test func anUntrainedNetworkHasNothingToShow() throws {
    let e = try Self.trained([.circle, .square, .triangle, .cross], epochs: 0, seed: 3)
    #expect(abs(e.camScore(.circle) - 0.25) < 0.05)
  }
}
