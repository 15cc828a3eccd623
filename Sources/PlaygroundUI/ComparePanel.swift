import Datasets
import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

/// Compare, in the network's place: run A (the one that shows) and run B side by side — their
/// output plots (2-D) or confusion matrices (CNN) with their test losses, both loss curves on one
/// chart, the settings that differ by name, and B's learning rate to change. Both train in lockstep
/// under the top bar's Play; Close keeps A.
enum ComparePanel {
  /// A's test loss curve and B's, told apart by colour and width as well as by name.
  static let colorA = Color(rgb: 0x25292E)
  static let colorB = Color(rgb: 0xD55E00)
  /// Two lines of what differs.
  static let wordsHeight: Float = 44

  /// Where B's learning-rate menu sits in a compare panel (for scripts that click it).
  static func rateMenu(in panel: Rect) -> Rect {
    var r = panel.inset(Metrics.margin)
    _ = r.cutTop(Metrics.headingRow, spacing: 6)
    _ = r.cutTop(wordsHeight)
    var row = r.cutTop(Metrics.controlHeight)
    let menuWidth = min(row.width * 0.55, 150)
    _ = row.cutLeft(row.width - menuWidth - 8, spacing: 8)
    return row.cutLeft(menuWidth)
  }
}

/// B's output picture, drawn again only when B's network or the picture's size changes.
final class CompareCache {
  private var key: (revision: Int, side: Int, epoch: Int)?
  private(set) var image = Raster(width: 1, height: 1)

  func update(_ b: Experiment, revision: Int, side: Int) {
    if let key, key.revision == revision, key.side == side, key.epoch == b.epoch { return }
    let grid = InputGrid(size: VisualCache.gridSize, features: b.config.features)
    let outputs = b.network.evaluateAll(grid.samples)
    let field = b.outputField(on: grid, outputs: outputs, regressionRange: b.targetRange)
    if image.width != side { image = Raster(width: side, height: side) }
    BoundaryImage.draw(
      field, gridSize: VisualCache.gridSize, points: b.plotPoints, into: &image, discretize: b.config.discretize,
      showTest: b.config.showTestData, smooth: true, pointRadius: BoundaryImage.defaultPointRadius(size: side))
    key = (revision, side, b.epoch)
  }
}

extension PlaygroundView {
  /// Draws Compare in `panel`; returns true when it did (a comparison of this mode is open).
  func drawComparePanel(_ f: inout FrameBuilder, in panel: Rect) {
    guard let comparison = f.state.showingComparison else { return }
    let ui = f.ui
    let t = f.theme
    let scale = ui.input.scaleFactor
    ui.draw.fillRoundedRect(panel, radius: 8, t.panel)
    var r = panel.inset(Metrics.margin)
    var head = r.cutTop(Metrics.headingRow, spacing: 6)
    let closeWidth = ui.measure(tr("Close"), size: t.bodySize).width + 2 * t.padding + 6
    let close = head.cutRight(closeWidth).inset(dx: 0, dy: 1)
    ui.label(tr("COMPARE"), in: head, size: TypeSize.heading, color: t.mutedText, weight: .bold)
    if ui.withID("compare.close", { ui.button(tr("Close"), in: close) }) { f.actions.append(.compare(.close)) }
    hint(ui, close, tr("Close Compare: run A (this run) stays as it is"))

    // What differs, and B's learning rate.
    let differing = f.state.comparedSettings
    let words =
      differing.isEmpty
      ? tr("B is an exact copy of A: change B's learning rate below.")
      : tr(
        "B differs in {1}",
        differing.map { "\(Self.settingName($0.name)): \(verbatim($0.a)) → \(verbatim($0.b))" }.joined(separator: "; "))
    let lines = ui.wrap(words, toWidth: r.width, size: TypeSize.caption)
    var text = r.cutTop(ComparePanel.wordsHeight)
    for line in lines.prefix(2) {
      ui.label(line, in: text.cutTop(20), size: TypeSize.caption, color: t.text)
    }
    var rateRow = r.cutTop(Metrics.controlHeight, spacing: 10)
    let menuWidth = min(rateRow.width * 0.55, 150)
    let room = rateRow.width - menuWidth - 8
    let caption =
      [tr("B's learning rate"), tr("B's rate"), "B"].first { ui.measure($0, size: t.bodySize).width + 4 <= room } ?? "B"
    ui.label(caption, in: rateRow.cutLeft(room, spacing: 8), size: t.bodySize, color: t.text)
    let menuRect = rateRow.cutLeft(menuWidth)
    let rates = Choices.menu(Choices.learningRates, current: comparison.run.learningRate)
    if let i = ui.dropdown("compare.rate", options: rates.values.map(Choices.name), selected: rates.selected, in: menuRect) {
      let rate = rates.values[i]
      switch comparison.b {
      case .dense(let b):
        var c = b.config
        c.learningRate = rate
        f.actions.append(.compare(.configureB(c)))
      case .cnn(let b):
        var c = b.config
        c.learningRate = rate
        f.actions.append(.compare(.configureBCNN(c)))
      }
    }

    // The two runs side by side, each with its test loss; the loss chart takes the rest.
    let labelRow: Float = 24
    let chartMinimum: Float = 110
    let side = max(40, min((r.width - 12) / 2, r.height - labelRow - chartMinimum - 10).rounded(.down))
    var row = r.cutTop(side + labelRow, spacing: 10)
    let chartRect = r
    let left = row.cutLeft(side, spacing: 12)
    let right = row.cutLeft(side)
    let a = f.state.active
    let b = comparison.run
    for (i, (name, run, area)) in [("A", a, left), ("B", b, right)].enumerated() {
      var cell = area
      let title = cell.cutTop(labelRow - 2)
      let loss = run.hasDiverged ? tr("diverged") : Format.loss(run.latest.testLoss)
      let text = ["\(name): \(loss)", name].first { ui.measure($0, size: TypeSize.caption, weight: .bold).width + 2 <= title.width } ?? name
      ui.label(text, in: title, size: TypeSize.caption, color: i == 0 ? ComparePanel.colorA : ComparePanel.colorB, weight: .bold)
      let picture = Rect(x: cell.x, y: cell.y + 2, width: side, height: side)
      if let cnn = f.state.showingCNN {
        let confusion = i == 0 ? cnn.evaluation.test.confusion : (comparison.b.cnnEvaluation?.test.confusion ?? [])
        drawSmallConfusion(ui, confusion, in: picture)
      } else if i == 0 {
        ui.draw.image(cache.output, in: picture, smooth: true, key: textureKey("output"))
      } else if case .dense(let runB) = comparison.b {
        compareCache.update(runB.session, revision: runB.revision, side: max(4, Int((side * scale).rounded())))
        ui.draw.image(compareCache.image, in: picture, smooth: true, key: textureKey("compare.b"))
      }
      ui.noteControl("compare \(name)", picture)
      if ui.isMouseOver(picture) {
        ui.tooltip(
          f.state.showingCNN != nil
            ? tr(
              "Run {1}: test loss {2}, epoch {3} (confusion: rows are the true classes, columns the predictions)", name,
              Format.loss(run.latest.testLoss), run.epoch)
            : tr("Run {1}: test loss {2}, epoch {3}", name, Format.loss(run.latest.testLoss), run.epoch))
      }
    }

    let spec = ChartSpec(
      title: tr("Test loss"),
      lines: [
        ChartLine(series: a.history.testLoss, name: "A", color: ComparePanel.colorA, width: 2.5),
        ChartLine(series: b.history.testLoss, name: "B", color: ComparePanel.colorB, width: 3.5),
      ], logScale: f.state.chart.logScale)
    ui.chart(spec, in: chartRect)
  }

  /// A confusion matrix as shaded cells (rows: actual class; columns: predicted).
  private func drawSmallConfusion(_ ui: UIContext, _ matrix: [[Int]], in rect: Rect) {
    let k = matrix.count
    guard k > 0 else { return }
    let cell = rect.width / Float(k)
    for i in 0..<k {
      let total = max(1, matrix[i].reduce(0, +))
      for j in 0..<k {
        let share = Float(matrix[i][j]) / Float(total)
        let c = i == j ? Color(rgb: 0x0072B2).withAlpha(0.15 + 0.85 * share) : Color(rgb: 0xD55E00).withAlpha(share)
        let r = Rect(x: rect.x + Float(j) * cell, y: rect.y + Float(i) * cell, width: cell - 1, height: cell - 1)
        ui.draw.fillRect(r, Color(rgb: 0xF4F5F7))
        ui.draw.fillRect(r, c)
      }
    }
  }

  static func settingName(_ key: String) -> String {
    switch key {
    case "learningRate": tr("learning rate")
    case "batchSize": tr("batch size")
    case "regularizationRate": tr("regularization rate")
    case "hiddenLayers": tr("hidden layers")
    case "convLayers": tr("conv layers")
    case "trainRatio": tr("train ratio")
    case "problem": tr("problem type")
    case "dataset": tr("dataset")
    case "noise": tr("noise")
    case "seed": tr("seed")
    case "features": tr("features")
    case "activation": tr("activation")
    case "regularization": tr("regularization")
    case "initialization": tr("initialization")
    case "learning": tr("optimizer")
    case "shapes": tr("classes")
    case "variation": tr("variation")
    case "imagesPerClass": tr("images per class")
    case "adversarialTraining": tr("adversarial training")
    default: verbatim(key)
    }
  }
}

extension PlaygroundView {
  /// Where Compare's B learning-rate menu sits in a 2-D window, and its options' names in order
  /// (for scripts that click them).
  public static func compareRateMenu(_ layout: Layout, current: Double) -> (menu: Rect, options: [String]) {
    (ComparePanel.rateMenu(in: layout.networkPanel), Choices.menu(Choices.learningRates, current: current).values.map(Choices.name))
  }
}

extension Comparison.RunB {
  /// B's CNN evaluation (CNN comparisons only).
  var cnnEvaluation: CNNEvaluation? {
    if case .cnn(let run) = self { return run.evaluation }
    return nil
  }
}
