import ImmediateUI

/// Where the n × n samples of a heatmap sit in the plane (the same points as PlaygroundCore's
/// `InputGrid`).
///
/// Orientation, used by every grid in this module: row 0 is the TOP of the plot (y near +6) and
/// column 0 the LEFT (x near −6); values are stored row-major (index i·n + j). Each sample sits at
/// the center of its cell, so an n × n image shows sample (i, j) exactly in pixel (j, i):
///
///     x(column j) = lo + (j + ½) · (hi − lo) / n
///     y(row i)    = hi − (i + ½) · (hi − lo) / n
public struct PlotGrid: Equatable, Sendable {
  /// Samples per side (n ≥ 1).
  public var size: Int
  /// The square's extent on both axes.
  public var domain: ClosedRange<Double>

  public init(size: Int = 100, domain: ClosedRange<Double> = -6...6) {
    precondition(size >= 1, "a grid has at least one sample per side")
    self.size = size
    self.domain = domain
  }

  /// The x coordinate of column `j` (column 0 is at the left).
  public func x(column j: Int) -> Double {
    domain.lowerBound + (Double(j) + 0.5) * span / Double(size)
  }

  /// The y coordinate of row `i` (row 0 is at the top).
  public func y(row i: Int) -> Double {
    domain.upperBound - (Double(i) + 0.5) * span / Double(size)
  }

  /// Every sample's (x, y) interleaved, row-major: [x₀₀, y₀₀, x₀₁, y₀₁, …], the batch a network
  /// evaluates to produce a heatmap's values in the right order.
  public func inputs() -> [Float] {
    var out = [Float](repeating: 0, count: size * size * 2)
    for i in 0..<size {
      let y = Float(self.y(row: i))
      for j in 0..<size {
        out[(i * size + j) * 2] = Float(x(column: j))
        out[(i * size + j) * 2 + 1] = y
      }
    }
    return out
  }

  private var span: Double { domain.upperBound - domain.lowerBound }
}

/// Maps plot coordinates to the pixels of a `width × height` image whose edges are the domain's
/// edges; data y grows upward, pixel y downward. Pixel (px, py) covers [px, px + 1) × [py, py + 1),
/// so its center is at px + 0.5.
public struct PlotTransform: Equatable, Sendable {
  public var domain: ClosedRange<Double>
  public var width: Float
  public var height: Float

  public init(domain: ClosedRange<Double> = -6...6, width: Float, height: Float) {
    self.domain = domain
    self.width = width
    self.height = height
  }

  /// The pixel position of a plot point: x = (x − lo)/(hi − lo)·w, y = (hi − y)/(hi − lo)·h.
  public func pixel(x: Double, y: Double) -> Point {
    let span = domain.upperBound - domain.lowerBound
    return Point(
      Float((x - domain.lowerBound) / span) * width, Float((domain.upperBound - y) / span) * height)
  }

  /// The plot point under a pixel position (the inverse of `pixel(x:y:)`), e.g. where a click adds
  /// a point.
  public func plotPoint(atPixel p: Point) -> (x: Double, y: Double) {
    let span = domain.upperBound - domain.lowerBound
    return (
      domain.lowerBound + Double(p.x / width) * span, domain.upperBound - Double(p.y / height) * span
    )
  }
}

/// For each output pixel along one axis: the grid sample before it and the fraction toward the
/// next, for bilinear resampling of a cell-centered grid (`PlotGrid`) onto pixels that span the
/// same domain. Beyond the outermost sample centers (the outer half cells) the edge value holds.
struct ResampleAxis {
  /// Index of the sample at or before each pixel center.
  var index: [Int]
  /// Fraction of the way to sample index + step.
  var fraction: [Float]
  /// 1, or 0 when the grid has a single sample.
  var step: Int

  /// Pixel center p + ½ lies at grid coordinate u = (p + ½) · n / pixels − ½ (sample j at u = j).
  init(pixels: Int, samples n: Int) {
    step = n > 1 ? 1 : 0
    index = [Int](repeating: 0, count: pixels)
    fraction = [Float](repeating: 0, count: pixels)
    guard n > 1 else { return }
    let k = Float(n) / Float(pixels)
    for p in 0..<pixels {
      let u = (Float(p) + 0.5) * k - 0.5
      guard u > 0 else { continue }
      let i = min(n - 2, Int(u))
      index[p] = i
      fraction[p] = min(1, u - Float(i))
    }
  }
}
