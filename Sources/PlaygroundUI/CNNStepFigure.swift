import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

extension PlaygroundView {
  /// A row of detail pictures (captions above) and, below, a clickable grid of a layer's maps with
  /// the followed one outlined; with no grid, the details in rows of `columns`.
  func layFigure(
    _ c: inout CNNFrame, _ area: Rect, layer: Int, detail: [StepTile], grid: [StepTile], gridTitle: String,
    followed: Int?, columns: Int? = nil, clickable: Bool = true
  ) {
    let (ui, t) = (c.ui, c.theme)
    var r = area
    let captionHeight: Float = 20
    let gap: Float = 12
    let perRow = max(1, columns ?? detail.count)
    var rows = (detail.count + perRow - 1) / perRow
    let cell = ((r.width - gap * Float(perRow - 1)) / Float(perRow)).rounded(.down)
    // A short figure keeps the followed pictures and drops the layer's grid.
    let grid = r.height * 0.5 - captionHeight >= 48 ? grid : []
    // The grid takes half the height, or less when one row of its tiles (at least 28 px) fits
    // the width: the followed pictures get the rest.
    let n = Float(grid.count)
    let oneRow = grid.isEmpty ? 0 : min(110, ((r.width - 6 * (n - 1)) / n).rounded(.down))
    let gridHeight = grid.isEmpty ? 0 : (oneRow >= 28 ? min(r.height * 0.5, captionHeight + 4 + oneRow + 8) : r.height * 0.5)
    func side(_ rows: Int) -> Float {
      let rowRoom = ((r.height - gridHeight) / Float(max(1, rows))).rounded(.down)
      return max(0, min(grid.isEmpty ? 200 : 180, cell, rowRoom - captionHeight - 6))
    }
    // Rows of pictures too small to read give way: the first rows (layer 1's filter first) stay.
    while rows > 1 && side(rows) < 40 { rows -= 1 }
    let side = side(rows)
    guard side >= 24 || detail.isEmpty else { return }
    for row in 0..<rows {
      guard r.height >= side + captionHeight else { break }
      var line = r.cutTop(side + captionHeight, spacing: 6)
      for j in 0..<perRow {
        let i = row * perRow + j
        guard i < detail.count else { break }
        var box = line.cutLeft(cell, spacing: gap)
        let caption = box.cutTop(captionHeight)
        var text = detail[i].caption
        if let short = detail[i].shortCaption, ui.measure(text, size: 11).width > caption.width { text = short }
        ui.label(
          text, in: caption, size: ui.shrinkingSize(text, width: caption.width, from: TypeSize.caption), color: t.mutedText)
        let tile = Rect(x: box.x, y: box.y, width: side, height: side)
        ui.draw.image(detail[i].raster, in: tile, key: textureKey("cnn.step.detail.\(i)"))
        ui.draw.strokeRect(tile, width: 1, t.separator)
        // Hovering a picture gives the number under the pointer, (column, row) from 1.
        if ui.isMouseOver(tile), let (column, row, value) = detail[i].value(at: ui.input.mouse, in: tile) {
          ui.tooltip(verbatim("(\(column), \(row)): " + ExplainText.precise(value)))
        }
      }
    }
    guard !grid.isEmpty, r.height > captionHeight + 24 else { return }
    let head = r.cutTop(captionHeight, spacing: 4)
    ui.label(gridTitle, in: head, size: ui.shrinkingSize(gridTitle, width: head.width, from: TypeSize.caption), color: t.mutedText)
    // As many columns as give the largest tiles (at most 110 px; the fewest rows among equals).
    var best: (cols: Int, side: Float) = (grid.count, 0)
    for cols in 1...grid.count {
      let rowsNeeded = Float((grid.count + cols - 1) / cols)
      let s = min(110, ((r.width - 6 * Float(cols - 1)) / Float(cols)).rounded(.down), ((r.height - 6 * (rowsNeeded - 1)) / rowsNeeded).rounded(.down))
      if s >= best.side { best = (cols, s) }
    }
    guard best.side >= 8 else { return }
    for (i, tile) in grid.enumerated() {
      let rect = Rect(
        x: r.x + Float(i % best.cols) * (best.side + 6), y: r.y + Float(i / best.cols) * (best.side + 6), width: best.side,
        height: best.side)
      ui.draw.image(tile.raster, in: rect, key: textureKey("cnn.step.grid.\(i)"))
      let chosen = i == followed
      ui.draw.strokeRect(chosen ? rect.inset(-2) : rect, width: chosen ? 3 : 1, chosen ? t.accent : t.separator)
      // Tiles too small for a pointer to pick stay pictures only.
      guard clickable, best.side >= 20 else { continue }
      let hit = ui.region("map \(i)", rect)
      if hit.clicked { c.actions.append(.cnn(.inside(.step(.follow(layer: layer, filter: i))))) }
      if hit.hovered { ui.tooltip(tr("Filter {1}: click to follow it", i + 1)) }
    }
  }

  /// The dense layer's stages as a table, one row per class: the scores and probabilities
  /// (forward), the right class's probability (loss), or ∂L/∂z = p − y (backward).
  @discardableResult
  func drawClassTable(_ c: inout CNNFrame, _ s: CNNExplainedStep, stage: ExplainStage, in area: Rect) -> Rect {
    let (ui, t, e) = (c.ui, c.theme, c.cnn.experiment)
    let x = s.explanation
    let p = x.forward.probabilities
    let classes = p.count
    var r = area
    let rowHeight = min(28, max(18, (r.height / Float(classes + 1)).rounded(.down)))
    guard r.height >= 2 * rowHeight else { return .zero }
    // Rows by class order; when they do not all fit, the right class and the likeliest others.
    var shown = Array(0..<classes)
    let fitting = Int(r.height / rowHeight) - 1
    if fitting < classes {
      let others = (0..<classes).filter { $0 != x.label }.sorted { p[$0] > p[$1] }
      shown = ([x.label] + others.prefix(max(0, fitting - 1))).sorted()
    }
    let backward = stage != .loss && stage != .forward(layer: c.cnn.stepLayerCount)
    let numbers: [String] =
      stage == .loss ? [verbatim("p")] : (backward ? [verbatim("p"), verbatim("y"), verbatim("∂L/∂z")] : [tr("score z"), verbatim("p")])
    func values(_ k: Int) -> [Float] {
      stage == .loss ? [p[k]] : (backward ? [p[k], k == x.label ? 1 : 0, x.logitGradients[k]] : [x.forward.logits[k], p[k]])
    }
    let texts = shown.map { k in values(k).map { verbatim(ExplainText.precise($0)) } }
    let names = shown.map { e.shownClassName($0) }
    // The largest type at which the names and every number column fit beside a bar of 40 px.
    var size: Float = rowHeight >= 22 ? TypeSize.caption : 13
    var nameWidth: Float = 0
    var columnWidths: [Float] = []
    for candidate in [size, 13, 12, 11] as [Float] where candidate <= size {
      size = candidate
      nameWidth = min(160, (names + [tr("Class")]).map { ui.measure($0, size: candidate, weight: .bold).width }.max() ?? 0) + 8
      columnWidths = numbers.indices.map { j in
        ((texts.map { $0[j] } + [numbers[j]]).map { ui.measure($0, size: candidate).width }.max() ?? 0) + 10
      }
      if nameWidth + columnWidths.reduce(0, +) + 40 <= r.width { break }
    }
    var head = r.cutTop(rowHeight)
    ui.label(tr("Class"), in: head.cutLeft(nameWidth), size: size, color: t.mutedText)
    for (j, n) in numbers.enumerated() {
      ui.label(n, in: head.cutLeft(columnWidths[j]), size: size, color: t.mutedText, alignment: .right)
    }
    for (row_, k) in shown.enumerated() {
      var row = r.cutTop(rowHeight)
      let right = k == x.label
      let nameRect = row.cutLeft(nameWidth)
      ui.label(names[row_], in: nameRect, size: ui.shrinkingSize(names[row_], width: nameRect.width, from: size, weight: right ? .bold : .regular), weight: right ? .bold : .regular)
      for (j, text) in texts[row_].enumerated() {
        ui.label(text, in: row.cutLeft(columnWidths[j]), size: size, alignment: .right)
      }
      _ = row.cutLeft(10)
      let bar = Rect(x: row.x, y: row.midY - 5, width: row.width, height: 10)
      guard bar.width >= 20 else { continue }
      ui.draw.fillRect(bar, t.control)
      if backward {
        // ∂L/∂z from −1 to 1 around the middle: orange below 0 (raise this score), blue above.
        let g = min(max(x.logitGradients[k], -1), 1)
        let w = bar.width / 2 * abs(g)
        let fill = Rect(x: g < 0 ? bar.midX - w : bar.midX, y: bar.y, width: w, height: bar.height)
        ui.draw.fillRect(fill, g < 0 ? FilterImage.scale.continuousColor(for: -1) : FilterImage.scale.continuousColor(for: 1))
        ui.draw.fillRect(Rect(x: bar.midX - 0.5, y: bar.y - 3, width: 1, height: bar.height + 6), t.mutedText)
      } else {
        ui.draw.fillRect(Rect(x: bar.x, y: bar.y, width: bar.width * min(max(p[k], 0), 1), height: bar.height), right ? t.accent : t.mutedText)
      }
    }
    return r
  }
}
