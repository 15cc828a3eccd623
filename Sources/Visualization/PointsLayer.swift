import ImmediateUI

/// One data point to plot. Defined here (not taken from Datasets) so pictures need only numbers.
public struct PlotPoint: Equatable, Sendable {
  public var x: Double
  public var y: Double
  /// The class (0 orange, 1 blue, 2… the class palette), or −1 for a regression point.
  public var classIndex: Int
  /// The regression target (ignored for classes).
  public var value: Double
  /// Test points are drawn with a dark outline, training points with a white one.
  public var isTest: Bool

  public init(x: Double, y: Double, classIndex: Int, value: Double = 0, isTest: Bool = false) {
    self.x = x
    self.y = y
    self.classIndex = classIndex
    self.value = value
    self.isTest = isTest
  }
}

/// Which points a drawing call paints.
public enum PointSubset: Equatable, Sendable {
  case all
  case training
  case test

  /// Whether `point` belongs to this subset.
  public func contains(_ point: PlotPoint) -> Bool {
    switch self {
    case .all: true
    case .training: !point.isTest
    case .test: point.isTest
    }
  }
}

/// Data points as anti-aliased discs over a heatmap, as in the playground: training points are
/// filled with their class color inside a white ring, test points inside a black ring.
public enum PointsLayer {
  /// The ring around a training point.
  public static let trainOutline: UInt32 = 0xFFFF_FFFF
  /// The ring around a test point (the playground strokes test points black).
  public static let testOutline: UInt32 = 0xFF00_0000

  /// Draws `points` (in order; only those in `subset`) into `raster`, whose edges are `domain`'s edges on both axes.
  ///
  /// - radius: the disc's outer radius in pixels, ring included.
  /// - classCount: 2 for binary (orange, blue), 3+ for the class palette, 0 for regression (every
  ///   point colored by `value` on `sequential` over `valueRange`); a point with class −1 is always
  ///   colored by value.
  /// - outlineWidth: the ring's width; nil picks max(1, 0.22 · radius). 0 draws plain discs.
  public static func draw(
    into raster: inout Raster, points: [PlotPoint], domain: ClosedRange<Double> = -6...6,
    radius: Float, classCount: Int = 2, outlineWidth: Float? = nil,
    valueRange: ClosedRange<Float> = -1...1, palette: ClassPalette = .standard,
    sequential: SequentialScale = .viridis, subset: PointSubset = .all
  ) {
    let transform = PlotTransform(domain: domain, width: Float(raster.width), height: Float(raster.height))
    let ring = outlineWidth ?? max(1, 0.22 * radius)
    for point in points where subset.contains(point) {
      let fill = color(
        of: point, classCount: classCount, valueRange: valueRange,
        palette: palette, sequential: sequential)
      disc(
        into: &raster, center: transform.pixel(x: point.x, y: point.y), radius: radius,
        ringWidth: ring, fill: fill.argb, ring: point.isTest ? testOutline : trainOutline)
    }
  }

  /// The fill color of a point: its class hue, or its value on the sequential scale.
  public static func color(
    of point: PlotPoint, classCount: Int = 2, valueRange: ClosedRange<Float> = -1...1,
    palette: ClassPalette = .standard, sequential: SequentialScale = .viridis
  ) -> Color {
    if classCount == 0 || point.classIndex < 0 {
      return sequential.color(for: Float(point.value), in: valueRange)
    }
    return palette.hue(point.classIndex)
  }

  /// One anti-aliased disc: `fill` inside radius − ringWidth, `ring` out to `radius`.
  ///
  /// Per pixel at distance d from the center: outer coverage clamp(r + ½ − d), inner coverage
  /// clamp(r − ringWidth + ½ − d); color = mix(ring, fill, inner); pixel = mix(pixel, color, outer).
  /// Pixels whose center is at least ½ inside an edge are exact colors, not blends.
  public static func disc(
    into raster: inout Raster, center: Point, radius r: Float, ringWidth: Float, fill: UInt32,
    ring: UInt32
  ) {
    guard center.x.isFinite, center.y.isFinite, r > 0 else { return }
    let inner = r - ringWidth
    let x0 = max(0, Int((center.x - r - 1).rounded(.down)))
    let x1 = min(raster.width - 1, Int((center.x + r + 1).rounded(.up)))
    let y0 = max(0, Int((center.y - r - 1).rounded(.down)))
    let y1 = min(raster.height - 1, Int((center.y + r + 1).rounded(.up)))
    guard x0 <= x1, y0 <= y1 else { return }
    let w = raster.width
    raster.pixels.withUnsafeMutableBufferPointer { out in
      for py in y0...y1 {
        let dy = Float(py) + 0.5 - center.y
        for px in x0...x1 {
          let dx = Float(px) + 0.5 - center.x
          let d = (dx * dx + dy * dy).squareRoot()
          let outer = coverage(r + 0.5 - d)
          if outer == 0 { continue }
          let color = ringWidth > 0 ? ColorMath.blend(ring, fill, weight: coverage(inner + 0.5 - d)) : fill
          out[py * w + px] = ColorMath.blend(out[py * w + px], color, weight: outer)
        }
      }
    }
  }

  /// A coverage fraction as a blend weight 0…256.
  @inline(__always) static func coverage(_ c: Float) -> UInt32 {
    c <= 0 ? 0 : (c >= 1 ? 256 : UInt32(c * 256))
  }
}
