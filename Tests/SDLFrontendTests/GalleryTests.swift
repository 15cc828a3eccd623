import Foundation
import ImmediateUI
import SDLFrontend
import Testing

/// Renders a sample of every widget with the real font. Set NEURALPLAYGROUND_GALLERY to a file
/// path to also save it as a PNG for a look (and NEURALPLAYGROUND_GALLERY_SCALE=2 for high DPI).
@Suite(.serialized) @MainActor struct GalleryTests {
  @Test func galleryRendersEveryWidget() throws {
    let env = ProcessInfo.processInfo.environment
    let scale = env["NEURALPLAYGROUND_GALLERY_SCALE"].flatMap(Float.init) ?? 1
    let canvas = try OffscreenCanvas(width: 900, height: 560, scale: scale)
    let ui = UIContext(measurer: canvas.measurer)
    // Hover the Train button and open the dropdown (its click happens in earlier frames).
    var input = UIInput(windowSize: Size(900, 560))
    var list = DrawList()
    for frame in 0..<3 {
      input.startFrame()
      if frame == 0 { input.mouse = Point(760, 205); input.pressed = .left; input.buttonsDown = .left }
      if frame == 1 { input.released = .left; input.buttonsDown = [] }
      if frame == 2 { input.mouse = Point(760, 290) }
      ui.begin(input)
      Gallery.draw(ui)
      list = ui.end()
    }
    #expect(ui.focusedID == ui.id("activation"), "the dropdown is open")
    let px = try canvas.render(list)
    #expect(Set(px.pixels).count > 100, "text, anti-aliased edges and colors")
    if let path = env["NEURALPLAYGROUND_GALLERY"] {
      try PNGFile.save(px, to: path)
    }
  }
}

/// A sample panel with every widget, at the sizes the app uses.
enum Gallery {
  static func draw(_ ui: UIContext) {
    let t = ui.theme
    ui.draw.fillRect(Rect(x: 0, y: 0, width: 900, height: 560), t.windowBackground)
    var left = ui.panel(Rect(x: 16, y: 16, width: 420, height: 528), title: "Training")
    var row = left.cutTop(t.controlHeight, spacing: t.spacing)
    let buttons = row.columns(3, spacing: t.spacing)
    ui.iconButton("reset", icon: .reset, in: buttons[0])
    ui.iconButton("play", icon: .play, in: buttons[1], style: .primary)
    ui.iconButton("step", icon: .step, in: buttons[2])
    row = left.cutTop(t.controlHeight, spacing: t.spacing)
    ui.button("Train 10 epochs", in: row.splitLeft(200).left, style: .primary)
    ui.button("Disabled", in: row.splitRight(160).right, enabled: false)
    ui.label("Learning rate", in: left.cutTop(22), size: t.smallSize, color: t.mutedText)
    _ = ui.slider(
      "lr", value: 0.03, range: 0.00001...10, logarithmic: true,
      in: left.cutTop(t.controlHeight, spacing: t.spacing))
    ui.label("Noise", in: left.cutTop(22), size: t.smallSize, color: t.mutedText)
    _ = ui.slider(
      "noise", value: 15, range: 0...50, step: 5, in: left.cutTop(t.controlHeight, spacing: t.spacing),
      format: { NumberFormat.fixed($0, decimals: 0) })
    row = left.cutTop(t.controlHeight, spacing: t.spacing)
    ui.label("Hidden layers", in: row.splitLeft(200).left)
    _ = ui.stepper("layers", value: 2, range: 0...6, in: row.splitRight(130).right)
    _ = ui.segmented(
      options: ["Circle", "XOR", "Gauss", "Spiral"], selected: 3,
      in: left.cutTop(t.controlHeight, spacing: t.spacing))
    _ = ui.toggle("Show test data", isOn: true, in: left.cutTop(30, spacing: 4))
    _ = ui.toggle("Discretize output", isOn: false, in: left.cutTop(30, spacing: t.spacing))
    _ = ui.textField(
      id: "seed", text: "42", in: left.cutTop(t.controlHeight, spacing: t.spacing), placeholder: "Seed")

    var right = ui.panel(Rect(x: 452, y: 16, width: 432, height: 528), title: "Type sizes")
    for size in [t.smallSize, t.bodySize, t.headingSize, t.titleSize] {
      ui.label("Epoch 000,123  loss 0.0421 (\(Int(size)) pt)", in: right.cutTop(size * 1.4), size: size)
    }
    _ = right.cutTop(10)
    row = right.cutTop(t.controlHeight, spacing: t.spacing)
    ui.label("Activation", in: row.splitLeft(150).left)
    _ = ui.dropdown(
      "activation", options: ["ReLU", "Tanh", "Sigmoid", "Linear"], selected: 1, in: row.splitRight(220).right
    )
    _ = right.cutTop(170)
    ui.paragraph(
      "Lesson 1 · Press ▶ to train. Watch the boundary between the orange and blue points move as the loss falls.",
      in: right.cutTop(90), color: t.mutedText)
    let graph = right.cutTop(80)
    let a = Point(graph.minX + 20, graph.midY)
    let b = Point(graph.maxX - 20, graph.midY)
    ui.draw.bezier(
      CubicBezier(a, Point(a.x + 120, graph.minY), Point(b.x - 120, graph.maxY), b), width: 4, t.orange,
      dash: Dash(pattern: [10, 6], phase: 3))
    ui.draw.bezier(
      CubicBezier(a, Point(a.x + 120, graph.maxY), Point(b.x - 120, graph.minY), b), width: 2, t.accent)
    ui.draw.fillCircle(center: a, radius: 9, t.accent)
    ui.draw.strokeCircle(center: b, radius: 9, width: 2, t.text)
    if ui.hoverRegion("neuron", Rect(x: b.x - 10, y: b.y - 10, width: 20, height: 20)) {
      ui.tooltip("Neuron 3 in layer 2: weight 0.42")
    }
  }
}
