import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore

/// Where a CNN lesson's controls and highlights sit in the CNN view.
extension CNNLayout {
  /// The rectangles of `control` in the CNN view (empty for the 2-D playground's controls).
  public func rects(of control: Control, base: Layout) -> [Rect] {
    switch control {
    case .play, .step, .reset, .learningRate: return base.rects(of: control)
    case .batchSize:
      return [Layout.menuWithCaption(batchSize)]
    case .shapes: return classTiles.map(\.rect)
    case .convLayers:
      return [addLayerButton, removeLayerButton] + filterSteppers + layers.flatMap { [$0.addFilter, $0.removeFilter] }
    case .points: return [addButton, addClassMenu]
    default: return []
    }
  }

  /// The one rectangle a CNN lesson's `highlight:` points at (nil when the view does not show it).
  public func rect(of target: HighlightTarget, base: Layout) -> Rect? {
    func union(_ rects: [Rect]) -> Rect? {
      let shown = rects.filter { $0.width > 0 && $0.height > 0 }
      guard let first = shown.first else { return nil }
      return shown.dropFirst().reduce(first) { $0.union($1) }
    }
    switch target {
    case .control(let control): return union(rects(of: control, base: base))
    case .lossChart: return union([lossChart])
    case .neuron, .weight: return nil
    case .cnn(let part):
      switch part {
      case .filters: return union(layers.first?.filterTiles ?? [])
      case .featureMaps: return union(layers.first?.mapTiles ?? [])
      case .image: return union([canvas])
      case .saliency: return union([saliencyToggle])
      case .prediction: return union(probabilityRows)
      case .confusion: return union([confusion])
      case .classPictures: return pageSwitch.width > 0 ? pageSwitch.columns(2)[1] : nil
      case .mistakes: return union([galleryHeading] + galleryTiles)
      }
    }
  }

  /// Where a click must not reach in a lesson: the frozen controls, and the mode switch (a lesson
  /// is about one mode).
  func deafRects(_ controls: Controls, base: Layout) -> [Rect] {
    (controls.hidden + controls.locked).flatMap { rects(of: $0, base: base) } + [base.modeSwitch]
  }
}

extension Layout {
  /// The mode switch with its "Mode" caption: what a lesson covers (a lesson is about one mode).
  var modeSwitchWithCaption: Rect {
    Rect(x: modeSwitch.x - 2, y: topBar.y + 4, width: modeSwitch.width + 4, height: modeSwitch.maxY + 2 - topBar.y - 4)
  }
}

extension PlaygroundView {
  /// The CNN view's lesson parts: the mode switch covered, frozen controls veiled, the panel with
  /// its pointer.
  func drawCNNLesson(_ f: inout FrameBuilder, _ layout: CNNLayout, guide: GuidedLesson) {
    let ui = f.ui
    ui.draw.fillRect(f.layout.modeSwitchWithCaption, f.theme.panel)
    for control in guide.controls.hidden + guide.controls.locked {
      for r in layout.rects(of: control, base: f.layout) {
        ui.draw.fillRect(r.inset(-2), Color(argb: 0xA0FF_FFFF))
        if ui.isMouseOver(r) { ui.tooltip(tr("Locked in this lesson")) }
      }
    }
    let pointer = guide.step.highlight.flatMap { layout.rect(of: $0, base: f.layout) }
    drawLessonPanel(&f, guide: guide, pointer: pointer)
  }

  /// The input with the mouse moved away when it is over a frozen control or the mode switch.
  func maskingFrozenCNNControls(_ input: UIInput, _ layout: CNNLayout, base: Layout, controls: Controls) -> UIInput? {
    guard layout.deafRects(controls, base: base).contains(where: { $0.contains(input.mouse) }) else { return nil }
    var masked = input
    masked.mouse = Point(-10_000, -10_000)
    masked.pressed = []
    masked.released = []
    return masked
  }
}
