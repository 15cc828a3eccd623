import ImmediateUI
import LessonKit
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

let cnnPanelLessonText = """
  format: 1
  id: cnn-panel-test
  title: "CNN panel"
  setup:
    dataset: shapes
    shapes: [circle, square]
    convLayers: [2]
    seed: 1
  controls:
    lock: [shapes]
  steps:
    - say: "Press Play."
      highlight: play
      train: 2
    - say: "Tick saliency."
      highlight: saliency
    - say: "The confusion matrix."
      highlight: confusion
  """

@Suite(.serialized) struct CNNLessonPanelTests {
  var cnnLayout: (ViewHarness) -> CNNLayout = { $0.view.cnnLayout(for: $0.size, state: $0.state) }

  @Test func theCNNViewLeavesTheStripToThePanel() throws {
    let h = try ViewHarness.guided(cnnPanelLessonText)
    #expect(h.state.mode == .cnn)
    h.frame()
    let panel = h.panel.panel
    let l = cnnLayout(h)
    for r in [l.controlsPanel, l.networkPanel, l.imagePanel, l.resultsPanel] { #expect(r.maxX <= panel.minX) }
    #expect(h.texts.contains { $0.0 == "Step 1 of 3" })
    #expect(h.texts.contains { $0.0 == "Press Play." })
  }

  @Test func showMeTrainsTheCNNAndThePointerFollowsTheSteps() throws {
    let h = try ViewHarness.guided(cnnPanelLessonText)
    h.frame()
    let orange = Color(rgb: 0xE07B00)
    func ring(_ r: Rect) -> Bool {
      h.lastList.commands.contains { $0 == .strokeRoundedRect(r.inset(-6), radius: 8, width: 4, orange) }
    }
    #expect(ring(h.layout.playButton))
    h.run(h.press(try #require(h.panel.showMeButton).center).lessonCommands)
    #expect(h.state.cnn?.experiment.epoch == 2)
    #expect(h.view.lesson?.report?.passed == true)
    h.run(h.press(h.panel.nextButton.center).lessonCommands)
    h.frame()
    #expect(ring(cnnLayout(h).saliencyToggle))
    h.run([.next])
    h.frame()
    #expect(ring(cnnLayout(h).confusion))
  }

  @Test func theModeSwitchAndLockedClassesDoNothing() throws {
    let h = try ViewHarness.guided(cnnPanelLessonText)
    h.frame()
    let modes = h.press(h.layout.modeSwitch.columns(2)[0].center)
    #expect(!modes.actions.contains(.setMode(.dense)))
    let tile = try #require(cnnLayout(h).classTiles.first { $0.tag == .star })
    #expect(!h.press(tile.rect.center).actions.contains(.cnn(.toggleClass(.star))))
    // Free play with what is not locked.
    #expect(h.press(cnnLayout(h).addLayerButton.center).actions.contains(.cnn(.addConvLayer)))
  }
}
