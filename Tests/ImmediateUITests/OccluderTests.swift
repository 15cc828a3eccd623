import ImmediateUI
import _TestSupport
import Testing

/// Something floating over the widgets (a banner) takes the mouse from what lies under it, but
/// not from what is drawn over it: its own buttons and an open dropdown list.
@Suite struct OccluderTests {
  let floating = Rect(x: 0, y: 100, width: 400, height: 60)

  /// A button under the floating strip, then the strip's own button drawn above it.
  func frame(_ ui: UIContext) -> (under: Bool, above: Bool) {
    ui.occluders = [floating]
    let under = ui.button("Under", in: Rect(x: 0, y: 100, width: 100, height: 40))
    ui.aboveOccluders = true
    let above = ui.button("Close", in: Rect(x: 300, y: 110, width: 40, height: 40))
    ui.aboveOccluders = false
    return (under, above)
  }

  @Test func coveredWidgetsTakeNoClickAndFloatingOnesDo() {
    var h = WidgetHarness()
    #expect(h.click(50, 120, frame).map(\.under) == [false, false])
    #expect(h.click(320, 130, frame).map(\.above) == [false, true])
    // Outside the strip the same button works.
    var free = WidgetHarness()
    let outside = free.click(50, 20) { ui in ui.button("Free", in: Rect(x: 0, y: 0, width: 100, height: 40)) }
    #expect(outside == [false, true])
  }

  @Test func anOpenDropdownListIsAboveTheFloatingStrip() {
    var h = WidgetHarness()
    let options = ["1", "5", "20", "60"]
    let body = { (ui: UIContext) -> Int? in
      ui.occluders = [Rect(x: 0, y: 60, width: 400, height: 200)]
      return ui.dropdown("Speed", options: options, selected: 0, in: Rect(x: 20, y: 20, width: 200, height: 38))
    }
    _ = h.click(100, 40, body)
    // Rows start at 66 and are 38 tall: "20" spans 142…180, under the strip.
    #expect(h.click(100, 160, body) == [nil, 2])
  }
}
