/// An image as a plain value: `width × height` pixels, row-major from the top-left, each pixel a
/// packed 0xAARRGGBB word. Visualization paints Rasters; the SDL front end uploads them as textures.
public struct Raster: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public var pixels: [UInt32]

  /// A raster filled with one color.
  public init(width: Int, height: Int, fill: UInt32 = 0xFF00_0000) {
    precondition(width >= 0 && height >= 0, "a raster has a non-negative size")
    self.width = width
    self.height = height
    self.pixels = [UInt32](repeating: fill, count: width * height)
  }

  /// The pixel at column `x`, row `y`.
  public subscript(x: Int, y: Int) -> UInt32 {
    get { pixels[y * width + x] }
    set { pixels[y * width + x] = newValue }
  }
}
