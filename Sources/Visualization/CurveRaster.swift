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
          if x0 <= x1 && y0 <= y1 && length > 0 {
            // Row by row, only the x-interval where the capsule around the segment can reach:
            // the band |(p − a) × u| ≤ reach intersected with the projection range
            // −reach ≤ (p − a) · u ≤ length + reach (u the unit direction); eight pixels at a time.
            let ux = dx / length
            let uy = dy / length
            let lanes = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
            let dash = path.dash
            for y in y0...y1 {
              let py = Float(y) + 0.5
              var lo = Float(x0)
              var hi = Float(x1 + 1)
              let rel = py - a.y
              if abs(uy) > 1e-6 {
                let c = a.x + rel * ux / uy
                let half = reach / abs(uy)
                lo = max(lo, c - half)
                hi = min(hi, c + half)
              } else if abs(rel) > reach {
                continue
              }
              if abs(ux) > 1e-6 {
                let p0 = a.x + (-reach - rel * uy) / ux
                let p1 = a.x + (length + reach - rel * uy) / ux
                lo = max(lo, min(p0, p1))
                hi = min(hi, max(p0, p1))
              }
              let first = max(x0, Int(lo.rounded(.down)) - 1)
              let last = min(x1, Int(hi.rounded(.up)))
              guard first <= last else { continue }
              var x = first
              while x <= last {
                let pxc = lanes + Float(x) + 0.5
                var t = ((pxc - a.x) * dx + rel * dy) / length2
                t = t.replacing(with: 0, where: t .< 0).replacing(with: 1, where: t .> 1)
                let ex = pxc - (a.x + t * dx)
                let ey = py - (a.y + t * dy)
                let d = (ex * ex + ey * ey).squareRoot()
                var coverage = hw + 0.5 - d
                coverage = coverage.replacing(with: 1, where: coverage .> 1)
                if let dash {
                  let period = dash.on + dash.off
                  let raw = arc + t * length - dash.phase
                  let s = raw - (raw / period).rounded(.down) * period
                  let soft = (s + 0.5).replacing(with: dash.on - s + 0.5, where: dash.on - s .< s)
                  coverage = coverage.replacing(with: soft, where: soft .< coverage)
                  coverage = coverage.replacing(with: 0, where: s .>= dash.on)
                }
                let count = min(8, last - x + 1)
                for k in 0..<count where coverage[k] > 0 {
                  let alpha = UInt32(min(255, coverage[k] * a8 * 255))
                  let i = y * w + x + k
                  px[i] = over(px[i], rgb: rgb, alpha: alpha)
                }
                x += 8
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
