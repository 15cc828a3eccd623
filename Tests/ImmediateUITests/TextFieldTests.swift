import ImmediateUI
import _TestSupport
import Testing

@Suite struct TextFieldTests {
  let rect = Rect(x: 0, y: 0, width: 200, height: 36)

  func field(_ text: String) -> (UIContext) -> TextFieldEvent? {
    { $0.textField(id: "Seed", text: text, in: rect) }
  }

  @Test func typingBackspaceAndEnterCommit() {
    var h = WidgetHarness()
    _ = h.click(190, 18, field("42"))
    #expect(h.ui.focusedID == h.ui.id("Seed"))
    #expect(h.ui.wantsTextInput)
    #expect(h.frame([.type("7")], field("42")).0 == .changed("427"))
    #expect(h.frame([.key(.backspace)], field("42")).0 == .changed("42"))
    #expect(h.frame([.key(.backspace)], field("42")).0 == .changed("4"))
    #expect(h.frame([.type("1")], field("42")).0 == .changed("41"))
    #expect(h.frame([.key(.enter)], field("42")).0 == .committed("41"))
    #expect(h.ui.focusedID == nil)
    #expect(h.frame([.type("9")], field("41")).0 == nil, "unfocused fields ignore typing")
  }

  @Test func escapeCancels() {
    var h = WidgetHarness()
    _ = h.click(100, 18, field("abc"))
    h.frame([.type("xyz")], field("abc"))
    #expect(h.frame([.key(.escape)], field("abc")).0 == .cancelled)
    #expect(h.ui.focusedID == nil)
    let (_, list) = h.frame(field("abc"))
    #expect(texts(list) == ["abc"])
  }

  @Test func caretMovesWithArrowsAndClicks() {
    var h = WidgetHarness()
    _ = h.click(190, 18, field("ac"))
    h.frame([.key(.left)], field("ac"))
    #expect(h.frame([.type("b")], field("ac")).0 == .changed("abc"))
    h.frame([.key(.home)], field("ac"))
    #expect(h.frame([.key(.delete)], field("ac")).0 == .changed("bc"))
    // The click lands 10 + 9.35 px in: after the first character at 17 pt.
    _ = h.click(19.4, 18, field("ac"))
    #expect(h.frame([.type("X")], field("ac")).0 == .changed("bXc"))
  }

  @Test func typeAndEnterInOneFrameCommitsTheTypedText() {
    var h = WidgetHarness()
    _ = h.click(100, 18, field(""))
    #expect(h.frame([.type("0.5"), .key(.enter)], field("")).0 == .committed("0.5"))
  }

  @Test func clickElsewhereCommitsEvenIfThatWidgetIsDrawnFirst() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) -> (Bool, TextFieldEvent?) in
      let b = ui.button("Other", in: Rect(x: 0, y: 100, width: 100, height: 30))
      return (b, ui.textField(id: "Seed", text: "1", in: rect))
    }
    _ = h.click(100, 18, body)
    h.frame([.type("2")], body)
    let results = h.click(50, 115, body)
    #expect(results[0].1 == .committed("12"))
    #expect(results[1].0 == true, "the click still reaches the other widget")
    #expect(h.ui.focusedID == nil)
  }

  @Test func placeholderShowsWhenEmpty() {
    var h = WidgetHarness()
    let (_, list) = h.frame { $0.textField(id: "Name", text: "", in: rect, placeholder: "Your name") }
    #expect(texts(list) == ["Your name", ""])
  }
}
