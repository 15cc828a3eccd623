import ImmediateUI
import PlaygroundCore

extension Layout {
  /// Heading with Copy config; readouts beside the loss chart; the plot; toggles; classes or the
  /// legend with the warp picker; the warp view below when there is room, else inset in the plot.
  mutating func layOutputPanel(state: AppState) {
    let m = Metrics.self
    var inner = outputPanel.inset(m.margin)
    let heading = inner.cutTop(m.headingRow, spacing: 8)
    copyConfigButton = Rect(x: heading.maxX - 140, y: heading.midY - 17, width: 140, height: 34)
    var readouts = inner.cutTop(88, spacing: 10)
    stats = readouts.cutLeft(min(236, max(226, readouts.width * 0.6)), spacing: 10)
    lossChart = readouts

    let wideToggles = inner.width >= 370
    let togglesHeight = wideToggles ? m.toggleHeight : 2 * m.toggleHeight + 4
    let below = 8 + togglesHeight + 8 + m.controlHeight
    let side = max(60, min(inner.width, inner.height - below)).rounded(.down)
    plot = Rect(x: inner.midX - side / 2, y: inner.y, width: side, height: side)
    _ = inner.cutTop(side, spacing: 8)

    var toggles = inner.cutTop(togglesHeight, spacing: 8)
    if wideToggles {
      let halves = toggles.columns(weights: [0.45, 0.55], spacing: 8)
      showTestToggle = halves[0]
      discretizeToggle = halves[1]
    } else {
      showTestToggle = toggles.cutTop(m.toggleHeight, spacing: 4)
      discretizeToggle = toggles
    }

    var row = inner.cutTop(m.controlHeight, spacing: 8)
    let hidden = state.config.hiddenLayers
    if hidden.contains(where: { $0 >= 2 }) {
      warpPicker = row.cutRight(min(170, row.width * 0.5), spacing: 10)
    }
    if state.config.problem == .regression {
      legend = row.splitLeft(min(240, row.width)).left
    } else {
      let classes = max(2, state.experiment.classCount)
      let swatch = min(m.controlHeight, (row.width - Float(classes - 1) * 6) / Float(classes))
      classButtons = (0..<classes).map {
        Rect(x: row.x + Float($0) * (swatch + 6), y: row.midY - swatch / 2, width: swatch, height: swatch)
      }
    }

    guard let warp = state.warp, hidden.indices.contains(warp.layer), hidden[warp.layer] >= 2 else { return }
    if inner.height >= 100 {
      let s = min(inner.height, 220, inner.width)
      warpView = Rect(x: inner.x, y: inner.y, width: s, height: s)
    } else {
      let s = (plot.width * 0.36).rounded()
      warpView = Rect(x: plot.maxX - s - 6, y: plot.y + 6, width: s, height: s)
    }
  }
}
