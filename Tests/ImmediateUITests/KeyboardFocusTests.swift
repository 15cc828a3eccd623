import ImmediateUI
import Testing
import _TestSupport

/// Tab / Shift+Tab, Enter / Space, arrows and Esc on bare widgets (see UIContext+Keyboard.swift).
@Suite struct KeyboardFocusTests {
  /// Three buttons in a row, the middle one disabled when asked; returns which were activated.
  func buttons(_ ui: UIContext, middleEnabled: Bool = true) -> [String] {
    var hits: [String] = []
    if ui.button("One", in: Rect(x: 10, y: 10, width: 80, height: 30)) { hits.append("One") }
    if ui.button("Two", in: Rect(x: 100, y: 10, width: 80, height: 30), enabled: middleEnabled) { hits.append("Two") }
    if ui.button("Three", in: Rect(x: 190, y: 10, width: 80, height: 30)) { hits.append("Three") }
    return hits
  }

  /// True when the list strokes the focus ring around `rect`.
  func ringAround(_ list: DrawList, _ rect: Rect, theme: Theme = .light) -> Bool {
    list.commands.contains {
      if case .strokeRoundedRect(let r, _, let width, let color) = $0 {
        return r == rect.inset(-3) && width == theme.focusWidth && color == theme.focusRing
      }
      return false
    }
  }

  @Test func tabAndShiftTabMoveTheRingInDrawingOrderAndWrap() {
    var h = WidgetHarness()
    h.frame { buttons($0) }
    #expect(h.ui.keyboardFocusID == nil)
    h.frame([.key(.tab)]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == h.ui.id("One"))
    // The ring shows from the next frame, around the focused control.
    let (_, list) = h.frame { buttons($0) }
    #expect(ringAround(list, Rect(x: 10, y: 10, width: 80, height: 30)))
    #expect(!ringAround(list, Rect(x: 100, y: 10, width: 80, height: 30)))
    h.frame([.key(.tab)]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == h.ui.id("Two"))
    h.frame([.key(.tab), .key(.tab)]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == h.ui.id("One"))  // wrapped past Three
    h.frame([.keyPress(KeyPress(.tab, modifiers: .shift))]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == h.ui.id("Three"))
  }

  @Test func shiftTabFromNothingFocusesTheLastControl() {
    var h = WidgetHarness()
    h.frame([.keyPress(KeyPress(.tab, modifiers: .shift))]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == h.ui.id("Three"))
  }

  @Test func disabledControlsAreSkipped() {
    var h = WidgetHarness()
    h.frame([.key(.tab), .key(.tab)]) { buttons($0, middleEnabled: false) }
    #expect(h.ui.keyboardFocusID == h.ui.id("Three"))
  }

  @Test func enterAndSpaceActivateTheFocusedControlOnly() {
    var h = WidgetHarness()
    h.frame([.key(.tab), .key(.tab)]) { buttons($0) }
    let (enter, _) = h.frame([.key(.enter)]) { buttons($0) }
    #expect(enter == ["Two"])
    let (space, _) = h.frame([.key(.space)]) { buttons($0) }
    #expect(space == ["Two"])
    // The key is used up: the app's shortcuts do not also see it.
    var seen: [KeyPress] = []
    h.frame([.key(.space)]) { ui in
      _ = buttons(ui)
      seen = ui.input.keys
    }
    #expect(seen.isEmpty)
  }

  @Test func withoutFocusKeysReachTheShortcuts() {
    var h = WidgetHarness()
    var seen: [KeyPress] = []
    let (hits, _) = h.frame([.key(.space), .key(.right), .key(.enter)]) { ui -> [String] in
      seen = ui.input.keys
      return buttons(ui)
    }
    #expect(hits.isEmpty)
    #expect(seen.map(\.key) == [.space, .right, .enter])
  }

  @Test func escapeDropsTheFocusAndStillReachesTheShortcuts() {
    var h = WidgetHarness()
    h.frame([.key(.tab)]) { buttons($0) }
    var seen: [KeyPress] = []
    h.frame([.key(.escape)]) { ui in
      seen = ui.input.keys
      _ = buttons(ui)
    }
    #expect(h.ui.keyboardFocusID == nil)
    #expect(seen.map(\.key) == [.escape])  // a banner closes with the same press
  }

  @Test func aMouseClickDropsTheFocus() {
    var h = WidgetHarness()
    h.frame([.key(.tab)]) { buttons($0) }
    h.frame([.move(500, 500), .press]) { buttons($0) }
    #expect(h.ui.keyboardFocusID == nil)
  }

  @Test func arrowsChangeASlider() {
    var h = WidgetHarness()
    var value: Float = 5
    let body = { (ui: UIContext) in
      if let v = ui.slider("Noise", value: value, range: 0...50, step: 5, in: Rect(x: 10, y: 10, width: 300, height: 30)) {
        value = v
      }
    }
    h.frame([.key(.tab)], body)
    h.frame([.key(.right), .key(.right)], body)
    #expect(value == 15)
    h.frame([.key(.left)], body)
    #expect(value == 10)
    h.frame([.key(.down), .key(.down), .key(.down)], body)
    #expect(value == 0)  // clamped at the low end
  }

  @Test func arrowsChooseInAMenuAndEnterOpensIt() {
    var h = WidgetHarness()
    var selected = 1
    let options = ["ReLU", "Tanh", "Sigmoid", "Linear"]
    let body = { (ui: UIContext) in
      if let i = ui.dropdown("Activation", options: options, selected: selected, in: Rect(x: 10, y: 10, width: 160, height: 36)) {
        selected = i
      }
    }
    h.frame([.key(.tab)], body)
    h.frame([.key(.down)], body)
    #expect(selected == 2)
    h.frame([.key(.up), .key(.up)], body)
    #expect(selected == 0)
    h.frame([.key(.up)], body)
    #expect(selected == 0)  // no wrap past the first
    h.frame([.key(.enter)], body)
    #expect(h.ui.focusedID == h.ui.id("Activation"))  // the list is open
    h.frame([.key(.escape)], body)
    #expect(h.ui.focusedID == nil)  // Esc closes the menu first…
    #expect(h.ui.keyboardFocusID == h.ui.id("Activation"))  // …and keeps the ring
  }

  @Test func checkboxesAndSegmentsActivateWithTheKeyboard() {
    var h = WidgetHarness()
    var on = false
    var choice = 0
    let body = { (ui: UIContext) in
      if let v = ui.toggle("Show test data", isOn: on, in: Rect(x: 10, y: 10, width: 200, height: 30)) { on = v }
      if let i = ui.segmented(options: ["2-D", "CNN"], selected: choice, in: Rect(x: 10, y: 50, width: 200, height: 36)) {
        choice = i
      }
    }
    h.frame([.key(.tab)], body)
    h.frame([.key(.space)], body)
    #expect(on)
    h.frame([.key(.tab), .key(.tab)], body)
    h.frame([.key(.enter)], body)
    #expect(choice == 1)
  }
}
