import ImmediateUI
import LessonKit
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Training

/// The centres of the main controls for a window size and zoom, as JSON, so scripts can click
/// them, with what the frame showed badly.
///
/// Positions are window pixels (logical pixels × zoom). Keys starting `cnn.` are the CNN mode's
/// controls (placed as if the mode were showing, whichever mode the state is in); `area.` keys
/// are rectangles `[x0, y0, x1, y1]` rather than centres. `controls` lists every control of the
/// frame in the state's own mode, `truncated` every text shortened, clipped or dropped, and
/// `overlaps` every pair of controls drawn on top of each other (see `LayoutReport`).
@MainActor
enum LayoutJSON {
  static func text(
    state: AppState, lesson: GuidedLesson? = nil, size: WindowSize = WindowSize(width: 1280, height: 800, explicit: false),
    zoom: Float = 1
  ) throws -> String {
    let view = PlaygroundView()
    view.lesson = lesson
    let logical = Size(Float(size.width) / zoom, Float(size.height) / zoom)
    let layout = view.layout(for: logical, state: state)
    let report = try frameReport(state: state, view: view, logical: logical, zoom: zoom)
    var line = JSONLine()
    line.add("size", raw: "[\(size.width),\(size.height)]")
    line.add("zoom", Double(zoom))
    func add(_ name: String, _ rect: Rect) {
      line.add(name, raw: "[\(Int((rect.x + rect.width / 2) * zoom)),\(Int((rect.y + rect.height / 2) * zoom))]")
    }
    add("play", layout.playButton)
    add("step", layout.stepButton)
    add("reset", layout.resetButton)
    add("addLayer", layout.addLayerButton)
    add("removeLayer", layout.removeLayerButton)
    add("regenerate", layout.regenerateButton)
    add("speed", layout.speed)
    add("learningRate", layout.learningRate)
    add("regularizationRate", layout.regularizationRate)
    // The rows of an open menu (the list hangs below its box, rows `controlHeight` tall): the speed
    // steps, and the learning rate's "Other…" (its last row) for typing a value.
    func row(_ anchor: Rect, _ i: Int, of count: Int) -> Rect {
      let height = Theme.light.controlHeight
      let below = anchor.maxY + 4
      let list = Float(count) * height + 8
      let top = below + list > logical.height && anchor.minY - 4 - list >= 0 ? anchor.minY - 4 - list : below
      return Rect(x: anchor.x, y: top + 4 + Float(i) * height, width: anchor.width, height: height)
    }
    let steps = TrainingSpeed.steps(for: .dense)
    if steps.contains(state.dense.speed) {
      for (i, step) in steps.enumerated() { add("speed.option.\(step.text)", row(layout.speed, i, of: steps.count)) }
    }
    let rates = PlaygroundView.learningRateMenuCount(state.config.learningRate)
    add("learningRate.other", row(layout.learningRate, rates, of: rates + 1))
    add("timeline", layout.timeline)
    // Compare's B learning rate (2-D: the panel takes the network's place) and its open list's rows.
    let compare = PlaygroundView.compareRateMenu(layout, current: state.showingComparison?.run.learningRate ?? state.config.learningRate)
    add("compare.rate", compare.menu)
    for (i, name) in compare.options.enumerated() {
      add("compare.rate.option.\(name)", row(compare.menu, i, of: compare.options.count))
    }
    for tile in layout.datasetTiles { add("dataset.\(tile.tag.rawValue)", tile.rect) }
    for tile in layout.featureTiles { add("feature.\(tile.tag.rawValue)", tile.rect) }
    if let panel = view.lessonLayout(for: logical, state: state) {
      add("lesson.back", panel.backButton)
      add("lesson.next", panel.nextButton)
      if let showMe = panel.showMeButton { add("lesson.showMe", showMe) }
      if let setUp = panel.setUpButton { add("lesson.setUp", setUp) }
    }
    addCNN(state: state, view: view, size: logical, zoom: zoom, to: &line)
    func box(_ r: Rect) -> String {
      "[\(Int((r.minX * zoom).rounded())),\(Int((r.minY * zoom).rounded())),\(Int((r.maxX * zoom).rounded())),\(Int((r.maxY * zoom).rounded()))]"
    }
    line.add(
      "controls",
      raw: "[" + report.controls.map { "{\"name\":\(JSONLine.quote($0.name)),\"rect\":\(box($0.rect))}" }.joined(separator: ",") + "]")
    line.add(
      "truncated",
      raw: "["
        + report.truncated.map {
          "{\"text\":\(JSONLine.quote($0.text)),\"how\":\(JSONLine.quote($0.how)),\"rect\":\(box($0.rect))}"
        }.joined(separator: ",") + "]")
    line.add(
      "overlaps",
      raw: "["
        + (report.overlaps() + report.textOverlaps).map {
          "[{\"name\":\(JSONLine.quote($0.first.name)),\"rect\":\(box($0.first.rect))},{\"name\":\(JSONLine.quote($0.second.name)),\"rect\":\(box($0.second.rect))}]"
        }.joined(separator: ",") + "]")
    return line.text
  }

  /// Builds one frame of `state` at `logical` size with the real font (as painted at `zoom`) and
  /// audits it: shortened and clipped text, overlapping controls.
  static func frameReport(state: AppState, view: PlaygroundView, logical: Size, zoom: Float) throws -> LayoutReport {
    let canvas = try OffscreenCanvas(
      width: Int(logical.width.rounded(.up)), height: Int(logical.height.rounded(.up)), scale: zoom)
    return view.auditedFrame(state, size: logical, measurer: canvas.measurer)
  }

  /// The CNN mode's controls, with both right-hand pages (results and class pictures).
  private static func addCNN(state: AppState, view: PlaygroundView, size: Size, zoom: Float, to line: inout JSONLine) {
    var s = state
    reduce(&s, .setMode(.cnn))
    guard let cnn = s.cnn else { return }
    let base = view.layout(for: size, state: s)
    let results = CNNLayout(size: size, state: s, cnn: cnn, page: .results, base: base)
    let pictures = CNNLayout(size: size, state: s, cnn: cnn, page: .classPictures, base: base)
    func add(_ name: String, _ rect: Rect) {
      line.add(name, raw: "[\(Int((rect.x + rect.width / 2) * zoom)),\(Int((rect.y + rect.height / 2) * zoom))]")
    }
    func area(_ name: String, _ rect: Rect) {
      line.add(
        name,
        raw: "[\(Int(rect.x * zoom)),\(Int(rect.y * zoom)),\(Int(rect.maxX * zoom)),\(Int(rect.maxY * zoom))]")
    }
    // The "2-D | CNN" switch: its two segments.
    let modes = base.modeSwitch.inset(3).columns(2, spacing: 2)
    add("mode.dense", modes[0])
    add("mode.cnn", modes[1])
    let pages = results.pageSwitch.inset(3).columns(2, spacing: 2)
    add("cnn.page.results", pages[0])
    add("cnn.page.classPictures", pages[1])
    // The inside pages' switch (its own row under the page switch at most sizes).
    let inside = results.insideSwitch.inset(3).columns(4, spacing: 2)
    for (name, rect) in zip(["attack", "units", "embedding", "step"], inside) { add("cnn.page.\(name)", rect) }
    add("cnn.batchSize", results.batchSize)
    add("cnn.speed", base.speed)
    for tile in results.classTiles { add("cnn.class.\(tile.tag.rawValue)", tile.rect) }
    for (row, c) in zip(results.importedRows, cnn.experiment.imported) { add("cnn.imported.\(c.name)", row) }
    add("cnn.addLayer", results.addLayerButton)
    add("cnn.removeLayer", results.removeLayerButton)
    for (i, layer) in results.layers.enumerated() {
      add("cnn.layer\(i).addFilter", layer.addFilter)
      add("cnn.layer\(i).removeFilter", layer.removeFilter)
    }
    add("cnn.clear", results.clearButton)
    add("cnn.saliency", results.saliencyToggle)
    add("cnn.add", results.addButton)
    add("cnn.addClass", results.addClassMenu)
    for (i, r) in pictures.camControls.enumerated() { add("cnn.cam.control\(i)", r) }
    add("cnn.cam.restart", pictures.camRestart)
    area("area.cnn.canvas", results.canvas)
    area("area.cnn.network", results.networkPanel)
    let gallery = results.galleryHeading
    area(
      "area.cnn.gallery",
      Rect(
        x: gallery.x, y: gallery.y, width: gallery.width,
        height: max(0, results.networkPanel.maxY - gallery.y)))
    if let first = results.probabilityRows.first, let last = results.probabilityRows.last {
      area(
        "area.cnn.probabilities",
        Rect(x: first.x, y: first.y, width: first.width, height: last.maxY - first.y))
    }
    area("area.cnn.results", results.resultsPanel)
  }
}
