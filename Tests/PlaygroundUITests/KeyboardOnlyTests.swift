import Foundation
import ImmediateUI
import LessonKit
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

extension ViewHarness {
  /// Presses Tab (one frame each) until the ring sits on `rect`; false when a whole round of
  /// Tabs never got there.
  func tab(to rect: Rect) -> Bool {
    for _ in 0...(ui.keyboardOrder.count + 1) {
      if ui.keyboardFocusRect == rect { return true }
      keys([KeyPress(.tab)])
      frame()
    }
    return ui.keyboardFocusRect == rect
  }

  /// Where this frame drew the control `name` (as the layout report names it).
  func control(_ name: String) -> Rect? { ui.report.controls.first { $0.name == name }?.rect }
}

/// The whole window with the keyboard alone.
@Suite struct KeyboardOnlyTests {
  @Test func tabVisitsEveryControlOnceInReadingOrder() throws {
    let h = try ViewHarness()
    h.frame()
    let count = h.ui.keyboardOrder.count
    #expect(count > 30, "\(count) controls")
    var rects: [Rect] = []
    for _ in 0..<count {
      h.keys([KeyPress(.tab)])
      rects.append(h.ui.keyboardFocusRect ?? Rect(x: -1, y: -1, width: 0, height: 0))
    }
    #expect(Set(rects.map { "\($0)" }).count == count, "every control once")
    h.keys([KeyPress(.tab)])
    #expect(h.ui.keyboardFocusRect == rects[0], "a full round comes back to the first")
    // Reading order: the top bar first, left to right along its first row, then the panels.
    let top = h.layout.topBar
    let inTop = rects.prefix { $0.maxY <= top.maxY + 1 }
    #expect(inTop.count >= 6)
    #expect(rects.dropFirst(inTop.count).allSatisfy { $0.minY >= top.maxY - 1 })
    let firstRow = inTop.filter { abs($0.minY - inTop[0].minY) < 12 }
    #expect(firstRow.map(\.minX) == firstRow.map(\.minX).sorted())
    // Every control the layout report names is reachable (the ring visits its box); the plot,
    // where clicks add points at the mouse, is the one mouse-only area.
    for control in h.ui.report.controls where control.rect.width > 0 && !control.floating && control.name != "output plot" {
      #expect(rects.contains { $0.intersects(control.rect) }, "\(control.name) is never focused")
    }
  }

  /// Explain a step open: every control the frame reports (its bar, the point buttons, Done) is
  /// visited by the ring, and Enter on Next steps.
  @Test func tabVisitsEveryControlOfExplainAStep() throws {
    let h = try ViewHarness()
    h.apply([.train(epochs: 3), .explain(.enter(example: 1)), .explain(.next)])  // Back and Next both on
    h.frame()
    let count = h.ui.keyboardOrder.count
    var rects: [Rect] = []
    for _ in 0..<count {
      h.keys([KeyPress(.tab)])
      rects.append(h.ui.keyboardFocusRect ?? Rect(x: -1, y: -1, width: 0, height: 0))
    }
    for control in h.ui.report.controls where control.rect.width > 0 && !control.floating && control.name != "output plot" {
      #expect(rects.contains { $0.intersects(control.rect) }, "\(control.name) is never focused")
    }
    let next = try #require(h.layout.explainBar?.next)
    #expect(h.tab(to: next))
    #expect(h.keys([KeyPress(.enter)]).actions == [.explain(.next)])
  }

  @Test func enterOnAFocusedButtonActsAndSpaceStillPlaysWithoutFocus() throws {
    let h = try ViewHarness()
    h.frame()
    #expect(h.keys([KeyPress(.space)]).actions == [.togglePlay])  // no focus: the shortcut
    guard let play = h.control("Play") else {
      Issue.record("no Play control in \(h.ui.report.controls.map(\.name))")
      return
    }
    #expect(h.tab(to: play))
    #expect(h.keys([KeyPress(.enter)]).actions == [.togglePlay])
    // With focus elsewhere (the step button's neighbour), Space presses that control instead.
    h.keys([KeyPress(.tab)])
    let focused = h.ui.keyboardFocusRect
    #expect(focused != nil && focused != play)
    #expect(!h.keys([KeyPress(.space)]).actions.contains(.togglePlay))
    // Esc drops the focus; the shortcuts are back.
    h.keys([KeyPress(.escape)])
    #expect(h.ui.keyboardFocusID == nil)
    #expect(h.keys([KeyPress(.right)]).actions == [.step])
  }

  @Test func aLessonCanBeFollowedStartToEndWithoutTheMouse() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons")
      .standardized
    for file in ["03-feature-crosses.yaml", "15-three-classes.yaml"] {
      let lesson = try Lesson.load(path: dir.appendingPathComponent(file).path)
      var state = try lesson.startingState()
      let h = try ViewHarness()
      h.view.lesson = GuidedLesson(lesson: lesson, state: &state)
      h.state = state
      h.frame()
      // The lesson panel is drawn last: Shift+Tab from nothing lands on Next (the e2e relies on it).
      h.keys([KeyPress(.tab, modifiers: .shift)])
      #expect(h.ui.keyboardFocusRect == h.control("Next ›"), "\(file)")
      h.keys([KeyPress(.escape)])
      for step in 1...lesson.steps.count {
        #expect(h.stepNumber == step, "\(file)")
        // Do the step: its answer, or Show me.
        var target = h.control("Show me")
        if case .ask(let question)? = h.view.lesson?.step.action {
          target = h.control("lesson choice \(question.answer)")
        }
        if let target, h.view.lesson?.report == nil {
          #expect(h.tab(to: target), "\(file) step \(step): the ring never reached the step's control")
          h.run(h.keys([KeyPress(.enter)]).lessonCommands)
          h.frame()
          #expect(h.view.lesson?.report != nil, "\(file) step \(step) is not done")
        }
        guard step < lesson.steps.count else { break }
        guard let next = h.control("Next ›") else {
          Issue.record("\(file) step \(step): no Next button")
          break
        }
        #expect(h.tab(to: next), "\(file) step \(step): the ring never reached Next")
        h.run(h.keys([KeyPress(.enter)]).lessonCommands)
        h.frame()
      }
      #expect(h.stepNumber == lesson.steps.count, "\(file) ended at step \(h.stepNumber)")
    }
  }
}
