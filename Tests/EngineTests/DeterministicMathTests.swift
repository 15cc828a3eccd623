#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing

@testable import Engine

/// The C library's functions: the readable reference our own sin, cos and log are measured against.
private func libmSin(_ x: Double) -> Double { sin(x) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmLog(_ x: Double) -> Double { log(x) }

/// Distance in ulps between two finite doubles of the same sign (0 when equal).
private func ulps(_ a: Double, _ b: Double) -> UInt64 {
  func ordered(_ v: Double) -> Int64 {
    let bits = Int64(bitPattern: v.bitPattern)
    return bits < 0 ? Int64.min &- bits : bits
  }
  let d = ordered(a) &- ordered(b)
  return d.magnitude
}

/// How far ours is from the C library over a set of inputs.
private struct Agreement: CustomStringConvertible {
  var count = 0
  var differing = 0
  var maxUlps: UInt64 = 0
  var floatDiffering = 0

  mutating func add(_ ours: Double, _ reference: Double) {
    count += 1
    let d = ulps(ours, reference)
    if d != 0 { differing += 1 }
    maxUlps = max(maxUlps, d)
    if Float(ours) != Float(reference) { floatDiffering += 1 }
  }

  var description: String {
    "\(count) values: \(differing) differ from libm (max \(maxUlps) ulp), \(floatDiffering) differ as Float"
  }
}

/// A fixed stream of inputs (independent of any platform): uniform in [a, b).
private func inputs(_ n: Int, _ a: Double, _ b: Double, seed: UInt64) -> [Double] {
  var rng = SeededGenerator(seed: seed)
  return (0..<n).map { _ in rng.uniform(a, b) }
}

@Suite struct DeterministicMathTests {
  /// Angles of spirals and shapes (a few hundred radians), feature inputs (−6…6 and beyond).
  @Test func sinAndCosAgreeWithTheCLibrary() {
    let ranges: [(Int, Double, Double)] = [(400_000, -400, 400), (400_000, -6, 6), (100_000, -1e4, 1e4), (100_000, -1e-3, 1e-3)]
    var sinAgreement = Agreement()
    var cosAgreement = Agreement()
    for (i, (n, a, b)) in ranges.enumerated() {
      for x in inputs(n, a, b, seed: UInt64(100 + i)) {
        sinAgreement.add(DeterministicTrig.sin(x), libmSin(x))
        cosAgreement.add(DeterministicTrig.cos(x), libmCos(x))
      }
    }
    print("sin: \(sinAgreement)")
    print("cos: \(cosAgreement)")
    for agreement in [sinAgreement, cosAgreement] {
      #expect(agreement.maxUlps <= 1)
      #expect(agreement.differing * 200 < agreement.count)  // under 0.5 %
      #expect(agreement.floatDiffering == 0)
    }
  }

  /// Every 1,001st float in −10…10 (about 2.2 million): as a Float, ours equals the C library's.
  @Test func sinAndCosOfFloatsEqualTheCLibrarysAsFloats() {
    var sinAgreement = Agreement()
    var cosAgreement = Agreement()
    for bits in stride(from: UInt32(0), through: Float(10).bitPattern, by: 1001) {
      for sign: UInt32 in [0, 0x8000_0000] {
        let x = Double(Float(bitPattern: bits | sign))
        sinAgreement.add(DeterministicTrig.sin(x), libmSin(x))
        cosAgreement.add(DeterministicTrig.cos(x), libmCos(x))
      }
    }
    print("sin of floats: \(sinAgreement)")
    print("cos of floats: \(cosAgreement)")
    #expect(sinAgreement.floatDiffering == 0)
    #expect(cosAgreement.floatDiffering == 0)
    #expect(max(sinAgreement.maxUlps, cosAgreement.maxUlps) <= 1)
  }

  /// Logs of losses (10⁻³⁰…10³, log-uniform), of chart values, and near 1.
  @Test func logAgreesWithTheCLibrary() {
    var agreement = Agreement()
    var forFloat = Agreement()  // the faster plain-double log behind the loss
    func add(_ x: Double) {
      agreement.add(DeterministicLog.log(x), libmLog(x))
      forFloat.add(DeterministicLog.logForFloat(x), libmLog(x))
    }
    for e in inputs(500_000, -30, 3, seed: 200) { add(pow(10, e)) }
    for x in inputs(300_000, 0, 1e4, seed: 201) { add(x) }
    for x in inputs(100_000, 0.999, 1.001, seed: 202) { add(x) }
    for x in inputs(100_000, 0, 1, seed: 203) { add(x) }
    print("log: \(agreement)")
    print("logForFloat: \(forFloat)")
    #expect(agreement.maxUlps <= 1)
    #expect(agreement.differing * 200 < agreement.count)
    #expect(agreement.floatDiffering == 0)
    #expect(forFloat.maxUlps <= 1)
    #expect(forFloat.floatDiffering == 0)
  }

  /// The loss path: −log p of a Float probability, rounded back to Float, over every 257th float in (0, 1].
  @Test func logScalarEqualsTheCLibrarysOnFloats() {
    var agreement = Agreement()
    for bits in stride(from: UInt32(1), through: Float(1).bitPattern, by: 257) {
      let p = Float(bitPattern: bits)
      agreement.add(Double(FastMath.logScalar(p)), Double(Float(libmLog(Double(p)))))
    }
    print("logScalar: \(agreement)")
    #expect(agreement.floatDiffering == 0)
  }

  @Test func specialValues() {
    for f in [DeterministicTrig.sin, DeterministicTrig.cos] {
      #expect(f(.infinity).isNaN)
      #expect(f(-.infinity).isNaN)
      #expect(f(.nan).isNaN)
    }
    #expect(DeterministicTrig.sin(0).bitPattern == Double(0).bitPattern)
    #expect(DeterministicTrig.sin(-0.0).bitPattern == (-0.0).bitPattern)
    #expect(DeterministicTrig.cos(0) == 1 && DeterministicTrig.cos(-0.0) == 1)
    let subnormal = Double.leastNonzeroMagnitude * 12345
    #expect(DeterministicTrig.sin(subnormal) == subnormal && DeterministicTrig.sin(-subnormal) == -subnormal)
    #expect(DeterministicTrig.cos(subnormal) == 1)
    #expect(DeterministicLog.log(0) == -.infinity && DeterministicLog.log(-0.0) == -.infinity)
    #expect(DeterministicLog.log(-1).isNaN && DeterministicLog.log(-.infinity).isNaN && DeterministicLog.log(.nan).isNaN)
    #expect(DeterministicLog.log(.infinity) == .infinity)
    #expect(DeterministicLog.logForFloat(0) == -.infinity && DeterministicLog.logForFloat(-1).isNaN)
    #expect(DeterministicLog.logForFloat(.infinity) == .infinity && DeterministicLog.logForFloat(.nan).isNaN)
    #expect(DeterministicLog.log(1).bitPattern == Double(0).bitPattern)
    for x in [Double.leastNonzeroMagnitude, subnormal, Double.leastNormalMagnitude, Double.greatestFiniteMagnitude] {
      #expect(ulps(DeterministicLog.log(x), libmLog(x)) <= 1, "log(\(x))")
      #expect(ulps(DeterministicLog.logForFloat(x), libmLog(x)) <= 1, "log(\(x))")
    }
    for x in [1e5, 1.6e6, 1e9, 1e15, 1e300, Double.greatestFiniteMagnitude] {
      // Beyond 2²⁰·π/2 the reduction is no longer exact: finite, in range and deterministic.
      #expect(DeterministicTrig.sin(x).magnitude <= 1 && DeterministicTrig.cos(x).magnitude <= 1, "\(x)")
    }
  }

  /// Symmetries that hold bit for bit whatever the platform.
  @Test func symmetries() {
    for x in inputs(10_000, -50, 50, seed: 300) {
      #expect(DeterministicTrig.sin(-x) == -DeterministicTrig.sin(x))
      #expect(DeterministicTrig.cos(-x) == DeterministicTrig.cos(x))
      let s = DeterministicTrig.sin(x)
      let c = DeterministicTrig.cos(x)
      #expect((s * s + c * c - 1).magnitude < 4e-16)
    }
  }

  /// The bits themselves, pinned: every platform that runs the tests must produce these.
  @Test func goldenBits() {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var forFloat: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ h: inout UInt64, _ v: Double) { h = (h ^ v.bitPattern) &* 0x100_0000_01b3 }
    for x in inputs(100_000, -400, 400, seed: 400) {
      mix(&hash, DeterministicTrig.sin(x))
      mix(&hash, DeterministicTrig.cos(x))
      mix(&hash, DeterministicLog.log(x.magnitude))
      mix(&forFloat, DeterministicLog.logForFloat(x.magnitude))
    }
    print("golden bits: \(hash) \(forFloat)")
    #expect(hash == 3_666_094_730_617_413_150)
    #expect(forFloat == Self.forFloatGolden)
  }
  static let forFloatGolden: UInt64 = 15_180_858_679_348_384_099
}
