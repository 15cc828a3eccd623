/// A straight-alpha sRGB color packed as 0xAARRGGBB, the same layout as a `Raster` pixel.
public struct Color: Hashable, Sendable {
  /// The packed 0xAARRGGBB word.
  public var argb: UInt32

  public init(argb: UInt32) {
    self.argb = argb
  }

  /// An opaque color from a 0xRRGGBB literal, as written in design tools (`Color(rgb: 0x0877BD)`).
  public init(rgb: UInt32) {
    self.argb = 0xFF00_0000 | (rgb & 0x00FF_FFFF)
  }

  public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
    argb = UInt32(a) << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
  }

  public var a: UInt8 { UInt8(truncatingIfNeeded: argb >> 24) }
  public var r: UInt8 { UInt8(truncatingIfNeeded: argb >> 16) }
  public var g: UInt8 { UInt8(truncatingIfNeeded: argb >> 8) }
  public var b: UInt8 { UInt8(truncatingIfNeeded: argb) }

  /// The same color with alpha replaced by `alpha`.
  public func withAlpha(_ alpha: UInt8) -> Color {
    Color(argb: (argb & 0x00FF_FFFF) | UInt32(alpha) << 24)
  }

  /// The same color with alpha replaced by `opacity` in 0...1.
  public func withAlpha(_ opacity: Float) -> Color {
    withAlpha(UInt8(min(255, max(0, (opacity * 255).rounded()))))
  }

  /// Linear blend toward `other`: t = 0 gives `self`, t = 1 gives `other` (per channel, alpha too).
  public func mixed(with other: Color, _ t: Float) -> Color {
    let t = min(1, max(0, t))
    func mix(_ p: UInt8, _ q: UInt8) -> UInt8 {
      UInt8((Float(p) + (Float(q) - Float(p)) * t).rounded())
    }
    return Color(r: mix(r, other.r), g: mix(g, other.g), b: mix(b, other.b), a: mix(a, other.a))
  }

  public static let white = Color(argb: 0xFFFF_FFFF)
  public static let black = Color(argb: 0xFF00_0000)
  public static let clear = Color(argb: 0x0000_0000)
}
