import CSDL2
import ImmediateUI

/// Renders DrawLists to Rasters without a window: SDL's software renderer drawing into an
/// ARGB8888 surface. Needs no display and no video driver, so it works in tests, CI and the
/// headless `playground render` command, and its output is byte-identical on every machine.
public final class OffscreenCanvas {
  /// The canvas size in logical pixels.
  public let width: Int
  public let height: Int
  /// Physical pixels per logical pixel; the output Raster is width·scale × height·scale.
  public let scale: Float
  public let renderer: Renderer
  public let fonts: FontCache
  public let drawer: DrawListRenderer

  private let surface: Surface

  /// A canvas of `width × height` logical pixels; `fontDirectory` overrides font lookup.
  public init(width: Int, height: Int, scale: Float = 1, fontDirectory: String? = nil) throws {
    self.width = width
    self.height = height
    self.scale = scale
    surface = try Surface(
      width: max(1, Int((Float(width) * scale).rounded())),
      height: max(1, Int((Float(height) * scale).rounded())))
    renderer = try Renderer(surface: surface)
    fonts = try FontCache(renderer: renderer, scale: scale, directory: fontDirectory)
    drawer = DrawListRenderer(renderer: renderer, fonts: fonts)
  }

  /// The measurer matching what this canvas paints (give it to the `UIContext`).
  public var measurer: any TextMeasurer { fonts }

  /// Clears to `background`, paints `list` and returns the pixels.
  public func render(_ list: DrawList, background: Color = Theme.light.windowBackground) throws -> Raster {
    if !drawer.coversTarget(list, scale: scale) { renderer.clear(background) }
    try drawer.render(list, scale: scale)
    return try renderer.readPixels()
  }
}
