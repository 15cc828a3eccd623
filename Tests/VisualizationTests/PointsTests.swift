import ImmediateUI
import Testing

@testable import Visualization

@Suite struct PointsTests {
  let gray: UInt32 = 0xFF80_8080
  /// The plot point whose pixel is the center of pixel (50, 50) in a 100×100 image of −6…6.
  let center = (x: -6 + 50.5 * 0.12, y: 6 - 50.5 * 0.12)

  func drawOne(_ point: PlotPoint, classCount: Int = 2) -> Raster {
    var raster = Raster(width: 100, height: 100, fill: gray)
    PointsLayer.draw(into: &raster, points: [point], radius: 6, classCount: classCount, outlineWidth: 2)
    return raster
  }

  @Test func trainingPointIsFilledWithItsClassInsideAWhiteRing() {
    let image = drawOne(PlotPoint(x: center.x, y: center.y, classIndex: 0))
    #expect(image[50, 50] == opaque(0xF59322))
    #expect(image[52, 51] == opaque(0xF59322))  // distance √5 ≈ 2.2: inside the fill
    #expect(image[55, 50] == 0xFFFF_FFFF)  // distance 5: in the ring
    #expect(image[50, 45] == 0xFFFF_FFFF)
    #expect(image[58, 50] == gray)  // distance 8: outside
    #expect(image[50, 58] == gray)
  }

  @Test func testPointHasADarkRing() {
    let image = drawOne(PlotPoint(x: center.x, y: center.y, classIndex: 1, isTest: true))
    #expect(image[50, 50] == opaque(0x0877BD))
    #expect(image[55, 50] == 0xFF00_0000)
    #expect(image[45, 50] == 0xFF00_0000)
    #expect(image[58, 50] == gray)
  }

  @Test func pointsLandWherePlotTransformSays() {
    // A point at (3, −3) is at pixel (75, 75) in a 100×100 image: pixels (74…75, 74…75) covered.
    let image = drawOne(PlotPoint(x: 3, y: -3, classIndex: 1))
    #expect(image[74, 74] == opaque(0x0877BD))
    #expect(image[75, 75] == opaque(0x0877BD))
    #expect(image[25, 25] == gray)
  }

  @Test func classesBeyondTwoUseThePaletteAndRegressionTheScale() {
    #expect(
      drawOne(PlotPoint(x: center.x, y: center.y, classIndex: 2), classCount: 3)[50, 50] == opaque(0xB2182B))
    #expect(
      drawOne(PlotPoint(x: center.x, y: center.y, classIndex: 4), classCount: 5)[50, 50] == opaque(0x882255))
    let regression = PlotPoint(x: center.x, y: center.y, classIndex: -1, value: 1)
    #expect(drawOne(regression, classCount: 0)[50, 50] == opaque(0xFDE725))
    let low = PlotPoint(x: center.x, y: center.y, classIndex: -1, value: -1)
    #expect(drawOne(low, classCount: 0)[50, 50] == opaque(0x440154))
  }

  @Test func edgesAreAntiAliasedBlends() {
    let image = drawOne(PlotPoint(x: center.x, y: center.y, classIndex: 0))
    // Pixel (56, 50) is at distance 6, on the outer edge: half white, half gray.
    let c = channels(image[56, 50])
    #expect(c.r > 0x80 && c.r < 0xFF)
  }

  @Test func pointsOutsideTheImageAreClippedNotCrashing() {
    var raster = Raster(width: 20, height: 20, fill: gray)
    PointsLayer.draw(
      into: &raster,
      points: [
        PlotPoint(x: 6, y: 6, classIndex: 0), PlotPoint(x: 60, y: -60, classIndex: 1),
        PlotPoint(x: .nan, y: 0, classIndex: 1),
      ], radius: 3)
    #expect(raster[19, 0] == opaque(0xF59322))  // the corner point's quarter disc
    #expect(raster[10, 10] == gray)
  }

  @Test func boundaryImageLayersPointsOverTheHeatmapAndHidesTestPoints() {
    let values = [Float](repeating: -1, count: 16)  // all orange
    let points = [
      PlotPoint(x: -3, y: 3, classIndex: 1),  // pixel (50, 50) of 200
      PlotPoint(x: 3, y: -3, classIndex: 1, isTest: true),  // pixel (150, 150)
    ]
    let shown = BoundaryImage.render(
      values: values, gridSize: 4, points: points, size: 200,
      discretize: false, showTest: true)
    let hidden = BoundaryImage.render(
      values: values, gridSize: 4, points: points, size: 200,
      discretize: false, showTest: false)
    let background = opaque(0xF8BB74)  // orange at the playground's opacity
    #expect(shown[30, 100] == background)
    #expect(shown[50, 50] == opaque(0x0877BD))
    #expect(shown[150, 150] == opaque(0x0877BD))
    #expect(hidden[50, 50] == opaque(0x0877BD))
    #expect(hidden[150, 150] == background)
    // The frame and the center ticks.
    #expect(shown[0, 0] == BoundaryImage.frameColor)
    #expect(shown[100, 2] == BoundaryImage.frameColor)
    #expect(shown[2, 100] == BoundaryImage.frameColor)
    #expect(shown[70, 2] == background)
  }

  @Test func thumbnailShowsPointsOnALightBackground() {
    // (0.15, −0.15) is the center of pixel (20, 20) in a 40 px thumbnail of −6…6.
    let image = DatasetThumbnail.render(points: [PlotPoint(x: 0.15, y: -0.15, classIndex: 1)], size: 40)
    #expect(image[0, 0] == DatasetThumbnail.background)
    #expect(image[20, 20] == opaque(0x0877BD))
    #expect(image[20, 24] == DatasetThumbnail.background)
  }
}
