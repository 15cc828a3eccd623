import ImmediateUI

/// A polyline to stroke into a raster: points in raster pixels, a width, a color, optional dashes.
public struct StrokedPath: Sendable {
  public var points: [Point]
  public var width: Float
  /// 0xAARRGGBB; the alpha scales the coverage.
  public var color: UInt32
  /// Dash pattern (on, off) in pixels and its phase; nil draws a solid line.
  public var dash: (on: Float, off: Float, phase: Float)?

  public init(points: [Point], width: Float, color: UInt32, dash: (on: Float, off: Float, phase: Float)? = nil) {
    self.points = points
    self.width = width
    self.color = color
    self.dash = dash
  }
}

/// Anti-aliased thick polylines painted straight into a transparent raster: the network's links as
/// one picture, which costs a fraction of tessellating hundreds of curves into triangles.
///
/// Coverage of a pixel by a segment of half-width h is clamp(h + ½ − d, 0, 1), d being the
/// distance from the pixel centre to the segment; dashes keep the pixels whose arc length s
/// (measured along the path, minus the phase) falls in the "on" part of the period.
public enum CurveRaster {
  /// Strokes every path into `raster` (over what is there), in order.
  public static func stroke(_ paths: [StrokedPath], into raster: inout Raster) {
    let w = raster.width
    let h = raster.height
    raster.pixels.withUnsafeMutableBufferPointer { px in
      for path in paths where path.points.count >= 2 {
        let hw = max(0.5, path.width / 2)
        // Pixels nearer than hw − ½ are fully covered, farther than hw + ½ not at all.
        let outer2 = (hw + 0.5) * (hw + 0.5)
        let inner2 = max(0, hw - 0.5) * max(0, hw - 0.5)
        let a8 = Float(path.color >> 24) / 255
        let rgb = path.color & 0x00FF_FFFF
        var arc: Float = 0
        for k in 1..<path.points.count {
          let a = path.points[k - 1]
          let b = path.points[k]
          let dx = b.x - a.x
          let dy = b.y - a.y
          let length2 = dx * dx + dy * dy
          let length = length2.squareRoot()
          let reach = hw + 0.5
          let x0 = max(0, Int((min(a.x, b.x) - reach).rounded(.down)))
          let x1 = min(w - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
          let y0 = max(0, Int((min(a.y, b.y) - reach).rounded(.down)))
          let y1 = min(h - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
          if x0 <= x1 && y0 <= y1 {
            // Visit only a band around the segment: along its major axis, each row (or column)
            // spans the band's width there, reach·length/|major| on each side, plus a pixel.
            let steep = abs(dy) >= abs(dx)
            let major = steep ? dy : dx
            let span = length > 0 ? reach * length / max(abs(major), 1e-6) + 1 : reach + 1
            @inline(__always) func shade(_ x: Int, _ y: Int) {
              let pxc = Float(x) + 0.5
              let py = Float(y) + 0.5
              var t = length2 > 0 ? ((pxc - a.x) * dx + (py - a.y) * dy) / length2 : 0
              t = min(max(t, 0), 1)
              let ex = pxc - (a.x + t * dx)
              let ey = py - (a.y + t * dy)
              let d2 = ex * ex + ey * ey
              if d2 >= outer2 { return }
              var coverage = d2 <= inner2 ? 1 : min(1, hw + 0.5 - d2.squareRoot())
              if let dash = path.dash {
                let period = dash.on + dash.off
                var s = (arc + t * length - dash.phase).truncatingRemainder(dividingBy: period)
                if s < 0 { s += period }
                if s >= dash.on { return }
                // Soften the dash ends over one pixel.
                coverage = min(coverage, min(s + 0.5, dash.on - s + 0.5))
              }
              let alpha = UInt32(min(255, max(0, coverage * a8 * 255)))
              let i = y * w + x
              px[i] = over(px[i], rgb: rgb, alpha: alpha)
            }
            if steep {
              for y in y0...y1 {
                let t = length2 > 0 ? min(max((Float(y) + 0.5 - a.y) / dy, 0), 1) : 0
                let xc = a.x + t * dx
                let lo = max(x0, Int((xc - span).rounded(.down)))
                let hi = min(x1, Int((xc + span).rounded(.up)))
                if lo <= hi { for x in lo...hi { shade(x, y) } }
              }
            } else {
              for x in x0...x1 {
                let t = min(max((Float(x) + 0.5 - a.x) / dx, 0), 1)
                let yc = a.y + t * dy
                let lo = max(y0, Int((yc - span).rounded(.down)))
                let hi = min(y1, Int((yc + span).rounded(.up)))
                if lo <= hi { for y in lo...hi { shade(x, y) } }
              }
            }
          }
          arc += length
        }
      }
    }
  }

  /// Source-over compositing of an (rgb, alpha) color onto a non-premultiplied ARGB pixel.
  @inline(__always)
  static func over(_ dst: UInt32, rgb: UInt32, alpha sa: UInt32) -> UInt32 {
    let da = dst >> 24
    // The common cases need no division: an empty pixel or an opaque source.
    if da == 0 || sa == 255 { return sa << 24 | rgb }
    if sa == 0 { return dst }
    // Result alpha: sa + da·(1 − sa).
    let outA = sa + (da * (255 - sa) + 127) / 255
    guard outA > 0 else { return 0 }
    func channel(_ shift: UInt32) -> UInt32 {
      let s = (rgb >> shift) & 0xFF
      let d = (dst >> shift) & 0xFF
      // (s·sa + d·da·(1 − sa)) / outA
      let num = s * sa * 255 + d * da * (255 - sa)
      return min(255, num / (outA * 255))
    }
    return outA << 24 | channel(16) << 16 | channel(8) << 8 | channel(0)
  }
}
