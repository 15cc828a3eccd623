import ImmediateUI
import Testing

@testable import Visualization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders the module's pictures from synthetic data. The checks are coarse (sizes, colors
/// present, determinism); set VIS_SNAPSHOT_DIR to also write PPM files for a human to look at.
@Suite struct SnapshotTests {
  /// The playground's circle set: 250 blue inside r < 2.5, 250 orange in the ring 3.5…5; every
  /// other point a test point.
  static func circlePoints() -> [PlotPoint] {
    var rng = TestRandom(state: 7)
    return (0..<500).map { i in
      let inside = i < 250
      let r = inside ? rng.next() * 2.5 : 3.5 + rng.next() * 1.5
      let angle = rng.next() * 2 * Double.pi
      return PlotPoint(x: r * cos(angle), y: r * sin(angle), classIndex: inside ? 1 : 0, isTest: i % 2 == 1)
    }
  }

  /// A plausible trained output for the circle set: +1 inside radius 3, −1 outside.
  static func circleField(_ n: Int) -> [Float] {
    let grid = PlotGrid(size: n)
    var values = [Float](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        let r = (grid.x(column: j) * grid.x(column: j) + grid.y(row: i) * grid.y(row: i)).squareRoot()
        values[i * n + j] = Float(tanh(1.5 * (3 - r)))
      }
    }
    return values
  }

  @Test func binaryBoundary() {
    let image = BoundaryImage.render(
      values: Self.circleField(100), gridSize: 100, points: Self.circlePoints(),
      size: 600, discretize: false, showTest: true)
    #expect(image.width == 600)
    #expect(image.pixels.contains(opaque(0xF59322)) && image.pixels.contains(opaque(0x0877BD)))
    let again = BoundaryImage.render(
      values: Self.circleField(100), gridSize: 100,
      points: Self.circlePoints(), size: 600, discretize: false, showTest: true)
    #expect(again == image)
    writeSnapshot(image, name: "boundary-binary")
    writeSnapshot(
      BoundaryImage.render(
        values: Self.circleField(100), gridSize: 100,
        points: Self.circlePoints(), size: 600, discretize: true, showTest: false), name: "boundary-discrete")
  }

  @Test func multiClassBoundary() {
    let centers = [(0.0, 3.0), (-2.6, -1.5), (2.6, -1.5)]
    var rng = TestRandom(state: 11)
    let points = (0..<450).map { i -> PlotPoint in
      let c = centers[i % 3]
      return PlotPoint(
        x: c.0 + (rng.next() - 0.5) * 3.5, y: c.1 + (rng.next() - 0.5) * 3.5, classIndex: i % 3,
        isTest: i % 5 == 0)
    }
    let n = 100
    let grid = PlotGrid(size: n)
    var probabilities = [Float](repeating: 0, count: n * n * 3)
    for i in 0..<n {
      for j in 0..<n {
        let scores = centers.map { c in
          exp(
            -0.35
              * ((grid.x(column: j) - c.0) * (grid.x(column: j) - c.0) + (grid.y(row: i) - c.1)
                * (grid.y(row: i) - c.1))
          )
        }
        let total = scores.reduce(0, +) + 1e-12
        for c in 0..<3 { probabilities[(i * n + j) * 3 + c] = Float(scores[c] / total) }
      }
    }
    let image = BoundaryImage.render(
      probabilities: probabilities, classCount: 3, gridSize: n, points: points,
      size: 600, discretize: false, showTest: true)
    #expect(image.pixels.contains(opaque(0xB2182B)))
    writeSnapshot(image, name: "boundary-multiclass")
  }

  @Test func regressionBoundary() {
    let n = 100
    let grid = PlotGrid(size: n)
    var values = [Float](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { values[i * n + j] = Float((grid.x(column: j) + grid.y(row: i)) / 10) } }
    var rng = TestRandom(state: 3)
    let points = (0..<300).map { _ -> PlotPoint in
      let x = rng.next() * 12 - 6
      let y = rng.next() * 12 - 6
      return PlotPoint(x: x, y: y, classIndex: -1, value: (x + y) / 10)
    }
    let image = BoundaryImage.render(
      .regression(values, range: -1.2...1.2), gridSize: n, points: points,
      size: 400, discretize: false, showTest: true)
    #expect(image.pixels.contains(BoundaryImage.frameColor))
    writeSnapshot(image, name: "boundary-regression")
  }

  @Test func tilesThumbnailsAndLegends() {
    let field = Self.circleField(100)
    let tile = NeuronTile.render(values: field, size: 40)
    #expect(tile.width == 40)
    writeSnapshot(tile, name: "tile-40")
    let relu = field.map { max(0, $0 * 4) }
    writeSnapshot(NeuronTile.render(values: relu, size: 120, scaling: .maxAbsolute), name: "tile-relu-120")
    let thumbnail = DatasetThumbnail.render(points: Self.circlePoints(), size: 64)
    #expect(thumbnail.pixels.contains(opaque(0x0877BD)))
    writeSnapshot(thumbnail, name: "thumbnail-64")
    writeSnapshot(Legend.render(ColorScale.playground, width: 300, height: 24), name: "legend-diverging")
    writeSnapshot(Legend.render(SequentialScale.viridis, width: 300, height: 24), name: "legend-viridis")
  }

  @Test func warpedPlane() {
    let points = Self.circlePoints()
    let plane = LayerWarp.warp(points: points, in: Rect(x: 10, y: 10, width: 380, height: 380)) { x, y in
      (Float(tanh(0.5 * x + 0.3 * y)), Float(tanh(0.6 * (x * x + y * y) / 6 - 1)))
    }
    var raster = Raster(width: 400, height: 400, fill: 0xFFFF_FFFF)
    for line in plane.gridLines {
      for (a, b) in zip(line, line.dropFirst()) { strokeLine(&raster, a, b, color: 0xFFB0_B4B8) }
    }
    for (p, point) in zip(plane.points, points) {
      PointsLayer.disc(
        into: &raster, center: p, radius: 3, ringWidth: 1,
        fill: PointsLayer.color(of: point).argb, ring: 0xFFFF_FFFF)
    }
    #expect(plane.points.count == points.count)
    writeSnapshot(raster, name: "layer-warp")
  }

  /// A 1-pixel line by uniform steps (test-only; the UI strokes polylines itself).
  func strokeLine(_ raster: inout Raster, _ a: Point, _ b: Point, color: UInt32) {
    let steps = Int(max(abs(b.x - a.x), abs(b.y - a.y)).rounded(.up)) + 1
    for s in 0...steps {
      let t = Float(s) / Float(steps)
      let x = Int(a.x + (b.x - a.x) * t)
      let y = Int(a.y + (b.y - a.y) * t)
      if x >= 0, y >= 0, x < raster.width, y < raster.height { raster[x, y] = color }
    }
  }
}
