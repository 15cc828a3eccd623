import ImmediateUI

/// Colors for 2…10 classes: orange and blue first (so two classes look like the binary
/// playground), then dark red, sky blue, wine, sand, pink, rose, gray and brown, chosen so every
/// learner can tell them apart: under simulated protanopia, deuteranopia and tritanopia (Machado
/// 2009, severity 1) the first seven stay at least ΔE 20 apart (CIE Lab), all ten at least 14
/// (`ColorVisionTests`). Two classes keep TensorFlow Playground's orange and blue.
///
/// On a heatmap a class's color blends from the neutral near-white at probability 1/k (no
/// preference among k classes) to the full hue at probability 1:
/// intensity t = (p − 1/k) / (1 − 1/k), clamped to [0, 1]. For k = 2 this is the binary scale
/// again: a blue probability p gives t = 2p − 1, the tanh output.
public struct ClassPalette: Equatable, Sendable {
  /// One full-strength hue per class; class i uses hues[i mod count].
  public let hues: [Color]
  /// The color of "no preference" (intensity 0).
  public let neutral: Color

  /// Orange, blue, then hues from Paul Tol's and the ColorBrewer palettes picked greedily for
  /// the largest smallest ΔE under every colour-vision simulation (and normal vision).
  public static let standard = ClassPalette(
    hues: [
      ColorScale.orange, ColorScale.blue, Color(rgb: 0xB2182B), Color(rgb: 0x66CCEE),
      Color(rgb: 0x882255), Color(rgb: 0xDDCC77), Color(rgb: 0xCC79A7), Color(rgb: 0xEE6677),
      Color(rgb: 0xBBBBBB), Color(rgb: 0xA6611A),
    ],
    neutral: ColorScale.nearWhite)

  /// What each hue is called in words, for tooltips and lessons that must not rely on colour alone.
  public static let names = ["orange", "blue", "dark red", "sky blue", "wine", "sand", "pink", "rose", "gray", "brown"]

  public init(hues: [Color], neutral: Color) {
    precondition(!hues.isEmpty, "a palette needs at least one hue")
    self.hues = hues
    self.neutral = neutral
  }

  /// The full hue of a class (wrapping past the last hue); a negative index gives the neutral color.
  public func hue(_ classIndex: Int) -> Color {
    classIndex < 0 ? neutral : hues[classIndex % hues.count]
  }

  /// How strongly a winning class is shown: (p − 1/k) / (1 − 1/k) clamped to [0, 1]; NaN → 0.
  public static func intensity(probability p: Float, classCount k: Int) -> Float {
    let chance = 1 / Float(max(2, k))
    let t = (p - chance) / (1 - chance)
    return t.isNaN ? 0 : min(1, max(0, t))
  }

  /// The heatmap color of a point whose winning class is `classIndex` with probability `p`.
  public func color(classIndex: Int, probability p: Float, classCount k: Int) -> Color {
    let t = ClassPalette.intensity(probability: p, classCount: k)
    return ColorMath.mix(neutral, hue(classIndex), Double(t))
  }

  /// Levels per class in the heatmap's table: 16 quantized, 129 smooth, 1 discretized.
  static func levelCount(smooth: Bool, discretize: Bool) -> Int {
    discretize ? 1 : (smooth ? 129 : 16)
  }

  /// `classCount × levels` colors: entry c·levels + l is class c at intensity l/(levels − 1).
  func lookup(classCount k: Int, smooth: Bool, discretize: Bool) -> [UInt32] {
    let levels = ClassPalette.levelCount(smooth: smooth, discretize: discretize)
    var table: [UInt32] = []
    table.reserveCapacity(k * levels)
    for c in 0..<k {
      for l in 0..<levels {
        let t = levels == 1 ? 1 : Double(l) / Double(levels - 1)
        table.append(ColorMath.mix(neutral, hue(c), t).argb)
      }
    }
    return table
  }
}

/// A sequential scale for regression values: low values dark purple, high values yellow
/// (viridis, sampled at 11 stops and interpolated linearly; readable in grayscale and by most
/// color-blind viewers). NaN is a mid gray, which the scale itself never produces.
public struct SequentialScale: Equatable, Sendable {
  /// Colors at fractions 0, 1/(n−1), …, 1 of the range.
  public let stops: [Color]
  /// The color of NaN.
  public let nanColor: Color

  /// Viridis at 0, 0.1, …, 1.
  public static let viridis = SequentialScale(
    stops: [
      0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
      0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    ].map { Color(rgb: $0) },
    nanColor: Color(rgb: 0x9E9E9E))

  public init(stops: [Color], nanColor: Color) {
    precondition(stops.count >= 2, "a scale needs at least two stops")
    self.stops = stops
    self.nanColor = nanColor
  }

  /// The color at fraction f ∈ [0, 1] of the scale (clamped; NaN gives `nanColor`).
  public func color(atFraction f: Float) -> Color {
    guard !f.isNaN else { return nanColor }
    let x = Double(min(1, max(0, f))) * Double(stops.count - 1)
    let i = min(stops.count - 2, Int(x))
    return ColorMath.mix(stops[i], stops[i + 1], x - Double(i))
  }

  /// The color of `value` on `range` (low end first).
  public func color(for value: Float, in range: ClosedRange<Float>) -> Color {
    color(atFraction: (value - range.lowerBound) / max(range.upperBound - range.lowerBound, .ulpOfOne))
  }

  /// A table for the painter: 31 equal buckets (colors at i/30) or 257 samples when smooth.
  func lookup(range: ClosedRange<Float>, smooth: Bool) -> ColorLookup {
    let n = smooth ? 257 : 31
    let colors = (0..<n).map { color(atFraction: Float($0) / Float(n - 1)).argb }
    let high = max(range.upperBound, range.lowerBound + .ulpOfOne)
    return ColorLookup(
      colors: colors, low: range.lowerBound, high: high, sampled: smooth, nanColor: nanColor.argb)
  }
}
