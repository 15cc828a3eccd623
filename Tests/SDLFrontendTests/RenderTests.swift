import ImmediateUI
import SDLFrontend
import Testing

/// The background every render test clears to.
let white = Color.white
let red = Color(rgb: 0xFF0000)

@Suite(.serialized) @MainActor struct RenderTests {
  @Test func redRectLandsOnExactPixels() throws {
    let canvas = try OffscreenCanvas(width: 100, height: 80)
    var list = DrawList()
    list.fillRect(Rect(x: 10, y: 20, width: 30, height: 15), red)
    let px = try canvas.render(list, background: white)
    #expect(px.width == 100 && px.height == 80)
    #expect(px[10, 20] == red.argb && px[39, 34] == red.argb)
    #expect(px[9, 20] == white.argb && px[40, 20] == white.argb)
    #expect(px[10, 19] == white.argb && px[10, 35] == white.argb)
    #expect(px.pixels.filter { $0 == red.argb }.count == 30 * 15)
  }

  @Test func scaleFactorMultipliesCoordinates() throws {
    let canvas = try OffscreenCanvas(width: 50, height: 40, scale: 2)
    var list = DrawList()
    list.fillRect(Rect(x: 10, y: 20, width: 5, height: 5), red)
    let px = try canvas.render(list, background: white)
    #expect(px.width == 100 && px.height == 80)
    #expect(px[20, 40] == red.argb && px[29, 49] == red.argb)
    #expect(px[30, 40] == white.argb && px[19, 40] == white.argb)
  }

  @Test func translucentFillBlends() throws {
    let canvas = try OffscreenCanvas(width: 20, height: 20)
    var list = DrawList()
    list.fillRect(Rect(x: 0, y: 0, width: 20, height: 20), Color.black.withAlpha(UInt8(128)))
    let c = Color(argb: try canvas.render(list, background: white)[10, 10])
    #expect((126...128).contains(c.r) && c.r == c.g && c.g == c.b)
  }

  @Test func clipRestrictsDrawing() throws {
    let canvas = try OffscreenCanvas(width: 60, height: 60)
    var list = DrawList()
    list.pushClip(Rect(x: 10, y: 10, width: 20, height: 20))
    list.fillRect(Rect(x: 0, y: 0, width: 60, height: 60), red)
    list.fillCircle(center: Point(50, 50), radius: 8, red)
    list.popClip()
    list.fillRect(Rect(x: 50, y: 0, width: 5, height: 5), red)
    let px = try canvas.render(list, background: white)
    #expect(px[10, 10] == red.argb && px[29, 29] == red.argb)
    #expect(px[30, 30] == white.argb && px[5, 5] == white.argb && px[50, 50] == white.argb)
    #expect(px[52, 2] == red.argb, "drawing after popClip is unclipped")
  }

  @Test func roundShapesHaveSolidCentersAndSoftEdges() throws {
    let canvas = try OffscreenCanvas(width: 100, height: 60)
    var list = DrawList()
    list.fillCircle(center: Point(30, 30), radius: 20, red)
    list.fillRoundedRect(Rect(x: 60, y: 10, width: 30, height: 40), radius: 8, red)
    let px = try canvas.render(list, background: white)
    #expect(px[30, 30] == red.argb && px[30, 12] == red.argb)
    #expect(px[12, 12] == white.argb, "outside the circle, inside its bounding box")
    #expect(px[60, 10] == white.argb, "the rounded corner is cut away")
    #expect(px[75, 30] == red.argb && px[60, 30] == red.argb)
    // Anti-aliasing: the circle's edge has in-between colors, not just red and white.
    let edge = (0..<60).map { px[$0, 30] }
    #expect(edge.contains { $0 != red.argb && $0 != white.argb })
  }

  @Test func thickLineCoversItsWidth() throws {
    let canvas = try OffscreenCanvas(width: 100, height: 40)
    var list = DrawList()
    list.line(from: Point(10, 20), to: Point(90, 20), width: 6, red)
    let px = try canvas.render(list, background: white)
    #expect(px[50, 18] == red.argb && px[50, 21] == red.argb)
    #expect(px[50, 10] == white.argb && px[50, 30] == white.argb && px[5, 20] == white.argb)
  }

  @Test func dashedBezierHasGapsThatMoveWithPhase() throws {
    let canvas = try OffscreenCanvas(width: 100, height: 20)
    // A straight "curve" with controls at thirds, so arc length grows evenly from x = 0 to 90.
    let curve = CubicBezier(Point(0, 10), Point(30, 10), Point(60, 10), Point(90, 10))
    func render(phase: Float) throws -> Raster {
      var list = DrawList()
      list.bezier(curve, width: 4, red, dash: Dash(pattern: [10, 10], phase: phase))
      return try canvas.render(list, background: white)
    }
    let still = try render(phase: 0)
    #expect(still[5, 10] == red.argb && still[15, 10] == white.argb && still[25, 10] == red.argb)
    let moved = try render(phase: 5)
    #expect(moved[12, 10] == red.argb && moved[2, 10] == white.argb && moved[22, 10] == white.argb)
  }

  @Test func textDrawsInsideItsMeasuredBox() throws {
    let canvas = try OffscreenCanvas(width: 200, height: 60)
    var list = DrawList()
    let origin = Point(20, 15)
    list.text("Learning rate", at: origin, size: 20, .black)
    let px = try canvas.render(list, background: white)
    let box = canvas.fonts.measure("Learning rate", size: 20)
    #expect(box.width > 100 && box.width < 160 && box.height > 20 && box.height < 28)
    var inside = 0
    var outside = 0
    for y in 0..<px.height {
      for x in 0..<px.width where px[x, y] != white.argb {
        let fx = Float(x)
        let fy = Float(y)
        if fx >= origin.x - 1 && fx <= origin.x + box.width + 1 && fy >= origin.y - 1
          && fy <= origin.y + box.height + 1
        {
          inside += 1
        } else {
          outside += 1
        }
      }
    }
    #expect(inside > 200)
    #expect(outside == 0)
  }

  @Test func textAlignmentCentersOnTheAnchor() throws {
    let canvas = try OffscreenCanvas(width: 200, height: 60)
    var list = DrawList()
    list.text("Play", at: Point(100, 30), size: 18, .black, alignment: .center)
    let px = try canvas.render(list, background: white)
    var xs: [Int] = []
    var ys: [Int] = []
    for y in 0..<60 { for x in 0..<200 where px[x, y] != white.argb { xs.append(x); ys.append(y) } }
    let midX = Float(xs.min()! + xs.max()!) / 2
    let midY = Float(ys.min()! + ys.max()!) / 2
    #expect(abs(midX - 100) <= 2)
    #expect(abs(midY - 30) <= 3)
  }

  @Test func textCacheStaysBounded() throws {
    let canvas = try OffscreenCanvas(width: 100, height: 30)
    let fonts = try FontCache(renderer: canvas.renderer, capacity: 8)
    let drawer = DrawListRenderer(renderer: canvas.renderer, fonts: fonts)
    for i in 0..<40 {
      var list = DrawList()
      list.text("epoch \(i)", at: Point(2, 2), size: 15, .black)
      try drawer.render(list, scale: 1)
    }
    #expect(fonts.cachedTextCount == 8)
  }
}
