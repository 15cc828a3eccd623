import Engine
import Training

/// The walk-through's numbers addressed as the window draws them: neurons by network layer (1…
/// hidden, last the output), weights and biases by weighted layer (0 the first), as `Action` does.
/// Every value is read from the engine's `ExplainedStep`; nothing is recomputed here.
public struct ExplainFigures: Sendable {
  public let step: ExplainedStep
  /// (inputs, outputs) of each weighted layer.
  public let sizes: [(inputs: Int, outputs: Int)]
  private let weightOffsets: [Int]
  private let biasOffsets: [Int]

  public init(step: ExplainedStep, network: Network) {
    self.step = step
    sizes = (0..<network.layerCount).map { network.layerSize($0) }
    var w = 0
    var b = 0
    var wo: [Int] = []
    var bo: [Int] = []
    for s in sizes {
      wo.append(w)
      bo.append(b)
      w += s.inputs * s.outputs
      b += s.outputs
    }
    weightOffsets = wo
    biasOffsets = bo
  }

  /// The walk-through of `state` (nil when none is open).
  public init?(_ state: AppState) {
    guard let step = state.explainedStep else { return nil }
    self.init(step: step, network: state.experiment.network)
  }

  public var layerCount: Int { sizes.count }

  /// Neuron `index` of network layer `layer` (1… hidden, `layerCount` the output).
  public func neuron(layer: Int, index: Int) -> StepExplanation.Neuron? {
    let layers = step.explanation.layers
    guard layer >= 1, layer <= layers.count, layers[layer - 1].indices.contains(index) else { return nil }
    return layers[layer - 1][index]
  }

  /// The activation feeding weighted layer `layer` from its input `from`: a feature value for
  /// layer 0, else the previous layer's a.
  public func activation(into layer: Int, from i: Int) -> Float {
    layer == 0 ? step.explanation.inputs[i] : step.explanation.layers[layer - 1][i].a
  }

  /// Position of weight (layer, from, to) in the canonical order (`Network.flatWeights`).
  public func weightIndex(layer: Int, from i: Int, to j: Int) -> Int {
    weightOffsets[layer] + j * sizes[layer].inputs + i
  }

  /// A weight before the step, its ∂L/∂w on this point, and after the optimizer's update.
  public func weight(layer: Int, from i: Int, to j: Int) -> (before: Float, gradient: Float, after: Float) {
    let k = weightIndex(layer: layer, from: i, to: j)
    return (step.weightsBefore[k], step.explanation.weightGradients[k], step.weightsAfter[k])
  }

  /// A bias before, its ∂L/∂b (= the neuron's δ) and after.
  public func bias(layer: Int, neuron j: Int) -> (before: Float, gradient: Float, after: Float) {
    let k = biasOffsets[layer] + j
    return (step.biasesBefore[k], step.explanation.biasGradients[k], step.biasesAfter[k])
  }

  /// The largest |∂L/∂w| over the links into weighted layers `from`… (0 when all are 0): the
  /// scale of the backward stage's flows.
  public func largestGradient(fromLayer first: Int) -> Float {
    guard first < sizes.count else { return 0 }
    let start = weightOffsets[max(0, first)]
    return step.explanation.weightGradients[start...].reduce(0) { max($0, abs($1)) }
  }

  /// The largest |new − old| over every weight (0 when nothing moved): the update stage's scale.
  public func largestChange() -> Float {
    zip(step.weightsAfter, step.weightsBefore).reduce(0) { max($0, abs($1.0 - $1.1)) }
  }
}
