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
    if ui.button(verbatim("∇"), in: r, style: on ? .primary : .normal) {
      f.actions.append(.showGradients(!on))
    }
    let legend =
      on
      ? tr(
        "Links show each weight's recent mean |∂L/∂w| (whole training set, after each step), not the weight: dark purple is the largest ({1}), faint is 10⁻⁴ of it or less. Click to show weights again.",
        ExplainText.precise(f.state.linkGradients?.largest ?? 0))
      : tr("Show gradients: colour the links by their recent mean |∂L/∂w| instead of their weight, to see vanishing gradients")
    hint(ui, r, legend)
  }

  /// The hovered link's card while showing gradients: its weight and its recent mean |∂L/∂w|.
  static func gradientCard(_ parameter: Parameter, value: Float, _ gradients: LinkGradients) -> String? {
    guard case .weight(let l, let i, let j) = parameter, let g = gradients.value(layer: l, from: i, to: j) else {
      return nil
    }
    return tr("{1} {2}; recent mean |∂L/∂w| {3} — click to edit", parameter.title, Format.parameter(value), ExplainText.precise(g))
  }
}
