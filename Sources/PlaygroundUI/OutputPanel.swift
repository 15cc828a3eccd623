import ImmediateUI
import Localization
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// The decision boundary with its axis ticks and the points, loss and accuracy, the loss chart
  /// (or its button), display toggles, the class legend (or the color bar), Copy config and the
  /// layer-warp view. With the chart expanded, the chart takes the plot's place.
  func drawOutputPanel(_ f: inout FrameBuilder) {
    let (ui, l, t, state) = (f.ui, f.layout, f.theme, f.state)
    if let explain = l.explainPanel { return drawExplainPanel(&f, explain) }
    ui.panel(l.outputPanel)
    // The folded chart's button may share the heading row with Copy config.
    let folded = l.chartLogToggle == nil && !state.chart.expanded
    let headingEnd = folded ? l.chartExpandButton.minX : l.copyConfigButton.minX
    heading(ui, tr("OUTPUT"), in: l.outputPanel, width: headingEnd - l.outputPanel.x - 2 * Metrics.margin)
    if ui.button(tr("Copy config"), in: l.copyConfigButton) {
      f.commands.append(.copyToClipboard(state.shareString))
    }
    hint(ui, l.copyConfigButton, tr("Copy every setting as one line (open it with --config)"))

    drawStats(&f)
    drawCharts(&f)
    guard !state.chart.expanded else { return }

    ui.draw.image(cache.output, in: l.plot, smooth: true, key: textureKey("output"))
    drawPlotTicks(&f)
    if let focus = state.focusedNeuron {
      let text =
        focus.layer == 0
        ? tr("Input {1}", focus.index + 1)
        : (focus.layer > state.config.hiddenLayers.count
          ? tr("Output neuron {1}", focus.index + 1) : tr("Layer {1}, neuron {2}", focus.layer, focus.index + 1))
      let width = ui.measure(text, size: TypeSize.caption).width + 16
      let pill = Rect(x: l.plot.x + 8, y: l.plot.y + 8, width: width, height: 26)
      ui.draw.fillRoundedRect(pill, radius: 6, Color.white.withAlpha(Float(0.9)))
      ui.label(text, in: pill.inset(dx: 8, dy: 0), size: TypeSize.caption, color: t.text)
    }
    handlePlotClicks(&f)

    let showTest = fitting(ui, [tr("Show test data"), tr("Test data")], in: l.showTestToggle)
    if let on = ui.toggle(showTest, isOn: state.config.showTestData, in: l.showTestToggle) {
      f.actions.append(.setShowTestData(on))
    }
    let discretize = fitting(ui, [tr("Discretize output"), tr("Discretize")], in: l.discretizeToggle)
    if let on = ui.toggle(discretize, isOn: state.config.discretize, in: l.discretizeToggle) {
      f.actions.append(.setDiscretize(on))
    }
    drawClassPicker(&f)
    drawLegend(&f)
    drawWarp(&f)
  }

  /// Loss (and accuracy for classes) on the test and training sets: a table whose column heads
  /// carry the chart's line colors (shorter names and 15 pt numbers in a narrow column).
  private func drawStats(_ f: inout FrameBuilder) {
    let ui = f.ui
    let t = f.theme
    let e = f.state.evaluation
    let r = f.layout.stats
    // A narrow column (beside the plot) takes the short names.
    let short = r.width < 220
    var table: [(String, Float, Float, (Float) -> String)] = [
      (short ? tr("Loss::narrow") : tr("Loss"), e.test.loss, e.train.loss, Format.loss)
    ]
    if f.state.experiment.classCount > 0 {
      table.append((short ? tr("Acc.") : tr("Accuracy"), e.test.accuracy, e.train.accuracy, Format.percent))
    }
    // A narrow column (beside the plot): the same table with short names and 15 pt numbers.
    let narrow = r.width < 220
    let rows = r.rows(3, spacing: 2)
    let columns = { (r: Rect) in r.columns(weights: narrow ? [0.8, 1, 1] : [1.1, 1, 1], spacing: narrow ? 4 : 6) }
    let head = columns(rows[0])
    let heads = [(tr("Test"), ChartColors.test), (narrow ? tr("Train") : tr("Training::table"), ChartColors.train)]
    for (k, (name, color)) in heads.enumerated() {
      let cell = head[k + 1]
      ui.label(name, in: cell, size: TypeSize.caption, color: t.mutedText, alignment: .right)
      ui.draw.fillRect(
        Rect(x: cell.maxX - min(cell.width, 40), y: cell.maxY - 3, width: min(cell.width, 40), height: 3),
        color)
    }
    let valueSize = narrow ? TypeSize.caption : TypeSize.body
    for (k, row) in table.enumerated() {
      let cells = columns(rows[k + 1])
      let name = row.0
      ui.label(name, in: cells[0], size: TypeSize.caption, color: t.mutedText)
      ui.label(
        row.3(row.1), in: cells[1], size: valueSize, color: t.text, alignment: .right, weight: .bold)
      ui.label(
        row.3(row.2), in: cells[2], size: valueSize, color: t.text, alignment: .right, weight: .bold)
    }
    hint(ui, rows[1], MathsCards.loss(f.state.experiment.network.shape.output, train: e.train.loss, test: e.test.loss))
  }

  /// Left click adds a point of the selected class, right click the other class, shift+click
  /// removes the nearest point.
  private func handlePlotClicks(_ f: inout FrameBuilder) {
    let ui = f.ui
    let l = f.layout
    ui.noteControl("output plot", l.plot)
    guard ui.isMouseOver(l.plot),
      !(l.warpView.map { $0.intersection(l.plot).contains(ui.input.mouse) } ?? false)
    else { return }
    let local = ui.input.mouse - l.plot.origin
    let p = PlotTransform(width: l.plot.width, height: l.plot.height).plotPoint(atPixel: local)
    let classes = f.state.experiment.classCount
    let selected = f.state.selectedClass
    if ui.input.pressed.contains(.left) {
      if ui.input.modifiers.contains(.shift) {
        f.actions.append(.removePointNear(x: p.x, y: p.y))
      } else {
        f.actions.append(.addPoint(x: p.x, y: p.y, label: classes == 0 ? 1 : Double(selected)))
      }
    } else if ui.input.pressed.contains(.right) {
      let other = classes == 0 ? -1 : Double(classes == 2 ? 1 - selected : (selected + 1) % max(2, classes))
      f.actions.append(.addPoint(x: p.x, y: p.y, label: other))
    } else if ui.activeID == nil && ui.focusedID == nil {
      ui.tooltip(
        classes == 0
          ? tr("Click: add a point of value +1, right click: −1, shift+click: remove")
          : tr("Click: add a point, right click: the other class, shift+click: remove"))
    }
  }

  /// The class legend: a swatch and "Class 1" per class. Each entry also picks the class a
  /// click in the plot adds; the picked one is ringed and bold.
  private func drawClassPicker(_ f: inout FrameBuilder) {
    let ui = f.ui
    for (k, r) in f.layout.classButtons.enumerated() {
      let region = ui.region("class \(k)", r)
      let selected = f.state.selectedClass == k
      let radius = min(r.height / 2 - 5, 9)
      let center = Point(r.x + 3 + radius, r.midY)
      if selected { ui.draw.strokeCircle(center: center, radius: radius + 3, width: 3, f.theme.text) }
      ui.draw.fillCircle(center: center, radius: radius, ClassPalette.standard.hue(k))
      let text = Rect(x: center.x + radius + 6, y: r.y, width: r.maxX - center.x - radius - 6, height: r.height)
      // "Class 2", else (a narrow column in a long language) the number beside its colour.
      let words = tr("Class {1}", k + 1)
      let weight: FontWeight = selected ? .bold : .regular
      let wordsSize = ui.fittingSize(words, width: text.width, from: TypeSize.body, weight: weight)
      let name = ui.measure(words, size: wordsSize, weight: weight).width <= text.width ? words : "\(k + 1)"
      let size = ui.fittingSize(name, width: text.width, from: TypeSize.body, weight: weight)
      ui.label(name, in: text, size: size, color: f.theme.text, weight: weight)
      if region.hovered && ui.activeID == nil { ui.tooltip(tr("Clicks in the plot add {1}", Choices.className(k))) }
      if region.clicked && !selected { f.actions.append(.selectClass(k)) }
    }
  }

  /// The regression color bar with round values under it.
  private func drawLegend(_ f: inout FrameBuilder) {
    guard let r = f.layout.legend else { return }
    let ui = f.ui
    let bar = Rect(x: r.x + 10, y: r.y + 2, width: r.width - 20, height: 12)
    ui.draw.image(cache.legend, in: bar, smooth: true, key: textureKey("legend"))
    let range = cache.valueRange
    let count = max(2, Int(bar.width / 70))
    let step = AxisTicks.step(span: range.upperBound - range.lowerBound, approximateCount: count)
    var lastEnd = -Float.infinity
    for v in AxisTicks.linear(in: range, approximateCount: count) {
      let x = bar.x + bar.width * (v - range.lowerBound) / (range.upperBound - range.lowerBound)
      let text = AxisTicks.label(v, step: step)
      let w = ui.measure(text, size: TypeSize.caption).width
      let box = Rect(x: x - w / 2, y: bar.maxY + 3, width: w, height: 20)
      guard box.minX >= r.minX - 0.5, box.maxX <= r.maxX + 0.5, box.minX >= lastEnd + 8 else { continue }
      ui.draw.line(from: Point(x, bar.minY), to: Point(x, bar.maxY + 3), width: 1.5, f.theme.text)
      ui.label(text, in: box, size: TypeSize.caption, color: f.theme.mutedText, alignment: .center)
      lastEnd = box.maxX
    }
  }

  /// The warp picker and, when a layer is chosen, its warped grid with the training points.
  private func drawWarp(_ f: inout FrameBuilder) {
    let ui = f.ui
    let hidden = f.state.config.hiddenLayers
    guard let picker = f.layout.warpPicker else { return }
    let layers = hidden.indices.filter { hidden[$0] >= 2 }
    let options = [tr("Warp: off")] + layers.map { tr("Warp: layer {1}", $0 + 1) }
    let selected = f.state.warp.flatMap { w in layers.firstIndex(of: w.layer).map { $0 + 1 } } ?? 0
    if let i = ui.dropdown("warp", options: options, selected: selected, in: picker) {
      f.actions.append(.showWarp(i == 0 ? nil : LayerWarpChoice(layer: layers[i - 1], first: 0, second: 1)))
    }
    guard let r = f.layout.warpView, let plane = cache.warp else { return }
    ui.draw.fillRect(r, f.theme.panel)
    ui.draw.strokeRect(r, width: 1.5, f.theme.panelBorder)
    ui.pushClip(r)
    for line in plane.gridLines { ui.draw.polyline(line, width: 1, Color(rgb: 0xA9B2BC)) }
    let radius: Float = r.width > 150 ? 3 : 2.5
    for (p, color) in zip(plane.points, cache.warpColors) {
      ui.draw.fillCircle(center: p, radius: radius, color)
    }
    ui.popClip()
    if ui.isMouseOver(r), let w = f.state.warp {
      ui.tooltip(
        tr("How hidden layer {1} bends the plane: neuron {2} → right, neuron {3} → up", w.layer + 1, w.first + 1, w.second + 1))
    }
  }
}

/// Line colors of the loss chart, repeated in the readout's column heads.
enum ChartColors {
  static let test = Color(rgb: 0x25292E)
  static let train = Color(rgb: 0x8C939B)
}
