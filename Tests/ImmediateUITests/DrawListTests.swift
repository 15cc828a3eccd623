import ImmediateUI
import _TestSupport
import Testing

@Suite struct DrawListTests {
  @Test func simpleFrameDrawsExpectedCommands() {
    var h = WidgetHarness()
    let (_, list) = h.frame { ui in
      ui.label("Epoch 12", in: Rect(x: 10, y: 10, width: 200, height: 20))
      ui.button("Reset", in: Rect(x: 10, y: 40, width: 100, height: 40))
    }
    let t = Theme.light
    #expect(
      list.commands == [
        .text("Epoch 12", at: Point(10, 20), size: t.bodySize, t.text, .left, .regular),
        .fillRoundedRect(Rect(x: 10, y: 40, width: 100, height: 40), radius: t.cornerRadius, t.control),
        .strokeRoundedRect(
          Rect(x: 10, y: 40, width: 100, height: 40), radius: t.cornerRadius, width: t.borderWidth,
          t.controlBorder),
        .text("Reset", at: Point(60, 60), size: t.bodySize, t.text, .center, .regular),
      ])
  }

  @Test func hoveredButtonUsesHoverColor() {
    var h = WidgetHarness()
    let (_, list) = h.frame([.move(50, 50)]) {
      $0.button("Reset", in: Rect(x: 10, y: 40, width: 100, height: 40))
    }
    #expect(
      list.commands[0]
        == .fillRoundedRect(Rect(x: 10, y: 40, width: 100, height: 40), radius: 6, Theme.light.controlHover))
  }

  @Test func labelTruncatesWithEllipsis() {
    var h = WidgetHarness()
    let (_, list) = h.frame {
      $0.label("Regularization rate", in: Rect(x: 0, y: 0, width: 60, height: 20), size: 10)
    }
    // 60 px at 5.5 px per character fits 10 characters: 9 letters and the ellipsis.
    #expect(texts(list) == ["Regulariz…"])
  }

  @Test func paragraphWraps() {
    let ui = UIContext()
    #expect(ui.wrap("one two three four", toWidth: 5.5 * 9, size: 10) == ["one two", "three", "four"])
    #expect(ui.wrap("a\nb", toWidth: 100, size: 10) == ["a", "b"])
  }

  @Test func clipsAndTooltipGoInOrder() {
    var h = WidgetHarness()
    let (_, list) = h.frame([.move(100, 100)]) { ui in
      ui.pushClip(Rect(x: 0, y: 0, width: 50, height: 50))
      ui.draw.fillRect(Rect(x: 0, y: 0, width: 10, height: 10), .black)
      ui.popClip()
      if ui.hoverRegion("neuron", Rect(x: 90, y: 90, width: 20, height: 20)) { ui.tooltip("Weight 0.5") }
      ui.draw.fillRect(Rect(x: 0, y: 0, width: 5, height: 5), .white)
    }
    #expect(list.commands.first == .pushClip(Rect(x: 0, y: 0, width: 50, height: 50)))
    #expect(list.commands[2] == .popClip)
    #expect(list.commands[3] == .fillRect(Rect(x: 0, y: 0, width: 5, height: 5), .white))
    #expect(texts(list) == ["Weight 0.5"], "the tooltip comes after the main layer")
    #expect(h.ui.hotID == h.ui.id("neuron"))
  }

  @Test func clippedWidgetsIgnoreMouseOutsideTheClip() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) -> Bool in
      ui.pushClip(Rect(x: 0, y: 0, width: 50, height: 50))
      defer { ui.popClip() }
      return ui.button("Half hidden", in: Rect(x: 0, y: 0, width: 100, height: 40))
    }
    #expect(h.click(80, 20, body) == [false, false])
    #expect(h.click(20, 20, body) == [false, true])
  }
}
