import Foundation
import ImmediateUI
import LessonKit
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

/// A small lesson that has every kind of step the panel draws differently.
let panelLessonText = """
  format: 1
  id: panel-test
  title: "The panel"
  setup:
    dataset: circle
    features: [x1, x2]
    hiddenLayers: []
    seed: 7
  controls:
    hide: [regularization, regularizationRate, hiddenLayers]
    lock: [dataset, play]
  steps:
    - say: "Press Play and watch the output."
      highlight: step
      train: 20
      expect:
        - check: epoch >= 20
          met: "Twenty epochs done."
    - say: "Add the features X1 squared and X2 squared."
      highlight: features
      task:
        goal: features contains x1sq and features contains x2sq
        solution:
          set: { features: [x1, x2, x1sq, x2sq] }
    - ask:
        question: "Which one?"
        choices: ["The first", "The second"]
        answer: 1
        explain: "Because."
  """

extension ViewHarness {
  /// A harness in guided mode on the test lesson (at its first step).
  static func guided(_ text: String = panelLessonText) throws -> ViewHarness {
    let lesson = try Lesson.parse(text, file: "panel-test.yaml")
    let h = try ViewHarness()
    var state = try lesson.startingState()
    h.view.lesson = GuidedLesson(lesson: lesson, state: &state)
    h.state = state
    return h
  }

  var panel: LessonPanelLayout { view.lessonLayout(for: size, state: state)! }

  /// Press and release over two frames; everything both returned, the lesson's commands too.
  func press(_ point: Point) -> FrameResult {
    frame(UIInput(mouse: point))
    let a = frame(UIInput(mouse: point, buttonsDown: .left, pressed: .left))
    let b = frame(UIInput(mouse: point, released: .left))
    return FrameResult(
      actions: a.actions + b.actions, commands: a.commands + b.commands,
      lessonCommands: a.lessonCommands + b.lessonCommands)
  }

  /// Carries out the panel's commands as the window does.
  func run(_ commands: [LessonPanelCommand]) {
    guard var session = view.lesson else { return }
    for command in commands {
      switch command {
      case .next: session.next(&state)
      case .back: session.back(&state)
      case .showMe: session.showMe(&state)
      case .answer(let i): session.answer(i, state: state)
      case .scroll(let offset): session.textScroll = offset
      case .setUp: session.setUpStep(&state)
      }
    }
    view.lesson = session
  }

  var stepNumber: Int { view.lesson?.stepNumber ?? 0 }
}

@Suite struct LessonPanelTests {
  @Test func thePanelTakesAStripOnTheRight() throws {
    let h = try ViewHarness.guided()
    h.frame()
    let panel = h.panel.panel
    #expect(panel.maxX == h.size.width)
    // The top bar keeps the whole width, above the strip; the panels stay left of it.
    #expect(h.layout.topBar.maxY <= panel.minY)
    for region in h.layout.regions where region != h.layout.topBar { #expect(region.maxX <= panel.minX) }
    #expect(h.texts.contains { $0.0 == "Step 1 of 3" })
    // The step's text is wrapped inside the panel at 15 pt or more.
    #expect(h.texts.contains { $0.0.hasPrefix("Press Play") && $0.1 >= 15 })
    for case .text(_, let at, let size, _, _, _) in h.lastList.commands where at.x >= panel.minX {
      #expect(size >= 15)
    }
  }

  @Test func showMeThenNextAndBack() throws {
    let h = try ViewHarness.guided()
    h.frame()
    let showMe = try #require(h.panel.showMeButton)
    let shown = h.press(showMe.center)
    #expect(shown.lessonCommands == [.showMe])
    h.run(shown.lessonCommands)
    #expect(h.state.experiment.epoch == 20)
    #expect(h.view.lesson?.report?.passed == true)
    // The met note is shown with a check mark once the step is done.
    h.frame()
    #expect(h.texts.contains { $0.0 == "Twenty epochs done." })
    #expect(h.lastList.commands.contains { if case .polyline(_, _, let c) = $0 { c == Color(rgb: 0x2E7D32) } else { false } })

    let next = h.press(h.panel.nextButton.center)
    #expect(next.lessonCommands == [.next])
    h.run(next.lessonCommands)
    #expect(h.stepNumber == 2)
    h.frame()
    #expect(h.texts.contains { $0.0 == "Step 2 of 3" })

    // Show me on a task applies its solution.
    h.run(h.press(try #require(h.panel.showMeButton).center).lessonCommands)
    #expect(h.state.config.features.contains(.x1sq) && h.state.config.features.contains(.x2sq))

    let back = h.press(h.panel.backButton.center)
    #expect(back.lessonCommands == [.back])
    h.run(back.lessonCommands)
    #expect(h.stepNumber == 1)
  }

  @Test func backIsDisabledOnTheFirstStep() throws {
    let h = try ViewHarness.guided()
    #expect(h.press(h.panel.backButton.center).lessonCommands.isEmpty)
  }

  @Test func questionsHaveClickableChoices() throws {
    let h = try ViewHarness.guided()
    h.run([.showMe, .next, .showMe, .next])
    #expect(h.stepNumber == 3)
    h.frame()
    #expect(h.panel.showMeButton == nil)
    #expect(h.panel.choiceButtons.count == 2)
    let picked = h.press(h.panel.choiceButtons[1].center)
    #expect(picked.lessonCommands == [.answer(1)])
    h.run(picked.lessonCommands)
    h.frame()
    #expect(h.texts.contains { $0.0.contains("Right.") })
  }

  @Test func hiddenControlsAreCoveredAndDeaf() throws {
    let h = try ViewHarness.guided()
    h.frame()
    let layout = h.layout
    // Covered with the panel color after the top bar drew them.
    for control in [Control.regularization, .hiddenLayers] {
      for r in layout.rects(of: control) {
        #expect(h.lastList.commands.contains { $0 == .fillRect(r.inset(-2), Theme.light.panel) })
      }
    }
    #expect(h.press(layout.regularization.center).actions.isEmpty)
    #expect(h.press(layout.addLayerButton.center).actions.isEmpty)
    // No dropdown list opened under the hidden menu.
    h.frame(UIInput(mouse: layout.regularization.center))
    #expect(!h.texts.contains { $0.0 == "L1" })
  }

  @Test func lockedControlsDoNothingAndSaySo() throws {
    let h = try ViewHarness.guided()
    h.frame()
    let tile = try #require(h.layout.datasetTile(.xor))
    #expect(h.press(tile.center).actions.isEmpty)
    #expect(!h.press(h.layout.playButton.center).actions.contains(.togglePlay))
    // The space key is play too: dropped, with a banner.
    let keyed = h.keys([KeyPress(.space)])
    #expect(!keyed.actions.contains(.togglePlay))
    #expect(keyed.actions.contains { if case .showBanner(let b) = $0 { b.text.contains("locked") } else { false } })
    // Unlocked controls still work: free play.
    #expect(h.press(h.layout.stepButton.center).actions.contains(.step))
  }

  @Test func thePointerIsDrawnAtTheHighlightedControl() throws {
    let h = try ViewHarness.guided()
    h.frame()
    let ring = h.layout.stepButton.inset(-6)
    #expect(h.lastList.commands.contains { $0 == .strokeRoundedRect(ring, radius: 8, width: 4, Color(rgb: 0xE07B00)) })
    h.run([.next])
    h.frame()
    let tiles = h.layout.featureTiles.map(\.rect).reduce(h.layout.featureTiles[0].rect) { $0.union($1) }
    // The column of feature tiles with the caption above the first.
    let column = Rect(x: tiles.x, y: tiles.y - 22, width: tiles.width, height: tiles.height + 22)
    #expect(h.lastList.commands.contains { $0 == .strokeRoundedRect(column.inset(-6), radius: 8, width: 4, Color(rgb: 0xE07B00)) })
  }

  @Test func everyShippedLessonDrawsEveryStep() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(files.count >= 16)
    for file in files {
      let lesson = try Lesson.load(path: dir.appendingPathComponent(file).path)
      var state = try lesson.startingState()
      let h = try ViewHarness()
      h.view.lesson = GuidedLesson(lesson: lesson, state: &state)
      h.state = state
      for _ in lesson.steps {
        h.frame()
        #expect(h.texts.contains { $0.0 == "Step \(h.stepNumber) of \(lesson.steps.count)" }, "\(file)")
        h.run([.showMe, .next])
      }
    }
  }
}
