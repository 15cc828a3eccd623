extension UIContext {
  /// What a scrubber reports this frame.
  public struct ScrubberResult {
    /// Where the mouse drags the playhead to (0…1), while it is pressed on the track.
    public var fraction: Float?
    /// The marker under the mouse (index into `markers`), for its tooltip.
    public var hoveredMarker: Int?
  }

  /// A horizontal timeline: a track filled up to the playhead at `fraction` (0…1), a lighter part
  /// up to `reach` (where the present stands when the playhead is behind it), markers as small
  /// diamonds at their fractions, and a draggable playhead. Pressing anywhere on the track jumps
  /// there; dragging scrubs.
  public func scrubber(
    _ label: String, fraction: Float, reach: Float = 1, markers: [Float], in rect: Rect, enabled: Bool = true
  ) -> ScrubberResult {
    let t = theme
    let radius = t.sliderThumbRadius
    let x0 = rect.minX + radius
    let x1 = max(x0 + 1, rect.maxX - radius)
    func x(_ f: Float) -> Float { x0 + min(max(f, 0), 1) * (x1 - x0) }
    let state = interact(id(label), rect, enabled: enabled, name: label)
    var result = ScrubberResult()
    if state.pressed || state.held {
      result.fraction = min(max((input.mouse.x - x0) / (x1 - x0), 0), 1)
    }
    let h = t.sliderTrackHeight
    let bar = Rect(x: x0, y: rect.midY - h / 2, width: x1 - x0, height: h)
    draw.fillRoundedRect(bar, radius: h / 2, t.track)
    let head = x(result.fraction ?? fraction)
    draw.fillRoundedRect(
      Rect(x: x0, y: bar.y, width: max(0, x(reach) - x0), height: h), radius: h / 2, t.accent.withAlpha(0.35))
    draw.fillRoundedRect(Rect(x: x0, y: bar.y, width: head - x0, height: h), radius: h / 2, enabled ? t.accent : t.disabledText)
    let grow: Float = state.hovered || state.active ? 2 : 0
    let r = radius + grow
    let center = Point(head, rect.midY)
    draw.fillCircle(center: center, radius: r, enabled ? (state.active ? t.accentPressed : t.accent) : t.disabledText)
    draw.fillCircle(center: center, radius: r * 0.45, t.panel)
    // Markers last: a change at the moment shown stays visible on the playhead.
    let side: Float = max(5, h * 1.2)
    for (i, m) in markers.enumerated() {
      let c = Point(x(m), rect.midY)
      let diamond = [Point(c.x, c.y - side), Point(c.x + side, c.y), Point(c.x, c.y + side), Point(c.x - side, c.y)]
      draw.fillConvexPolygon(diamond, t.text)
      if isMouseOver(Rect(x: c.x - side - 2, y: rect.minY, width: 2 * side + 4, height: rect.height)) {
        result.hoveredMarker = i
      }
    }
    return result
  }
}
