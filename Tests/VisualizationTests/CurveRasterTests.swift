import ImmediateUI
import Testing

@testable import Visualization

@Suite struct CurveRasterTests {
  @Test func solidLineCoversItsWidthOnly() {
    var r = Raster(width: 40, height: 20, fill: 0)
    CurveRaster.stroke([StrokedPath(points: [Point(5, 10.25), Point(35, 10.25)], width: 4, color: 0xFF08_77BD)], into: &r)
    #expect(r[20, 10] == 0xFF08_77BD)
    #expect(r[20, 9] == 0xFF08_77BD)
    #expect(r[20, 15] == 0)
    #expect(r[2, 10] == 0)
    // The edge pixel is partly covered: same color, partial alpha.
    let edge = r[20, 12]
    #expect(edge >> 24 > 0 && edge >> 24 < 255 && edge & 0xFF_FFFF == 0x08_77BD)
  }

  @Test func dashesLeaveGapsThatMoveWithThePhase() {
    func row(_ phase: Float) -> [Bool] {
      var r = Raster(width: 60, height: 10, fill: 0)
      CurveRaster.stroke(
        [StrokedPath(points: [Point(0, 5), Point(60, 5)], width: 3, color: 0xFFF5_9322, dash: (10, 5, phase))],
        into: &r)
      return (0..<60).map { r[$0, 5] >> 24 == 255 }
    }
    let a = row(0)
    #expect(a[2] && a[8] && !a[12] && !a[13] && a[17])
    let b = row(5)
    #expect(b != a)
    #expect(!b[2] && b[8])
  }

  /// The readable definition the stroker implements: for every pixel, the nearest point of the
  /// path (the first segment wins ties), coverage clamp(h + ½ − d, 0, 1), dashes by arc length.
  static func reference(_ path: StrokedPath, width w: Int, height h: Int) -> [UInt32] {
    var alpha = [UInt32](repeating: 0, count: w * h)
    let hw = max(0.5, path.width / 2)
    for y in 0..<h {
      for x in 0..<w {
        let p = Point(Float(x) + 0.5, Float(y) + 0.5)
        var best = Float.infinity
        var bestArc: Float = 0
        var arc: Float = 0
        for k in 1..<path.points.count {
          let a = path.points[k - 1]
          let b = path.points[k]
          let length = a.distance(to: b)
          let t = min(1, max(0, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (length * length)))
          let d = p.distance(to: Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
          if d < best {
            best = d
            bestArc = arc + t * length
          }
          arc += length
        }
        var coverage = min(1, hw + 0.5 - best)
        if let dash = path.dash {
          let period = dash.on + dash.off
          let raw = bestArc - dash.phase
          let s = raw - (raw / period).rounded(.down) * period
          coverage = s >= dash.on ? 0 : min(coverage, s + 0.5, dash.on - s + 0.5)
        }
        if coverage > 0 { alpha[y * w + x] = UInt32(min(255, coverage * Float(path.color >> 24))) }
      }
    }
    return alpha
  }

  @Test func dashedCurveMatchesTheReadableDefinition() {
    let curve = CubicBezier(Point(3, 4), Point(30, 4), Point(30, 40), Point(57, 40)).flattened(segments: 14)
    for (width, phase) in [(Float(1.5), Float(0)), (3, 6.3), (6.5, 11)] {
      let path = StrokedPath(points: curve, width: width, color: 0xFF08_77BD, dash: (10, 4, phase))
      var r = Raster(width: 60, height: 44, fill: 0)
      CurveRaster.stroke([path], into: &r)
      let expected = Self.reference(path, width: 60, height: 44)
      var worst: UInt32 = 0
      var mismatched = 0
      for i in expected.indices {
        let got = r.pixels[i] >> 24
        let diff = got > expected[i] ? got - expected[i] : expected[i] - got
        worst = max(worst, diff)
        // Dash ends may land one pixel apart where x·(1/period) and x/period round differently.
        if diff > 2 { mismatched += 1 }
      }
      #expect(mismatched <= 3, "width \(width): \(mismatched) pixels differ, worst by \(worst)")
    }
  }

  @Test func opaqueBackgroundBlendsWithoutChangingItsAlpha() {
    var r = Raster(width: 20, height: 10, fill: 0xFFFF_FFFF)
    CurveRaster.stroke([StrokedPath(points: [Point(0, 5.25), Point(20, 5.25)], width: 2, color: 0xFF08_77BD)], into: &r)
    #expect(r[10, 5] == 0xFF08_77BD)
    #expect(r.pixels.allSatisfy { $0 >> 24 == 0xFF })
    // Partly covered edge: between the line color and white.
    let edge = r[10, 6]
    #expect(edge != 0xFFFF_FFFF && edge != 0xFF08_77BD)
    #expect(CurveRaster.over(0xFFFF_FFFF, rgb: 0x08_77BD, alpha: 128) == 0xFF83_BADD)
  }
}
