import Foundation
import ImmediateUI
import LessonKit
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

/// The lesson panel's text: long text scrolls (nothing dropped), training lines say what was really
/// trained, and free play that changed the step's settings gets a "Set up this step" button.
@Suite struct LessonPanelTextTests {
  static let long = String(repeating: "A sentence that goes on and on to fill the lesson panel. ", count: 40)
  static let lessonText = """
    format: 1
    id: long
    title: "Long text"
    setup: { dataset: reg-plane, features: [x1, x2], hiddenLayers: [], learningRate: 3, seed: 4 }
    steps:
      - say: "\(long)END"
      - say: "Press Play."
        train: 20
        expect:
          - check: testLoss < 0.000001
      - say: "The learning rate is 3."
    """

  func inPanel(_ h: ViewHarness) -> [String] {
    let x = h.panel.panel.minX
    return h.lastList.commands.compactMap {
      if case .text(let s, let at, _, _, _, _) = $0, at.x >= x { return s } else { return nil }
    }
  }

  @Test func longTextScrollsAndNothingIsDropped() throws {
    let h = try ViewHarness.guided(Self.lessonText)
    h.size = Size(853, 533)
    h.frame()
    #expect(h.ui.report.truncated.filter { $0.rect.minX >= h.panel.panel.minX }.isEmpty)
    #expect(inPanel(h).contains("more below ↓ (scroll)"))
    #expect(!inPanel(h).contains { $0.hasSuffix("END") })
    // The wheel over the text scrolls it; the window keeps the offset in the session.
    let text = h.panel.text
    var offset: Float = 0
    for _ in 0..<60 {
      let r = h.frame(UIInput(mouse: text.center, wheel: Point(0, -3)))
      for case .scroll(let to) in r.lessonCommands { offset = to }
      h.run([.scroll(to: offset)])
    }
    h.frame()
    #expect(offset > 0)
    #expect(inPanel(h).contains { $0.hasSuffix("END") })
    #expect(inPanel(h).contains("↑ more above (scroll)"))
    #expect(h.ui.report.truncated.filter { $0.rect.minX >= h.panel.panel.minX }.isEmpty)
  }

  @Test func aDivergedTrainStepSaysHowFarItGot() throws {
    let h = try ViewHarness.guided(Self.lessonText)
    h.run([.next, .showMe])
    h.frame()
    let epoch = h.state.experiment.epoch
    #expect(epoch < 20)
    let word = epoch == 1 ? "epoch" : "epochs"
    #expect(inPanel(h).joined(separator: " ").contains("Stopped after \(epoch) \(word): training diverged."))
    // The expectation reads as a sentence with a number for people.
    #expect(inPanel(h).joined(separator: " ").contains("The test loss is below 0.000001"))
  }

  @Test func freePlayOffersSetUpThisStep() throws {
    let h = try ViewHarness.guided(Self.lessonText)
    h.frame()
    #expect(h.view.lessonLayout(for: h.size, state: h.state)?.setUpButton == nil)
    h.apply([.setLearningRate(0.03)])
    h.run([.next])
    h.frame()
    let button = try #require(h.view.lessonLayout(for: h.size, state: h.state)?.setUpButton)
    #expect(inPanel(h).joined(separator: " ").contains("You changed the learning rate"))
    let clicked = h.press(button.center)
    #expect(clicked.lessonCommands == [.setUp])
    h.run(clicked.lessonCommands)
    #expect(h.state.config.learningRate == 3)
    #expect(h.stepNumber == 2)
    #expect(h.view.lessonLayout(for: h.size, state: h.state)?.setUpButton == nil)
  }
}
