import ImmediateUI
import SDLFrontend

/// A window in pixels and the zoom it is shown at, as the layout audits render it.
struct Screen: CustomStringConvertible {
  var width: Float
  var height: Float
  var zoom: Float
  var logical: Size { Size(width / zoom, height / zoom) }
  var description: String { "\(Int(width))x\(Int(height))@\(zoom)" }
}

/// The real font's measurer at each zoom, one offscreen canvas per zoom (the font's pixel sizes,
/// and so its widths, depend on it), made when first asked for.
@MainActor struct AuditMeasurers {
  private var canvases: [Float: OffscreenCanvas] = [:]

  mutating func measurer(zoom: Float) throws -> any TextMeasurer {
    if let c = canvases[zoom] { return c.measurer }
    let c = try OffscreenCanvas(width: 64, height: 64, scale: zoom)
    canvases[zoom] = c
    return c.measurer
  }
}
