import ImmediateUI
import LessonKit
import PlaygroundCore
import PlaygroundUI

/// The centres of the main controls at 1280×800, as JSON, so scripts can click them.
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
    return line.text
  }
}
