import Testing

@testable import Engine

@Suite struct TrainingTests {
  func xorSamples() -> Samples {
    var x: [Float] = []
    var t: [Float] = []
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<200 {
      let a = Float(rng.uniform(-1, 1))
      let b = Float(rng.uniform(-1, 1))
      x += [a, b]
      t.append(a * b > 0 ? 1 : 0)
    }
    return Samples(features: x, featureCount: 2, targets: t)
  }

  @Test func sameSeedSameBits() {
    let s = xorSamples()
    func run() -> String {
      var rng = SeededGenerator(seed: 9)
      var net = Network(
        shape: NetworkShape(inputs: 2, hidden: [4, 2], activation: .tanh, output: .binaryTanh), rng: &rng)
      net.train(epochs: 20, on: s, options: TrainingOptions())
      return net.checksum
    }
    #expect(run() == run())
    var rng = SeededGenerator(seed: 10)
    let other = Network(
      shape: NetworkShape(inputs: 2, hidden: [4, 2], activation: .tanh, output: .binaryTanh), rng: &rng)
    #expect(other.checksum != run())
  }

  @Test func learnsXorWithHiddenLayer() {
    let s = xorSamples()
    var rng = SeededGenerator(seed: 3)
    var net = Network(
      shape: NetworkShape(inputs: 2, hidden: [8, 4], activation: .tanh, output: .binaryTanh), rng: &rng)
    let before = net.metrics(on: s)
    net.train(epochs: 300, on: s, options: TrainingOptions(learningRate: 0.1))
    let after = net.metrics(on: s)
    #expect(after.loss < before.loss / 3)
    #expect(after.accuracy > 0.9)
  }

  @Test func playgroundInitialisation() {
    var rng = SeededGenerator(seed: 5)
    let net = Network(
      shape: NetworkShape(inputs: 7, hidden: [8, 8], activation: .tanh, output: .binaryTanh), rng: &rng)
    #expect(net.flatWeights.count == 7 * 8 + 8 * 8 + 8)
    #expect(net.flatWeights.allSatisfy { $0 >= -0.5 && $0 < 0.5 })
    #expect(net.flatBiases.allSatisfy { $0 == 0.1 })
    var rng2 = SeededGenerator(seed: 5)
    let zero = Network(
      shape: NetworkShape(inputs: 2, hidden: [3], activation: .tanh, output: .binaryTanh),
      initialization: .zero, rng: &rng2)
    #expect(zero.flatWeights.allSatisfy { $0 == 0 } && zero.flatBiases.allSatisfy { $0 == 0 })
  }

  @Test func divergenceIsAStateNotACrash() {
    var rng = SeededGenerator(seed: 2)
    var x: [Float] = []
    var t: [Float] = []
    for i in 0..<50 {
      x += [Float(i) / 5, Float(i % 7)]
      t.append(Float(i))
    }
    let s = Samples(features: x, featureCount: 2, targets: t)
    var net = Network(
      shape: NetworkShape(inputs: 2, hidden: [4], activation: .linear, output: .regression), rng: &rng)
    let report = net.train(epochs: 100, on: s, options: TrainingOptions(learningRate: 10))
    #expect(report.divergence != nil)
    #expect(report.epochs < 100)
    #expect(!net.isFinite)
  }

  /// L1 drives weights of useless inputs to exactly zero (frozen), while L2 only shrinks them.
  @Test func l1ZeroesUselessWeights() {
    var rng = SeededGenerator(seed: 4)
    var x: [Float] = []
    var t: [Float] = []
    for _ in 0..<200 {
      let a = Float(rng.uniform(-1, 1))
      let noise = (0..<4).map { _ in Float(rng.uniform(-1, 1)) }
      x += [a] + noise
      t.append(a > 0 ? 1 : 0)
    }
    let s = Samples(features: x, featureCount: 5, targets: t)
    var net = Network(
      shape: NetworkShape(inputs: 5, hidden: [], activation: .tanh, output: .binaryTanh), rng: &rng)
    net.train(epochs: 200, on: s, options: TrainingOptions(learningRate: 0.03, regularization: .l1, regularizationRate: 0.01))
    let w = net.flatWeights
    #expect(abs(w[0]) > 0.5)
    #expect(w[1...].allSatisfy { abs($0) < 1e-3 }, "\(w)")
    #expect(net.countSmallWeights() == 4)
  }

  @Test func neuronOutputsMatchPrediction() {
    var rng = SeededGenerator(seed: 8)
    let net = Network(
      shape: NetworkShape(inputs: 2, hidden: [3, 9], activation: .sigmoid, output: .softmax(classes: 3)), rng: &rng)
    let s = randomSamples(count: 5, features: 2, output: .softmax(classes: 3), rng: &rng)
    let all = net.evaluateAll(s)
    #expect(all.widths == [2, 3, 9, 3])
    for p in 0..<5 {
      #expect(all.value(layer: 0, neuron: 1, point: p) == s.feature(p, 1))
      let probs = (0..<3).map { all.value(layer: 3, neuron: $0, point: p) }
      #expect(abs(probs.reduce(0, +) - 1) < 1e-5)
      // Hidden neuron 1.0 recomputed by hand.
      let z = net.bias(layer: 0, neuron: 0) + net.weight(layer: 0, from: 0, to: 0) * s.feature(p, 0)
        + net.weight(layer: 0, from: 1, to: 0) * s.feature(p, 1)
      #expect(abs(all.value(layer: 1, neuron: 0, point: p) - 1 / (1 + Float(Scalar.exp(Double(-z))))) < 1e-6)
    }
    #expect(all.map(layer: 2, neuron: 8).count == 5)
  }
}
