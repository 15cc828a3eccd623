import ImmediateUI

/// TensorFlow Playground's diverging scale for values in [−1, 1]: −1 orange, 0 near-white, +1 blue.
///
/// The playground quantizes it into 31 shades: shade i (0…30) is the color at a = i/30 on the
/// piecewise-linear ramp orange → near-white → blue, and a value v falls in shade
/// ⌊(v + 1)/2 · 31⌋ clamped to 0…30 (d3's `quantize`). So −1 is exactly orange, 0 exactly the
/// near-white middle (shade 15), +1 exactly blue. `continuousColor(for:)` is the unquantized ramp.
/// Channels are rounded half up after linear interpolation in sRGB, as `d3.interpolateRgb` does.
public struct ColorScale: Equatable, Sendable {
  /// The color of −1 (the playground's orange, class 0).
  public let negative: Color
  /// The color of 0 (the playground's near-white).
  public let neutral: Color
  /// The color of +1 (the playground's blue, class 1).
  public let positive: Color
  /// The quantized shades as packed 0xAARRGGBB words, most negative first.
  public let shades: [UInt32]

  /// The playground's orange #F59322.
  public static let orange = Color(rgb: 0xF59322)
  /// The playground's near-white #E8EAEB.
  public static let nearWhite = Color(rgb: 0xE8EAEB)
  /// The playground's blue #0877BD.
  public static let blue = Color(rgb: 0x0877BD)
  /// The playground's scale: 31 shades from orange through near-white to blue.
  public static let playground = ColorScale(negative: orange, neutral: nearWhite, positive: blue)

  /// A scale through three colors, quantized into `shadeCount` (≥ 2) shades.
  public init(negative: Color, neutral: Color, positive: Color, shadeCount: Int = 31) {
    precondition(shadeCount >= 2, "a scale needs at least two shades")
    self.negative = negative
    self.neutral = neutral
    self.positive = positive
    let last = Double(shadeCount - 1)
    shades = (0..<shadeCount).map { i in
      ColorScale.ramp(negative, neutral, positive, at: Double(i) / last).argb
    }
  }

  /// How many shades the quantized scale has (31 for the playground).
  public var shadeCount: Int { shades.count }

  /// The shade a value falls in: ⌊(v + 1)/2 · count⌋ clamped to 0…count−1; NaN gives the middle.
  public func shadeIndex(for value: Float) -> Int {
    ColorIndex.bucket(value, low: -1, high: 1, count: shades.count)
  }

  /// The quantized color of `value` (the playground's look).
  public func color(for value: Float) -> Color {
    Color(argb: shades[shadeIndex(for: value)])
  }

  /// The unquantized color of `value` clamped to [−1, 1]; NaN gives the neutral color.
  public func continuousColor(for value: Float) -> Color {
    guard !value.isNaN else { return neutral }
    let v = Double(min(1, max(-1, value)))
    return ColorScale.ramp(negative, neutral, positive, at: (v + 1) / 2)
  }

  /// A lookup table over [−1, 1] for the heatmap painter: the 31 shades, a fine continuous ramp
  /// (257 samples, so −1, 0 and +1 land exactly on their colors) or the two end colors.
  func lookup(smooth: Bool, discretize: Bool) -> ColorLookup {
    if discretize {
      return ColorLookup(
        colors: [negative.argb, positive.argb], low: -1, high: 1, sampled: false, nanColor: neutral.argb)
    }
    if !smooth {
      return ColorLookup(colors: shades, low: -1, high: 1, sampled: false, nanColor: neutral.argb)
    }
    let colors = (0...256).map { ColorScale.ramp(negative, neutral, positive, at: Double($0) / 256).argb }
    return ColorLookup(colors: colors, low: -1, high: 1, sampled: true, nanColor: neutral.argb)
  }

  /// The three-stop ramp at a ∈ [0, 1]: low → mid on [0, ½], mid → high on [½, 1].
  static func ramp(_ low: Color, _ mid: Color, _ high: Color, at a: Double) -> Color {
    a < 0.5 ? ColorMath.mix(low, mid, a * 2) : ColorMath.mix(mid, high, (a - 0.5) * 2)
  }
}

/// Packed-color arithmetic shared by the painters.
enum ColorMath {
  /// Linear sRGB blend of two opaque colors, each channel rounded half up (as d3).
  static func mix(_ p: Color, _ q: Color, _ t: Double) -> Color {
    let t = min(1, max(0, t))
    func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + (Double(b) - Double(a)) * t + 0.5).rounded(.down))
    }
    return Color(r: channel(p.r, q.r), g: channel(p.g, q.g), b: channel(p.b, q.b))
  }

  /// `src` laid over `dst` with coverage w/256 (w in 0…256), all four channels; w = 256 gives `src`.
  @inline(__always)
  static func blend(_ dst: UInt32, _ src: UInt32, weight w: UInt32) -> UInt32 {
    let iw = 256 &- w
    // Red and blue share one multiply, alpha and green the other (8 bits of headroom each).
    let rb = ((dst & 0x00FF_00FF) &* iw &+ (src & 0x00FF_00FF) &* w) >> 8
    let ag = ((dst >> 8) & 0x00FF_00FF) &* iw &+ ((src >> 8) & 0x00FF_00FF) &* w
    return (rb & 0x00FF_00FF) | (ag & 0xFF00_FF00)
  }

  /// A color seen through `opacity` over white: how the playground's alpha-160 canvas looks.
  static func overWhite(_ argb: UInt32, opacity: Float) -> UInt32 {
    guard opacity < 1 else { return argb }
    let w = UInt32(max(0, min(256, (opacity * 256).rounded())))
    return blend(0xFFFF_FFFF, argb, weight: w)
  }
}

/// A table of colors indexed by a value's position in [low, high].
///
/// `sampled == false`: equal buckets, index ⌊t · count⌋ (the playground's quantize).
/// `sampled == true`: samples at both ends, index round(t · (count − 1)) (a fine continuous ramp).
struct ColorLookup {
  var colors: [UInt32]
  var low: Float
  var high: Float
  var sampled: Bool
  /// The color of NaN (a diverged network): never mistaken for a class.
  var nanColor: UInt32

  /// The same table seen through `opacity` over white.
  func overWhite(opacity: Float) -> ColorLookup {
    var copy = self
    copy.colors = colors.map { ColorMath.overWhite($0, opacity: opacity) }
    copy.nanColor = ColorMath.overWhite(nanColor, opacity: opacity)
    return copy
  }

  /// Scale and offset so that `Int(v · scale + offset)` is the index before clamping.
  var affine: (scale: Float, offset: Float) {
    let n = Float(sampled ? colors.count - 1 : colors.count)
    let k = n / (high - low)
    return (k, -low * k + (sampled ? 0.5 : 0))
  }
}

/// Value-to-index rules with NaN and out-of-range handling, shared by scales and painters.
enum ColorIndex {
  /// ⌊(v − low)/(high − low) · count⌋ clamped to 0…count−1; NaN gives count/2.
  @inline(__always)
  static func bucket(_ v: Float, low: Float, high: Float, count: Int) -> Int {
    let f = (v - low) / (high - low) * Float(count)
    return clamp(f, count: count)
  }

  /// `Int(f)` clamped to 0…count−1; NaN gives the middle entry.
  @inline(__always)
  static func clamp(_ f: Float, count: Int) -> Int {
    if f.isNaN { return count / 2 }
    if f <= 0 { return 0 }
    if f >= Float(count) { return count - 1 }
    return Int(f)
  }
}
