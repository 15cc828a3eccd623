import ImmediateUI
import _TestSupport
import Testing

@Suite struct EntryMenuTests {
  let rect = Rect(x: 0, y: 0, width: 200, height: 36)
  let options = ["0.01", "0.03", "0.1"]

  func menu(_ selected: Int = 1) -> (UIContext) -> EntryMenuEvent? {
    { $0.entryMenu("Learning rate", options: options, selected: selected, in: rect) }
  }

  /// The centre height of list row `i` under the box (the list hangs 4 px below, rows inset 4).
  func rowY(_ h: WidgetHarness, _ i: Int) -> Float {
    rect.maxY + 4 + 4 + (Float(i) + 0.5) * h.ui.theme.controlHeight
  }

  /// Opens the list and clicks row `i`; the events of the row's click.
  func pick(_ h: inout WidgetHarness, _ i: Int, _ body: (UIContext) -> EntryMenuEvent?) -> [EntryMenuEvent?] {
    _ = h.click(100, 18, body)
    return h.click(100, rowY(h, i), body)
  }

  @Test func listedOptionsAreChosenAsInADropdown() {
    var h = WidgetHarness()
    let events = pick(&h, 2, menu())
    #expect(events.compactMap { $0 } == [.chosen(2)])
    #expect(!h.ui.wantsTextInput)
  }

  @Test func otherRowOpensAFieldAndEnterReportsTheTypedText() {
    var h = WidgetHarness()
    let (_, closed) = h.frame(menu())
    #expect(texts(closed) == ["0.03"])
    let events = pick(&h, 3, menu())
    #expect(events.allSatisfy { $0 == nil }, "choosing Other… is not a value yet")
    #expect(h.ui.wantsTextInput, "the box became a text field")
    let (_, editing) = h.frame(menu())
    #expect(texts(editing).contains("0.03"), "the current value shows greyed until typing")
    #expect(h.frame([.type("0.15")], menu()).0 == nil)
    #expect(h.frame([.key(.enter)], menu()).0 == .typed("0.15"))
    #expect(!h.ui.wantsTextInput)
    let (_, after) = h.frame(menu())
    #expect(texts(after) == ["0.03"], "back to the menu (the caller decides the new value)")
  }

  @Test func escapeAndAnEmptyEntryChangeNothing() {
    var h = WidgetHarness()
    _ = pick(&h, 3, menu())
    h.frame([.type("7")], menu())
    #expect(h.frame([.key(.escape)], menu()).0 == nil)
    #expect(!h.ui.wantsTextInput)
    _ = pick(&h, 3, menu())
    #expect(h.frame([.key(.enter)], menu()).0 == nil)
    #expect(!h.ui.wantsTextInput)
  }

  @Test func clickingElsewhereCommitsTheTypedText() {
    var h = WidgetHarness()
    _ = pick(&h, 3, menu())
    h.frame([.type("2")], menu())
    let events = h.click(500, 500, menu())
    #expect(events.compactMap { $0 } == [.typed("2")])
  }
}
