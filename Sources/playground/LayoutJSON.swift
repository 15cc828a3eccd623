import ImmediateUI
import LessonKit
import PlaygroundCore
import PlaygroundUI

/// The centres of the main controls at 1280×800, as JSON, so scripts can click them.
///
/// Keys starting `cnn.` are the CNN mode's controls (placed as if the mode were showing, whichever
/// mode the state is in); `area.` keys are rectangles `[x0, y0, x1, y1]` rather than centres.
enum LayoutJSON {
  static func text(state: AppState, lesson: LessonSession? = nil) -> String {
    let view = PlaygroundView()
    view.lesson = lesson
    let layout = view.layout(for: Size(1280, 800), state: state)
    var line = JSONLine()
    func add(_ name: String, _ rect: Rect) {
      line.add(name, raw: "[\(Int(rect.x + rect.width / 2)),\(Int(rect.y + rect.height / 2))]")
    }
    add("play", layout.playButton)
    add("step", layout.stepButton)
    add("reset", layout.resetButton)
    add("addLayer", layout.addLayerButton)
    add("removeLayer", layout.removeLayerButton)
    add("regenerate", layout.regenerateButton)
    for tile in layout.datasetTiles { add("dataset.\(tile.tag.rawValue)", tile.rect) }
    for tile in layout.featureTiles { add("feature.\(tile.tag.rawValue)", tile.rect) }
    if let panel = view.lessonLayout(for: Size(1280, 800)) {
      add("lesson.back", panel.backButton)
      add("lesson.next", panel.nextButton)
      if let showMe = panel.showMeButton { add("lesson.showMe", showMe) }
    }
    addCNN(state: state, view: view, to: &line)
    return line.text
  }

  /// The CNN mode's controls, with both right-hand pages (results and class pictures).
  private static func addCNN(state: AppState, view: PlaygroundView, to line: inout JSONLine) {
    var s = state
    if s.mode != .cnn { reduce(&s, .setMode(.cnn)) }
    guard let cnn = s.cnn else { return }
    let size = Size(1280, 800)
    let base = view.layout(for: size, state: s)
    let results = CNNLayout(size: size, state: s, cnn: cnn, page: .results, base: base)
    let pictures = CNNLayout(size: size, state: s, cnn: cnn, page: .classPictures, base: base)
    func add(_ name: String, _ rect: Rect) {
      line.add(name, raw: "[\(Int(rect.x + rect.width / 2)),\(Int(rect.y + rect.height / 2))]")
    }
    func area(_ name: String, _ rect: Rect) {
      line.add(name, raw: "[\(Int(rect.x)),\(Int(rect.y)),\(Int(rect.maxX)),\(Int(rect.maxY))]")
    }
    // The "2-D | CNN" switch: its two segments.
    let modes = base.modeSwitch.inset(3).columns(2, spacing: 2)
    add("mode.dense", modes[0])
    add("mode.cnn", modes[1])
    let pages = results.pageSwitch.inset(3).columns(2, spacing: 2)
    add("cnn.page.results", pages[0])
    add("cnn.page.classPictures", pages[1])
    add("cnn.batchSize", results.batchSize)
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
