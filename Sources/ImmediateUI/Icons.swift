/// Symbols drawn with primitives (polygons and strokes), so they need no font glyphs and stay
/// sharp at any scale.
public enum Icon: Hashable, Sendable, CaseIterable {
  case plus, minus, play, pause, step, reset, close, check, chevronDown, chevronRight
}

extension DrawList {
  /// Draws `icon` centered in `rect`, sized to the smaller side.
  public mutating func icon(_ icon: Icon, in rect: Rect, _ color: Color) {
    let s = min(rect.width, rect.height)
    let c = rect.center
    let stroke = max(2, s * 0.12)
    // Offsets are in units of the icon's size, so every symbol scales together.
    func p(_ dx: Float, _ dy: Float) -> Point { Point(c.x + dx * s, c.y + dy * s) }
    switch icon {
    case .plus:
      line(from: p(-0.32, 0), to: p(0.32, 0), width: stroke, color)
      line(from: p(0, -0.32), to: p(0, 0.32), width: stroke, color)
    case .minus:
      line(from: p(-0.32, 0), to: p(0.32, 0), width: stroke, color)
    case .play:
      // An equilateral-looking triangle, nudged right so its visual center sits on the center.
      fillConvexPolygon([p(-0.26, -0.36), p(0.38, 0), p(-0.26, 0.36)], color)
    case .pause:
      fillRect(Rect(x: c.x - 0.28 * s, y: c.y - 0.34 * s, width: 0.2 * s, height: 0.68 * s), color)
      fillRect(Rect(x: c.x + 0.08 * s, y: c.y - 0.34 * s, width: 0.2 * s, height: 0.68 * s), color)
    case .step:
      fillConvexPolygon([p(-0.34, -0.34), p(0.18, 0), p(-0.34, 0.34)], color)
      fillRect(Rect(x: c.x + 0.2 * s, y: c.y - 0.34 * s, width: 0.16 * s, height: 0.68 * s), color)
    case .reset:
      // A 300° arc, counter-clockwise on screen from the top-right, with an arrow head at its end.
      let r = 0.3 * s
      let start: Float = -1.0
      let sweep: Float = 4.9
      let steps = 28
      let arc = (0...steps).map { i -> Point in
        let a = start - sweep * Float(i) / Float(steps)
        return Point(c.x + r * uiCos(a), c.y + r * uiSin(a))
      }
      polyline(arc, width: stroke, color)
      let a0 = start
      let tip = Point(c.x + r * uiCos(a0), c.y + r * uiSin(a0))
      // The head points along the arc's start tangent (clockwise direction), i.e. back at the arc.
      let tangent = Point(-uiSin(a0), uiCos(a0))
      let normal = Point(uiCos(a0), uiSin(a0))
      let h = 0.22 * s
      fillConvexPolygon(
        [tip + tangent * (h * 0.9), tip + normal * (h * 0.75), tip - normal * (h * 0.75)], color)
    case .close:
      line(from: p(-0.28, -0.28), to: p(0.28, 0.28), width: stroke, color)
      line(from: p(-0.28, 0.28), to: p(0.28, -0.28), width: stroke, color)
    case .check:
      polyline([p(-0.32, 0.02), p(-0.1, 0.26), p(0.34, -0.26)], width: stroke, color)
    case .chevronDown:
      polyline([p(-0.26, -0.12), p(0, 0.14), p(0.26, -0.12)], width: stroke, color)
    case .chevronRight:
      polyline([p(-0.12, -0.26), p(0.14, 0), p(-0.12, 0.26)], width: stroke, color)
    }
  }
}
