import ImmediateUI
import Testing

@testable import Visualization

@Suite struct ColorScaleTests {
  let scale = ColorScale.playground

  @Test func endpointsAndMiddleAreThePlaygroundColors() {
    #expect(scale.color(for: -1).argb == opaque(0xF59322))
    #expect(scale.color(for: 0).argb == opaque(0xE8EAEB))
    #expect(scale.color(for: 1).argb == opaque(0x0877BD))
    #expect(scale.continuousColor(for: -1).argb == opaque(0xF59322))
    #expect(scale.continuousColor(for: 0).argb == opaque(0xE8EAEB))
    #expect(scale.continuousColor(for: 1).argb == opaque(0x0877BD))
  }

  @Test func thirtyOneShadesInterpolatedAndRoundedLikeD3() {
    #expect(scale.shadeCount == 31)
    #expect(scale.shades[0] == opaque(0xF59322))
    #expect(scale.shades[15] == opaque(0xE8EAEB))
    #expect(scale.shades[30] == opaque(0x0877BD))
    // a = 1/30: orange → near-white at t = 1/15: (244.13, 152.8, 47.4) rounded.
    #expect(scale.shades[1] == opaque(0xF4992F))
    // a = 29/30: near-white → blue at t = 14/15: (22.93, 126.67, 192.07) rounded.
    #expect(scale.shades[29] == opaque(0x177FC0))
    #expect(Set(scale.shades).count == 31)
  }

  @Test func quantizeBucketsAreEqualWidthsOfTwoThirtyFirsts() {
    let edge: Float = -1 + 2.0 / 31
    #expect(scale.shadeIndex(for: edge - 1e-4) == 0)
    #expect(scale.shadeIndex(for: edge + 1e-4) == 1)
    #expect(scale.shadeIndex(for: 0) == 15)
    #expect(scale.shadeIndex(for: 0.999) == 30)
    #expect(scale.shadeIndex(for: 5) == 30)
    #expect(scale.shadeIndex(for: -5) == 0)
    #expect(scale.shadeIndex(for: .nan) == 15)
    // A fine sweep visits every shade once, in order.
    let sweep = (0...10_000).map { scale.shadeIndex(for: -1 + 2 * Float($0) / 10_000) }
    #expect(zip(sweep, sweep.dropFirst()).allSatisfy { $0 <= $1 })
    #expect(Set(sweep) == Set(0...30))
  }

  @Test func continuousScaleBlendsHalfway() {
    // Halfway from near-white (232, 234, 235) to blue (8, 119, 189): (120, 176.5, 212).
    #expect(scale.continuousColor(for: 0.5).argb == opaque(0x78B1D4))
    #expect(scale.continuousColor(for: .nan) == scale.neutral)
  }

  @Test func classPaletteStartsOrangeBlueAndBlendsFromNeutralAtChance() {
    let palette = ClassPalette.standard
    #expect(palette.hue(0).argb == opaque(0xF59322))
    #expect(palette.hue(1).argb == opaque(0x0877BD))
    #expect(palette.hue(2).argb == opaque(0xB2182B))
    #expect(palette.hue(3).argb == opaque(0x66CCEE))
    #expect(palette.hue(4).argb == opaque(0x882255))
    #expect(Set(palette.hues).count == 10)
    #expect(palette.color(classIndex: 2, probability: 1.0 / 3, classCount: 3) == palette.neutral)
    #expect(palette.color(classIndex: 2, probability: 1, classCount: 3).argb == opaque(0xB2182B))
    #expect(abs(ClassPalette.intensity(probability: 0.7, classCount: 3) - 0.55) < 1e-6)
    #expect(ClassPalette.intensity(probability: 0.1, classCount: 3) == 0)
    // Two classes reproduce the binary continuous scale: p = 0.75 blue is tanh output 0.5.
    #expect(palette.color(classIndex: 1, probability: 0.75, classCount: 2) == scale.continuousColor(for: 0.5))
  }

  @Test func sequentialScaleRunsViridisWithGrayForNaN() {
    let viridis = SequentialScale.viridis
    #expect(viridis.color(atFraction: 0).argb == opaque(0x440154))
    #expect(viridis.color(atFraction: 1).argb == opaque(0xFDE725))
    #expect(viridis.color(atFraction: 0.5).argb == opaque(0x21918C))
    #expect(viridis.color(for: 3, in: 1...3).argb == opaque(0xFDE725))
    #expect(viridis.color(atFraction: .nan).argb == opaque(0x9E9E9E))
  }

  @Test func legendRunsLowToHighAndTicksAreRound() {
    let bar = Legend.render(scale, width: 62, height: 4)
    #expect(bar[0, 2] == opaque(0xF59322))
    #expect(bar[61, 2] == opaque(0x0877BD))
    let vertical = Legend.render(SequentialScale.viridis, width: 3, height: 20, vertical: true)
    #expect(vertical[1, 0] == opaque(0xFDE725))
    #expect(vertical[1, 19] == opaque(0x440154))
    let ticks = Legend.ticks(in: 0...1, approximateCount: 5)
    #expect(ticks.count == 6)
    #expect(zip(ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]).allSatisfy { abs($0 - $1) < 1e-5 })
    #expect(Legend.ticks(in: -6...6, approximateCount: 2) == [-5, 0, 5])
  }
}

/// Filters drawn so their structure shows: crisp blocks, symmetric per-filter scale, white zero.
@Suite struct FilterImageTests {
  @Test func blocksAreCrispAndTheScaleIsSymmetricPerFilter() {
    // A horizontal stripe: row 2 positive, row 3 its negation, the rest zero; tiny overall scale.
    var w = [Float](repeating: 0, count: 25)
    for x in 0..<5 {
      w[10 + x] = 0.002
      w[15 + x] = -0.002
    }
    let r = FilterImage.raster(w, side: 5, scale: 4)
    #expect(r.width == 20 && r.height == 20)
    let blue = ColorScale.blue.argb
    let orange = ColorScale.orange.argb
    let white = Color(rgb: 0xFFFFFF).argb
    // Every pixel of a weight's 4×4 block has the weight's colour (nearest neighbour, no blending).
    for y in 0..<20 {
      for x in 0..<20 {
        let expected = y / 4 == 2 ? blue : (y / 4 == 3 ? orange : white)
        #expect(r.pixels[y * 20 + x] == expected, "pixel \(x),\(y)")
      }
    }
    // Half the largest |w| is half-way to full colour, on both sides alike.
    let half = FilterImage.raster([0.5, -0.5, 1, 0], side: 2, scale: 1)
    #expect(half.pixels[0] == FilterImage.scale.continuousColor(for: 0.5).argb)
    #expect(half.pixels[1] == FilterImage.scale.continuousColor(for: -0.5).argb)
    #expect(half.pixels[3] == white)
  }
}
