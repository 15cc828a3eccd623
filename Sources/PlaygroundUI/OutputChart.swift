import ImmediateUI
import Localization
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// The loss chart with its Log scale toggle and expand button (and, expanded, the accuracy
  /// chart), or the "Loss chart" button when there is no room for it.
  func drawCharts(_ f: inout FrameBuilder) {
    let (ui, l, state) = (f.ui, f.layout, f.state)
    let expand = l.chartExpandButton
    guard let logToggle = l.chartLogToggle else {
      // Folded: a chart icon beside Copy config.
      ui.noteControl("chart expand", expand)
      if ui.withID("chart.expand", { ui.button("", in: expand) }) {
        f.actions.append(.setChartExpanded(true))
      }
      drawChartIcon(ui, in: expand.inset(dx: 10, dy: 7), color: f.theme.text)
      hint(ui, expand, tr("Show the loss chart in the plot's place"))
      return
    }
    let spec = ChartSpec(
      title: tr("Loss"),
      lines: [
        ChartLine(series: state.dense.history.trainLoss, name: tr("Training"), color: ChartColors.train, width: 2),
        ChartLine(series: state.dense.history.testLoss, name: tr("Test"), color: ChartColors.test, width: 2.5),
      ], logScale: state.chart.logScale)
    let reserve = l.lossChart.maxX - logToggle.minX + 8
    ui.chart(spec, in: l.lossChart, reserve: reserve)
    if let on = ui.toggle(tr("Log"), isOn: state.chart.logScale, in: logToggle) {
      f.actions.append(.setChartLogScale(on))
    }
    hint(ui, logToggle, tr("Loss on a log scale: each grid line is ten times the one below"))
    if let r = l.accuracyChart {
      let accuracy = ChartSpec(
        title: tr("Accuracy"),
        lines: [ChartLine(series: state.dense.history.testAccuracy, name: tr("Test"), color: ChartColors.test, width: 2.5)],
        fixedRange: 0...1, percent: true)
      ui.chart(accuracy, in: r)
    }
    let expanded = state.chart.expanded
    ui.noteControl(expanded ? "chart shrink" : "chart expand", expand)
    if ui.withID("chart.expand", { ui.button("", in: expand) }) {
      f.actions.append(.setChartExpanded(!expanded))
    }
    drawExpandIcon(ui, in: expand.inset(7), inward: expanded, color: f.theme.text)
    hint(ui, expand, expanded ? tr("Back to the output plot") : tr("Enlarge the chart into the plot's place"))
    let plotArea = l.lossChart.inset(dx: 0, dy: ChartGeometry.headerHeight)
    if ui.isMouseOver(plotArea) && ui.activeID == nil {
      let e = state.evaluation
      ui.tooltip(
        tr(
          "Epoch {1}: test loss {2}, training {3}", state.experiment.epoch, Format.loss(e.test.loss),
          Format.loss(e.train.loss)))
    }
  }

  /// A small line chart: two axes and a falling curve.
  private func drawChartIcon(_ ui: UIContext, in r: Rect, color: Color) {
    ui.draw.line(from: Point(r.minX, r.minY), to: Point(r.minX, r.maxY), width: 2, color)
    ui.draw.line(from: Point(r.minX, r.maxY), to: Point(r.maxX, r.maxY), width: 2, color)
    let curve = [(0.12, 0.1), (0.3, 0.45), (0.5, 0.62), (0.75, 0.72), (1.0, 0.76)].map {
      (fx: Float, fy: Float) in
      Point(r.minX + 3 + (r.width - 3) * fx, r.minY + (r.height - 4) * fy)
    }
    ui.draw.polyline(curve, width: 2.5, ChartColors.test)
  }

  /// Two arrows along the diagonal, pointing out to the corners (expand) or in to the centre.
  private func drawExpandIcon(_ ui: UIContext, in r: Rect, inward: Bool, color: Color) {
    let c = r.center
    for (corner, sign) in [(Point(r.maxX, r.minY), Point(1, -1)), (Point(r.minX, r.maxY), Point(-1, 1))] {
      let half = r.width / 2
      let tip = inward ? Point(c.x + sign.x * 2, c.y + sign.y * 2) : corner
      let tail = inward ? corner : Point(c.x + sign.x * 2, c.y + sign.y * 2)
      ui.draw.line(from: tail, to: tip, width: 2, color)
      // The head: two short strokes back from the tip along the axes.
      let back: Float = inward ? 1 : -1
      let head = half * 0.5
      ui.draw.line(from: tip, to: Point(tip.x + back * sign.x * head, tip.y), width: 2, color)
      ui.draw.line(from: tip, to: Point(tip.x, tip.y + back * sign.y * head), width: 2, color)
    }
  }

  /// Tick marks and labels −6 … 6 along the plot's left and bottom edges (the data's domain).
  func drawPlotTicks(_ f: inout FrameBuilder) {
    let ui = f.ui
    let plot = f.layout.plot
    let t = f.theme
    let transform = PlotTransform(width: plot.width, height: plot.height)
    let step: Double = plot.width >= 240 ? 2 : 3
    for v in stride(from: -6.0, through: 6.0, by: step) {
      let p = transform.pixel(x: v, y: v)
      let text = v == 0 ? "0" : (v < 0 ? "−\(Int(-v))" : "\(Int(v))")
      let w = ui.measure(text, size: TypeSize.caption).width
      let x = plot.minX + p.x
      let y = plot.minY + p.y
      ui.draw.line(from: Point(x, plot.maxY), to: Point(x, plot.maxY + 5), width: 1.5, t.mutedText)
      ui.label(
        text, in: Rect(x: x - w / 2, y: plot.maxY + 5, width: w, height: 19), size: TypeSize.caption,
        color: t.mutedText, alignment: .center)
      ui.draw.line(from: Point(plot.minX - 5, y), to: Point(plot.minX, y), width: 1.5, t.mutedText)
      ui.label(
        text, in: Rect(x: plot.minX - 8 - w, y: y - 9.5, width: w, height: 19), size: TypeSize.caption,
        color: t.mutedText, alignment: .right)
    }
  }

  /// The first of `labels` that fits a toggle in `rect` (box and spacing included).
  func fitting(_ ui: UIContext, _ labels: [String], in rect: Rect) -> String {
    let room = rect.width - min(rect.height, 24) - ui.theme.spacing
    return labels.first { ui.measure($0, size: ui.theme.bodySize).width <= room } ?? labels[labels.count - 1]
  }
}
