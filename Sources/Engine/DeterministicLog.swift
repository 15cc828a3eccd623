/// The natural logarithm of a double in our own code, bit-identical on every machine: plain IEEE
/// double operations only (no libm, no fused multiply-add).
///
/// x = 2ᵉ·m with m ∈ [√½, √2); log x = e·ln 2 + 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172.
/// atanh's series 2s(1 + s²/3 + s⁴/5 + …) runs to s²⁴ (truncation below 10⁻²¹ relative), its first
/// terms and s itself in double-double; ln 2 is split in three parts (42 + 42 + 53 bits) so e·ln 2 is
/// exact to 137 bits. The result is the exact value rounded once, within about 0.501 ulp.
enum DeterministicLog {
  static let ln2Part1 = 0x1.62e42fefa3800p-1  // 42 significant bits: e·part1 is exact
  static let ln2Part2 = 0x1.ef35793c76000p-45  // 42
  static let ln2Part3 = 0x1.cc01f97b57a08p-87  // 53
  static let sqrtHalf = 0x1.6a09e667f3bcdp-1

  /// 1/3, 1/5, 1/7 in double-double (1/9 … 1/25 in doubles).
  static let third = DoubleDouble.reciprocal(3)
  static let fifth = DoubleDouble.reciprocal(5)
  static let seventh = DoubleDouble.reciprocal(7)

  /// 1/9 + w/11 + … + w⁸/25 in doubles.
  @inline(__always) static func tail(_ w: Double) -> Double {
    1 / 9 + w * (1 / 11 + w * (1 / 13 + w * (1 / 15 + w * (1 / 17 + w * (1 / 19 + w * (1 / 21 + w * (1 / 23
      + w * (1 / 25))))))))
  }

  /// x = 2ᵉ·m with m ∈ [√½, √2), for finite positive x (e, m exact).
  @inline(__always) static func decompose(_ x: Double) -> (e: Int, m: Double) {
    var v = x
    var e = 0
    if v < 0x1p-1022 {  // subnormal: scale into the normal range first
      v *= 0x1p54
      e = -54
    }
    // v = 2^(exponent) · m with m ∈ [1, 2), read from the bits; then m ∈ [√½, √2).
    let bits = v.bitPattern
    e += Int((bits >> 52) & 0x7ff) - 1023
    var m = Double(bitPattern: (bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
    if m >= 2 * sqrtHalf {
      m *= 0.5
      e += 1
    }
    return (e, m)
  }

  static func log(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x == .infinity { return x }
    let (e, m) = decompose(x)
    let f = m - 1  // exact (Sterbenz)
    // s = f / (2 + f) in double-double: 2 + f exactly as a pair, then one Newton correction.
    let d = DoubleDouble.twoSum(2, f)
    let sHigh = f / d.hi
    let p = DoubleDouble.twoProduct(sHigh, d.hi)
    let sLow = (((f - p.hi) - p.lo) - sHigh * d.lo) / d.hi
    let s = DoubleDouble.fastTwoSum(sHigh, sLow)
    let w = s * s
    let series = ((DoubleDouble(tail(w.hi)) * w + seventh) * w + fifth) * w + third
    // log m = 2s + 2s·w·series
    let twoS = DoubleDouble(2 * s.hi, 2 * s.lo)
    let logM = twoS + twoS * w * series
    let k = Double(e)
    let p3 = DoubleDouble.twoProduct(k, ln2Part3)
    let eLn2 = DoubleDouble.twoSum(k * ln2Part1, k * ln2Part2) + p3
    return (eLn2 + logM).value
  }

  /// log x in plain doubles (within about 1 ulp, several times faster than `log`): for a Float
  /// result, where that error is far below a Float's rounding. Same reduction; log m =
  /// f − s·f + 2s·(w/3 + w²/5 + …) with f = m − 1, s = f/(2 + f), w = s².
  static func logForFloat(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x == .infinity { return x }
    let (e, m) = decompose(x)
    let f = m - 1
    let s = f / (2 + f)
    let w = s * s
    let r = w * (1 / 3 + w * (1 / 5 + w * (1 / 7 + w * tail(w))))
    let k = Double(e)
    return k * ln2Part1 + (f - (s * f - (2 * s * r + k * (ln2Part2 + ln2Part3))))
  }
}
