/// Eight lanes of single-precision floats: the engine's unit of work (one chunk of neurons).
public typealias Lanes = SIMD8<Float>

/// Vectorized exp, tanh and sigmoid for eight lanes at a time, in our own code so that results are
/// bit-identical on every machine (no libm, no fused multiply-add).
///
/// exp(x) = 2ᵏ · eʳ with k = round(x / ln 2) and r = x − k·ln 2 ∈ [−0.35, 0.35]; eʳ is its Taylor
/// polynomial of degree 6 (truncation error r⁷/7! < 1.3·10⁻⁷ relative), and 2ᵏ is built directly
/// in the exponent bits. Inputs are clamped to [−87, 88] so 2ᵏ stays a normal float.
enum FastMath {
  static let log2e: Float = 1.442_695_04
  static let ln2High: Float = 0.693_145_75  // ln 2 split in two so k·ln2High is exact
  static let ln2Low: Float = 1.428_606_8e-6
  /// 1.5·2²³: adding it rounds a float to an integer and leaves that integer in the low mantissa bits.
  static let roundingMagic: Float = 12_582_912

  @inline(__always)
  static func exp(_ x: Lanes) -> Lanes {
    // Comparisons and selects (not pointwiseMin/Max, which do not inline); NaN passes through.
    let low = Lanes(repeating: -87)
    let high = Lanes(repeating: 88)
    let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    let t = clamped * log2e + roundingMagic
    let k = t - roundingMagic
    let r = clamped - k * ln2High - k * ln2Low
    var p = r * (1 / 720) + (1 / 120)
    p = p * r + (1 / 24)
    p = p * r + (1 / 6)
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    // The low bits of t hold k (two's complement); (k + 127) << 23 is the float 2ᵏ.
    let bits = (unsafeBitCast(t, to: SIMD8<UInt32>.self) &+ 127) &<< 23
    return p * unsafeBitCast(bits, to: Lanes.self)
  }

  /// tanh(x) = 1 − 2 / (e²ˣ + 1); absolute error below 2·10⁻⁷.
  @inline(__always)
  static func tanh(_ x: Lanes) -> Lanes {
    1 - 2 / (exp(x + x) + 1)
  }

  /// σ(x) = 1 / (1 + e⁻ˣ).
  @inline(__always)
  static func sigmoid(_ x: Lanes) -> Lanes {
    1 / (1 + exp(-x))
  }
}

extension Lanes {
  /// The eight lanes with NaN replaced by a value that makes `isFinite` checks fail loudly.
  @inline(__always)
  var allFinite: Bool {
    // x − x is 0 for finite x and NaN for ±∞ or NaN; NaN ≠ NaN.
    let d = self - self
    return d == Lanes(repeating: 0)
  }
}
