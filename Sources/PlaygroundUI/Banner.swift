import ImmediateUI
import Localization
import PlaygroundCore

extension PlaygroundView {
  /// Where the banner floats this frame and its wrapped lines: as wide as the layout allows, as
  /// tall as its text needs (the message is never cut).
  func bannerPlacement(_ ui: UIContext, _ layout: Layout, _ state: AppState) -> (rect: Rect, lines: [String])? {
    guard let banner = state.banner, let anchor = layout.banner else { return nil }
    let textWidth = max(40, anchor.width - 24 - anchor.height - 8)
    let lines = ui.wrap(banner.text, toWidth: textWidth, size: TypeSize.body, weight: .bold)
    let lineHeight = (ui.measure("Ag", size: TypeSize.body, weight: .bold).height * 1.1).rounded()
    let room = layout.window.maxY - anchor.y - Metrics.margin
    let height = min(room, max(anchor.height, Float(lines.count) * lineHeight + 16))
    return (Rect(x: anchor.x, y: anchor.y, width: anchor.width, height: height), lines)
  }

  /// Marks the banner's area as covered before the panels are drawn, so what lies under it takes
  /// no hover and no click.
  func reserveBanner(_ ui: UIContext, _ layout: Layout, _ state: AppState) {
    if let placed = bannerPlacement(ui, layout, state) { ui.occluders.append(placed.rect) }
  }

  /// The message floating under the top bar: warnings in orange, errors in red, information in
  /// blue; long text wraps; × or Esc dismisses it. Drawn after the panels, over them.
  func drawBanner(_ f: inout FrameBuilder) {
    guard let banner = f.state.banner, let placed = bannerPlacement(f.ui, f.layout, f.state) else { return }
    let ui = f.ui
    let rect = placed.rect
    let (fill, edge): (Color, Color) =
      switch banner.kind {
      case .warning: (Color(rgb: 0xFFE9CC), Color(rgb: 0xE07B00))
      case .error: (Color(rgb: 0xFCE1E1), Color(rgb: 0xC62828))
      case .info: (Color(rgb: 0xDCEBF7), Color(rgb: 0x0877BD))
      }
    ui.aboveOccluders = true
    defer { ui.aboveOccluders = false }
    // A soft shadow lifts it off the panels it covers.
    ui.draw.fillRoundedRect(rect.offset(dx: 0, dy: 3), radius: 8, Color(argb: 0x3000_0000))
    ui.draw.fillRoundedRect(rect, radius: 6, fill)
    ui.draw.strokeRoundedRect(rect, radius: 6, width: 2, edge)
    ui.draw.fillRect(Rect(x: rect.x, y: rect.y, width: 6, height: rect.height), edge)
    let closeSide = min(rect.height, Metrics.bannerHeight)
    let close = Rect(x: rect.maxX - closeSide, y: rect.y, width: closeSide, height: closeSide).inset(5)
    let text = Rect(x: rect.x + 18, y: rect.y + 8, width: close.minX - 8 - (rect.x + 18), height: rect.height - 16)
    if placed.lines.count == 1 {
      ui.label(banner.text, in: Rect(x: text.x, y: rect.y, width: text.width, height: closeSide), size: TypeSize.body, color: f.theme.text, weight: .bold)
    } else {
      ui.paragraph(banner.text, in: text, size: TypeSize.body, color: f.theme.text, weight: .bold)
    }
    if ui.iconButton("Dismiss banner", icon: .close, in: close, style: .plain) {
      f.actions.append(.dismissBanner)
    }
    hint(ui, close, tr("Dismiss (Esc)"))
  }
}
