/// sin and cos of a double in our own code, bit-identical on every machine: plain IEEE double
/// operations only (no libm, no fused multiply-add), so datasets and features computed while a
/// run is replayed on another computer give the same bits.
///
/// x = k·π/2 + r with k = round(x·2/π) and |r| ≤ π/4: π/2 is split Cody–Waite style into three
/// 33-bit parts and a 53-bit fourth (152 bits in all), each k·part exact for |k| ≤ 2²⁰, and r is
/// kept as a double-double. sin r and cos r are their Taylor series (to r¹⁹ and r²⁰: truncation
/// below 10⁻²² relative), the first terms in double-double, so the result is the exact value
/// rounded once, within about 0.501 ulp. Exact reduction covers |x| ≤ 2²⁰·π/2 ≈ 1.6·10⁶ (the app's
/// angles stay within a few hundred radians); beyond it k·π/2 itself is rounded, so the results
/// stay deterministic but their absolute error grows like |x|·2⁻⁵³ (the spacing of the inputs).
enum DeterministicTrig {
  static let piOver2Part1 = 0x1.921fb54400000p+0  // 33 significant bits
  static let piOver2Part2 = 0x1.0b4611a600000p-34  // 33
  static let piOver2Part3 = 0x1.3198a2e000000p-69  // 33
  static let piOver2Part4 = 0x1.b839a252049c1p-104  // 53; what remains is below 10⁻⁴⁸
  static let twoOverPi = 0x1.45f306dc9c883p-1
  /// 1.5·2⁵²: adding and subtracting it rounds a double of magnitude below 2⁵¹ to an integer.
  static let roundingMagic = 6_755_399_441_055_744.0

  /// −1/3!, 1/5!, −1/7! in double-double (the rest of sin's series, from 1/9!, in doubles).
  static let sinLeading0 = -DoubleDouble.reciprocal(6)
  static let sinLeading1 = DoubleDouble.reciprocal(120)
  static let sinLeading2 = -DoubleDouble.reciprocal(5040)
  /// 1/4!, −1/6! in double-double (−1/2 is exact; the rest of cos's series, from 1/8!, in doubles).
  static let cosLeading1 = DoubleDouble.reciprocal(24)
  static let cosLeading2 = -DoubleDouble.reciprocal(720)

  /// x = k·π/2 + r: the quadrant k mod 4 and r as a double-double (x finite).
  @inline(__always)
  static func reduce(_ x: Double) -> (quadrant: Int, r: DoubleDouble) {
    if x.magnitude <= 0x1.921fb54442d18p-1 { return (0, DoubleDouble(x)) }  // π/4
    let t = x * twoOverPi
    let k = t.magnitude < 0x1p51 ? (t + roundingMagic) - roundingMagic : t
    // x − k·part1 is exact (both within a factor two of each other, Sterbenz); the other parts
    // are exact products subtracted in double-double.
    var r = DoubleDouble.twoSum(x - k * piOver2Part1, -(k * piOver2Part2))
    r = r + DoubleDouble(-(k * piOver2Part3))
    let p4 = DoubleDouble.twoProduct(k, piOver2Part4)
    r = r + -p4
    // Beyond 2⁶² every double is a multiple of 4.
    let quadrant = k.magnitude < 0x1p62 ? Int(k) & 3 : 0
    return (quadrant, r)
  }

  /// The largest |x| whose reduction is exact (k ≤ 2²⁰).
  static let exactLimit = 0x1p20 * 1.5707963267948966

  /// `reduce` for any finite x: beyond `exactLimit` the remainder is reduced again until it is
  /// small (each pass rounds, so the result is deterministic but no longer the true remainder).
  @inline(__always)
  static func reduceAny(_ x: Double) -> (quadrant: Int, r: DoubleDouble) {
    var v = x
    var quadrant = 0
    while v.magnitude > 0x1p900 {  // coarse passes where Dekker's split would overflow
      let k = v * twoOverPi  // an even integer this large: the quadrant does not move
      v = ((v - k * piOver2Part1) - k * piOver2Part2) - k * piOver2Part3
    }
    while v.magnitude > exactLimit {
      let (q, r) = reduce(v)
      quadrant += q
      v = r.value
    }
    let (q, r) = reduce(v)
    return ((quadrant + q) & 3, r)
  }

  /// sin r for |r| ≤ π/4 (slightly more after rounding k), as a double-double.
  @inline(__always)
  static func sinKernel(_ r: DoubleDouble) -> DoubleDouble {
    let z = r * r
    let w = z.hi
    let tail = 1 / 362_880 + w * (-1 / 39_916_800 + w * (1 / 6_227_020_800 + w * (-1 / 1_307_674_368_000
      + w * (1 / 355_687_428_096_000 + w * (-1 / 121_645_100_408_832_000)))))
    let q = ((DoubleDouble(tail) * z + sinLeading2) * z + sinLeading1) * z + sinLeading0
    return r + r * z * q
  }

  /// cos r for |r| ≤ π/4, as a double-double.
  @inline(__always)
  static func cosKernel(_ r: DoubleDouble) -> DoubleDouble {
    let z = r * r
    let w = z.hi
    let tail = 1 / 40_320 + w * (-1 / 3_628_800 + w * (1 / 479_001_600 + w * (-1 / 87_178_291_200
      + w * (1 / 20_922_789_888_000 + w * (-1 / 6_402_373_705_728_000 + w * (1 / 2_432_902_008_176_640_000))))))
    let q = ((DoubleDouble(tail) * z + cosLeading2) * z + cosLeading1) * z + DoubleDouble(-0.5)
    return DoubleDouble(1) + z * q
  }

  static func sin(_ x: Double) -> Double {
    guard x.isFinite else { return x - x }  // NaN for ±∞ and NaN
    // Below 2⁻²⁷ the exact sin x rounds to x (keeps −0 and subnormals as they are).
    if x.magnitude < 0x1p-27 { return x }
    let (quadrant, r) = reduceAny(x)
    switch quadrant {
    case 0: return sinKernel(r).value
    case 1: return cosKernel(r).value
    case 2: return -sinKernel(r).value
    default: return -cosKernel(r).value
    }
  }

  static func cos(_ x: Double) -> Double {
    guard x.isFinite else { return x - x }
    // Below 2⁻²⁷ the exact cos x rounds to 1.
    if x.magnitude < 0x1p-27 { return 1 }
    let (quadrant, r) = reduceAny(x)
    switch quadrant {
    case 0: return cosKernel(r).value
    case 1: return -sinKernel(r).value
    case 2: return -cosKernel(r).value
    default: return sinKernel(r).value
    }
  }
}
