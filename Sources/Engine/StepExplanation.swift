/// One training step on one example, every number as the engine computes it: the forward pass
/// (each neuron's weighted sum z and activation a), the loss, the backward pass (each neuron's
/// ∂L/∂a and ∂L/∂z, each weight's and bias's ∂L/∂w) — what `playground explain` prints.
public struct StepExplanation: Sendable, Equatable {
  /// One neuron of a weighted layer (hidden layers, then the output layer).
  public struct Neuron: Sendable, Equatable {
    /// z = b + Σ wᵢ·aᵢ.
    public var z: Float
    /// a = f(z) (the output's tanh, identity or softmax probability).
    public var a: Float
    /// ∂L/∂a (nil for a softmax output, whose probabilities all share one loss term).
    public var dLda: Float?
    /// ∂L/∂z = δ.
    public var dLdz: Float
  }

  /// The example's inputs (the feature values).
  public var inputs: [Float]
  public var target: Float
  /// `layers[l][j]`: neuron j of weighted layer l.
  public var layers: [[Neuron]]
  public var loss: Float
  /// ∂L/∂w for every weight, canonical order (`Network.flatWeights`).
  public var weightGradients: [Float]
  /// ∂L/∂b for every bias, canonical order.
  public var biasGradients: [Float]
}

extension Network {
  /// Explains the forward and backward pass of one example (`row`: its feature values) with the
  /// engine's own kernel; z and ∂L/∂a are recomputed in the kernel's order, so they have its bits.
  public func explain(row: [Float], target: Float) -> StepExplanation {
    precondition(row.count == shape.inputs, "an example has \(shape.inputs) features")
    var copy = self
    let network = self
    var layers: [[StepExplanation.Neuron]] = []
    var loss: Float = 0
    copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        let kernel = Kernel(network: network, weights: w.baseAddress!, biases: b.baseAddress!)
        let samples = Samples(features: row, featureCount: row.count, targets: [target])
        samples.rows.withUnsafeBufferPointer { rows in
          kernel.forward(row: rows.baseAddress!)
          kernel.transformOutput()
          loss = kernel.outputLossAndDelta(target: target).loss
          kernel.backwardAndAccumulate()
        }
        for (l, e) in layout.enumerated() {
          let inBase = l == 0 ? 0 : layout[l - 1].activationOffset
          var neurons: [StepExplanation.Neuron] = []
          for j in 0..<e.nOut {
            var z = Kernel.lane(b.baseAddress!, e.biasOffset + j >> 3, j & 7)
            for i in 0..<e.nIn {
              z += Kernel.lane(kernel.acts, inBase + i >> 3, i & 7) * Kernel.lane(w.baseAddress!, e.weightOffset + i * e.cout + j >> 3, j & 7)
            }
            let a = Kernel.lane(kernel.acts, e.activationOffset + j >> 3, j & 7)
            let delta = Kernel.lane(kernel.deltas, e.activationOffset + j >> 3, j & 7)
            var dLda: Float?
            if l < layout.count - 1 {
              // Σ_j w(j←i)·δ_j over the next layer, in the kernel's order.
              let n = layout[l + 1]
              var sum: Float = 0
              for k in 0..<n.nOut {
                sum += Kernel.lane(kernel.deltas, n.activationOffset + k >> 3, k & 7)
                  * Kernel.lane(w.baseAddress!, n.weightOffset + j * n.cout + k >> 3, k & 7)
              }
              dLda = sum
            } else {
              switch shape.output {
              case .binaryTanh: dLda = a - (target >= 0.5 ? 1 : -1)
              case .regression: dLda = a - target
              case .softmax: dLda = nil
              }
            }
            neurons.append(StepExplanation.Neuron(z: z, a: a, dLda: dLda, dLdz: delta))
          }
          layers.append(neurons)
        }
      }
    }
    let gradient = self.gradient(on: Samples(features: row, featureCount: row.count, targets: [target]))
    return StepExplanation(
      inputs: row, target: target, layers: layers, loss: loss, weightGradients: gradient.weights,
      biasGradients: gradient.biases)
  }
}
