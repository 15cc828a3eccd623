import ImmediateUI

/// A network's output sampled on a `PlotGrid` (n × n, row 0 at the top, row-major).
public enum OutputField: Equatable, Sendable {
  /// One value per sample in [−1, 1] (tanh output: −1 is class 0, +1 is class 1).
  case binary([Float])
  /// `classCount` probabilities per sample, point-major: [p₀(s₀), p₁(s₀), …, p₀(s₁), …].
  case multiClass(probabilities: [Float], classCount: Int)
  /// One predicted value per sample, colored on the sequential scale over `range`.
  case regression([Float], range: ClosedRange<Float>)
}

/// How a heatmap turns values into colors.
public struct HeatmapStyle: Equatable, Sendable {
  /// Binary: the sign only (v ≥ 0 is +1, as the playground); multi-class: the full class color.
  public var discretize: Bool
  /// A continuous ramp instead of the playground's 31 shades (16 levels per class).
  public var smooth: Bool
  /// Colors are laid over white at this opacity; the playground paints its canvas at 160/255.
  public var opacity: Float

  public init(discretize: Bool = false, smooth: Bool = false, opacity: Float = 1) {
    self.discretize = discretize
    self.smooth = smooth
    self.opacity = opacity
  }

  /// The playground's washed-out background (alpha 160 over white), so points stand out on it.
  public static let playgroundOpacity: Float = 160 / 255
}

/// Output heatmaps: an n × n grid bilinearly resampled to any pixel size and colored.
///
/// Grid sample (i, j) sits at the plot point `PlotGrid` names; pixel (px, py) is colored by the
/// value interpolated at its center, so the image's edges are the domain's edges and points drawn
/// with `PlotTransform` land where the network was evaluated. Discretizing after interpolation
/// gives a smooth boundary line rather than grid-cell stairs.
public enum Heatmap {
  /// A binary classifier's output (values in [−1, 1]) as an image.
  public static func binary(
    values: [Float], gridSize n: Int, outputWidth: Int, outputHeight: Int, discretize: Bool,
    smooth: Bool = false, opacity: Float = 1
  ) -> Raster {
    var raster = Raster(width: outputWidth, height: outputHeight)
    draw(
      .binary(values), gridSize: n, into: &raster,
      style: HeatmapStyle(discretize: discretize, smooth: smooth, opacity: opacity))
    return raster
  }

  /// A k-class classifier's output: each pixel takes its most probable class's color, blended
  /// from near-white at probability 1/k to the full hue at 1 (full hue when `discretize`).
  public static func multiClass(
    probabilities: [Float], classCount k: Int, gridSize n: Int, outputWidth: Int, outputHeight: Int,
    discretize: Bool, smooth: Bool = false, opacity: Float = 1
  ) -> Raster {
    var raster = Raster(width: outputWidth, height: outputHeight)
    draw(
      .multiClass(probabilities: probabilities, classCount: k), gridSize: n, into: &raster,
      style: HeatmapStyle(discretize: discretize, smooth: smooth, opacity: opacity))
    return raster
  }

  /// A regression output on the sequential scale over `range` (31 bands, or smooth).
  public static func regression(
    values: [Float], gridSize n: Int, outputWidth: Int, outputHeight: Int,
    range: ClosedRange<Float> = -1...1, smooth: Bool = false, opacity: Float = 1
  ) -> Raster {
    var raster = Raster(width: outputWidth, height: outputHeight)
    draw(
      .regression(values, range: range), gridSize: n, into: &raster,
      style: HeatmapStyle(smooth: smooth, opacity: opacity))
    return raster
  }

  /// Paints `field` over the whole of `raster`, reusing its storage (the per-frame path).
  public static func draw(
    _ field: OutputField, gridSize n: Int, into raster: inout Raster, style: HeatmapStyle,
    scale: ColorScale = .playground, palette: ClassPalette = .standard,
    sequential: SequentialScale = .viridis
  ) {
    switch field {
    case .binary(let values):
      precondition(values.count == n * n, "a binary field has n·n values")
      let lookup = scale.lookup(smooth: style.smooth, discretize: style.discretize)
      paintScalar(values, n: n, lookup: lookup.overWhite(opacity: style.opacity), into: &raster)
    case .regression(let values, let range):
      precondition(values.count == n * n, "a regression field has n·n values")
      let lookup = sequential.lookup(range: range, smooth: style.smooth)
      paintScalar(values, n: n, lookup: lookup.overWhite(opacity: style.opacity), into: &raster)
    case .multiClass(let probabilities, let k):
      precondition(k >= 2 && probabilities.count == n * n * k, "a k-class field has n·n·k values")
      paintClasses(probabilities, n: n, classCount: k, style: style, palette: palette, into: &raster)
    }
  }

  /// Bilinear resampling of one value per sample, then a table lookup per pixel.
  ///
  /// Readable version of the inner loop:
  ///
  ///     for py, px: v = bilinear(grid, at: pixel center); out[py][px] = lookup.color(v)
  static func paintScalar(_ grid: [Float], n: Int, lookup: ColorLookup, into raster: inout Raster) {
    let w = raster.width
    let h = raster.height
    let cols = ResampleAxis(pixels: w, samples: n)
    let rows = ResampleAxis(pixels: h, samples: n)
    var row = [Float](repeating: 0, count: n)
    let (scale, offset) = lookup.affine
    let count = lookup.colors.count
    let top = Float(count)
    let nan = lookup.nanColor
    grid.withUnsafeBufferPointer { g in
      lookup.colors.withUnsafeBufferPointer { lut in
        row.withUnsafeMutableBufferPointer { r in
          raster.pixels.withUnsafeMutableBufferPointer { out in
            for py in 0..<h {
              // Interpolate the two grid rows around this pixel row once, then along x per pixel.
              // a·(1 − f) + b·f (not a + (b − a)·f) so f = 0 and f = 1 return a sample exactly.
              let a = rows.index[py] * n
              let b = a + rows.step * n
              let fy = rows.fraction[py]
              let gy = 1 - fy
              for j in 0..<n { r[j] = g[a + j] * gy + g[b + j] * fy }
              let base = py * w
              for px in 0..<w {
                let j = cols.index[px]
                let fx = cols.fraction[px]
                let v = r[j] * (1 - fx) + r[j + cols.step] * fx
                let f = v * scale + offset
                if f.isNaN {
                  out[base + px] = nan
                } else {
                  out[base + px] = lut[f <= 0 ? 0 : (f >= top ? count - 1 : Int(f))]
                }
              }
            }
          }
        }
      }
    }
  }

  /// Bilinear resampling of k probabilities per sample, argmax, then the winner's shade.
  ///
  /// Readable version: p = bilinear(probabilities, at: pixel center) (k values);
  /// c = argmax p (first on ties); t = (p[c] − 1/k)/(1 − 1/k); color = table[c][level(t)].
  static func paintClasses(
    _ grid: [Float], n: Int, classCount k: Int, style: HeatmapStyle, palette: ClassPalette,
    into raster: inout Raster
  ) {
    let w = raster.width
    let h = raster.height
    let cols = ResampleAxis(pixels: w, samples: n)
    let rows = ResampleAxis(pixels: h, samples: n)
    let levels = ClassPalette.levelCount(smooth: style.smooth, discretize: style.discretize)
    let table = palette.lookup(classCount: k, smooth: style.smooth, discretize: style.discretize)
      .map { ColorMath.overWhite($0, opacity: style.opacity) }
    let nan = ColorMath.overWhite(palette.neutral.argb, opacity: style.opacity)
    // level = t · scale + offset, with t = (p − chance)/(1 − chance) folded into one affine map.
    let chance = 1 / Float(k)
    let levelScale: Float = style.smooth ? Float(levels - 1) : Float(levels)
    let scale = levelScale / (1 - chance)
    let offset = (style.smooth ? 0.5 : 0) - chance * scale
    let top = Float(levels)
    var row = [Float](repeating: 0, count: n * k)
    grid.withUnsafeBufferPointer { g in
      table.withUnsafeBufferPointer { lut in
        row.withUnsafeMutableBufferPointer { r in
          raster.pixels.withUnsafeMutableBufferPointer { out in
            for py in 0..<h {
              let a = rows.index[py] * n * k
              let b = a + rows.step * n * k
              let fy = rows.fraction[py]
              let gy = 1 - fy
              for e in 0..<(n * k) { r[e] = g[a + e] * gy + g[b + e] * fy }
              let base = py * w
              for px in 0..<w {
                let s0 = cols.index[px] * k
                let s1 = s0 + cols.step * k
                let fx = cols.fraction[px]
                let gx = 1 - fx
                var best = r[s0] * gx + r[s1] * fx
                var winner = 0
                for c in 1..<k {
                  let p = r[s0 + c] * gx + r[s1 + c] * fx
                  if p > best || best.isNaN {
                    best = p
                    winner = c
                  }
                }
                let f = best * scale + offset
                if f.isNaN {
                  out[base + px] = nan
                } else {
                  let level = f <= 0 ? 0 : (f >= top ? levels - 1 : Int(f))
                  out[base + px] = lut[winner * levels + (style.discretize ? 0 : level)]
                }
              }
            }
          }
        }
      }
    }
  }
}
