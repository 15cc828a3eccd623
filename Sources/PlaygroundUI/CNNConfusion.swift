import ImmediateUI
import Localization
import PlaygroundCore

extension PlaygroundView {
  /// The confusion matrix: rows the true class, columns the guess, shaded by share of the row;
  /// every cell shows its count, "0" too (a blank cell reads as a missing column), at 15 pt or
  /// more — the layout folds the matrix behind a tab rather than make cells too small for it.
  func drawConfusion(_ c: inout CNNFrame) {
    let (ui, t, l, cnn) = (c.ui, c.theme, c.layout, c.cnn)
    let confusion = cnn.evaluation.test.confusion
    let k = confusion.count
    guard k > 0, l.confusion.width > 40 else { return }
    let captionRect = Rect(
      x: l.confusion.x, y: l.confusion.y - 24, width: l.resultsPanel.width - 24, height: 20)
    let caption =
      [
        tr("Confusion: row = true, column = guess"), tr("Rows: true class · columns: guess"),
        tr("Row: true · column: guess"),
      ]
      .first { ui.measure($0, size: TypeSize.caption).width <= captionRect.width }
      ?? tr("Row: true · column: guess")
    ui.label(caption, in: captionRect, size: TypeSize.caption, color: t.mutedText)
    let label = min(CNNLayout.confusionLabel, l.confusion.width / Float(k + 1))
    let cell = ((l.confusion.width - label) / Float(k)).rounded(.down)
    let origin = Point(l.confusion.x + label, l.confusion.y + label)
    let e = cnn.experiment
    // The largest type (15 to 20 pt) whose widest count fits every cell.
    let widest = String(confusion.lazy.flatMap { $0 }.max() ?? 0)
    var size = min(20, max(TypeSize.caption, (cell * 0.42).rounded(.down)))
    while size > TypeSize.caption && ui.measure(widest, size: size).width > cell - 4 { size -= 1 }
    for i in 0..<k {
      // Row and column headers: each class's icon (a shape's template, an imported class's mean).
      if case let (raster, key)? = c.cache.classIcon(i, of: e) {
        let s = min(label - 4, cell - 2)
        ui.draw.image(
          raster,
          in: Rect(x: l.confusion.x, y: origin.y + Float(i) * cell + (cell - s) / 2, width: s, height: s),
          key: key)
        ui.draw.image(
          raster,
          in: Rect(x: origin.x + Float(i) * cell + (cell - s) / 2, y: l.confusion.y, width: s, height: s),
          key: key)
        let header = Rect(x: l.confusion.x, y: origin.y + Float(i) * cell, width: label, height: cell)
        if ui.isMouseOver(header) {
          ui.tooltip(
            e.shapeKind(i) == nil ? tr("Imported class {1} (its mean image)", e.shownClassName(i)) : e.shownClassName(i))
        }
      }
      let total = max(1, confusion[i].reduce(0, +))
      for j in 0..<k {
        let r = Rect(
          x: origin.x + Float(j) * cell, y: origin.y + Float(i) * cell, width: cell - 1, height: cell - 1)
        let share = Float(confusion[i][j]) / Float(total)
        let base =
          i == j
          ? (r: Float(0x08), g: Float(0x77), b: Float(0xBD))
          : (r: Float(0xE0), g: Float(0x5A), b: Float(0x00))
        let fill = Color(
          r: UInt8(255 + (base.r - 255) * share), g: UInt8(255 + (base.g - 255) * share),
          b: UInt8(255 + (base.b - 255) * share))
        ui.draw.fillRect(r, fill)
        ui.label(
          String(confusion[i][j]), in: r, size: size,
          color: share > 0.5 ? t.textOnAccent : (confusion[i][j] == 0 ? t.mutedText : t.text),
          alignment: .center)
        if ui.isMouseOver(r) {
          ui.tooltip(
            tr("Test images of class {1} predicted as {2}: {3}", e.shownClassName(i), e.shownClassName(j), confusion[i][j]))
        }
      }
    }
  }
}
