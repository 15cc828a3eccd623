import ImmediateUI

/// A plane's grid and points after a layer has mapped them, in screen coordinates.
public struct WarpedPlane: Equatable, Sendable {
  /// The input grid's lines after the mapping (a line breaks where the mapping is not finite).
  public var gridLines: [[Point]]
  /// The data points after the mapping, in their input order (not finite → the rect's center).
  public var points: [Point]
}

/// ConvNetJS's 2-D demo view of how a hidden layer warps the input plane: a grid of lines in
/// (x1, x2) is mapped through the network to two chosen neurons (h_a, h_b) of a layer, and the
/// bent grid is drawn with the data points carried along. Linear layers shear the grid; tanh and
/// ReLU fold it until the classes become separable by a straight line.
///
/// Pure: the caller evaluates the network at `gridSamples` (and at the points) and passes the
/// mapped pairs in; this module only lays them out.
public enum LayerWarp {
  /// The grid's sample positions, interleaved [x1, x2, x1, x2, …]. Lines 0..<lineCount are
  /// vertical (x1 = lo + (hi − lo)·l/(lineCount − 1), x2 running bottom to top), the next
  /// lineCount horizontal (x2 fixed, x1 left to right), `samplesPerLine` samples each.
  public static func gridSamples(
    lineCount: Int = 13, samplesPerLine: Int = 49, domain: ClosedRange<Double> = -6...6
  ) -> [Float] {
    precondition(lineCount >= 2 && samplesPerLine >= 2, "a grid needs two lines of two samples")
    let lo = domain.lowerBound
    let span = domain.upperBound - domain.lowerBound
    var out: [Float] = []
    out.reserveCapacity(2 * lineCount * samplesPerLine * 2)
    for vertical in [true, false] {
      for l in 0..<lineCount {
        let fixed = Float(lo + span * Double(l) / Double(lineCount - 1))
        for s in 0..<samplesPerLine {
          let moving = Float(lo + span * Double(s) / Double(samplesPerLine - 1))
          out += vertical ? [fixed, moving] : [moving, fixed]
        }
      }
    }
    return out
  }

  /// Lays out mapped coordinates in `rect`: the bounding box of every finite mapped value
  /// (grid and points) is stretched to fill `rect` inset by `margin`, h_a to the right and h_b
  /// upward. With `preserveAspect` both axes share one scale (true shapes, centered); a flat
  /// axis (e.g. a dead ReLU) sits in the middle.
  ///
  /// - mappedGrid: (h_a, h_b) for each of `gridSamples`' samples, same order, interleaved.
  /// - mappedPoints: (h_a, h_b) for each data point, interleaved.
  public static func warp(
    mappedGrid: [Float], lineCount: Int = 13, samplesPerLine: Int = 49, mappedPoints: [Float],
    in rect: Rect, margin: Float = 0, preserveAspect: Bool = false
  ) -> WarpedPlane {
    precondition(mappedGrid.count == 2 * lineCount * samplesPerLine * 2, "one pair per grid sample")
    let fit = Fit(mappedGrid + mappedPoints, in: rect.inset(margin), preserveAspect: preserveAspect)
    var lines: [[Point]] = []
    for l in 0..<(2 * lineCount) {
      var line: [Point] = []
      for s in 0..<samplesPerLine {
        let k = (l * samplesPerLine + s) * 2
        if let p = fit.screen(mappedGrid[k], mappedGrid[k + 1]) {
          line.append(p)
        } else {
          if line.count > 1 { lines.append(line) }
          line = []
        }
      }
      if line.count > 1 { lines.append(line) }
    }
    let points = stride(from: 0, to: mappedPoints.count - 1, by: 2).map {
      fit.screen(mappedPoints[$0], mappedPoints[$0 + 1]) ?? rect.center
    }
    return WarpedPlane(gridLines: lines, points: points)
  }

  /// The same, evaluating `map` (input (x1, x2) → the layer's two chosen outputs) itself.
  public static func warp(
    lineCount: Int = 13, samplesPerLine: Int = 49, domain: ClosedRange<Double> = -6...6,
    points: [PlotPoint], in rect: Rect, margin: Float = 0, preserveAspect: Bool = false,
    map: (Double, Double) -> (Float, Float)
  ) -> WarpedPlane {
    let samples = gridSamples(lineCount: lineCount, samplesPerLine: samplesPerLine, domain: domain)
    var grid = [Float](repeating: 0, count: samples.count)
    for k in stride(from: 0, to: samples.count, by: 2) {
      (grid[k], grid[k + 1]) = map(Double(samples[k]), Double(samples[k + 1]))
    }
    var mapped: [Float] = []
    mapped.reserveCapacity(points.count * 2)
    for p in points {
      let (a, b) = map(p.x, p.y)
      mapped += [a, b]
    }
    return warp(
      mappedGrid: grid, lineCount: lineCount, samplesPerLine: samplesPerLine,
      mappedPoints: mapped, in: rect, margin: margin, preserveAspect: preserveAspect)
  }

  /// The affine map from the mapped values' bounding box to the screen rect.
  struct Fit {
    var origin: (x: Float, y: Float) = (0, 0)
    var scale: (x: Float, y: Float) = (0, 0)
    var rect: Rect

    init(_ pairs: [Float], in rect: Rect, preserveAspect: Bool) {
      self.rect = rect
      var lo = (x: Float.infinity, y: Float.infinity)
      var hi = (x: -Float.infinity, y: -Float.infinity)
      for k in stride(from: 0, to: pairs.count - 1, by: 2) where pairs[k].isFinite && pairs[k + 1].isFinite {
        lo = (min(lo.x, pairs[k]), min(lo.y, pairs[k + 1]))
        hi = (max(hi.x, pairs[k]), max(hi.y, pairs[k + 1]))
      }
      guard lo.x <= hi.x else { return }
      var sx = hi.x > lo.x ? rect.width / (hi.x - lo.x) : 0
      var sy = hi.y > lo.y ? rect.height / (hi.y - lo.y) : 0
      if preserveAspect {
        let s = [sx, sy].filter { $0 > 0 }.min() ?? 0
        (sx, sy) = (s, s)
      }
      scale = (sx, sy)
      // Center each axis: the box's middle goes to the rect's middle.
      origin = ((lo.x + hi.x) / 2, (lo.y + hi.y) / 2)
    }

    /// Screen position of a mapped pair, nil when it is not finite.
    func screen(_ a: Float, _ b: Float) -> Point? {
      guard a.isFinite, b.isFinite else { return nil }
      return Point(rect.midX + (a - origin.x) * scale.x, rect.midY - (b - origin.y) * scale.y)
    }
  }
}
