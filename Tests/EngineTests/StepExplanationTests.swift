import Testing

@testable import Engine

/// `Network.explain`: its gradients equal finite differences of the loss, its ∂L/∂z equal
/// ∂L/∂a·f′(z), and its z and a are what the network predicts.
@Suite struct StepExplanationTests {
  static let shapes: [NetworkShape] = [
    NetworkShape(inputs: 3, hidden: [4, 3], activation: .tanh, output: .binaryTanh),
    NetworkShape(inputs: 2, hidden: [5], activation: .sigmoid, output: .regression),
    NetworkShape(inputs: 2, hidden: [4], activation: .tanh, output: .softmax(classes: 3)),
  ]

  func loss(_ net: Network, _ row: [Float], _ target: Float) -> Double {
    Double(net.gradient(on: Samples(features: row, featureCount: row.count, targets: [target])).loss)
  }

  @Test(arguments: 0..<3) func gradientsAreFiniteDifferences(index: Int) {
    let shape = Self.shapes[index]
    var rng = SeededGenerator(seed: UInt64(index + 3))
    let net = Network(shape: shape, rng: &rng)
    let row = (0..<shape.inputs).map { Float($0) * 0.4 - 0.3 }
    let target: Float = shape.output == .regression ? 0.7 : 1
    let x = net.explain(row: row, target: target)
    #expect(abs(Double(x.loss) - loss(net, row, target)) < 1e-7)
    let h: Float = 1e-2
    var weights = net.flatWeights
    for k in weights.indices {
      let saved = weights[k]
      var plus = net
      weights[k] = saved + h
      plus.setParameters(weights: weights, biases: net.flatBiases)
      var minus = net
      weights[k] = saved - h
      minus.setParameters(weights: weights, biases: net.flatBiases)
      weights[k] = saved
      let numeric = (loss(plus, row, target) - loss(minus, row, target)) / Double(2 * h)
      #expect(abs(numeric - Double(x.weightGradients[k])) < 2e-3 + 2e-2 * abs(numeric), "weight \(k)")
    }
    var biases = net.flatBiases
    for k in biases.indices {
      let saved = biases[k]
      var plus = net
      biases[k] = saved + h
      plus.setParameters(weights: net.flatWeights, biases: biases)
      var minus = net
      biases[k] = saved - h
      minus.setParameters(weights: net.flatWeights, biases: biases)
      biases[k] = saved
      let numeric = (loss(plus, row, target) - loss(minus, row, target)) / Double(2 * h)
      #expect(abs(numeric - Double(x.biasGradients[k])) < 2e-3 + 2e-2 * abs(numeric), "bias \(k)")
      // ∂L/∂b of a neuron is its δ = ∂L/∂z.
    }
    let deltas = x.layers.flatMap { $0.map(\.dLdz) }
    #expect(deltas == x.biasGradients)
    // Hidden neurons: δ = ∂L/∂a · f′(z).
    for neurons in x.layers.dropLast() {
      for n in neurons {
        let a = shape.activation.scalar(n.z)
        #expect(a == n.a)
        let derivative: Float = shape.activation == .tanh ? 1 - a * a : a * (1 - a)
        #expect(abs(n.dLdz - n.dLda! * derivative) <= 1e-6 * max(1, abs(n.dLdz)))
      }
    }
    // The output equals the prediction.
    let predicted = net.predict(Samples(features: row, featureCount: row.count, targets: [target]))
    let outputs = x.layers.last!.map(\.a)
    #expect(zip(predicted, outputs).allSatisfy { abs($0 - $1) < 1e-6 })
  }
}
