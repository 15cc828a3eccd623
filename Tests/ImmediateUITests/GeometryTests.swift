import ImmediateUI
import Testing

@Suite struct GeometryTests {
  @Test func colorPacksChannels() {
    let c = Color(r: 0x08, g: 0x77, b: 0xBD, a: 0x80)
    #expect(c.argb == 0x8008_77BD)
    #expect((c.r, c.g, c.b, c.a) == (0x08, 0x77, 0xBD, 0x80))
    #expect(c.withAlpha(UInt8(255)) == Color(rgb: 0x0877BD))
    #expect(Color.black.mixed(with: .white, 0.5) == Color(r: 128, g: 128, b: 128))
  }

  @Test func rectSplitsAndCuts() {
    let r = Rect(x: 10, y: 20, width: 100, height: 50)
    let (left, rest) = r.splitLeft(30, spacing: 10)
    #expect(left == Rect(x: 10, y: 20, width: 30, height: 50))
    #expect(rest == Rect(x: 50, y: 20, width: 60, height: 50))
    #expect(r.splitRight(200).rest.width == 0)
    var cut = r
    let top = cut.cutTop(10)
    #expect(top.height == 10 && cut == Rect(x: 10, y: 30, width: 100, height: 40))
    #expect(r.columns(4, spacing: 4).map(\.width) == [22, 22, 22, 22])
    #expect(r.rows(2).last == Rect(x: 10, y: 45, width: 100, height: 25))
    #expect(r.columns(weights: [1, 3]).map(\.width) == [25, 75])
    #expect(r.contains(Point(10, 20)) && !r.contains(Point(110, 20)))
    #expect(r.inset(5) == Rect(x: 15, y: 25, width: 90, height: 40))
  }

  @Test func numberFormatting() {
    #expect(NumberFormat.fixed(0.0314, decimals: 3) == "0.031")
    #expect(NumberFormat.fixed(-2.5, decimals: 1) == "-2.5")
    #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
    #expect(NumberFormat.fixed(3, decimals: 0) == "3")
    #expect(NumberFormat.compact(0.03) == "0.03")
    #expect(NumberFormat.compact(0.0001) == "0.0001")
    #expect(NumberFormat.compact(3) == "3")
    #expect(NumberFormat.compact(0.25) == "0.25")
    #expect(NumberFormat.compact(10) == "10")
  }

  @Test func bezierEndpointsAndMidpoint() {
    let b = CubicBezier(Point(0, 0), Point(0, 10), Point(10, 10), Point(10, 0))
    let pts = b.flattened(segments: 4)
    #expect(pts.count == 5 && pts.first == Point(0, 0) && pts.last == Point(10, 0))
    #expect(b.point(at: 0.5) == Point(5, 7.5))
  }

  @Test func approximateMeasurer() {
    let m = ApproximateTextMeasurer()
    #expect(m.measure("abcd", size: 10) == Size(22, 12))
    #expect(m.measure("abcd", size: 10, weight: .bold) == Size(22, 12))
  }
}

@Suite struct IDTests {
  @Test func idsAreFNV1aAndStableAcrossRuns() {
    // Reference FNV-1a-64 values: "" is the offset basis, "a" and "foobar" are the published vectors.
    #expect(WidgetID.fnv1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(WidgetID.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(WidgetID.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    let ui = UIContext()
    #expect(ui.id("Play") == WidgetID(rawValue: WidgetID.fnv1a("Play")))
    #expect(ui.id("a").rawValue == 0xaf63_dc4c_8601_ec8c)
  }

  @Test func scopesSeparateEqualLabels() {
    let ui = UIContext()
    let top = ui.id("plus")
    let inLayer1 = ui.withID("layer 1") { ui.id("plus") }
    let inLayer2 = ui.withID("layer 2") { ui.id("plus") }
    #expect(Set([top, inLayer1, inLayer2]).count == 3)
    #expect(ui.withID("layer 1") { ui.id("plus") } == inLayer1)
    // Scope boundaries matter: "ab"/"c" differs from "a"/"bc".
    let abc = ui.withID("ab") { ui.id("c") }
    let abc2 = ui.withID("a") { ui.id("bc") }
    #expect(abc != abc2)
  }
}
