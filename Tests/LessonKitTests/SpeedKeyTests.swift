import Foundation
import LessonKit
import PlaygroundCore
import Testing

/// `speed:` in a lesson's `setup:` and `set:` (a play setting; validation ignores the pace).
@Suite struct SpeedKeyTests {
  let text = """
    format: 1
    id: pace
    title: "Pace"
    setup:
      dataset: xor
      speed: 5
    steps:
      - say: "Slow."
        train: 3
        expect: [epoch == 3]
      - set: { speed: max, learningRate: 0.1 }
        expect: [learningRate == 0.1]
      - set: { speed: 20 }

    """

  @Test func setupAndSetCarryTheSpeed() throws {
    let lesson = try Lesson.parse(text, file: "pace.yaml")
    #expect(lesson.setupSpeed == .perSecond(5))
    var state = try lesson.startingState()
    #expect(state.dense.speed == .perSecond(5))
    var session = GuidedLesson(lesson: lesson, state: &state)
    session.showMe(&state)
    session.next(&state)
    #expect(state.dense.speed == .max && state.config.learningRate == 0.1)
    session.next(&state)
    #expect(state.dense.speed == .perSecond(20))
    // A speed-only set keeps the network and its training.
    #expect(state.experiment.epoch == 3)
  }

  @Test func validationPassesAndIgnoresThePace() throws {
    let run = LessonRunner.validate(try Lesson.parse(text, file: "pace.yaml"))
    #expect(run.passed)
  }

  @Test func withoutSpeedTheWindowDefaultStays() throws {
    let lesson = try Lesson.parse(basicLesson, file: "t.yaml")
    #expect(lesson.setupSpeed == nil)
    #expect(try lesson.startingState().dense.speed == .denseDefault)
  }

  @Test func aBadSpeedNamesTheKeyAndTheAllowedValues() {
    let error = onlyError(text.replacingOccurrences(of: "speed: 5", with: "speed: fast"))
    #expect(error.contains("speed must be"))
    #expect(error.contains("max"))
    let zero = onlyError(text.replacingOccurrences(of: "speed: 20", with: "speed: 0"))
    #expect(zero.contains("speed must be"))
  }

  @Test func aCNNLessonsSpeedIsImagesPerSecond() throws {
    let cnn = cnnLessonText.replacingOccurrences(of: "  seed: 7\n", with: "  seed: 7\n  speed: 50\n")
    let lesson = try Lesson.parse(cnn, file: "cnn.yaml")
    let state = try lesson.startingState()
    #expect(state.mode == .cnn && state.cnn?.run.speed == .perSecond(50) && state.dense.speed == .denseDefault)
  }
}
