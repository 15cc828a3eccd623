import Datasets
import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore

/// Where the lesson's controls sit in the 2-D layout: what to cover (hidden), veil (locked), make
/// deaf to the mouse (both), and where the pointer goes (`highlight:`).
extension Layout {
  /// The rectangles of `control`, with their captions (what a hidden control covers).
  public func rects(of control: Control) -> [Rect] {
    // A menu with its caption (the top bar may have two rows: each menu covers only its own).
    func menu(_ r: Rect) -> Rect { Layout.menuWithCaption(r) }
    func slider(_ r: Rect) -> Rect { Rect(x: r.x, y: r.y - Metrics.captionHeight - 4, width: r.width, height: r.height + Metrics.captionHeight + 6) }
    switch control {
    case .play: return [playButton]
    case .step: return [stepButton]
    case .reset: return [resetButton]
    case .learningRate: return [menu(learningRate)]
    case .activation: return [menu(activation)]
    case .regularization: return [menu(regularization)]
    case .regularizationRate: return [menu(regularizationRate)]
    case .problem: return [menu(problemType)]
    case .dataset: return datasetTiles.map { $0.rect.inset(-4) }
    case .trainRatio: return [slider(trainRatioSlider)]
    case .noise: return [slider(noiseSlider)]
    case .batchSize: return [slider(batchSizeSlider)]
    case .regenerate: return [regenerateButton]
    case .features: return featureTiles.map(\.rect)
    case .hiddenLayers:
      // While Explain a step is open its bar takes the layer buttons' row.
      return (explainBar == nil ? [addLayerButton, removeLayerButton] : [])
        + hiddenLayers.flatMap { [$0.addNeuron, $0.removeNeuron] }
    case .showTestData: return [showTestToggle]
    case .discretize: return [discretizeToggle]
    case .points: return classButtons
    case .timeline: return [timeline]
    case .seed, .initialization, .shapes, .convLayers, .weights: return []
    }
  }

  /// Where a click must not reach for `control` (the plot too, for points).
  func deafRects(of control: Control) -> [Rect] {
    control == .points ? rects(of: control) + [plot] : rects(of: control)
  }

  /// The one rectangle a step's `highlight:` points at (nil when the network lacks it).
  public func rect(of target: HighlightTarget, features: [Feature]) -> Rect? {
    switch target {
    case .control(let control):
      let all = rects(of: control)
      guard let first = all.first else { return nil }
      let whole = all.dropFirst().reduce(first) { $0.union($1) }
      // The feature column with the caption above its first tile.
      return control == .features ? Rect(x: whole.x, y: whole.y - 22, width: whole.width, height: whole.height + 22) : whole
    case .neuron(let name):
      return rect(of: name)
    case .weight(let from, let to):
      guard let a = rect(of: from), let b = rect(of: to) else { return nil }
      let mid = Point((a.maxX + b.minX) / 2, (a.midY + b.midY) / 2)
      return Rect(x: mid.x - 18, y: mid.y - 18, width: 36, height: 36)
    case .lossChart:
      return lossChart
    case .cnn:
      return nil
    }
  }

  func rect(of neuron: NeuronName) -> Rect? {
    switch neuron {
    case .feature(let feature): return featureTile(feature)
    case .hidden(let layer, let index):
      guard hiddenLayers.indices.contains(layer - 1), hiddenLayers[layer - 1].tiles.indices.contains(index - 1)
      else { return nil }
      return hiddenLayers[layer - 1].tiles[index - 1]
    case .output(let index):
      return outputNeuronTiles.indices.contains(index - 1) ? outputNeuronTiles[index - 1] : plot
    }
  }
}

extension Rect {
  /// The smallest rectangle holding both.
  func union(_ other: Rect) -> Rect {
    let x0 = min(x, other.x)
    let y0 = min(y, other.y)
    return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
  }
}

extension PlaygroundView {
  /// The input with the mouse moved away when it is over a hidden or locked control, so those
  /// widgets neither light up nor take clicks.
  func maskingFrozenControls(_ input: UIInput, layout: Layout, controls: Controls) -> UIInput? {
    let frozen = controls.hidden + controls.locked
    // The mode switch too: a lesson is about one mode.
    guard
      layout.modeSwitch.contains(input.mouse)
        || frozen.contains(where: { c in layout.deafRects(of: c).contains { $0.contains(input.mouse) } })
    else { return nil }
    var masked = input
    masked.mouse = Point(-10_000, -10_000)
    masked.pressed = []
    masked.released = []
    return masked
  }

  /// Covers hidden controls with the panel color and veils locked ones (with a tooltip).
  func drawFrozenControls(_ f: inout FrameBuilder, controls: Controls) {
    let ui = f.ui
    ui.draw.fillRect(f.layout.modeSwitchWithCaption, f.theme.panel)
    for control in controls.hidden where control != .features && control != .points {
      for r in f.layout.rects(of: control) { ui.draw.fillRect(r.inset(-2), f.theme.panel) }
    }
    let veiled = controls.locked + controls.hidden.filter { $0 == .features || $0 == .points }
    for control in veiled {
      for r in f.layout.rects(of: control) {
        ui.draw.fillRect(r.inset(-2), Color(argb: 0xA0FF_FFFF))
        if ui.isMouseOver(r) { ui.tooltip(tr("Locked in this lesson")) }
      }
    }
  }

  /// Drops what the lesson does not allow, with a banner saying so.
  func filterByLesson(_ f: inout FrameBuilder, guide: GuidedLesson) {
    var dropped: Control?
    f.actions = f.actions.filter { action in
      if guide.permits(action) { return true }
      dropped = Control(touchedBy: action) ?? dropped
      return false
    }
    if let dropped {
      f.actions.append(.showBanner(Banner(.info, tr("{1} is locked in this lesson", Self.displayName(dropped)))))
    }
  }

  static func displayName(_ control: Control) -> String {
    switch control {
    case .play: tr("Play")
    case .step: tr("Step")
    case .reset: tr("Reset")
    case .regenerate: tr("Regenerate")
    case .points: tr("Adding points")
    case .weights: tr("Editing weights")
    case .hiddenLayers: tr("The hidden layers")
    case .features: tr("The features")
    case .learningRate: tr("The learning rate")
    case .trainRatio: tr("The training ratio")
    case .batchSize: tr("The batch size")
    case .regularizationRate: tr("The regularization rate")
    case .showTestData: tr("Show test data")
    default: tr("The setting {1}", control.rawValue)
    }
  }

  /// A thick orange outline around the highlighted control, with an arrow pointing at it.
  func drawPointer(_ f: inout FrameBuilder, at target: Rect) {
    let ui = f.ui
    let orange = Color(rgb: 0xE07B00)
    let ring = target.inset(-6)
    ui.overlay.strokeRoundedRect(ring, radius: 8, width: 4, orange)
    // A tall target (a column of tiles) gets the arrow on its right, pointing left.
    if ring.height > 3 * ring.width {
      let t = Point(ring.maxX + 2, ring.y + min(60, ring.height / 2))
      ui.overlay.fillConvexPolygon([t, Point(t.x + 20, t.y - 13), Point(t.x + 20, t.y + 13)], orange)
      ui.overlay.fillRect(Rect(x: t.x + 19, y: t.y - 4, width: 16, height: 8), orange)
      return
    }
    // Otherwise the arrow comes from below when there is room, else from above.
    let tip = Point(ring.midX, ring.maxY + 2)
    let below = ring.maxY + 40 < f.layout.window.maxY
    let dir: Float = below ? 1 : -1
    let t = below ? tip : Point(ring.midX, ring.minY - 2)
    ui.overlay.fillConvexPolygon(
      [t, Point(t.x - 13, t.y + dir * 20), Point(t.x + 13, t.y + dir * 20)], orange)
    ui.overlay.fillRect(Rect(x: t.x - 4, y: below ? t.y + 19 : t.y - 35, width: 8, height: 16), orange)
  }
}
