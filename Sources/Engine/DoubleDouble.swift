/// An unevaluated sum `hi + lo` of two doubles (|lo| ≤ ½ ulp(hi)): about 106 bits of precision.
///
/// The deterministic sin, cos and log carry their reductions and first polynomial terms in this
/// form so that the one final rounding decides the result. Every operation is a plain IEEE double
/// add, subtract, multiply or divide (Dekker's products, Knuth's sums; no fused multiply-add), so
/// the bits are the same on every machine.
struct DoubleDouble {
  var hi: Double
  var lo: Double

  @inline(__always) init(_ hi: Double, _ lo: Double = 0) {
    self.hi = hi
    self.lo = lo
  }

  /// a + b exactly, as a rounded sum and its error (Knuth's two-sum; any magnitudes).
  @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    let bb = s - a
    return DoubleDouble(s, (a - (s - bb)) + (b - bb))
  }

  /// a + b exactly when |a| ≥ |b| (or a = 0): the rounded sum and its error.
  @inline(__always) static func fastTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
    let s = a + b
    return DoubleDouble(s, b - (s - a))
  }

  /// Veltkamp's split of a into two 26-bit halves whose products are exact (|a| < 2⁹⁹⁶).
  @inline(__always) static func split(_ a: Double) -> (Double, Double) {
    let c = 134_217_729 * a  // 2²⁷ + 1
    let high = c - (c - a)
    return (high, a - high)
  }

  /// a · b exactly, as the rounded product and its error (Dekker's two-product).
  @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
    let p = a * b
    let (ah, al) = split(a)
    let (bh, bl) = split(b)
    return DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
  }

  /// 1/n as a double-double (n a small positive integer, exactly representable).
  static func reciprocal(_ n: Double) -> DoubleDouble {
    let hi = 1 / n
    let p = twoProduct(hi, n)
    // 1 − hi·n exactly (p.hi is within an ulp of 1), divided by n.
    return DoubleDouble(hi, ((1 - p.hi) - p.lo) / n)
  }

  @inline(__always) static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let s = twoSum(a.hi, b.hi)
    return fastTwoSum(s.hi, s.lo + (a.lo + b.lo))
  }

  /// −a (exact).
  @inline(__always) static prefix func - (a: DoubleDouble) -> DoubleDouble {
    DoubleDouble(-a.hi, -a.lo)
  }

  @inline(__always) static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
    let p = twoProduct(a.hi, b.hi)
    return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
  }

  /// The sum rounded to one double.
  @inline(__always) var value: Double { hi + lo }
}
