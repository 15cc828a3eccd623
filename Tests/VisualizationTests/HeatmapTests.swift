import ImmediateUI
import Testing

@testable import Visualization

@Suite struct HeatmapTests {
  let orange = opaque(0xF59322)
  let blue = opaque(0x0877BD)
  let nearWhite = opaque(0xE8EAEB)

  /// A 4×4 grid: rows 0–1 (the top) +1, rows 2–3 (the bottom) −1.
  let topBlueBottomOrange: [Float] = [1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1, -1]

  @Test func rowZeroIsTheTopOfTheImage() {
    let image = Heatmap.binary(
      values: topBlueBottomOrange, gridSize: 4, outputWidth: 40, outputHeight: 40,
      discretize: false)
    #expect(image.width == 40 && image.height == 40)
    for x in [0, 17, 39] {
      #expect(image[x, 0] == blue)
      #expect(image[x, 39] == orange)
    }
    // The zero crossing is the middle line: bluish above it, orangish below.
    for y in 0..<40 {
      let c = channels(image[10, y])
      #expect(y < 20 ? c.b > c.r : c.r > c.b, "row \(y)")
    }
  }

  @Test func columnZeroIsTheLeftOfTheImage() {
    // Columns 0–1 −1, columns 2–3 +1, every row.
    let values: [Float] = (0..<16).map { $0 % 4 < 2 ? -1 : 1 }
    let image = Heatmap.binary(
      values: values, gridSize: 4, outputWidth: 30, outputHeight: 20,
      discretize: false)
    #expect(image[0, 10] == orange)
    #expect(image[29, 10] == blue)
  }

  @Test func bilinearResamplingPassesThroughIntermediateShades() {
    // A 2×2 grid from −1 (bottom) to +1 (top): pixel rows sweep the shades in order.
    let image = Heatmap.binary(
      values: [1, 1, -1, -1], gridSize: 2, outputWidth: 4, outputHeight: 62,
      discretize: false)
    let column = (0..<62).map { image[1, $0] }
    let indices = column.map { c in ColorScale.playground.shades.firstIndex(of: c) ?? -1 }
    #expect(!indices.contains(-1))
    #expect(zip(indices, indices.dropFirst()).allSatisfy { $0 >= $1 })  // top blue → bottom orange
    #expect(Set(indices).count > 25)
  }

  @Test func discretizeShowsOnlyTheSign() {
    let values: [Float] = [0.2, 0.2, 0.2, 0.2, 0, 0, 0, 0, -0.1, -0.1, -0.1, -0.1, -0.1, -0.1, -0.1, -0.1]
    let image = Heatmap.binary(
      values: values, gridSize: 4, outputWidth: 40, outputHeight: 40,
      discretize: true)
    #expect(image[5, 0] == blue)
    #expect(image[5, 39] == orange)
    #expect(Set(image.pixels) == [blue, orange])
    let shaded = Heatmap.binary(
      values: values, gridSize: 4, outputWidth: 40, outputHeight: 40,
      discretize: false)
    #expect(shaded[5, 0] != blue)
  }

  @Test func smoothUsesTheContinuousRampAndNaNIsNeutral() {
    let half = Heatmap.binary(
      values: [0.5, 0.5, 0.5, 0.5], gridSize: 2, outputWidth: 3, outputHeight: 3,
      discretize: false, smooth: true)
    #expect(half[1, 1] == opaque(0x78B1D4))
    let diverged = Heatmap.binary(
      values: [.nan, .nan, .nan, .nan], gridSize: 2, outputWidth: 3,
      outputHeight: 3, discretize: true)
    #expect(diverged[1, 1] == nearWhite)
  }

  @Test func opacityWashesTowardWhiteLikeThePlayground() {
    let image = Heatmap.binary(
      values: [-1], gridSize: 1, outputWidth: 2, outputHeight: 2, discretize: false,
      opacity: HeatmapStyle.playgroundOpacity)
    // 0xF59322 at 161/256 over white: (248, 187, 116).
    #expect(image[0, 0] == opaque(0xF8BB74))
  }

  @Test func multiClassColorsTheArgmaxClass() {
    // 2×2 grid, 3 classes; top row favours class 0, bottom row class 2.
    let top: [Float] = [0.8, 0.1, 0.1]
    let bottom: [Float] = [0.05, 0.05, 0.9]
    let probabilities = top + top + bottom + bottom
    let flat = Heatmap.multiClass(
      probabilities: probabilities, classCount: 3, gridSize: 2, outputWidth: 20,
      outputHeight: 20, discretize: true)
    #expect(flat[10, 0] == orange)
    #expect(flat[10, 19] == opaque(0xB2182B))
    #expect(Set(flat.pixels) == [orange, opaque(0xB2182B)])
  }

  @Test func multiClassIntensityFollowsTheWinningProbability() {
    let cell: [Float] = [0.1, 0.2, 0.0, 0.7]  // class 3 (purple) wins with 0.7 of 4 classes
    let probabilities = Array([[Float]](repeating: cell, count: 4).joined())
    let image = Heatmap.multiClass(
      probabilities: probabilities, classCount: 4, gridSize: 2, outputWidth: 4,
      outputHeight: 4, discretize: false)
    // t = (0.7 − 0.25)/0.75 = 0.6 → level ⌊0.6 · 16⌋ = 9 of 15.
    let expected = ColorMath.mix(ClassPalette.standard.neutral, ClassPalette.standard.hue(3), 9.0 / 15)
    #expect(image[2, 2] == expected.argb)
    let chance = [Float](repeating: 0.25, count: 16)
    let undecided = Heatmap.multiClass(
      probabilities: chance, classCount: 4, gridSize: 2, outputWidth: 4,
      outputHeight: 4, discretize: false)
    #expect(Set(undecided.pixels) == [nearWhite])
  }

  @Test func regressionUsesTheSequentialScaleOverItsRange() {
    let values: [Float] = [3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1]
    let image = Heatmap.regression(values: values, gridSize: 4, outputWidth: 8, outputHeight: 8, range: 1...3)
    #expect(image[4, 0] == opaque(0xFDE725))
    #expect(image[4, 7] == opaque(0x440154))
  }

  @Test func drawReusesTheRasterAndMatchesRender() {
    var raster = Raster(width: 40, height: 40, fill: 0)
    Heatmap.draw(.binary(topBlueBottomOrange), gridSize: 4, into: &raster, style: HeatmapStyle())
    let rendered = Heatmap.binary(
      values: topBlueBottomOrange, gridSize: 4, outputWidth: 40,
      outputHeight: 40, discretize: false)
    #expect(raster == rendered)
  }

  @Test func plotGridNamesWhereEachSampleSits() {
    let grid = PlotGrid(size: 3)  // cells 4 wide: centers at −4, 0, 4
    #expect(grid.x(column: 0) == -4 && grid.x(column: 2) == 4)
    #expect(grid.y(row: 0) == 4 && grid.y(row: 2) == -4)
    let inputs = grid.inputs()
    #expect(inputs.count == 18)
    #expect(Array(inputs[0..<4]) == [-4, 4, 0, 4])  // row 0 is the top, left to right
    #expect(Array(inputs[16..<18]) == [4, -4])
    let t = PlotTransform(width: 100, height: 50)
    #expect(t.pixel(x: -6, y: 6) == Point(0, 0))
    #expect(t.pixel(x: 6, y: -6) == Point(100, 50))
    let back = t.plotPoint(atPixel: Point(25, 12.5))
    #expect(back.x == -3 && back.y == 3)
  }
}

@Suite struct ResamplingTests {
  @Test func anImageTheGridsSizeShowsEachSampleInItsOwnPixel() {
    let values: [Float] = (0..<25).map { Float($0) / 12 - 1 }  // 5×5, −1 … +1
    let image = Heatmap.binary(
      values: values, gridSize: 5, outputWidth: 5, outputHeight: 5, discretize: false)
    for i in 0..<5 {
      for j in 0..<5 {
        #expect(image[j, i] == ColorScale.playground.color(for: values[i * 5 + j]).argb, "sample \(i), \(j)")
      }
    }
  }
}
