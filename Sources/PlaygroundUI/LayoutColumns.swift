import ImmediateUI
import Localization
import PlaygroundCore

extension Metrics {
  /// Below this main-area width DATA and the network share one place behind tabs: three columns
  /// need DATA (≥ 160), a network with room for two layers (≈ 340) and OUTPUT (≥ 330).
  static let foldBelowWidth: Float = 900
  /// Below this width OUTPUT joins the tabs too: each panel then gets the whole width.
  static let foldAllBelowWidth: Float = 640
  static let tabHeight: Float = 36
}

extension Layout {
  /// Splits the main area into DATA | network | OUTPUT, as TensorFlow Playground does; in a narrow
  /// window DATA and the network fold behind tabs beside OUTPUT.
  ///
  /// OUTPUT gets its share first, so the decision boundary stays large when the window shrinks
  /// or the zoom grows.
  mutating func layColumns(_ main: Rect, state: AppState) {
    let m = Metrics.self
    var columns = main
    // The plot a class can read from the back: 290 px; 240 on a small screen (800 × 600); 260 in
    // the shortest windows, which are a projector's zoom (260 logical pixels at zoom 1.5 are
    // larger on screen than 290 at zoom 1).
    let target: Float = main.height >= 620 ? 290 : main.height >= 480 ? 240 : 260
    let output = Layout.outputWidth(reaching: target, height: main.height, state: state)
    let dataMin: Float = 160
    // Features (beside their names), the output column, and 28 px for each layer's +/−.
    let layers = Float(max(2, state.config.hiddenLayers.count))
    let networkMin: Float = max(300, 236 + 28 * layers)
    if main.width >= dataMin + networkMin + output + 2 * m.gap {
      let dataWidth = min(220, max(dataMin, main.width * 0.155))
      let outputWidth = min(max(output, 480), max(output, main.width * 0.31))
      dataPanel = columns.cutLeft(dataWidth, spacing: m.gap)
      outputPanel = columns.cutRight(outputWidth, spacing: m.gap)
      networkPanel = columns
      panelTabs = []
      return
    }
    if main.width < m.foldAllBelowWidth || main.width < networkMin + output + m.gap {
      let tabs = columns.cutTop(m.tabHeight, spacing: 8).columns(3, spacing: 8)
      panelTabs = zip(SidePanel.allCases, tabs).map { TaggedRect($0, $1) }
      // The panels not shown go far off screen: not drawn, not clickable.
      let away = columns.offset(dx: 20_000, dy: 0)
      dataPanel = state.sidePanel == .data ? columns : away
      networkPanel = state.sidePanel == .network ? columns : away.offset(dx: 20_000, dy: 0)
      outputPanel = state.sidePanel == .output ? columns : away.offset(dx: 40_000, dy: 0)
      return
    }
    // The network keeps what its layers need; OUTPUT takes what its plot needs, up to 44 %.
    let outputWidth = min(max(output, main.width * 0.44), main.width - networkMin - m.gap)
    outputPanel = columns.cutRight(outputWidth, spacing: m.gap)
    let tabs = columns.cutTop(m.tabHeight, spacing: 8).columns(2, spacing: 8)
    panelTabs = [TaggedRect(.data, tabs[0]), TaggedRect(.network, tabs[1])]
    let away = columns.offset(dx: 20_000, dy: 0)
    dataPanel = state.sidePanel == .data ? columns : away
    networkPanel = state.sidePanel != .data ? columns : away
  }

  /// The narrowest OUTPUT panel (in steps of 10 px, from 330 to 560) of `height` whose plot is at
  /// least `target` pixels wide.
  static func outputWidth(reaching target: Float, height: Float, state: AppState) -> Float {
    var width: Float = 330
    while width < 560 && outputPlotSide(panel: Size(width, height), state: state) < target { width += 10 }
    return width
  }

  /// The panel a folded window shows in the shared place.
  func isShowing(_ panel: SidePanel) -> Bool {
    switch panel {
    case .data: dataPanel.intersects(window)
    case .network: networkPanel.intersects(window)
    case .output: outputPanel.intersects(window)
    }
  }
}

extension PlaygroundView {
  /// The DATA | NETWORK tabs of a folded window; a click shows the other panel.
  func drawPanelTabs(_ f: inout FrameBuilder) {
    let ui = f.ui
    let t = f.theme
    for tab in f.layout.panelTabs {
      let selected = f.layout.isShowing(tab.tag)
      let name = tab.tag.rawValue.uppercased()
      let title: String =
        switch tab.tag {
        case .data: tr("DATA")
        case .network: tr("NETWORK")
        case .output: tr("OUTPUT")
        }
      if selected {
        ui.draw.fillRoundedRect(tab.rect, radius: t.cornerRadius, t.accent)
        ui.label(
          title, in: tab.rect, size: TypeSize.body, color: t.textOnAccent, alignment: .center, weight: .bold)
        ui.noteControl("tab \(name)", tab.rect)
      } else {
        let region = ui.region("tab \(name)", tab.rect)
        ui.draw.fillRoundedRect(tab.rect, radius: t.cornerRadius, region.hovered ? t.controlHover : t.control)
        ui.draw.strokeRoundedRect(tab.rect, radius: t.cornerRadius, width: t.borderWidth, t.controlBorder)
        ui.label(title, in: tab.rect, size: TypeSize.body, color: t.text, alignment: .center, weight: .bold)
        if region.clicked { f.actions.append(.showSidePanel(tab.tag)) }
      }
    }
  }
}
