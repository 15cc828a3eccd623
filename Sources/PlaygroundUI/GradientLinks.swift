import Foundation
import ImmediateUI
import Localization
import PlaygroundCore

/// "Show gradients": the network's links coloured by their recent mean |∂L/∂w|
/// (`LinkGradients`) instead of their weight, on a log scale, so that gradients a thousand times
/// smaller than the largest — a deep sigmoid net's first layers — show as faint links.
extension PlaygroundView {
  /// The links' colour when showing gradients (purple: not a weight's blue or orange).
  static let gradientHue = Color(rgb: 0x8E24AA)
  /// Orders of magnitude the scale spans below the largest gradient (fainter is drawn as 0).
  static let gradientDecades: Float = 4

  /// 0…1 for a gradient `g` against the largest `largest`: 1 at the largest, 0 at or below
  /// largest × 10⁻⁴, linear in log₁₀ between.
  static func gradientStrength(_ g: Float, largest: Float) -> Float {
    guard largest > 0, g > 0, g.isFinite else { return 0 }
    let decades = log10(Double(g / largest))
    return Float(min(1, max(0, 1 + decades / Double(gradientDecades))))
  }

  /// The links with width and colour from their gradient's strength.
  static func gradientLinks(_ links: [Link], _ gradients: LinkGradients) -> [Link] {
    let largest = gradients.largest
    return links.map { link in
      guard case .weight(let l, let i, let j) = link.parameter else { return link }
      var shown = link
      shown.weight = 4 * gradientStrength(gradients.value(layer: l, from: i, to: j) ?? 0, largest: largest)
      shown.tint = gradientHue
      return shown
    }
  }

  /// The ∇ toggle (Tab reaches it); its tooltip is the legend.
  func drawGradientToggle(_ f: inout FrameBuilder) {
    let ui = f.ui
    let r = f.layout.gradientToggle
    guard r.width > 0, f.state.explain == nil else { return }
    let on = f.state.linkGradients != nil
    // A one-glyph button: the usual padding would leave the ∇ no room in a small square.
    let padding = ui.theme.padding
    ui.theme.padding = 2
    let clicked = ui.button(verbatim("∇"), in: r, style: on ? .primary : .normal)
    ui.theme.padding = padding
    if clicked { f.actions.append(.showGradients(!on)) }
    let largest = f.state.linkGradients?.largest ?? 0
    hint(
      ui, r,
      on
      ? tr(
        "Links show each weight's recent mean |∂L/∂w| (whole training set, after each step), not the weight: dark purple is the largest ({1}), faint is 10⁻⁴ of it or less. Click to show weights again.",
        ExplainText.precise(largest))
        : tr("Show gradients: colour the links by their recent mean |∂L/∂w| instead of their weight, to see vanishing gradients"))
  }

  /// The hovered link's card while showing gradients: its weight and its recent mean |∂L/∂w|.
  static func gradientCard(_ parameter: Parameter, value: Float, _ gradients: LinkGradients) -> String? {
    guard case .weight(let l, let i, let j) = parameter, let g = gradients.value(layer: l, from: i, to: j) else {
      return nil
    }
    return tr("{1} {2}; recent mean |∂L/∂w| {3} — click to edit", parameter.title, Format.parameter(value), ExplainText.precise(g))
  }
}

extension Layout {
  /// Where the heading row has no room for "Show gradients" (∇): the first free square of those
  /// above the corner's Explain button, left of it, or at the layers' lower left, clear of every
  /// tile and bias square; none (no toggle) when all are taken.
  mutating func placeCornerGradientToggle(layers: Rect) {
    let side: Float = 34
    let tiles = (hiddenLayers.flatMap(\.tiles) + outputNeuronTiles).flatMap { [$0, NetworkGeometry.biasRect(for: $0)] }
    let candidates = [
      Rect(x: explainButton.maxX - side, y: explainButton.minY - side - 6, width: side, height: side),
      Rect(x: explainButton.minX - side - 6, y: explainButton.minY, width: side, height: side),
      Rect(x: layers.minX, y: explainButton.minY, width: side, height: side),
    ]
    gradientToggle =
      candidates.first { c in
        c.minX >= layers.minX && !tiles.contains { $0.inset(-4).intersects(c) } && !outputCaption.intersects(c)
          && !explainButton.inset(-4).intersects(c)
      } ?? .zero
  }
}
