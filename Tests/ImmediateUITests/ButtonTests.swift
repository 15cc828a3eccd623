import ImmediateUI
import _TestSupport
import Testing

@Suite struct ButtonTests {
  let rect = Rect(x: 10, y: 10, width: 100, height: 40)

  @Test func clickInsideReturnsTrueExactlyOnce() {
    var h = WidgetHarness()
    var clicks = 0
    let body = { (ui: UIContext) in if ui.button("Play", in: rect) { clicks += 1 } }
    h.frame([.move(50, 30)], body)
    h.frame([.press], body)
    #expect(clicks == 0, "a press alone is not a click")
    #expect(h.ui.activeID == h.ui.id("Play"))
    h.frame([.release], body)
    #expect(clicks == 1)
    h.frame([], body)
    h.frame([.move(60, 30)], body)
    #expect(clicks == 1)
    #expect(h.ui.activeID == nil)
  }

  @Test func pressInsideReleaseOutsideIsNoClick() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) in ui.button("Play", in: rect) }
    #expect(h.frame([.move(50, 30), .press], body).0 == false)
    #expect(h.frame([.move(300, 300)], body).0 == false)
    #expect(h.frame([.release], body).0 == false)
    #expect(h.frame([.move(50, 30)], body).0 == false)
  }

  @Test func pressOutsideReleaseInsideIsNoClick() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) in ui.button("Play", in: rect) }
    h.frame([.move(300, 300), .press], body)
    h.frame([.move(50, 30)], body)
    #expect(h.frame([.release], body).0 == false)
  }

  @Test func pressAndReleaseInOneFrameIsOneClick() {
    var h = WidgetHarness()
    let (clicked, _) = h.frame([.move(50, 30), .press, .release]) { $0.button("Play", in: rect) }
    #expect(clicked)
  }

  @Test func disabledButtonIgnoresClicks() {
    var h = WidgetHarness()
    let results = h.click(50, 30) { $0.button("Play", in: rect, enabled: false) }
    #expect(results == [false, false])
  }

  @Test func hoverMakesButtonHot() {
    var h = WidgetHarness()
    h.frame([.move(50, 30)]) { $0.button("Play", in: rect) }
    #expect(h.ui.hotID == h.ui.id("Play"))
    h.frame([.move(500, 30)]) { $0.button("Play", in: rect) }
    #expect(h.ui.hotID == nil)
  }

  @Test func iconButtonClicksAndDrawsNoText() {
    var h = WidgetHarness()
    let results = h.click(30, 30) { $0.iconButton("play", icon: .play, in: rect) }
    #expect(results == [false, true])
    let (_, list) = h.frame { $0.iconButton("play", icon: .play, in: rect) }
    #expect(texts(list).isEmpty)
    #expect(list.commands.contains { if case .fillConvexPolygon = $0 { true } else { false } })
  }

  @Test func everyIconDrawsSomething() {
    for icon in Icon.allCases {
      var list = DrawList()
      list.icon(icon, in: Rect(x: 0, y: 0, width: 20, height: 20), .black)
      #expect(!list.isEmpty, "\(icon)")
    }
  }

  @Test func toggleReturnsNewValueWhenClicked() {
    var h = WidgetHarness()
    let r = Rect(x: 0, y: 0, width: 200, height: 30)
    #expect(h.click(100, 15) { $0.toggle("Show test data", isOn: false, in: r) } == [nil, true])
    #expect(h.click(100, 15) { $0.toggle("Show test data", isOn: true, in: r) } == [nil, false])
  }

  @Test func overlappingButtonsOnlyFirstTakesThePress() {
    var h = WidgetHarness()
    let body = { (ui: UIContext) in [ui.button("A", in: rect), ui.button("B", in: rect)] }
    #expect(h.click(50, 30, body) == [[false, false], [true, false]])
  }
}
