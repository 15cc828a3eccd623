import ImmediateUI
import Testing

@testable import Visualization

@Suite struct NeuronTileTests {
  @Test func scalingRules() {
    #expect(NeuronTile.normalized([0, 2, -4, 1], scaling: .maxAbsolute) == [0, 0.5, -1, 0.25])
    #expect(NeuronTile.normalized([0, 0, 0, 0], scaling: .maxAbsolute) == [0, 0, 0, 0])
    #expect(NeuronTile.normalized([0, 0.5, 1], scaling: .sigmoid) == [-1, 0, 1])
    #expect(NeuronTile.normalized([0.3, -2], scaling: .identity) == [0.3, -2])
    let withInfinity = NeuronTile.normalized([2, .infinity, -1], scaling: .maxAbsolute)
    #expect(withInfinity == [1, 1, -0.5])
  }

  @Test func tileUsesTheScalingRule() {
    // ReLU-like outputs: the top half 3, the bottom half −1.5 (a linear unit).
    let values: [Float] = (0..<16).map { $0 < 8 ? 3 : -1.5 }
    let tile = NeuronTile.render(values: values, size: 30, scaling: .maxAbsolute)
    #expect(tile.width == 30 && tile.height == 30)
    #expect(tile[15, 0] == opaque(0x0877BD))  // 3 / 3 = +1
    // −1.5 / 3 = −0.5: shade ⌊15.5 · 0.5⌋ = 7, not the full orange that clamping would give.
    #expect(tile[15, 29] == ColorScale.playground.shades[7])
    let unscaled = NeuronTile.render(values: values, size: 30)
    #expect(unscaled[15, 29] == opaque(0xF59322))
  }

  @Test func sigmoidHalfIsNeutral() {
    let tile = NeuronTile.render(values: [Float](repeating: 0.5, count: 9), size: 6, scaling: .sigmoid)
    #expect(Set(tile.pixels) == [opaque(0xE8EAEB)])
  }
}

@Suite struct LayerWarpTests {
  let rect = Rect(x: 0, y: 0, width: 100, height: 100)

  @Test func gridSamplesRunVerticalLinesThenHorizontal() {
    let s = LayerWarp.gridSamples(lineCount: 3, samplesPerLine: 2)
    #expect(s.count == 24)
    #expect(Array(s[0..<4]) == [-6, -6, -6, 6])  // line 0: x1 = −6, bottom to top
    #expect(Array(s[12..<16]) == [-6, -6, 6, -6])  // line 3: x2 = −6, left to right
  }

  @Test func identityMapFillsTheRectWithX2Upward() {
    let plane = LayerWarp.warp(
      lineCount: 13, samplesPerLine: 5,
      points: [PlotPoint(x: 6, y: 6, classIndex: 0), PlotPoint(x: -6, y: 0, classIndex: 1)], in: rect
    ) { x, y in (Float(x), Float(y)) }
    #expect(plane.gridLines.count == 26)
    #expect(plane.gridLines.allSatisfy { $0.count == 5 })
    #expect(plane.gridLines[0].first == Point(0, 100))  // (−6, −6): bottom-left
    #expect(plane.gridLines[0].last == Point(0, 0))  // (−6, 6): top-left
    #expect(plane.gridLines[13].last == Point(100, 100))  // (6, −6): bottom-right
    #expect(plane.points == [Point(100, 0), Point(0, 50)])
  }

  @Test func preserveAspectSharesOneScale() {
    let stretched = LayerWarp.warp(
      lineCount: 3, samplesPerLine: 3, points: [], in: rect,
      preserveAspect: true
    ) { x, y in (Float(2 * x), Float(y)) }
    let ys = stretched.gridLines.flatMap { $0 }.map(\.y)
    #expect(ys.min() == 25 && ys.max() == 75)
    let free = LayerWarp.warp(lineCount: 3, samplesPerLine: 3, points: [], in: rect) { x, y in
      (Float(2 * x), Float(y))
    }
    #expect(free.gridLines.flatMap { $0 }.map(\.y).max() == 100)
  }

  @Test func nonFiniteValuesBreakLinesAndCenterPoints() {
    let plane = LayerWarp.warp(
      lineCount: 3, samplesPerLine: 5,
      points: [PlotPoint(x: 0, y: 0, classIndex: 0)], in: rect
    ) { x, y in x == 0 && y == 0 ? (.nan, .nan) : (Float(x), Float(y)) }
    // The middle vertical and the middle horizontal line each split in two around (0, 0).
    #expect(plane.gridLines.count == 8)
    #expect(plane.points == [Point(50, 50)])
  }
}
