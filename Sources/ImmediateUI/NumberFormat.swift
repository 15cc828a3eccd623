/// Number-to-text formatting without Foundation, for slider and stepper values.
public enum NumberFormat {
  /// `value` rounded to `decimals` places, e.g. fixed(0.0314, decimals: 3) = "0.031".
  public static func fixed(_ value: Float, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    let d = max(0, min(9, decimals))
    var scale: Double = 1
    for _ in 0..<d { scale *= 10 }
    let scaled = (Double(value).magnitude * scale).rounded()
    guard scaled < 9.0e18 else { return String(value) }
    let whole = UInt64(scaled)
    let factor = UInt64(scale)
    let negative = value < 0 && whole != 0
    var text = String(whole / factor)
    if d > 0 {
      let frac = String(whole % factor)
      text += "." + String(repeating: "0", count: d - frac.count) + frac
    }
    return negative ? "-" + text : text
  }

  /// A compact form for values spanning decades (learning rates, regularization rates):
  /// enough decimals to show two significant digits, trailing zeros dropped (0.003, 0.03, 0.3, 3).
  public static func compact(_ value: Float) -> String {
    let m = value.magnitude
    guard m > 0, m.isFinite else { return fixed(value, decimals: 0) }
    var decimals = 0
    var probe = m
    while probe < 10 && decimals < 7 {
      probe *= 10
      decimals += 1
    }
    var text = fixed(value, decimals: decimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
