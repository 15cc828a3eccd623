import LessonKit
import PlaygroundCore
import SessionKit
import Testing

let sessionLesson = """
  format: 1
  id: session
  title: SessionFile
  setup: { dataset: circle, features: [x1, x2], hiddenLayers: [4], seed: 3 }
  controls: { lock: [dataset] }
  steps:
    - say: intro
    - train: 50
      expect: [epoch == 50]
    - task:
        goal: features contains x1sq
        solution: { set: { features: [x1, x2, x1sq] } }
    - set: { learningRate: 0.1 }
    - setWeight: { from: x1, to: h1.1, value: 2 }
      expect: [weight(x1, h1.1) == 2]
    - ask: { question: Q, choices: [a, b], answer: 1 }

  """

/// Drives a session the way the window does: Play, training slices clamped to the allowance,
/// `observe` after every frame, its actions reduced.
func playUntilDone(_ session: inout GuidedLesson, _ state: inout AppState, slice: Int) {
  reduce(&state, .play)
  var frames = 0
  while session.status == .waiting && frames < 10_000 {
    if state.isPlaying {
      let n = min(slice, session.trainingAllowance(in: state) ?? slice)
      reduce(&state, .train(epochs: n))
    }
    for action in session.observe(state) { reduce(&state, action) }
    frames += 1
  }
}

@Suite struct SessionTests {
  let lesson: Lesson
  init() throws { lesson = try Lesson.parse(sessionLesson, file: "s.yaml") }

  @Test func windowDrivingMatchesHeadlessValidation() throws {
    let headless = LessonRunner.validate(lesson)
    #expect(headless.passed)
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    #expect(session.stepNumber == 1 && session.stepCount == 6)
    #expect(session.status == .done(passed: true))
    let moved = session.next(&state)
    #expect(moved)
    // train 50: waits for Play, allows exactly 50 epochs, pauses at the end.
    #expect(session.status == .waiting)
    #expect(session.trainingAllowance(in: state) == 50)
    playUntilDone(&session, &state, slice: 7)
    #expect(state.experiment.epoch == 50)
    #expect(!state.isPlaying)
    #expect(session.status == .done(passed: true))
    #expect(session.trainingAllowance(in: state) == nil)
    // Training in slices gives the same numbers as the validation's single call.
    #expect(session.report?.metrics == headless.reports[1].metrics)
  }

  @Test func tasksCompleteWhenTheLearnerReachesTheGoal() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    session.next(&state)
    session.showMe(&state)  // trains the remaining epochs at once
    #expect(state.experiment.epoch == 50)
    session.next(&state)
    #expect(session.status == .waiting)
    _ = session.observe(state)
    #expect(session.status == .waiting)
    reduce(&state, .toggleFeature(.x1sq))
    _ = session.observe(state)
    #expect(session.status == .done(passed: true))
    #expect(session.report?.goal?.holds == true)
    #expect(session.report?.solutionApplied == false)
  }

  @Test func showMeAppliesTheSolution() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    session.next(&state)
    session.next(&state)
    session.showMe(&state)
    #expect(state.config.features == [.x1, .x2, .x1sq])
    #expect(session.report?.solutionApplied == true)
    #expect(session.status == .done(passed: true))
  }

  @Test func backRestoresTheStateTheStepStartedFrom() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    for _ in 0..<4 {
      session.showMe(&state)
      session.next(&state)
    }
    #expect(session.stepNumber == 5)
    #expect(state.config.learningRate == 0.1)
    #expect(try state.experiment.weight(from: .feature(.x1), to: .hidden(layer: 1, index: 1)) == 2)
    reduce(&state, .setLearningRate(0.5))  // free play
    let back = session.back(&state)
    #expect(back)
    #expect(session.stepNumber == 4)
    #expect(state.config.learningRate == 0.1)
    #expect(try state.experiment.weight(from: .feature(.x1), to: .hidden(layer: 1, index: 1)) != 2)
    let forward = session.next(&state)
    #expect(forward)
    #expect(try state.experiment.weight(from: .feature(.x1), to: .hidden(layer: 1, index: 1)) == 2)
  }

  @Test func questions() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    while session.next(&state) { session.showMe(&state) }
    // showMe answered; answer again, wrongly, then rightly.
    let wrong = session.answer(0, state: state)
    #expect(!wrong)
    #expect(session.status == .done(passed: false))
    let right = session.answer(1, state: state)
    #expect(right)
    #expect(session.status == .done(passed: true))
    let beyond = session.next(&state)
    #expect(!beyond)
    #expect(session.isLastStep)
  }

  @Test func freePlayNeverBreaksTheLesson() throws {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    for _ in 0..<3 { session.next(&state) }
    #expect(session.stepNumber == 4)
    reduce(&state, .removeLayer)  // the learner removes the hidden layer
    session.next(&state)
    #expect(
      session.stepErrors.map(\.description) == [
        "s.yaml:14:16: step 5: setWeight: h1.1: there is no hidden layer 1; the network has 0"
      ])
    #expect(session.status == .done(passed: false))
    #expect(session.report?.evaluationErrors.count == 1)
    let goesOn = session.next(&state)
    #expect(goesOn)
  }

  @Test func lockedControlsAreData() {
    #expect(!lesson.controls.permits(.selectDataset(.xor)))
    #expect(lesson.controls.isLocked(.dataset))
    #expect(!lesson.controls.isHidden(.dataset))
    #expect(lesson.controls.permits(.toggleFeature(.x1sq)))
    #expect(Control(touchedBy: .addNeuron(layer: 0)) == .hiddenLayers)
    #expect(Control(touchedBy: .focusNeuron(nil)) == nil)
  }
}
