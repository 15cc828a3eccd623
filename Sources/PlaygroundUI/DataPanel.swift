import Datasets
import ImmediateUI
import Localization
import PlaygroundCore

extension PlaygroundView {
  /// Dataset thumbnails, the split / noise / batch sliders and Regenerate.
  func drawDataPanel(_ f: inout FrameBuilder) {
    let (ui, l, t) = (f.ui, f.layout, f.theme)
    let config = f.state.config
    ui.panel(l.dataPanel)
    heading(ui, tr("DATA"), in: l.dataPanel)

    for tile in l.datasetTiles {
      let kind = tile.tag
      let r = tile.rect
      let state = ui.region("dataset \(kind.rawValue)", r)
      if let index = DatasetKind.allCases.firstIndex(of: kind), cache.thumbnails.indices.contains(index) {
        ui.draw.image(cache.thumbnails[index], in: r, smooth: true, key: textureKey("thumb.\(kind.rawValue)"))
      }
      if kind == config.dataset {
        ui.draw.strokeRoundedRect(r.inset(-3), radius: 5, width: 3, t.text)
      } else {
        ui.draw.strokeRect(r, width: state.hovered ? 2 : 1, state.hovered ? t.accent : t.panelBorder)
      }
      if state.hovered && ui.activeID == nil { ui.tooltip(kind.shownName) }
      if state.clicked && kind != config.dataset { f.actions.append(.selectDataset(kind)) }
    }
    // A long name in a narrow panel: smaller type, then regular weight, before any cut.
    let name = config.dataset.shownName
    let row = l.datasetNameRow
    let boldSize = ui.fittingSize(name, width: row.width, from: TypeSize.body, weight: .bold)
    let boldFits = ui.measure(name, size: boldSize, weight: .bold).width <= row.width
    ui.label(
      name, in: row, size: boldFits ? boldSize : ui.fittingSize(name, width: row.width, from: TypeSize.body),
      color: t.text, alignment: .center, weight: boldFits ? .bold : .regular)

    if let v = slider(
      &f, tr("Training data"), Float(config.trainRatio), 10...90, step: 10, l.trainRatioSlider, "%")
    {
      f.actions.append(.setTrainRatio(v))
    }
    if let v = slider(&f, tr("Noise"), Float(config.noise), 0...50, step: 5, l.noiseSlider, "") {
      f.actions.append(.setNoise(v))
    }
    if let v = slider(&f, tr("Batch size"), Float(config.batchSize), 1...30, step: 1, l.batchSizeSlider, "") {
      f.actions.append(.setBatchSize(v))
    }
    if ui.button(tr("Regenerate"), in: l.regenerateButton) { f.actions.append(.regenerate) }
    hint(ui, l.regenerateButton, tr("New points from the same recipe"))
  }

  /// An integer slider with its caption above it; returns a new value when it changed.
  private func slider(
    _ f: inout FrameBuilder, _ caption: String, _ value: Float, _ range: ClosedRange<Float>, step: Float,
    _ rect: Rect, _ unit: String
  ) -> Int? {
    let captionRect = Rect(
      x: rect.x, y: rect.y - Metrics.captionHeight - 2, width: rect.width, height: Metrics.captionHeight)
    f.ui.label(caption, in: captionRect, size: TypeSize.caption, color: f.theme.mutedText)
    let shown = min(max(value, range.lowerBound), range.upperBound)
    guard
      let v = f.ui.slider(
        caption, value: shown, range: range, step: step, in: rect,
        format: { v in String(Int((v == shown ? value : v).rounded())) + unit })
    else { return nil }
    let n = Int(v.rounded())
    return n == Int(value) ? nil : n
  }

  /// A panel's bold heading in its top row.
  func heading(_ ui: UIContext, _ text: String, in panel: Rect, width: Float? = nil) {
    let row = Rect(
      x: panel.x + Metrics.margin, y: panel.y + Metrics.margin,
      width: width ?? panel.width - 2 * Metrics.margin,
      height: Metrics.headingRow)
    let size = ui.fittingSize(text, width: row.width, from: TypeSize.heading, weight: .bold)
    ui.label(text, in: row, size: size, color: ui.theme.mutedText, weight: .bold)
  }
}
