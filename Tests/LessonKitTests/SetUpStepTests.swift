import LessonKit
import PlaygroundCore
import Testing

/// Free play before Next: when the learner changed what a step's text relies on, the session says
/// so, and "Set up this step" gives the state the lesson's own script makes (as `--lesson-step`).
@Suite struct SetUpStepTests {
  let text = """
    format: 1
    id: drift
    title: Drift
    setup: { dataset: circle, features: [x1, x2], hiddenLayers: [4], seed: 3, learningRate: 0.01 }
    steps:
      - say: "Look around."
      - say: "A hidden layer of 4 neurons learns the circle at a learning rate of 0.01."
        train: 20
      - say: "Now the lesson sets the spiral and two layers."
        set: { dataset: spiral, hiddenLayers: [8, 8] }
      - task:
          goal: learningRate >= 0.1
          solution: { set: { learningRate: 0.3 } }
      - say: "The end."
    """

  /// The state the script gives step `k` (every earlier step done as "Show me" would).
  func scripted(_ lesson: Lesson, step k: Int) throws -> (GuidedLesson, AppState) {
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    while session.stepNumber < k {
      session.showMe(&state)
      session.next(&state)
    }
    return (session, state)
  }

  @Test func freePlayThatChangesTheNetworkIsNoticedAndSetUpRestoresTheScript() throws {
    let lesson = try Lesson.parse(text)
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    #expect(session.changedSettings(in: state).isEmpty)
    // Free play on step 1: another dataset and a learning rate.
    reduce(&state, .selectDataset(.xor))
    reduce(&state, .setLearningRate(0.3))
    reduce(&state, .train(epochs: 7))
    #expect(session.changedSettings(in: state) == ["the dataset", "the learning rate"])
    session.next(&state)
    #expect(session.stepNumber == 2)
    #expect(session.changedSettings(in: state) == ["the dataset", "the learning rate"])

    session.setUpStep(&state)
    #expect(session.stepNumber == 2)
    #expect(session.changedSettings(in: state).isEmpty)
    let (_, expected) = try scripted(lesson, step: 2)
    #expect(state.config == expected.config)
    #expect(state.experiment.epoch == expected.experiment.epoch)
    #expect(MetricSnapshot(state) == MetricSnapshot(expected))
  }

  @Test func aStepWhoseSetCoversTheChangeNeedsNoSetUp() throws {
    let lesson = try Lesson.parse(text)
    var (session, state) = try scripted(lesson, step: 2)
    reduce(&state, .selectDataset(.xor))
    session.showMe(&state)
    session.next(&state)  // step 3 sets the dataset itself
    #expect(session.changedSettings(in: state).isEmpty)
    // Its layers changed later are noticed.
    reduce(&state, .setActivation(.relu))
    #expect(session.changedSettings(in: state) == ["the activation"])
  }

  @Test func tasksAreFreeAndTheLearnersOwnSolutionStands() throws {
    let lesson = try Lesson.parse(text)
    var (session, state) = try scripted(lesson, step: 4)
    // Changing things is the task: no offer while it is open.
    reduce(&state, .setLearningRate(0.1))
    #expect(session.changedSettings(in: state).isEmpty)
    _ = session.observe(state)
    #expect(session.status == .done(passed: true))
    session.next(&state)
    // The learner's 0.1 is as good as the solution's 0.3: nothing to set up.
    #expect(session.changedSettings(in: state).isEmpty)
    // Back restores what the script had before the task.
    session.back(&state)
    #expect(state.config.learningRate == 0.01)
    #expect(session.changedSettings(in: state).isEmpty)
  }

  @Test func displayOnlySettingsAreFree() throws {
    let lesson = try Lesson.parse(text)
    var state = try lesson.startingState()
    let session = GuidedLesson(lesson: lesson, state: &state)
    reduce(&state, .setShowTestData(true))
    reduce(&state, .setDiscretize(true))
    #expect(session.changedSettings(in: state).isEmpty)
  }
}

/// The same for a CNN lesson: the shapes, conv layers and rates are the CNN's own settings.
@Suite struct CNNSetUpStepTests {
  @Test func aCNNLessonNoticesChangedClassesAndSetsThemUp() throws {
    let lesson = try Lesson.parse(
      """
      format: 1
      id: cnn-drift
      title: CNN drift
      setup: { dataset: shapes, shapes: [hline, vline], convLayers: [1], seed: 1 }
      steps:
        - say: "Look around."
        - say: "Horizontal and vertical lines, one filter."
      """)
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    #expect(session.changedSettings(in: state).isEmpty)
    reduce(&state, .cnn(.toggleClass(.circle)))
    reduce(&state, .setLearningRate(0.1))
    session.next(&state)
    #expect(session.changedSettings(in: state) == ["the learning rate", "the shapes"])
    session.setUpStep(&state)
    #expect(session.changedSettings(in: state).isEmpty)
    #expect(state.cnn?.config.shapes == [.hline, .vline])
    #expect(state.cnn?.config.learningRate == 0.03)
  }
}
