import ImmediateUI
import Training

extension ImageClass {
  /// A picture as the network sees it: gray = (299 R + 587 G + 114 B) / 1000 (ITU-R BT.601
  /// luma), scaled by alpha so transparent pixels are the black background, in [0, 1].
  /// Row-major, the raster's size.
  public static func grayscale(_ raster: Raster) -> [Float] {
    raster.pixels.map { argb in
      let a = (argb >> 24) & 0xFF
      let r = (argb >> 16) & 0xFF
      let g = (argb >> 8) & 0xFF
      let b = argb & 0xFF
      let luma = 299 * r + 587 * g + 114 * b  // up to 1000 · 255
      return Float(Double(luma * a) / Double(1000 * 255 * 255))
    }
  }
}
