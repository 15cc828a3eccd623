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

  /// How far from the path a pixel center can be and still be touched: half the width plus ½.
  public var reach: Float { max(0.5, width / 2) + 0.5 }
}

/// Every pixel near a polyline, with its distance to the path and the arc length at its closest
/// point: the geometry of a stroke without its width, color or dash phase. The window's links keep
/// these between frames, so animating dashes or following changing weights only re-shades pixels.
public struct CurveFootprint: Sendable {
  /// The distance the footprint was built for: strokes up to this reach can be painted from it.
  public let reach: Float
  /// Pixel index (y · width + x), distance from the pixel center to the path, arc length there.
  var pixel: [Int32] = []
  var distance: [Float] = []
  var arc: [Float] = []

  /// A footprint with no pixels (reach 0: any stroke needs a new one).
  public static let empty = CurveFootprint(reach: 0)

  /// How many pixels it holds.
  public var count: Int { pixel.count }
}

/// Anti-aliased thick polylines painted straight into a raster: the network's links as one picture,
/// which costs a fraction of tessellating hundreds of curves into triangles.
///
/// Coverage of a pixel by a path of half-width h is clamp(h + ½ − d, 0, 1), d being the distance
/// from the pixel centre to the path; dashes keep the pixels whose arc length s (measured along
/// the path, minus the phase) falls in the "on" part of the period, with a one-pixel soft end.
/// The readable per-pixel definition is `CurveRasterTests.reference`, which the tests compare with.
public enum CurveRaster {
  /// Strokes every path into `raster` (over what is there), in order.
  public static func stroke(_ paths: [StrokedPath], into raster: inout Raster) {
    var scratch = FootprintScratch()
    for path in paths {
      let footprint = self.footprint(path.points, reach: path.reach, width: raster.width, height: raster.height, scratch: &scratch)
      paint(footprint, width: path.width, color: path.color, dash: path.dash, into: &raster)
    }
  }

  /// Reusable memory for building footprints (one per raster size).
  public struct FootprintScratch: Sendable {
    /// For each pixel, 1 + its index in the footprint being built when `stamp` matches.
    var slot: [Int32] = []
    var stamp: [Int32] = []
    var generation: Int32 = 0
    public init() {}
  }

  /// The pixels within `reach` of the polyline `points` inside a `width × height` raster. A pixel
  /// near several segments keeps its nearest one (so joints are painted once).
  public static func footprint(
    _ points: [Point], reach: Float, width w: Int, height h: Int, scratch: inout FootprintScratch
  ) -> CurveFootprint {
    var out = CurveFootprint(reach: reach)
    guard points.count >= 2, w > 0, h > 0 else { return out }
    if scratch.slot.count != w * h {
      scratch.slot = [Int32](repeating: 0, count: w * h)
      scratch.stamp = [Int32](repeating: 0, count: w * h)
      scratch.generation = 0
    }
    scratch.generation &+= 1
    if scratch.generation == Int32.max {
      scratch.stamp.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      scratch.generation = 1
    }
    let generation = scratch.generation
    var arc: Float = 0
    scratch.slot.withUnsafeMutableBufferPointer { slot in
      scratch.stamp.withUnsafeMutableBufferPointer { stamp in
        for k in 1..<points.count {
          let a = points[k - 1]
          let b = points[k]
          let dx = b.x - a.x
          let dy = b.y - a.y
          let length2 = dx * dx + dy * dy
          let length = length2.squareRoot()
          defer { arc += length }
          let x0 = max(0, Int((min(a.x, b.x) - reach).rounded(.down)))
          let x1 = min(w - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
          let y0 = max(0, Int((min(a.y, b.y) - reach).rounded(.down)))
          let y1 = min(h - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
          guard x0 <= x1, y0 <= y1, length > 0 else { continue }
          // Row by row, only the x-interval where the capsule around the segment can reach: the
          // band |(p − a) × u| ≤ reach intersected with −reach ≤ (p − a) · u ≤ length + reach.
          let ux = dx / length
          let uy = dy / length
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
            for x in first...last {
              let pxc = Float(x) + 0.5
              var t = ((pxc - a.x) * dx + rel * dy) / length2
              t = min(max(t, 0), 1)
              let ex = pxc - (a.x + t * dx)
              let ey = py - (a.y + t * dy)
              let d = (ex * ex + ey * ey).squareRoot()
              guard d < reach else { continue }
              let i = y * w + x
              if stamp[i] == generation {
                let j = Int(slot[i]) - 1
                if d < out.distance[j] {
                  out.distance[j] = d
                  out.arc[j] = arc + t * length
                }
              } else {
                stamp[i] = generation
                out.pixel.append(Int32(i))
                out.distance.append(d)
                out.arc.append(arc + t * length)
                slot[i] = Int32(out.pixel.count)
              }
            }
          }
        }
      }
    }
    return out
  }

  /// Paints a stroke of `width` (its reach at most the footprint's) over `raster`, which must be
  /// the size the footprint was built for.
  public static func paint(
    _ footprint: CurveFootprint, width: Float, color: UInt32, dash: (on: Float, off: Float, phase: Float)?,
    into raster: inout Raster
  ) {
    let n = footprint.count
    guard n > 0 else { return }
    let hw = max(0.5, width / 2)
    let scale = Float(color >> 24)  // coverage · alpha in 0…255
    let rgb = color & 0x00FF_FFFF
    let on = dash?.on ?? 0
    let period = dash.map { $0.on + $0.off } ?? 1
    let phase = dash?.phase ?? 0
    let dashed = dash != nil
    let invPeriod = 1 / period
    let edge = hw + 0.5
    raster.pixels.withUnsafeMutableBufferPointer { px in
      footprint.pixel.withUnsafeBufferPointer { pixel in
        footprint.distance.withUnsafeBufferPointer { distance in
          footprint.arc.withUnsafeBufferPointer { arc in
            // Per pixel k (eight at a time), the readable form:
            //   coverage = min(1, hw + ½ − d[k]); skip if ≤ 0
            //   dashed: σ = (s[k] − phase) mod period; skip if σ ≥ on; coverage = min(coverage, σ + ½, on − σ + ½)
            //   px = over(px, color, alpha: coverage · a)
            var k = 0
            while k < n {
              let m = min(8, n - k)
              var d = SIMD8<Float>(repeating: .infinity)
              var s = SIMD8<Float>(repeating: 0)
              if m == 8 {
                d = SIMD8(distance[k..<(k + 8)])
                s = SIMD8(arc[k..<(k + 8)])
              } else {
                for l in 0..<m {
                  d[l] = distance[k + l]
                  s[l] = arc[k + l]
                }
              }
              // (`replacing(with:where:)` compiles to blends; the generic pointwiseMin and SIMD
              // integer conversions are not specialized and cost more than the whole stroke.)
              var coverage = edge - d
              coverage = coverage.replacing(with: 1, where: coverage .> 1)
              if dashed {
                let raw = s - phase
                let sigma = raw - (raw * invPeriod).rounded(.down) * period
                let soft = (sigma + 0.5).replacing(with: on - sigma + 0.5, where: on - sigma .< sigma)
                coverage = coverage.replacing(with: soft, where: soft .< coverage)
                coverage = coverage.replacing(with: 0, where: sigma .>= on)
              }
              let alpha = coverage * scale
              if any(alpha .>= 1) {
                for l in 0..<m where alpha[l] >= 1 {
                  let i = Int(pixel[k + l])
                  px[i] = over(px[i], rgb: rgb, alpha: UInt32(min(255, alpha[l])))
                }
              }
              k += 8
            }
          }
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
    if da == 255 {
      // An opaque background (the links' panel): (s·sa + d·(255 − sa)) / 255, a constant divisor.
      let inv = 255 - sa
      let r = (((rgb >> 16) & 0xFF) * sa + ((dst >> 16) & 0xFF) * inv) / 255
      let g = (((rgb >> 8) & 0xFF) * sa + ((dst >> 8) & 0xFF) * inv) / 255
      let b = ((rgb & 0xFF) * sa + (dst & 0xFF) * inv) / 255
      return 0xFF00_0000 | r << 16 | g << 8 | b
    }
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
