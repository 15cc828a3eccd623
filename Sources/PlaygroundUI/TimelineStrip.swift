import ImmediateUI
import Localization
import PlaygroundCore
import Training

/// The timeline along the window's bottom, in both modes: the moment shown ("Epoch 120 of 400"),
/// a track to drag to any epoch with a diamond where each change happened (hover: what changed),
/// and, while an earlier moment shows, "Continue from here" (the later history is set aside) and
/// "Now" (back to the present); "Undo" brings a set-aside history back. The keys `[` `]` step one
/// epoch, Home and End jump to the ends.
enum TimelineStrip {
  static let height: Float = 34

  /// Whether a window has the room: below this the panels need every row they have (the CNN
  /// mode's layers and mistakes gallery need more height than the 2-D panels).
  static func fits(_ window: Rect, cnn: Bool) -> Bool { window.height >= (cnn ? 860 : 560) && window.width >= 560 }

  /// The caption's text for a moment.
  static func caption(_ view: TimelineView, short: Bool) -> String {
    let shown = Int(view.shown.rounded(.down))
    if view.isViewingPast {
      return short ? "\(shown)/\(Int(view.end.rounded(.down)))" : tr("Epoch {1} of {2}", shown, Int(view.end.rounded(.down)))
    }
    return short ? "\(shown)" : tr("Epoch {1} (now)", shown)
  }
}

extension PlaygroundView {
  func drawTimeline(_ f: inout FrameBuilder) {
    let ui = f.ui
    let t = f.theme
    var r = f.layout.timeline
    guard r.width > 60, r.intersects(f.layout.window) else { return }
    let view = f.state.active.timelineView
    ui.draw.fillRoundedRect(r, radius: 6, t.panel)
    r = r.inset(dx: 8, dy: 2)
    // Buttons first (right), at their full labels when the strip is wide enough.
    let wide = r.width >= 760
    var buttons: [(id: String, label: String, action: Action)] = []
    if view.isViewingPast {
      buttons.append(("continue", wide ? tr("Continue from here") : tr("Continue"), .continueFromHere))
      buttons.append(("now", tr("Now"), .seek(.end)))
    }
    if view.canUndo { buttons.append(("undo", tr("Undo"), .undoBranch)) }
    if !view.isViewingPast {
      buttons.append(
        f.state.showingComparison == nil
          ? ("compare", tr("Compare"), .compare(.open)) : ("compare.close", tr("Close compare"), .compare(.close)))
    }
    for button in buttons.reversed() {
      let width = ui.measure(button.label, size: t.bodySize).width + 2 * t.padding + 4
      let rect = r.cutRight(width, spacing: 6).inset(dx: 0, dy: 2)
      if ui.withID("timeline." + button.id, { ui.button(button.label, in: rect) }) { f.actions.append(button.action) }
      if button.id == "undo" { hint(ui, rect, tr("Bring back the history Continue from here or Reset set aside (Ctrl+Z)")) }
    }
    let short = r.width < 420
    let text = TimelineStrip.caption(view, short: short)
    let captionWidth = min(r.width * 0.4, ui.measure(short ? "00000/00000" : tr("Epoch {1} of {2}", "00000", "00000"), size: t.bodySize).width + 8)
    let caption = r.cutLeft(captionWidth, spacing: 8)
    ui.label(text, in: caption, size: t.bodySize, color: view.isViewingPast ? t.accent : t.text)
    let span = max(view.end - view.start, 1e-9)
    let markers = view.markers.map { view.fraction($0.epoch) }
    let result = ui.scrubber("timeline", fraction: view.fraction(view.shown), reach: 1, markers: markers, in: r)
    if let m = result.hoveredMarker, result.fraction == nil {
      ui.tooltip(tr("Epoch {1}: {2}", Int(view.markers[m].epoch.rounded(.down)), ChangeWords.shown(view.markers[m].words)))
    }
    if let fraction = result.fraction {
      let epoch = view.start + Double(fraction) * span
      let target = Int(epoch.rounded())
      if Double(target) >= view.end {
        if view.isViewingPast { f.actions.append(.seek(.end)) }
      } else if target != Int(view.shown.rounded(.down)) || !view.isViewingPast {
        f.actions.append(.seek(.epoch(target)))
      }
    }
  }
}
