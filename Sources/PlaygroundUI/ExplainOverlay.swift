import ImmediateUI
import Localization
import PlaygroundCore

/// What "Explain a step" draws over the network panel: the stage's numbers on the tiles, the links
/// as gradient flows (backward) or new weights (update), and the hover cards.
extension PlaygroundView {
  /// The links as the stage shows them. Backward: links into the layers already reached carry
  /// their ∂L/∂w, scaled so the largest is drawn at full width (`Link.width` grows with |value|
  /// up to 4) and colored by sign; the others are thin and gray. Update: each weight's change,
  /// scaled the same way.
  static func explainLinks(_ links: [Link], _ x: ExplainFigures, stage: ExplainStage) -> [Link] {
    switch stage {
    case .forward, .loss:
      return links
    case .backward(let k):
      let largest = x.largestGradient(fromLayer: k - 1)
      return links.map { link in
        guard case .weight(let l, let i, let j) = link.parameter else { return link }
        var shown = link
        shown.weight = l + 1 >= k && largest > 0 ? 4 * x.weight(layer: l, from: i, to: j).gradient / largest : 0
        return shown
      }
    case .update:
      let largest = x.largestChange()
      return links.map { link in
        guard case .weight(let l, let i, let j) = link.parameter else { return link }
        let w = x.weight(layer: l, from: i, to: j)
        var shown = link
        shown.weight = largest > 0 ? 4 * (w.after - w.before) / largest : 0
        return shown
      }
    }
  }

  /// The stage's numbers on every tile: the feature values on the inputs, and z / a, ∂L/∂a or the
  /// bias old → new on the neurons (`ExplainText.tileLines`).
  func drawExplainNumbers(_ f: inout FrameBuilder, _ x: ExplainFigures, stage: ExplainStage) {
    let features = f.state.config.features
    let inputs = x.step.explanation.inputs
    for (i, feature) in features.enumerated() {
      guard let r = f.layout.featureTile(feature), inputs.indices.contains(i) else { continue }
      drawTileNumbers(f.ui, [ExplainText.short(inputs[i])], on: r)
    }
    for layer in 1...x.layerCount {
      let tiles = f.layout.neuronTiles(layer: layer, features: features)
      for (j, r) in tiles.enumerated() {
        let lines = ExplainText.tileLines(x, stage: stage, layer: layer, index: j)
        if !lines.isEmpty { drawTileNumbers(f.ui, lines, on: r) }
      }
    }
  }

  /// Lines of numbers on a white band across the tile's lower part, shrunk to the tile (down to
  /// 8 pt). A tile too small for them all keeps the last line (the number); one too small even
  /// for that shows none — its hover card still has them.
  private func drawTileNumbers(_ ui: UIContext, _ lines: [String], on tile: Rect) {
    func fit(_ lines: [String]) -> Float? {
      let widest = lines.max { ui.measure($0, size: 12).width < ui.measure($1, size: 12).width } ?? ""
      let size = ui.shrinkingSize(widest, width: tile.width - 2, from: 13, minimum: 8)
      let height = ui.measure("Ag", size: size).height.rounded() * Float(lines.count) + 2
      return ui.measure(widest, size: size).width <= tile.width - 2 && height <= tile.height ? size : nil
    }
    var shown = lines
    var size = fit(shown)
    if size == nil, let last = lines.last {
      shown = [last]
      size = fit(shown)
    }
    guard let size else { return }
    let lineHeight = ui.measure("Ag", size: size).height.rounded()
    let band = Rect(x: tile.x, y: tile.maxY - lineHeight * Float(shown.count) - 2, width: tile.width, height: lineHeight * Float(shown.count) + 2)
    ui.draw.fillRect(band, Color.white.withAlpha(Float(0.86)))
    for (k, line) in shown.enumerated() {
      let row = Rect(x: band.x + 1, y: band.y + 1 + Float(k) * lineHeight, width: band.width - 2, height: lineHeight)
      ui.label(line, in: row, size: size, color: ui.theme.text, alignment: .center)
    }
  }

  /// The hover card of a weight or bias at the stage that shows.
  static func explainCard(_ parameter: Parameter, _ x: ExplainFigures, stage: ExplainStage) -> String {
    switch parameter {
    case .weight(let l, let i, let j): ExplainText.linkCard(x, stage: stage, layer: l, from: i, to: j)
    case .bias(let l, let j): ExplainText.biasCard(x, stage: stage, layer: l, neuron: j)
    }
  }

  /// The hover card of neuron `index` of network layer `layer` while a walk-through is open.
  func explainNeuronCard(_ f: FrameBuilder, layer: Int, index: Int) -> String? {
    guard let x = ExplainFigures(f.state), let stage = f.state.explainStage else {
      return MathsCards.neuron(f.state, layer: layer, index: index)
    }
    return ExplainText.neuronCard(
      x, stage: stage, layer: layer, index: index, config: f.state.config, output: f.state.experiment.network.shape.output)
  }

  /// While a walk-through is open: → the next stage, ← the one before, Esc back to the normal view
  /// (Esc closes the help first when it is open).
  static func explainKey(_ press: KeyPress, helpOpen: Bool) -> Action? {
    guard press.modifiers.isEmpty else { return nil }
    switch press.key {
    case .right: return .explain(.next)
    case .left: return .explain(.back)
    case .escape where !helpOpen: return .explain(.leave)
    default: return nil
    }
  }
}
