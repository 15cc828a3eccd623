import ImmediateUI
import _TestSupport
import Testing

@Suite struct ChoiceTests {
  @Test func segmentedReturnsClickedIndexOnlyWhenDifferent() {
    var h = WidgetHarness()
    let r = Rect(x: 0, y: 0, width: 306, height: 36)  // inset 3, three cells of 98.67 px
    let options = ["Circle", "XOR", "Spiral"]
    let body = { (ui: UIContext) in ui.segmented(options: options, selected: 0, in: r) }
    #expect(h.click(250, 18, body) == [nil, 2])
    #expect(h.click(150, 18, body) == [nil, 1])
    #expect(h.click(20, 18, body) == [nil, nil], "clicking the selected segment changes nothing")
    let (_, list) = h.frame(body)
    #expect(texts(list) == options)
  }

  let anchor = Rect(x: 20, y: 20, width: 200, height: 38)
  let options = ["ReLU", "Tanh", "Sigmoid", "Linear"]

  /// A dropdown plus a button placed where the open list will be, to check the list blocks it.
  func body(_ selected: Int) -> (UIContext) -> (Int?, Bool) {
    { ui in
      let choice = ui.dropdown("Activation", options: options, selected: selected, in: anchor)
      let pressed = ui.button("Under the list", in: Rect(x: 20, y: 62, width: 200, height: 200))
      return (choice, pressed)
    }
  }

  @Test func dropdownOpensSelectsAndCloses() {
    var h = WidgetHarness()
    let id = h.ui.id("Activation")
    _ = h.click(100, 40, body(0))
    #expect(h.ui.focusedID == id, "a click on the control opens the list")
    // Rows start at y = 58 + 4 + 4 = 66 and are 38 tall: "Sigmoid" spans 142…180.
    let results = h.click(100, 160, body(0))
    #expect(results.map(\.0) == [nil, 2])
    #expect(results.map(\.1) == [false, false], "the list blocks the button underneath")
    #expect(h.ui.focusedID == nil, "choosing closes the list")
  }

  @Test func dropdownListIsDrawnLastOnTop() {
    var h = WidgetHarness()
    _ = h.click(100, 40, body(1))
    let (_, list) = h.frame(body(1))
    let strings = texts(list)
    #expect(strings == ["Tanh", "Under the list"] + options)
  }

  @Test func clickOutsideClosesWithoutPressingAnything() {
    var h = WidgetHarness()
    _ = h.click(100, 40, body(0))
    let far = h.click(600, 500, body(0))
    #expect(far.map(\.0) == [nil, nil])
    #expect(h.ui.focusedID == nil)
    // The list is closed, so the button under where it was is reachable again.
    let under = h.click(100, 160, body(0))
    #expect(under.map(\.1) == [false, true])
  }

  @Test func clickOnControlAgainOrEscapeCloses() {
    var h = WidgetHarness()
    _ = h.click(100, 40, body(0))
    _ = h.click(100, 40, body(0))
    #expect(h.ui.focusedID == nil)
    _ = h.click(100, 40, body(0))
    h.frame([.key(.escape)], body(0))
    #expect(h.ui.focusedID == nil)
  }

  @Test func listClosesWhenTheDropdownIsNotDrawn() {
    var h = WidgetHarness()
    _ = h.click(100, 40, body(0))
    h.frame { _ in () }
    #expect(h.ui.focusedID == nil)
  }
}
