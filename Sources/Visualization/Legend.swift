import ImmediateUI

/// Color-bar legends and the round numbers to label them with (the UI draws the text).
public enum Legend {
  /// A bar of the diverging scale, −1 at the left (or bottom when `vertical`), +1 at the right
  /// (or top); `quantized` shows the 31 bands the heatmap uses.
  public static func render(
    _ scale: ColorScale, width: Int, height: Int, vertical: Bool = false, quantized: Bool = true
  ) -> Raster {
    bar(width: width, height: height, vertical: vertical) { f in
      let v = f * 2 - 1
      return (quantized ? scale.color(for: v) : scale.continuousColor(for: v)).argb
    }
  }

  /// A bar of a sequential scale, low end at the left (or bottom when `vertical`).
  public static func render(_ scale: SequentialScale, width: Int, height: Int, vertical: Bool = false)
    -> Raster
  {
    bar(width: width, height: height, vertical: vertical) { scale.color(atFraction: $0).argb }
  }

  /// Round tick values (steps of 1, 2 or 5 × 10ⁿ, as d3) inside `range`, about `approximateCount`.
  public static func ticks(in range: ClosedRange<Float>, approximateCount: Int = 5) -> [Float] {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite, approximateCount > 0 else { return [range.lowerBound] }
    return AxisTicks.multiples(of: AxisTicks.step(span: span, approximateCount: approximateCount), in: range)
  }

  /// Paints each column (or row) with `color(f)` for its center fraction f ∈ [0, 1].
  static func bar(width: Int, height: Int, vertical: Bool, color: (Float) -> UInt32) -> Raster {
    var raster = Raster(width: width, height: height)
    let length = vertical ? height : width
    guard length > 0 else { return raster }
    let line = (0..<length).map { i -> UInt32 in
      let f = length == 1 ? 0.5 : Float(i) / Float(length - 1)
      return color(vertical ? 1 - f : f)
    }
    for y in 0..<height {
      for x in 0..<width { raster.pixels[y * width + x] = vertical ? line[y] : line[x] }
    }
    return raster
  }
}
