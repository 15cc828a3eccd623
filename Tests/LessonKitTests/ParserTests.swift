import LessonKit
import PlaygroundCore
import Testing
import Training

/// A small valid lesson; tests splice lines into it.
let basicLesson = """
  format: 1
  id: basic
  title: "Basic"
  setup:
    dataset: circle
    features: [x1, x2]
    hiddenLayers: []
    seed: 7
  steps:
    - say: "Train."
      train: 10
      expect:
        - testLoss > 0
    - set: { learningRate: 0.1 }

  """

/// The error messages a lesson text produces (empty when it parses).
func parseErrors(_ text: String) -> [String] {
  do {
    _ = try Lesson.parse(text, file: "t.yaml")
    return []
  } catch {
    return error.errors.map(\.description)
  }
}

/// Exactly one error, with its text.
func onlyError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
  let errors = parseErrors(text)
  #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
  return errors.first ?? ""
}

@Suite struct ParserTests {
  @Test func parsesTheBasicLesson() throws {
    let lesson = try Lesson.parse(basicLesson, file: "t.yaml")
    #expect(lesson.id == "basic")
    #expect(lesson.setup.dataset == .circle)
    #expect(lesson.setup.hiddenLayers == [])
    #expect(lesson.setup.seed == 7)
    #expect(lesson.steps.count == 2)
    guard case .train(let epochs)? = lesson.steps[0].action else { Issue.record("not train"); return }
    #expect(epochs == 10)
    #expect(lesson.steps[0].expectations[0].condition.source == "testLoss > 0")
    #expect(lesson.steps[0].expectations[0].condition.location.description == "t.yaml:13:9")
  }

  @Test func unknownKeysNameKeyLineAndColumn() {
    #expect(
      onlyError(basicLesson + "color: red\n")
        == "t.yaml:15:1: unknown key 'color' in the lesson (allowed: format, id, lang, title, summary, level, minutes, setup, controls, steps)"
    )
    let setup = basicLesson.replacingOccurrences(of: "  seed: 7", with: "  seed: 7\n  nosie: 5")
    #expect(onlyError(setup).hasPrefix("t.yaml:9:3: unknown key 'nosie' in setup; did you mean 'noise'?"))
    let step = basicLesson.replacingOccurrences(of: "  - say: \"Train.\"", with: "  - sya: \"Train.\"")
    #expect(
      onlyError(step).hasPrefix("t.yaml:10:5: step 1: unknown key 'sya' in a step; did you mean 'say'?"))
  }

  @Test func valuesOutOfRangeNameTheStep() {
    let rate = basicLesson.replacingOccurrences(of: "learningRate: 0.1", with: "learningRate: 30")
    #expect(
      onlyError(rate) == "t.yaml:14:26: step 2: learningRate must be a number > 0 and at most 10, got 30.0")
    let noise = basicLesson.replacingOccurrences(of: "  seed: 7", with: "  noise: 80")
    #expect(onlyError(noise) == "t.yaml:8:10: noise must be an integer from 0 to 50 (percent), got 80")
    let epochs = basicLesson.replacingOccurrences(of: "train: 10", with: "train: -5")
    #expect(onlyError(epochs) == "t.yaml:11:12: step 1: train (epochs) must be from 1 to 100000, found -5")
    let nan = basicLesson.replacingOccurrences(of: "learningRate: 0.1", with: "learningRate: .nan")
    #expect(onlyError(nan) == "t.yaml:14:26: step 2: learningRate must be a number, found '.nan'")
    let layers = basicLesson.replacingOccurrences(of: "hiddenLayers: []", with: "hiddenLayers: [4, 0]")
    #expect(onlyError(layers).hasPrefix("t.yaml:7:17: a hidden layer of 0 neurons"))
    let mismatch = basicLesson.replacingOccurrences(
      of: "dataset: circle", with: "dataset: reg-plane\n  problem: classification")
    #expect(
      onlyError(mismatch) == "t.yaml:5:12: dataset reg-plane is for regression, but problem is classification"
    )
  }

  @Test func malformedConditionsPointAtTheColumn() {
    func condition(_ c: String) -> String {
      onlyError(basicLesson.replacingOccurrences(of: "- testLoss > 0", with: "- " + c))
    }
    #expect(
      condition("testLos > 0").hasPrefix(
        "t.yaml:13:9: step 1: unknown name 'testLos': not a metric or config key; did you mean testLoss?"))
    #expect(condition("testLoss > 0 and (trainLoss < 1").hasPrefix("t.yaml:13:40: step 1: expected ')'"))
    #expect(
      condition("activation == tanhh")
        == "t.yaml:13:23: step 1: 'tanhh' is not an activation; did you mean tanh? (allowed: relu, tanh, sigmoid, linear)"
    )
    #expect(condition("testLoss = 0") == "t.yaml:13:18: step 1: use `==` to compare for equality")
    #expect(condition("features > 2") == "t.yaml:13:9: step 1: '>' needs numbers; this is a list of features")
    #expect(condition("\"weight(x1, h0.1) > 0\"").hasPrefix("t.yaml:13:21: step 1: 'h0.1' is not a neuron"))
    #expect(condition("testLoss").hasPrefix("t.yaml:13:9: step 1: a condition must compare"))
    #expect(condition("0 < testLoss < 1").hasPrefix("t.yaml:13:22: step 1: compare two values at a time"))
  }

  @Test func stepStructure() {
    let two = basicLesson.replacingOccurrences(of: "    train: 10", with: "    train: 10\n    reset: true")
    #expect(
      onlyError(two)
        == "t.yaml:12:5: step 1: a step has at most one action; found train and reset (split it into two steps)"
    )
    let ask = basicLesson + "  - ask: { question: \"Q?\", choices: [a, b], answer: 2 }\n"
    #expect(
      onlyError(ask)
        == "t.yaml:15:53: step 3: answer 2 is not a choice: count from 0, so it must be from 0 to 1")
    let reset = basicLesson + "  - reset: false\n"
    #expect(onlyError(reset) == "t.yaml:15:12: step 3: reset takes `true` (leave the key out otherwise)")
    let weight = basicLesson + "  - setWeight: { from: x3, to: output, value: 1 }\n"
    #expect(onlyError(weight).hasPrefix("t.yaml:15:24: step 3: 'x3' is not a neuron"))
    let bias = basicLesson + "  - setWeight: { to: bias, value: 1 }\n"
    #expect(onlyError(bias).hasPrefix("t.yaml:15:18: step 3: `to: bias` needs `of:`"))
    let noGoal = basicLesson + "  - task: { solution: { set: { noise: 5 } } }\n"
    #expect(onlyError(noGoal).hasPrefix("t.yaml:15:11: step 3: task needs a goal"))
  }

  @Test func fileLevelProblems() {
    #expect(onlyError("") == "t.yaml:1:1: the file is empty; a lesson starts with `format: 1`")
    #expect(onlyError("- a\n- b\n").hasPrefix("t.yaml:1:1: a lesson must be a map"))
    #expect(
      onlyError(basicLesson.replacingOccurrences(of: "format: 1", with: "format: 2"))
        == "t.yaml:1:9: format 2 is not supported; this playground reads format 1")
    #expect(
      onlyError(basicLesson.replacingOccurrences(of: "id: basic", with: "id: Basic Lesson"))
        == "t.yaml:2:5: id 'Basic Lesson' may use only a-z, 0-9 and '-'")
    #expect(
      parseErrors("format: 1\nsteps: [{say: hi}]\n") == [
        "t.yaml:1:1: missing required key 'id'", "t.yaml:1:1: missing required key 'title'",
      ])
    #expect(onlyError("format: 1\nid: a\ntitle: [b\n").hasPrefix("t.yaml:4:1: YAML syntax:"))
    #expect(
      onlyError(basicLesson + "id: again\n").hasPrefix("t.yaml:2:1: the key 'id' appears more than once"))
    // A YAML syntax error inside the steps still names the step.
    let broken = basicLesson.replacingOccurrences(of: "{ learningRate: 0.1 }", with: "{ learningRate: 0.1")
    #expect(onlyError(broken).contains(": step 2: YAML syntax:"))
    #expect(
      onlyError(basicLesson.replacingOccurrences(of: "features: [x1, x2]", with: "features: [x0]")).hasPrefix(
        "t.yaml:6:14: 'x0' is not a valid feature; did you mean x1?"))
  }

  @Test func errorsInSeveralStepsAreAllReported() {
    let text = basicLesson + "  - train: 0\n  - say: hi\n  - set: { bogus: 1 }\n"
    let errors = parseErrors(text)
    #expect(errors.count == 2)
    #expect(errors.first?.contains("step 3:") == true)
    #expect(errors.last?.contains("step 5:") == true)
  }

  @Test func flowListsOfConditionsKeepCallsWhole() throws {
    let text = basicLesson.replacingOccurrences(
      of: "    expect:\n      - testLoss > 0", with: "    expect: [weight(x1, output) != 0, testLoss > 0]")
    let lesson = try Lesson.parse(text, file: "t.yaml")
    #expect(
      lesson.steps[0].expectations.map(\.condition.source) == ["weight(x1, output) != 0", "testLoss > 0"])
  }

  @Test func highlightsAndControls() throws {
    let text =
      basicLesson.replacingOccurrences(
        of: "  - say: \"Train.\"", with: "  - say: \"Train.\"\n    highlight: weight(x1, output)")
      + "  - highlight: h1.2\n  - highlight: learningRate\n  - highlight: lossChart\n  - highlight: play\n"
      + "controls:\n  hide: [regularization, play]\n  lock: [dataset, init]\n"
    let lesson = try Lesson.parse(text, file: "t.yaml")
    #expect(lesson.steps[0].highlight == .weight(from: .feature(.x1), to: .output(index: 1)))
    #expect(lesson.steps[2].highlight == .neuron(.hidden(layer: 1, index: 2)))
    #expect(lesson.steps[3].highlight == .control(.learningRate))
    #expect(lesson.steps[4].highlight == .lossChart)
    #expect(lesson.steps[5].highlight == .control(.play))
    #expect(lesson.controls.hidden == [.regularization, .play])
    #expect(lesson.controls.locked == [.dataset, .initialization])
    #expect(!lesson.controls.permits(.play))
    #expect(!lesson.controls.permits(.selectDataset(.xor)))
    #expect(lesson.controls.permits(.pause))
    #expect(lesson.controls.permits(.setLearningRate(0.1)))
    #expect(!lesson.controls.permits(.applyConfig(PlaygroundConfig())))
    let bad = onlyError(basicLesson + "controls: { hide: [learningrate] }\n")
    #expect(bad.hasPrefix("t.yaml:15:20: unknown control 'learningrate'; did you mean learningRate?"))
  }

  @Test func cnnKeysAreKeptForTheCNNMode() throws {
    let text = basicLesson.replacingOccurrences(
      of: "  dataset: circle\n  features: [x1, x2]\n  hiddenLayers: []\n",
      with: "  dataset: shapes\n  shapes: [circle, square, star]\n  convLayers: [4, 8]\n"
    )
    .replacingOccurrences(
      of: "      - testLoss > 0", with: "      - camScore(star) > 0.5\n      - confusion(circle, square) < 30")
    let lesson = try Lesson.parse(text, file: "t.yaml")
    #expect(lesson.needsCNN)
    #expect(lesson.cnn == CNNSetup(shapes: ["circle", "square", "star"], convLayers: [4, 8]))
    let run = LessonRunner.validate(lesson)
    #expect(run.isValid, "\(run.errors)")
    #expect(run.passed, "\(run.failures)")
    // A 2-D key in a CNN setup is a mistake too.
    let mixed = text.replacingOccurrences(of: "  seed: 7", with: "  hiddenLayers: [4]")
    #expect(onlyError(mixed).hasPrefix("t.yaml:8:3: hiddenLayers is for the 2-D playground"))
    // Without dataset: shapes, the CNN keys are a mistake.
    let stray = basicLesson.replacingOccurrences(of: "  seed: 7", with: "  shapes: [circle, square]")
    #expect(onlyError(stray) == "t.yaml:8:3: shapes is for the CNN mode; it needs `dataset: shapes`")
    let unknownShape = text.replacingOccurrences(of: "[circle, square, star]", with: "[circle, hexagon]")
    #expect(onlyError(unknownShape).hasPrefix("t.yaml:6:20: 'hexagon' is not a shape"))
  }

  @Test func setupPointsAreForCustomData() throws {
    let text = basicLesson.replacingOccurrences(
      of: "  dataset: circle",
      with: "  dataset: custom\n  points: [[1, 2, 1], [-1, -2, 0], [2, 2, 1], [-2, -1, 0]]")
    let lesson = try Lesson.parse(text, file: "t.yaml")
    #expect(lesson.setupPoints.count == 4)
    let far = text.replacingOccurrences(of: "[1, 2, 1]", with: "[9, 2, 1]")
    #expect(onlyError(far) == "t.yaml:6:13: x must be from -6 to 6, found 9")
    let none = basicLesson.replacingOccurrences(of: "  dataset: circle", with: "  dataset: custom")
    #expect(onlyError(none).hasPrefix("t.yaml:5:12: dataset custom needs the lesson's own points"))
  }
}
