import Engine
import Foundation
import Localization
import PlaygroundCore
import Training

/// The words and equations of "Explain a step": the stage's explanation, the numbers on the tiles
/// and the hover cards, every number read from `ExplainFigures` (the engine's own).
enum ExplainText {
  /// A tile's number: two decimals (a small non-zero value in scientific notation), with a real
  /// minus sign.
  static func short(_ v: Float) -> String {
    guard v.isFinite else { return v.isNaN ? "NaN" : (v > 0 ? "∞" : "−∞") }
    let magnitude = abs(v)
    guard magnitude != 0 && magnitude < 0.005 else {
      return String(format: "%.2f", Double(v)).replacingOccurrences(of: "-", with: "−")
    }
    // 0.00051 → "5.1e−4": the exponent without its padding zero.
    let parts = String(format: "%.1e", Double(v)).split(separator: "e")
    let exponent = Int(parts[1]) ?? 0
    return (parts[0] + "e" + String(exponent)).replacingOccurrences(of: "-", with: "−")
  }

  /// A change, with its sign always written.
  static func signed(_ v: Float) -> String { (v > 0 ? "+" : "") + short(v) }

  /// An old or new value in the update stage: six significant digits, so a small step shows.
  static func exact(_ v: Float) -> String {
    guard v.isFinite else { return short(v) }
    return String(format: "%.6g", Double(v)).replacingOccurrences(of: "-", with: "−")
  }

  /// A card's number: four significant digits.
  static func precise(_ v: Float) -> String {
    guard v.isFinite else { return short(v) }
    return String(format: "%.4g", Double(v)).replacingOccurrences(of: "-", with: "−")
  }

  /// A factor in a product: negative numbers in parentheses.
  static func factor(_ v: Float) -> String { v < 0 ? "(" + precise(v) + ")" : precise(v) }

  /// The activation's name in an equation.
  static func function(_ figures: ExplainFigures, layer: Int, config: PlaygroundConfig, output: OutputKind) -> String {
    if layer < figures.layerCount { return config.activation.rawValue }
    switch output {
    case .binaryTanh: return "tanh"
    case .regression: return "identity"
    case .softmax: return "softmax"
    }
  }

  /// Stage headline: "Forward: hidden layer 1", "Loss", "Backward: the output", "Update".
  static func stageName(_ stage: ExplainStage, layerCount: Int) -> String {
    stageName(stage) { k in k == layerCount ? tr("the output") : tr("hidden layer {1}", k) }
  }

  /// The headline with weighted layer k named by `layer`.
  static func stageName(_ stage: ExplainStage, layer: (Int) -> String) -> String {
    switch stage {
    case .forward(let k): return tr("Forward: {1}", layer(k))
    case .loss: return tr("Loss")
    case .backward(let k): return tr("Backward: {1}", layer(k))
    case .update: return tr("Update")
    }
  }

  /// The bar's shortest stage name: "Forward 2", "Loss", "Backward 3", "Update".
  static func shortStageName(_ stage: ExplainStage) -> String {
    switch stage {
    case .forward(let k): return tr("Forward {1}", k)
    case .loss: return tr("Loss")
    case .backward(let k): return tr("Backward {1}", k)
    case .update: return tr("Update")
    }
  }

  /// The lines written on neuron `index` of network layer `layer`'s tile at `stage` (empty: none).
  static func tileLines(_ x: ExplainFigures, stage: ExplainStage, layer: Int, index: Int) -> [String] {
    guard let n = x.neuron(layer: layer, index: index) else { return [] }
    switch stage {
    case .forward(let k):
      return layer <= k ? ["z " + short(n.z), "a " + short(n.a)] : []
    case .loss:
      return ["z " + short(n.z), "a " + short(n.a)]
    case .backward(let k) where layer >= k:
      if let d = n.dLda { return ["∂L/∂a", short(d)] }
      return ["δ " + short(n.dLdz)]
    case .backward:
      return ["a " + short(n.a)]
    case .update:
      let b = x.bias(layer: layer - 1, neuron: index)
      return ["Δb", signed(b.after - b.before)]
    }
  }

  /// The loss with its numbers: ½(ŷ − y)² for a tanh or identity output, −log p for classes.
  static func loss(_ x: ExplainFigures, output: OutputKind) -> String {
    let e = x.step.explanation
    let out = e.layers[e.layers.count - 1]
    switch output {
    case .binaryTanh, .regression:
      let y: Float = output == .binaryTanh ? (e.target >= 0.5 ? 1 : -1) : e.target
      return "L = ½(ŷ − y)² = ½(" + precise(out[0].a) + " − " + factor(y) + ")² = " + precise(e.loss)
    case .softmax:
      let c = Int(e.target)
      return "L = −log p" + subscriptDigits(c + 1) + " = −log " + precise(out[c].a) + " = " + precise(e.loss)
    }
  }

  static func subscriptDigits(_ n: Int) -> String {
    String(String(n).unicodeScalars.map { s in Character(UnicodeScalar(0x2080 + Int(s.value) - 48)!) })
  }

  /// The optimizer's update rule (PyTorch's), as the update stage and the optimizer's card show it.
  static func rule(_ optimizer: Optimizer) -> String {
    switch optimizer {
    case .sgd: return "w ← w − η·∂L/∂w"
    case .momentum: return "v ← μ·v + ∂L/∂w;  w ← w − η·v"
    case .nesterov: return "v ← μ·v + g;  w ← w − η·(g + μ·v)"
    case .rmsprop: return "s ← α·s + (1 − α)·g²;  w ← w − η·g / (√s + ε)"
    case .adam: return "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  w ← w − η·m̂ / (√v̂ + ε)"
    }
  }

  /// The explanation of the stage that shows, with its numbers.
  static func stageText(_ x: ExplainFigures, stage: ExplainStage, config: PlaygroundConfig, output: OutputKind) -> String {
    let e = x.step.explanation
    switch stage {
    case .forward(let k):
      let f = function(x, layer: k, config: config, output: output)
      let inputs = zip(config.features, e.inputs).map { $0.displayName + " = " + precise($1) }.joined(separator: ", ")
      let head = k == 1 ? tr("The point's inputs: {1}.", inputs) + " " : ""
      return head
        + tr("Each neuron adds its bias to the weighted sum of the layer before, z = b + Σ wᵢ·aᵢ, and applies {1}: a = {1}(z). Its z and a are on its tile; hover a tile for the sum.", f)
    case .loss:
      return tr("The output is compared with the target:") + " " + loss(x, output: output)
    case .backward(let k):
      let outputPart =
        k == x.layerCount
        ? tr("At the output, ∂L/∂a = ŷ − y.") : tr("A hidden neuron's ∂L/∂a sums what it sent on: Σₖ wₖ·δₖ.")
      return outputPart + " "
        + tr("Each tile shows ∂L/∂a; its δ = ∂L/∂a·f′(z). The links into this layer carry ∂L/∂w = δ·a: width by size, blue positive, orange negative. Hover a link for its number.")
    case .update:
      let rate = precise(x.step.learningRate)
      return tr("{1}, learning rate η = {2}:", LearningChoices.name(config.optimizer), rate) + " " + rule(config.optimizer) + ". "
        + tr("Each link's width shows how much its weight changed (blue up, orange down) and each tile its bias's change Δb; hover a link or bias for old → new.")
    }
  }
}
