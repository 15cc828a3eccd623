import ImmediateUI

/// Convolution filters as pictures whose structure shows from the back of a room.
///
/// Each weight becomes a `scale × scale` block (nearest neighbour: crisp edges, no blur between
/// weights) on a diverging scale symmetric about zero: negative weights orange, positive blue,
/// zero white. Each filter is normalized by its own largest |w|, so its strongest weight is full
/// colour whatever the layer's scale, and a weight and its negation get equally strong colours.
public enum FilterImage {
  /// Orange (negative) through white (zero) to blue (positive).
  public static let scale = ColorScale(
    negative: ColorScale.orange, neutral: Color(rgb: 0xFFFFFF), positive: ColorScale.blue)

  /// The largest |w| (the value that gets full colour); a tiny floor keeps an all-zero filter white.
  public static func normalizer(_ weights: [Float]) -> Float {
    max(weights.lazy.map { abs($0) }.max() ?? 0, 1e-6)
  }

  /// A `side × side` filter (row-major) as a `side·scale` square raster; full colour at `big`
  /// (by default the filter's own largest |w|; a shared value compares several pictures).
  public static func raster(_ weights: [Float], side: Int, scale: Int, normalizer big: Float? = nil) -> Raster {
    let s = max(1, scale)
    let big = big ?? normalizer(weights)
    var r = Raster(width: side * s, height: side * s)
    for y in 0..<side {
      for x in 0..<side {
        let i = y * side + x
        let v = i < weights.count ? weights[i] / big : 0
        let argb = FilterImage.scale.continuousColor(for: v).argb
        for dy in 0..<s {
          let row = (y * s + dy) * side * s + x * s
          for dx in 0..<s { r.pixels[row + dx] = argb }
        }
      }
    }
    return r
  }

  /// The block size that makes a `side`-weight filter at least `pixels` wide (whole blocks only,
  /// so every weight is drawn the same size).
  public static func blockScale(side: Int, pixels: Float) -> Int {
    max(1, Int((pixels / Float(max(1, side))).rounded(.up)))
  }
}
