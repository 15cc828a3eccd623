import Engine
import ImmediateUI
import Training

/// Maps metric series to screen polylines for the loss/accuracy chart (the UI strokes them).
///
/// x grows with the epoch from the rect's left to its right edge; y grows upward from the rect's
/// bottom (yRange.lowerBound) to its top (yRange.upperBound). Values outside yRange are clamped
/// to the edge; NaN and infinite values (a diverged run) are left out of the line.
public enum LineChart {
  /// The series as screen points, oldest first.
  ///
  /// - epochRange: the x extent; nil uses the series's own first…last epoch. Pass a shared range
  ///   to draw train and test loss on the same axes.
  /// - logScale: y on log₁₀ (losses span decades); values ≤ 0 sit on the bottom edge. A yRange
  ///   that starts at or below zero starts 4 decades under its top instead.
  public static func polyline(
    series: ChartSeries, in rect: Rect, yRange: ClosedRange<Float>,
    epochRange: ClosedRange<Int>? = nil, logScale: Bool = false
  ) -> [Point] {
    guard let epochs = epochRange ?? series.epochRange else { return [] }
    let axis = YAxis(yRange, logScale: logScale)
    var line: [Point] = []
    line.reserveCapacity(series.buckets.count)
    for (epoch, value) in series.points where value.isFinite {
      line.append(Point(x(epoch: epoch, in: rect, epochRange: epochs), axis.screenY(value, in: rect)))
    }
    return line
  }

  /// The screen x of an epoch: left edge at epochRange.lowerBound, right edge at its upperBound
  /// (the left edge when the range is a single epoch).
  public static func x(epoch: Int, in rect: Rect, epochRange: ClosedRange<Int>) -> Float {
    let span = epochRange.upperBound - epochRange.lowerBound
    guard span > 0 else { return rect.x }
    return rect.x + rect.width * Float(epoch - epochRange.lowerBound) / Float(span)
  }

  /// The screen y of a value (see `polyline` for the log rule).
  public static func y(value: Float, in rect: Rect, yRange: ClosedRange<Float>, logScale: Bool = false)
    -> Float
  {
    YAxis(yRange, logScale: logScale).screenY(value, in: rect)
  }

  /// A y range that fits every series: linear 0…max (or min…max when values go negative), log
  /// smallest positive…largest. A flat or empty series gets a range one unit (or decade) tall.
  public static func yRange(fitting series: [ChartSeries], logScale: Bool = false) -> ClosedRange<Float> {
    var lo = Float.infinity
    var hi = -Float.infinity
    for s in series {
      for b in s.buckets {
        for v in [b.minimum, b.maximum] where v.isFinite && (!logScale || v > 0) {
          lo = min(lo, v)
          hi = max(hi, v)
        }
      }
    }
    guard lo <= hi else { return logScale ? 0.001...1 : 0...1 }
    if logScale { return lo < hi ? lo...hi : (lo / 10)...(hi * 10) }
    lo = min(0, lo)
    return lo < hi ? lo...hi : lo...(lo + 1)
  }

  /// The union of the series's epoch ranges (nil when all are empty).
  public static func epochRange(fitting series: [ChartSeries]) -> ClosedRange<Int>? {
    let ranges = series.compactMap(\.epochRange)
    guard let lo = ranges.map(\.lowerBound).min(), let hi = ranges.map(\.upperBound).max() else {
      return nil
    }
    return lo...hi
  }

  /// The value → fraction-of-height rule, linear or log₁₀.
  struct YAxis {
    let low: Float
    let high: Float
    let logScale: Bool

    init(_ range: ClosedRange<Float>, logScale: Bool) {
      self.logScale = logScale
      if logScale {
        let top = range.upperBound > 0 ? range.upperBound : 1
        let bottom = range.lowerBound > 0 ? min(range.lowerBound, top) : top * 1e-4
        low = YAxis.log10(bottom)
        high = YAxis.log10(top)
      } else {
        low = range.lowerBound
        high = range.upperBound
      }
    }

    func screenY(_ value: Float, in rect: Rect) -> Float {
      let v = logScale ? (value > 0 ? YAxis.log10(value) : -Float.infinity) : value
      let f = high > low ? (v - low) / (high - low) : 0
      return rect.maxY - rect.height * min(1, max(0, f))
    }

    static func log10(_ v: Float) -> Float { Float(Scalar.log(Double(v)) / Scalar.log(10)) }
  }
}
