import LessonKit
import PlaygroundCore
import Testing

/// `page:` in a CNN lesson's step opens that page of the CNN view (through `.cnn(.showPage)`), so a
/// lesson can show the class pictures instead of asking the learner to find them.
@Suite struct PageKeyTests {
  let text = """
    format: 1
    id: pages
    title: "Pages"
    setup:
      dataset: shapes
      shapes: [circle, square]
      convLayers: [4]
      seed: 7
    steps:
      - say: "The results."
        expect: [epoch == 0]
      - say: "What each class wants to see."
        page: classPictures
        train: 1
        expect: [epoch == 1]
      - say: "Back to the results."
        page: results

    """

  @Test func aStepOpensItsPageWhenItStarts() throws {
    let lesson = try Lesson.parse(text, file: "pages.yaml")
    #expect(lesson.steps.map(\.page) == [nil, .classPictures, .results])
    var state = try lesson.startingState()
    var guide = GuidedLesson(lesson: lesson, state: &state)
    #expect(state.cnn?.page == .results)
    guide.next(&state)
    #expect(state.cnn?.page == .classPictures)
    // The page is set as the step starts, before its training, and Back returns to the results.
    #expect(state.active.epoch == 0)
    guide.back(&state)
    #expect(state.cnn?.page == .results)
    guide.next(&state)
    guide.showMe(&state)
    guide.next(&state)
    #expect(state.cnn?.page == .results && state.active.epoch == 1)
  }

  @Test func validationRunsThePages() {
    let run = LessonRunner.validate(try! Lesson.parse(text, file: "pages.yaml"))
    #expect(run.passed)
  }

  @Test func aBadPageNamesTheLineAndTheChoices() {
    let unknown = onlyError(text.replacingOccurrences(of: "page: results", with: "page: filters"))
    #expect(unknown.contains("results, classPictures, attack, units, embedding or step"), "\(unknown)")
    #expect(unknown.hasPrefix("t.yaml:17:"), "\(unknown)")
    for page in ["attack", "units", "embedding"] {
      let lesson = try? Lesson.parse(text.replacingOccurrences(of: "page: results", with: "page: \(page)"), file: "t.yaml")
      #expect(lesson?.steps.compactMap(\.page).contains { "\($0)" == page } == true, "page: \(page) opens that page")
    }
  }

  @Test func aTwoDLessonHasNoPages() {
    let dense = basicLesson.replacingOccurrences(of: "steps:\n", with: "steps:\n  - page: results\n")
    #expect(onlyError(dense).contains("page is for CNN lessons"))
  }
}
