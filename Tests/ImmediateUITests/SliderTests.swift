import ImmediateUI
import _TestSupport
import Testing

@Suite struct SliderTests {
  // 300 wide; the value text takes the right 64 (56 + spacing), so the track area spans x 0…236
  // and, inset by the 10-pixel thumb radius, the thumb travels from x 10 to x 226.
  let rect = Rect(x: 0, y: 0, width: 300, height: 30)
  let x0: Float = 10
  let x1: Float = 226

  @Test func dragMapsXLinearlyAndClamps() {
    var h = WidgetHarness()
    func body(_ value: Float) -> (UIContext) -> Float? {
      { $0.slider("Noise", value: value, range: 0...50, in: rect) }
    }
    let atPress = h.frame([.move(x0 + (x1 - x0) / 2, 15), .press], body(0)).0
    #expect(atPress == 25)
    let dragged = h.frame([.move(x0 + (x1 - x0) / 4, 15)], body(25)).0
    #expect(dragged == 12.5)
    #expect(h.frame([.move(-40, 200)], body(12.5)).0 == 0, "clamps at the low end even off the widget")
    #expect(h.frame([.move(290, 15)], body(0)).0 == 50, "clamps at the high end")
    #expect(h.frame([], body(50)).0 == nil, "no change, no value")
    h.frame([.release], body(50))
    #expect(h.frame([.move(x0, 15)], body(50)).0 == nil, "hovering after release does nothing")
  }

  @Test func logarithmicGivesEachDecadeEqualRoom() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) in
      ui.slider("Learning rate", value: 1, range: 0.001...10, logarithmic: true, in: rect)
    }
    // Four decades over 216 pixels: 0.01 sits at a quarter, 0.1 at half, 1 at three quarters.
    let quarter = h.frame([.move(x0 + (x1 - x0) * 0.25, 15), .press], body).0
    #expect(quarter.map { abs($0 - 0.01) < 1e-5 } == true)
    let half = h.frame([.move(x0 + (x1 - x0) * 0.5, 15)], body).0
    #expect(half.map { abs($0 - 0.1) < 1e-4 } == true)
    #expect(h.frame([.move(-100, 15)], body).0 == 0.001)
    #expect(h.frame([.move(1000, 15)], body).0 == 10)
  }

  @Test func mappingRoundTrips() {
    for v: Float in [0.001, 0.003, 0.03, 0.3, 3, 10] {
      let t = SliderMapping.fraction(of: v, range: 0.001...10, logarithmic: true)
      let back = SliderMapping.value(at: t, range: 0.001...10, logarithmic: true)
      #expect(abs(back - v) / v < 1e-4)
    }
    #expect(SliderMapping.fraction(of: 100, range: 0...50, logarithmic: false) == 1)
  }

  @Test func stepSnapsLinearValues() {
    var h = WidgetHarness()
    let v = h.frame([.move(x0 + (x1 - x0) * 0.33, 15), .press]) {
      $0.slider("Ratio", value: 50, range: 10...90, step: 10, in: rect)
    }.0
    #expect(v == 40)
  }

  @Test func valueTextIsDrawn() {
    var h = WidgetHarness()
    let (_, list) = h.frame { $0.slider("Noise", value: 0.03, range: 0...1, in: rect) }
    #expect(texts(list) == ["0.03"])
  }

  @Test func stepperIncrementsDecrementsAndRespectsLimits() {
    var h = WidgetHarness()
    let r = Rect(x: 0, y: 0, width: 120, height: 40)  // − at x 0…40, + at x 80…120
    #expect(h.click(100, 20) { $0.stepper("Neurons", value: 4, range: 1...8, in: r) } == [nil, 5])
    #expect(h.click(20, 20) { $0.stepper("Neurons", value: 4, range: 1...8, in: r) } == [nil, 3])
    #expect(h.click(100, 20) { $0.stepper("Neurons", value: 8, range: 1...8, in: r) } == [nil, nil])
    #expect(h.click(20, 20) { $0.stepper("Neurons", value: 1, range: 1...8, in: r) } == [nil, nil])
    let (_, list) = h.frame { $0.stepper("Neurons", value: 4, range: 1...8, in: r) }
    #expect(texts(list) == ["4"])
  }
}
