import Engine
import Training

/// "Show gradients": while on, the network panel colours each link by how strongly the loss
/// pulls on its weight lately, instead of by the weight itself — so a deep sigmoid net's
/// vanishing gradients show as faint first layers.
///
/// After each trained slice (and once when switched on) one gradient of the data loss over the
/// whole training set is taken with the engine's own backward pass (`Network.gradient(on:)`, no
/// dropout, no regularization term) and folded into a running mean of |∂L/∂w| per link. Nothing is
/// computed while it is off (the state holds nil), so training speed does not change.
public struct LinkGradients: Equatable, Sendable {
  /// How much of each new gradient enters the running mean (the rest is the old mean).
  public static let blend: Float = 0.25
  /// The running mean of |∂L/∂w| per weight, canonical order (`Network.flatWeights`).
  public private(set) var meanAbs: [Float]
  /// The network's layer widths the means belong to (a changed network starts afresh).
  public private(set) var widths: [Int]
  /// How many gradients have been folded in.
  public private(set) var samples: Int

  /// Starts with one gradient of `experiment`'s network.
  public init(_ experiment: Experiment) {
    meanAbs = []
    widths = []
    samples = 0
    record(experiment)
  }

  /// Folds one full-training-set gradient of the current network into the means.
  public mutating func record(_ experiment: Experiment) {
    let network = experiment.network
    guard experiment.trainSamples.count > 0 else { return }
    let gradient = network.gradient(on: experiment.trainSamples).weights.map { abs($0) }
    guard gradient.allSatisfy(\.isFinite) else { return }
    if widths != network.shape.widths || meanAbs.count != gradient.count {
      widths = network.shape.widths
      meanAbs = gradient
      samples = 1
      return
    }
    for k in meanAbs.indices { meanAbs[k] += (gradient[k] - meanAbs[k]) * Self.blend }
    samples += 1
  }

  /// The running mean for the weight of weighted layer `layer` (0: the first hidden layer) from
  /// neuron `i` to neuron `j`; nil when out of range.
  public func value(layer: Int, from i: Int, to j: Int) -> Float? {
    guard layer >= 0, layer + 1 < widths.count, i >= 0, i < widths[layer], j >= 0, j < widths[layer + 1] else {
      return nil
    }
    var offset = 0
    for l in 0..<layer { offset += widths[l] * widths[l + 1] }
    let k = offset + j * widths[layer] + i
    return meanAbs.indices.contains(k) ? meanAbs[k] : nil
  }

  /// The mean of the running means over weighted layer `layer`'s links.
  public func layerMean(_ layer: Int) -> Float {
    guard layer >= 0, layer + 1 < widths.count else { return 0 }
    var offset = 0
    for l in 0..<layer { offset += widths[l] * widths[l + 1] }
    let n = widths[layer] * widths[layer + 1]
    guard n > 0, offset + n <= meanAbs.count else { return 0 }
    return meanAbs[offset..<offset + n].reduce(0, +) / Float(n)
  }

  /// The largest running mean (the colour scale's top).
  public var largest: Float { meanAbs.max() ?? 0 }
}

/// After a 2-D training action, folds the new gradient in while "Show gradients" is on.
func recordLinkGradients(_ state: inout AppState, after action: Action) {
  guard state.linkGradients != nil, state.showingCNN == nil else { return }
  switch action {
  case .step, .train, .trainSlice, .reset, .seek, .continueFromHere, .undoBranch:
    state.linkGradients!.record(state.experiment)
  default: break
  }
}
