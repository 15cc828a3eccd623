import ImmediateUI

/// Grayscale pictures of CNN images (inputs, CAM images, feature maps, saliency) as Rasters.
public enum CNNPictures {
  /// `pixels` (row-major `width × height`) enlarged `scale` times, each pixel a square of gray.
  ///
  /// With `autoContrast`, the darkest value maps to black and the brightest to white (how
  /// ShapeShop shows CAM images: faint patterns stay visible); otherwise 0 is black and 1 white.
  /// A constant image with auto-contrast is black, and so is a NaN or infinite pixel (never a trap).
  public static func grayscale(
    _ pixels: [Float], width: Int, height: Int, scale: Int = 8, autoContrast: Bool = true
  ) -> Raster {
    precondition(pixels.count == width * height && scale >= 1, "pixels do not match the size")
    var lo: Float = 0
    var hi: Float = 1
    if autoContrast {  // over the finite pixels; NaN and ±∞ pixels are drawn black
      lo = .infinity
      hi = -.infinity
      for v in pixels where v.isFinite {
        lo = min(lo, v)
        hi = max(hi, v)
      }
    }
    let span = hi - lo
    var raster = Raster(width: width * scale, height: height * scale)
    for y in 0..<height {
      for x in 0..<width {
        let v = pixels[y * width + x]
        let t = v.isFinite && span > 0 && span.isFinite ? min(max((v - lo) / span, 0), 1) : 0
        let g = UInt32((t * 255).rounded())
        let color: UInt32 = 0xFF00_0000 | g << 16 | g << 8 | g
        for sy in 0..<scale {
          let row = (y * scale + sy) * raster.width + x * scale
          for sx in 0..<scale { raster.pixels[row + sx] = color }
        }
      }
    }
    return raster
  }
}
