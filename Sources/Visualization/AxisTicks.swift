import Engine
import ImmediateUI
import Localization

/// Tick values and labels for chart axes: round ("nice") steps on linear axes, whole decades on
/// log axes, whole epochs on the time axis. The UI decides how many fit and draws them.
public enum AxisTicks {
  /// The nice step (1, 2 or 5 × 10ⁿ, as d3) for about `approximateCount` intervals over `span`.
  public static func step(span: Float, approximateCount: Int) -> Float {
    guard span > 0, span.isFinite, approximateCount > 0 else { return 1 }
    let raw = span / Float(approximateCount)
    var magnitude: Float = 1
    while magnitude > raw { magnitude /= 10 }
    while magnitude * 10 <= raw { magnitude *= 10 }
    // Round the raw step to the nearest of 1, 2, 5, 10 on a log scale (thresholds √2, √10, √50).
    let error = raw / magnitude
    let factor: Float = error >= 7.0711 ? 10 : (error >= 3.1623 ? 5 : (error >= 1.4142 ? 2 : 1))
    return magnitude * factor
  }

  /// Every multiple of the nice step inside `range` (see `Legend.ticks`).
  public static func linear(in range: ClosedRange<Float>, approximateCount: Int = 5) -> [Float] {
    Legend.ticks(in: range, approximateCount: approximateCount)
  }

  /// Every multiple of `step` inside `range` (with a little slack at the top for rounding).
  public static func multiples(of step: Float, in range: ClosedRange<Float>) -> [Float] {
    guard step > 0, step.isFinite else { return [range.lowerBound] }
    var ticks: [Float] = []
    var k = (range.lowerBound / step).rounded(.up)
    while k * step <= range.upperBound + step * 1e-4 {
      ticks.append(k * step == 0 ? 0 : k * step)  // no "-0"
      k += 1
    }
    return ticks
  }

  /// `range` with its top raised to the next multiple of the nice step for it, so the top tick
  /// sits on the chart's top edge, and that step. The bottom is kept (a loss axis starts at 0).
  public static func niceRange(_ range: ClosedRange<Float>, approximateCount: Int = 5)
    -> (range: ClosedRange<Float>, step: Float)
  {
    let step = step(span: range.upperBound - range.lowerBound, approximateCount: approximateCount)
    let top = (range.upperBound / step - 1e-4).rounded(.up) * step
    return (range.lowerBound...max(top, range.upperBound), step)
  }

  /// The smallest run of whole decades holding `range` (positive values only): 0.03…0.7 gives
  /// 0.01…1. A range inside one decade still spans a full one.
  public static func decadeRange(_ range: ClosedRange<Float>) -> ClosedRange<Float> {
    let top = range.upperBound > 0 && range.upperBound.isFinite ? range.upperBound : 1
    let bottom = range.lowerBound > 0 ? min(range.lowerBound, top) : top / 10
    var hi = exponent(top, rounding: .up)
    let lo = exponent(bottom, rounding: .down)
    if hi <= lo { hi = lo + 1 }
    return power(lo)...power(hi)
  }

  /// The powers of ten inside `range` (for a log axis), smallest first; when more than
  /// `maximumCount` would show, every second (third, …) decade down from the top one.
  public static func decades(in range: ClosedRange<Float>, maximumCount: Int = 8) -> [Float] {
    guard range.upperBound > 0 else { return [] }
    let lo = exponent(max(range.lowerBound, Float.leastNormalMagnitude), rounding: .up)
    let hi = exponent(range.upperBound, rounding: .down)
    guard lo <= hi else { return [] }
    let stride = max(1, (hi - lo + maximumCount) / max(1, maximumCount))
    // Counted down from the top decade, so the largest value always has its label.
    return Swift.stride(from: hi, through: lo, by: -stride).reversed().map(power)
  }

  /// Nice whole-number epochs inside `range` (a step of at least 1), about `approximateCount`.
  public static func epochs(in range: ClosedRange<Int>, approximateCount: Int = 5) -> [Int] {
    let span = Float(range.upperBound - range.lowerBound)
    let step = max(1, Int(AxisTicks.step(span: max(span, 1), approximateCount: approximateCount).rounded()))
    var k = Int((Float(range.lowerBound) / Float(step)).rounded(.up))
    var ticks: [Int] = []
    while k * step <= range.upperBound {
      ticks.append(k * step)
      k += 1
    }
    return ticks
  }

  /// A linear tick's label with as many decimals as the step needs ("0.25" for steps of 0.05),
  /// and "0" for zero.
  public static func label(_ value: Float, step: Float) -> String {
    var decimals = 0
    var s = step
    while decimals < 6 && abs(s - s.rounded()) > s * 1e-3 {
      s *= 10
      decimals += 1
    }
    // Zero is written "0" whatever the step: the axis's origin reads plainly.
    if abs(value) < step * 1e-3 { return "0" }
    return NumberFormat.fixed(value, decimals: decimals)
  }

  /// A decade's label: "1", "10", "0.01" down to 0.001, then "1e-4".
  public static func decadeLabel(_ value: Float) -> String {
    let e = exponent(value, rounding: .toNearestOrEven)
    if e >= 0 && e <= 4 { return String(Int(power(e))) }
    if e < 0 && e >= -3 { return NumberFormat.fixed(value, decimals: -e) }
    return "1e\(e)"
  }

  /// An epoch's label: "900", "1,500", "25k" from 10,000.
  public static func epochLabel(_ epoch: Int) -> String {
    if epoch >= 10_000 && epoch % 1000 == 0 { return "\(epoch / 1000)k" }
    if epoch >= 1000 {
      let thousands = String(epoch / 1000)
      let rest = String(epoch % 1000)
      return thousands + tr(",::thousands") + String(repeating: "0", count: 3 - rest.count) + rest
    }
    return String(epoch)
  }

  /// ⌊log₁₀ v⌋ or ⌈log₁₀ v⌉ (v > 0), robust to float rounding at exact powers.
  static func exponent(_ v: Float, rounding: FloatingPointRoundingRule) -> Int {
    let e = Scalar.log(Double(v)) / Scalar.log(10)
    let near = e.rounded()
    if abs(e - near) < 1e-5 { return Int(near) }
    return Int(e.rounded(rounding))
  }

  static func power(_ e: Int) -> Float {
    var v: Double = 1
    for _ in 0..<abs(e) { v *= 10 }
    return Float(e < 0 ? 1 / v : v)
  }
}
