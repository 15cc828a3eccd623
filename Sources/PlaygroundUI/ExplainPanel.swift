import ImmediateUI
import Localization
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// "Explain a step" in the output panel's place: the point
  /// chooser, the stage's explanation with its numbers, and the plot with the point ringed (a
  /// click picks the training point nearest to it).
  func drawExplainPanel(_ f: inout FrameBuilder, _ p: ExplainPanelLayout) {
    let (ui, l, t, state) = (f.ui, f.layout, f.theme, f.state)
    guard let explain = state.explain, let x = ExplainFigures(state) else { return }
    let stage = explain.stage(layerCount: x.layerCount)
    ui.panel(l.outputPanel)
    let title = tr("EXPLAIN A STEP")
    let titleSize = ui.shrinkingSize(title, width: p.title.width, from: TypeSize.heading, weight: .bold)
    ui.label(title, in: p.title, size: titleSize, color: t.mutedText, weight: .bold)

    let count = state.experiment.train.count
    if ui.iconButton(tr("Previous point"), icon: .minus, in: p.previousPoint) {
      f.actions.append(.explain(.pick(example: explain.example - 1)))
    }
    hint(ui, p.previousPoint, tr("The previous training point"))
    if ui.iconButton(tr("Next point"), icon: .plus, in: p.nextPoint) {
      f.actions.append(.explain(.pick(example: explain.example + 1)))
    }
    hint(ui, p.nextPoint, tr("The next training point (or click one in the plot)"))
    let pointText = tr("Point {1} of {2}", explain.example + 1, count)
    ui.label(pointText, in: p.point, size: ui.shrinkingSize(pointText, width: p.point.width, from: TypeSize.body))

    let output = state.experiment.network.shape.output
    let text = ExplainText.stageText(x, stage: stage, config: state.config, output: output)
    let size = fittingParagraphSize(ui, text, in: p.text)
    // Every sentence of it came through the catalog; joined, it is shown as it is.
    ui.paragraph(verbatim(text), in: p.text, size: size, color: t.text)

    ui.draw.image(cache.output, in: l.plot, smooth: true, key: textureKey("output"))
    drawPlotTicks(&f)
    ringExplainedPoint(&f, example: explain.example)
    pickExplainedPoint(&f)
  }

  /// The button that opens the walk-through on the first training point ("Explain" when narrow).
  func drawExplainButton(_ f: inout FrameBuilder) {
    let ui = f.ui
    let r = f.layout.explainButton
    guard r.width > 0 else { return }
    let long = tr("Explain a step")
    let room = r.width - 2 * ui.theme.padding
    let label = ui.measure(long, size: ui.theme.bodySize).width <= room ? long : tr("Explain")
    // "Explicar", "Erklären" in the small corner button take caption type rather than be cut.
    let size = ui.measure(label, size: ui.theme.bodySize).width <= room ? ui.theme.bodySize : TypeSize.caption
    if ui.button(label, in: r, enabled: !f.state.experiment.train.isEmpty, textSize: size) {
      f.actions.append(.explain(.enter(example: 0)))
    }
    hint(ui, r, tr("Walk through one training step on one point: forward, loss, backward, update"))
  }

  /// Back, Next, the stage's name and Done over the network (`ExplainBarLayout`).
  func drawExplainBar(_ f: inout FrameBuilder, _ bar: ExplainBarLayout) {
    let ui = f.ui
    guard let explain = f.state.explain else { return }
    let layers = f.state.experiment.network.layerCount
    let stages = ExplainStage.all(layerCount: layers)
    let k = min(max(0, explain.stageIndex), stages.count - 1)
    // A long word in a narrow button gives way to its arrow or tick.
    func fit(_ label: String, _ symbol: String, _ r: Rect) -> String {
      ui.measure(label, size: ui.theme.bodySize).width <= r.width - 2 * ui.theme.padding ? label : verbatim(symbol)
    }
    if ui.button(fit(tr("Back"), "‹", bar.back), in: bar.back, enabled: k > 0) { f.actions.append(.explain(.back)) }
    hint(ui, bar.back, tr("The stage before (←)"))
    if ui.button(fit(tr("Next"), "›", bar.next), in: bar.next, enabled: k < stages.count - 1, style: .primary) {
      f.actions.append(.explain(.next))
    }
    hint(ui, bar.next, tr("The next stage (→)"))
    if ui.button(fit(tr("Done"), "✓", bar.leave), in: bar.leave) { f.actions.append(.explain(.leave)) }
    hint(ui, bar.leave, tr("Back to the normal view (Esc)"))
    let name = ExplainText.stageName(stages[k], layerCount: layers)
    let short = ExplainText.shortStageName(stages[k])
    let candidates = [
      tr("{1} of {2}: {3}", k + 1, stages.count, name), tr("{1}/{2} {3}", k + 1, stages.count, name), name,
      tr("{1}/{2} {3}", k + 1, stages.count, short), short, "\(k + 1)/\(stages.count)",
    ]
    let text = candidates.first { ui.measure($0, size: 12, weight: .bold).width <= bar.stage.width } ?? short
    ui.label(text, in: bar.stage, size: ui.shrinkingSize(text, width: bar.stage.width, from: TypeSize.body, weight: .bold), weight: .bold)
  }

  /// The largest of the caption, small and 11 pt sizes at which `text` fits `rect` (the smallest
  /// when none does; the paragraph then reports the lines it drops).
  func fittingParagraphSize(_ ui: UIContext, _ text: String, in rect: Rect) -> Float {
    for size in [TypeSize.caption, 13, 12, 11] as [Float] {
      let lineHeight = (ui.measure("Ag", size: size).height * 1.1).rounded()
      let lines = ui.wrap(text, toWidth: rect.width, size: size).count
      if Float(lines) * lineHeight <= rect.height + 0.5 { return size }
    }
    return 11
  }

  /// A ring around the explained point, drawn over the plot.
  private func ringExplainedPoint(_ f: inout FrameBuilder, example: Int) {
    let train = f.state.experiment.train
    guard train.indices.contains(example) else { return }
    let plot = f.layout.plot
    let point = train[example]
    let p = PlotTransform(width: plot.width, height: plot.height).pixel(x: point.x, y: point.y) + plot.origin
    f.ui.draw.strokeCircle(center: p, radius: 9, width: 4, Color.white)
    f.ui.draw.strokeCircle(center: p, radius: 9, width: 2, f.theme.text)
  }

  /// A click in the plot picks the nearest training point.
  private func pickExplainedPoint(_ f: inout FrameBuilder) {
    let ui = f.ui
    let plot = f.layout.plot
    ui.noteControl("output plot", plot)
    guard ui.isMouseOver(plot) else { return }
    let p = PlotTransform(width: plot.width, height: plot.height).plotPoint(atPixel: ui.input.mouse - plot.origin)
    if ui.input.pressed.contains(.left), let nearest = Self.nearestTrainingPoint(f.state, x: p.x, y: p.y) {
      f.actions.append(.explain(.pick(example: nearest)))
    } else if ui.activeID == nil {
      ui.tooltip(tr("Click a training point to explain its step"))
    }
  }

  /// The index of the training point nearest to (x, y).
  static func nearestTrainingPoint(_ state: AppState, x: Double, y: Double) -> Int? {
    let train = state.experiment.train
    guard !train.isEmpty else { return nil }
    var best = 0
    var bestDistance = Double.infinity
    for (k, point) in train.enumerated() {
      let d = (point.x - x) * (point.x - x) + (point.y - y) * (point.y - y)
      if d < bestDistance {
        best = k
        bestDistance = d
      }
    }
    return best
  }

}

extension UIContext {
  /// The largest size from `size` down to `minimum` at which `text` fits in `width`.
  func shrinkingSize(_ text: String, width: Float, from size: Float, minimum: Float = 11, weight: FontWeight = .regular) -> Float {
    var s = size
    while s > minimum && measure(text, size: s, weight: weight).width > width { s -= 1 }
    return s
  }
}
