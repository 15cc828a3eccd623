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
}
