/// The one source of randomness in NeuralPlayground: xoshiro256** seeded through SplitMix64.
///
/// Every random draw in the app flows through a value of this type, passed `inout`, so the same
/// seed always gives the same bits. Floats are made from the top bits in our own code (never
/// through the standard library's `Float.random(in:)`, whose algorithm may change between
/// releases).
///
/// Draw order for a training session (documented contract, checked by golden checksums):
/// 1. the dataset's points (`Datasets`), 2. the shuffle and the train/test split,
/// 3. the network's initial weights.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator whose whole stream is determined by `seed`.
  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  /// The four state words, to save a generator mid-stream (a session file's dropout generator).
  package var stateWords: [UInt64] { [s0, s1, s2, s3] }

  /// A generator continuing from saved `stateWords` (nil unless exactly four words, not all 0).
  package init?(stateWords w: [UInt64]) {
    guard w.count == 4, w.contains(where: { $0 != 0 }) else { return nil }
    (s0, s1, s2, s3) = (w[0], w[1], w[2], w[3])
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A Double uniform in [0, 1): the top 53 bits scaled by 2⁻⁵³.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A Double uniform in [a, b).
  public mutating func uniform(_ a: Double, _ b: Double) -> Double {
    a + (b - a) * nextUnit()
  }

  /// A standard normal draw (Box–Muller; uses two uniforms, returns one value).
  public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    var u1 = nextUnit()
    if u1 < 1e-300 { u1 = 1e-300 }
    let u2 = nextUnit()
    let r = (-2 * DeterministicLog.log(u1)).squareRoot()
    return mean + standardDeviation * r * DeterministicTrig.cos(2 * Double.pi * u2)
  }

  /// An integer uniform in 0..<n (n > 0), by Lemire's multiply-shift with rejection.
  public mutating func index(below n: Int) -> Int {
    precondition(n > 0, "index(below:) needs a positive bound")
    let bound = UInt64(n)
    var m = next().multipliedFullWidth(by: bound)
    if m.low < bound {
      let threshold = (0 &- bound) % bound
      while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
    }
    return Int(m.high)
  }

  /// Fisher–Yates shuffle driven by this generator (from the last element down).
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    var i = array.count - 1
    while i > 0 {
      let j = index(below: i + 1)
      array.swapAt(i, j)
      i -= 1
    }
  }
}
