import Engine
import Localization
import PlaygroundCore
import Training

/// The hover cards of "Explain a step": a neuron's, a link's and a bias's equation with this
/// point's numbers plugged in, for the stage that shows.
extension ExplainText {
  /// At most this many terms of a sum are written out; the rest is "+ …".
  static let shownTerms = 3

  /// A neuron of network layer `layer` (1… hidden, last the output).
  static func neuronCard(
    _ x: ExplainFigures, stage: ExplainStage, layer: Int, index: Int, config: PlaygroundConfig, output: OutputKind
  ) -> String? {
    guard let n = x.neuron(layer: layer, index: index) else { return nil }
    let f = function(x, layer: layer, config: config, output: output)
    let forward: String = {
      let b = x.bias(layer: layer - 1, neuron: index).before
      let inputs = x.sizes[layer - 1].inputs
      let terms = (0..<min(inputs, shownTerms)).map { i in
        factor(x.weight(layer: layer - 1, from: i, to: index).before) + "·" + factor(x.activation(into: layer - 1, from: i))
      }
      let sum = terms.joined(separator: " + ") + (inputs > shownTerms ? " + …" : "")
      return "z = b + Σ wᵢ·aᵢ = " + precise(b) + " + (" + sum + ") = " + precise(n.z) + "\n" + "a = " + f + "(z) = "
        + precise(n.a)
    }()
    switch stage {
    case .forward(let k):
      return layer > k ? tr("Not computed yet: the forward pass reaches this layer later.") : forward
    case .loss:
      return forward
    case .backward(let k) where layer < k:
      return forward + "\n" + tr("Its ∂L/∂a comes later in the backward pass.")
    case .backward, .update:
      var lines: [String] = []
      if layer == x.layerCount {
        if let d = n.dLda {
          let y: Float = output == .binaryTanh ? (x.step.explanation.target >= 0.5 ? 1 : -1) : x.step.explanation.target
          lines.append("∂L/∂a = ŷ − y = " + precise(n.a) + " − " + factor(y) + " = " + precise(d))
        } else {
          lines.append("δ = ∂L/∂z = p − [" + tr("target class") + "] = " + precise(n.dLdz))
        }
      } else if let d = n.dLda {
        let next = x.sizes[layer].outputs
        let terms = (0..<min(next, shownTerms)).map { k in
          factor(x.weight(layer: layer, from: index, to: k).before) + "·" + factor(x.neuron(layer: layer + 1, index: k)?.dLdz ?? 0)
        }
        lines.append(
          "∂L/∂a = Σₖ wₖ·δₖ = " + terms.joined(separator: " + ") + (next > shownTerms ? " + …" : "") + " = " + precise(d))
      }
      if let d = n.dLda {
        lines.append("δ = ∂L/∂z = ∂L/∂a·" + f + "′(z) = " + precise(d) + "·" + f + "′(" + precise(n.z) + ") = " + precise(n.dLdz))
      }
      if case .update = stage {
        let b = x.bias(layer: layer - 1, neuron: index)
        lines.append("b: " + exact(b.before) + " → " + exact(b.after))
      }
      return lines.joined(separator: "\n")
    }
  }

  /// The link of weight (layer, from, to); `layer` counts weighted layers from 0.
  static func linkCard(_ x: ExplainFigures, stage: ExplainStage, layer: Int, from i: Int, to j: Int) -> String {
    let w = x.weight(layer: layer, from: i, to: j)
    let a = x.activation(into: layer, from: i)
    switch stage {
    case .forward(let k) where layer + 1 > k:
      return "w = " + precise(w.before)
    case .forward, .loss:
      return "w = " + precise(w.before) + "\n" + "w·a = " + factor(w.before) + "·" + factor(a) + " = " + precise(w.before * a)
    case .backward(let k) where layer + 1 < k:
      return "w = " + precise(w.before) + "\n" + tr("Its ∂L/∂w comes later in the backward pass.")
    case .backward:
      let delta = x.neuron(layer: layer + 1, index: j)?.dLdz ?? 0
      return "∂L/∂w = δ·a = " + factor(delta) + "·" + factor(a) + " = " + precise(w.gradient)
    case .update:
      return "w: " + exact(w.before) + " → " + exact(w.after) + "\n" + "Δw = " + precise(w.after - w.before) + ",  ∂L/∂w = "
        + precise(w.gradient)
    }
  }

  /// The bias of neuron `neuron` of weighted layer `layer`.
  static func biasCard(_ x: ExplainFigures, stage: ExplainStage, layer: Int, neuron j: Int) -> String {
    let b = x.bias(layer: layer, neuron: j)
    switch stage {
    case .backward(let k) where layer + 1 >= k:
      return "∂L/∂b = δ = " + precise(b.gradient)
    case .update:
      return "b: " + exact(b.before) + " → " + exact(b.after) + "\n" + "∂L/∂b = " + precise(b.gradient)
    default:
      return "b = " + precise(b.before)
    }
  }
}
