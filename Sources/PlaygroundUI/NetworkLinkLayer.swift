import ImmediateUI
import Visualization

/// The network's links as one opaque picture, repainted only when a weight or the dash phase
/// changes.
///
/// The curves stay put while the network trains, so their pixels (`CurveFootprint`: each pixel's
/// distance to the curve and arc length there) are found once and kept; a frame only re-shades
/// those pixels with the current widths, colors and dash phase. A link's footprint is rebuilt
/// when its weight grows past the width it was built for (or shrinks well below it). The picture
/// covers just the links' bounding box and starts from the panel's color, so SDL copies it
/// instead of blending it.
final class NetworkLinkLayer {
  private(set) var raster = Raster(width: 0, height: 0)
  /// Where the raster sits, in logical pixels.
  private(set) var rect = Rect(x: 0, y: 0, width: 0, height: 0)
  private var geometryKey: GeometryKey?
  private var paintKey: PaintKey?
  /// Each link's curve flattened into raster pixels, and its footprint.
  private var paths: [[Point]] = []
  private var footprints: [CurveFootprint] = []
  private var scratch = CurveRaster.FootprintScratch()
  /// Footprint rebuilds so far (tests check that training alone does not rebuild them all).
  private(set) var footprintBuilds = 0

  private struct GeometryKey: Equatable {
    var curves: [CubicBezier]
    var panel: Rect
    var scale: Float
  }

  private struct PaintKey: Equatable {
    var weights: [Float]
    var phase: Float
    var background: UInt32
    var tints: [UInt32]
  }

  /// Dash pattern in logical pixels.
  static let dashOn: Float = 10
  static let dashOff: Float = 4
  /// The widest link's half-width plus the anti-aliased edge, in logical pixels (`Link.width` ≤ 7.4,
  /// 11.9 in the high-contrast theme).
  static let margin: Float = 7

  /// The picture of `links` and where to draw it; nil when there is nothing to draw.
  func paint(_ links: [Link], phase: Float, panel: Rect, scale: Float, background: Color) -> (Raster, Rect)? {
    let geometry = GeometryKey(curves: links.map(\.curve), panel: panel, scale: scale)
    if geometry != geometryKey {
      layOut(links, panel: panel, scale: scale)
      geometryKey = geometry
      paintKey = nil
    }
    guard raster.width > 0, raster.height > 0 else { return nil }
    let key = PaintKey(
      weights: links.map(\.weight), phase: phase, background: background.argb, tints: links.compactMap { $0.tint?.argb })
    if key != paintKey {
      repaint(links, phase: phase, scale: scale, background: background.argb)
      paintKey = key
    }
    return (raster, rect)
  }

  /// The bounding box of every curve (control points included: a cubic stays inside their hull),
  /// clipped to the panel's inside, and each curve in its pixels.
  private func layOut(_ links: [Link], panel: Rect, scale: Float) {
    var lo = Point(.infinity, .infinity)
    var hi = Point(-.infinity, -.infinity)
    for link in links {
      for p in [link.curve.p0, link.curve.c1, link.curve.c2, link.curve.p1] {
        lo = Point(min(lo.x, p.x), min(lo.y, p.y))
        hi = Point(max(hi.x, p.x), max(hi.y, p.y))
      }
    }
    let inside = panel.inset(2)
    let x0 = max(inside.minX, (lo.x - NetworkLinkLayer.margin).rounded(.down))
    let y0 = max(inside.minY, (lo.y - NetworkLinkLayer.margin).rounded(.down))
    let x1 = min(inside.maxX, (hi.x + NetworkLinkLayer.margin).rounded(.up))
    let y1 = min(inside.maxY, (hi.y + NetworkLinkLayer.margin).rounded(.up))
    rect = Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    let width = Int((rect.width * scale).rounded())
    let height = Int((rect.height * scale).rounded())
    if raster.width != width || raster.height != height {
      raster = Raster(width: max(0, width), height: max(0, height), fill: 0)
    }
    let origin = rect.origin
    paths = links.map { link in
      let c = link.curve
      return CubicBezier(
        (c.p0 - origin) * scale, (c.c1 - origin) * scale, (c.c2 - origin) * scale, (c.p1 - origin) * scale
      ).flattened(segments: 14)
    }
    footprints = []
  }

  private func repaint(_ links: [Link], phase: Float, scale: Float, background: UInt32) {
    raster.pixels.withUnsafeMutableBufferPointer { $0.update(repeating: background) }
    if footprints.count != links.count {
      footprints = links.indices.map { _ in CurveFootprint.empty }
    }
    for (k, link) in links.enumerated() {
      let width = link.width * scale
      let reach = max(0.5, width / 2) + 0.5
      // Built for whole pixels of reach, so small weight changes reuse the footprint.
      if reach > footprints[k].reach || reach < footprints[k].reach - 1.5 {
        footprints[k] = CurveRaster.footprint(
          paths[k], reach: reach.rounded(.up), width: raster.width, height: raster.height, scratch: &scratch)
        footprintBuilds += 1
      }
      CurveRaster.paint(
        footprints[k], width: width, color: link.color.argb,
        dash: (NetworkLinkLayer.dashOn * scale, NetworkLinkLayer.dashOff * scale, phase * scale), into: &raster)
    }
  }
}
