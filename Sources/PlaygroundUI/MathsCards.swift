import Engine
import Localization
import PlaygroundCore
import Training

/// The maths behind the controls and figures outside "Explain a step": hovering the learning
/// rate, optimizer, activation, regularization (and its rate), the loss in the output panel or a
/// neuron tile shows a card with the formula and the run's live numbers (the engine's own).
enum MathsCards {
  /// The optimizer's update rule (PyTorch's) with the rate this epoch and its constants.
  static func optimizer(_ settings: LearningSettings, baseRate: Double, epoch: Int) -> String {
    let eta = ExplainText.precise(Float(settings.learningRate(base: baseRate, epoch: epoch)))
    let mu = ExplainText.precise(Float(settings.momentum))
    let rule: String
    switch settings.optimizer {
    case .sgd:
      rule = "w ← w − η·g\nη = " + eta
    case .momentum:
      rule = "v ← μ·v + g\nw ← w − η·v\nη = " + eta + ",  μ = " + mu
    case .nesterov:
      rule = "v ← μ·v + g\nw ← w − η·(g + μ·v)\nη = " + eta + ",  μ = " + mu
    case .rmsprop:
      rule = "s ← α·s + (1 − α)·g²\nw ← w − η·g / (√s + ε)\nη = " + eta + ",  α = "
        + ExplainText.precise(Optimizer.alpha) + ",  ε = 10⁻⁸"
    case .adam:
      rule = "m ← β₁·m + (1 − β₁)·g\nv ← β₂·v + (1 − β₂)·g²\nw ← w − η·m̂ / (√v̂ + ε)\nm̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)\nη = "
        + eta + ",  β₁ = " + ExplainText.precise(Optimizer.beta1) + ",  β₂ = " + ExplainText.precise(Optimizer.beta2)
        + ",  ε = 10⁻⁸"
    }
    return verbatim(rule) + "\n" + tr("g = ∂L/∂w, averaged over the batch; η is the learning rate at epoch {1}", epoch)
  }

  /// A hidden neuron's activation function and its derivative.
  static func activation(_ a: Activation) -> String {
    let formula: String
    switch a {
    case .relu: formula = "a = ReLU(z) = max(0, z)\nReLU′(z) = 1 (z > 0),  0 (z ≤ 0)"
    case .tanh: formula = "a = tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)\ntanh′(z) = 1 − a²"
    case .sigmoid: formula = "a = σ(z) = 1 / (1 + e⁻ᶻ)\nσ′(z) = a·(1 − a) ≤ 0.25"
    case .linear: formula = "a = z\nf′(z) = 1"
    }
    return verbatim("z = b + Σ wᵢ·aᵢ\n" + formula) + "\n" + tr("for every hidden neuron; the backward pass multiplies by f′(z)")
  }

  /// The regularization's penalty and how it changes each weight, with λ and η.
  static func regularization(_ r: Regularization, rate: Double, learningRate: Double) -> String {
    let lambda = ExplainText.precise(Float(rate))
    let eta = ExplainText.precise(Float(learningRate))
    switch r {
    case .none:
      return tr("No penalty: the loss is the data's alone")
    case .l2:
      return verbatim("L = L_data + λ·Σ ½w²\n∂L/∂w = ∂L_data/∂w + λ·w\nλ = " + lambda)
    case .l1:
      return verbatim("L = L_data + λ·Σ |w|\nw ← w − η·λ·sign(w₀)\nη = " + eta + ",  λ = " + lambda) + "\n"
        + tr("after the gradient step; w₀ is the weight before it. A weight this moves across 0 becomes 0 and its link stops learning.")
    case .l1Proximal:
      return verbatim("L = L_data + λ·Σ |w|\nw ← sign(w)·max(0, |w| − η·λ)\nη = " + eta + ",  λ = " + lambda) + "\n"
        + tr("after the gradient step; a weight that reaches 0 stays there")
    }
  }

  /// The loss formula for this output, with the run's training and test loss.
  static func loss(_ output: OutputKind, train: Float, test: Float) -> String {
    let formula: String
    switch output {
    case .binaryTanh: formula = "L = (1/N)·Σ ½(ŷ − y)²,  ŷ = tanh(z),  y = ±1"
    case .regression: formula = "L = (1/N)·Σ ½(ŷ − y)²,  ŷ = z"
    case .softmax: formula = "L = −(1/N)·Σ log p_y,  p = softmax(z)"
    }
    return verbatim(formula) + "\n"
      + tr("training: {1} · test: {2} (the penalty not included)", ExplainText.precise(train), ExplainText.precise(test))
  }

  /// A neuron's weighted sum and activation for one training point (the first), as the engine
  /// computes them — outside the walk-through, where no point is chosen.
  static func neuron(_ state: AppState, layer: Int, index: Int) -> String? {
    let experiment = state.experiment
    guard !experiment.train.isEmpty, let step = experiment.explainStep(example: 0) else { return nil }
    let x = ExplainFigures(step: step, network: experiment.network)
    guard
      let card = ExplainText.neuronCard(
        x, stage: .loss, layer: layer, index: index, config: state.config, output: experiment.network.shape.output)
    else { return nil }
    let p = experiment.train[0]
    return tr("For training point 1 at ({1}, {2}):", ExplainText.precise(Float(p.x)), ExplainText.precise(Float(p.y))) + "\n"
      + card
  }
}
