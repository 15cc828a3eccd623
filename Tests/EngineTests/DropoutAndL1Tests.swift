import Testing

@testable import Engine

@Suite struct DropoutTests {
  func data() -> Samples {
    var rng = SeededGenerator(seed: 5)
    var x: [Float] = []
    var t: [Float] = []
    for _ in 0..<60 {
      let a = Float(rng.uniform(-1, 1))
      let b = Float(rng.uniform(-1, 1))
      x += [a, b]
      t.append(a * a + b * b < 0.5 ? 1 : 0)
    }
    return Samples(features: x, featureCount: 2, targets: t)
  }

  func trained(dropout: Float, maskSeed: UInt64) -> Network {
    var r = SeededGenerator(seed: 3)
    var net = Network(shape: NetworkShape(inputs: 2, hidden: [6, 4], activation: .tanh, output: .binaryTanh), rng: &r)
    var state = OptimizerState()
    var masks = SeededGenerator(seed: maskSeed)
    net.train(epochs: 10, on: data(), options: TrainingOptions(dropout: dropout), state: &state, dropoutGenerator: &masks)
    return net
  }

  @Test func sameSeedSameMasks() {
    #expect(trained(dropout: 0.3, maskSeed: 1).checksum == trained(dropout: 0.3, maskSeed: 1).checksum)
    #expect(trained(dropout: 0.3, maskSeed: 1).checksum != trained(dropout: 0.3, maskSeed: 2).checksum)
    #expect(trained(dropout: 0.3, maskSeed: 1).checksum != trained(dropout: 0, maskSeed: 1).checksum)
  }

  @Test func noDropoutIsPlainTraining() {
    var r = SeededGenerator(seed: 3)
    var net = Network(shape: NetworkShape(inputs: 2, hidden: [6, 4], activation: .tanh, output: .binaryTanh), rng: &r)
    net.train(epochs: 10, on: data(), options: TrainingOptions())
    #expect(net.checksum == trained(dropout: 0, maskSeed: 9).checksum)
  }

  /// The dropped neurons get no gradient: with rate 0.9 and a one-neuron hidden layer, the
  /// examples whose neuron was dropped leave its incoming weights alone.
  @Test func droppedNeuronLearnsNothing() {
    var r = SeededGenerator(seed: 3)
    var net = Network(shape: NetworkShape(inputs: 1, hidden: [1], activation: .tanh, output: .regression), rng: &r)
    let s = Samples(features: [1], featureCount: 1, targets: [2])
    var state = OptimizerState()
    var masks = SeededGenerator(seed: 0)
    var probe = masks
    var changes = 0
    var drops = 0
    for _ in 0..<30 {
      if probe.nextUnit() < 0.9 { drops += 1 }
      let before = net.weight(layer: 0, from: 0, to: 0)
      net.train(epochs: 1, on: s, options: TrainingOptions(learningRate: 0.1, batchSize: 1, dropout: 0.9), state: &state, dropoutGenerator: &masks)
      if net.weight(layer: 0, from: 0, to: 0) != before { changes += 1 }
    }
    #expect(drops > 0 && drops < 30)
    #expect(changes == 30 - drops)
  }
}

/// L1 as TensorFlow Playground's nn.ts `updateWeights`: the derivative comes from the weight
/// before the gradient step; after it, w ← v − ηλ·sign(w_old), or 0 and dead when that flips v's sign.
@Suite struct PlaygroundL1Tests {
  /// One input (x), no hidden layer, linear output; one example (x, y); batch 1.
  func step(w: Float, x: Float, y: Float, rule: Regularization, steps: Int = 1) -> Network {
    var r = SeededGenerator(seed: 1)
    var net = Network(shape: NetworkShape(inputs: 1, hidden: [], activation: .linear, output: .regression), rng: &r)
    net.setParameters(weights: [w], biases: [0])
    let s = Samples(features: [x], featureCount: 1, targets: [y])
    net.train(epochs: steps, on: s, options: TrainingOptions(learningRate: 0.1, batchSize: 1, regularization: rule, regularizationRate: 0.1))
    return net
  }

  @Test func noFlip() {
    // v = 0.5 − 0.1·(0.5·1 − 0)·1 = 0.45; then 0.45 − 0.01·sign(0.5) = 0.44.
    let net = step(w: 0.5, x: 1, y: 0, rule: .l1)
    #expect(abs(net.weight(layer: 0, from: 0, to: 0) - 0.44) < 1e-6)
    #expect(net.frozenWeightIndices.isEmpty)
  }

  @Test func flipKillsTheLink() {
    // x = 0: no gradient, v = w = 0.004; 0.004 − 0.01 < 0 flips the sign → 0, dead.
    let net = step(w: 0.004, x: 0, y: 1, rule: .l1)
    #expect(net.weight(layer: 0, from: 0, to: 0) == 0)
    #expect(net.frozenWeightIndices == [0])
    // A dead link never moves again, even with a gradient.
    var moved = net
    let s = Samples(features: [1], featureCount: 1, targets: [5])
    moved.train(epochs: 5, on: s, options: TrainingOptions(learningRate: 0.1, batchSize: 1, regularization: .l1, regularizationRate: 0.1))
    #expect(moved.weight(layer: 0, from: 0, to: 0) == 0)
  }

  @Test func gradientStepCrossingZero() {
    // w = 0.05, x = 1, y = 1: v = 0.05 − 0.1·(0.05 − 1) = 0.145 (no crossing); with y = −1 instead:
    // v = 0.05 − 0.1·(0.05 + 1) = −0.055, which the gradient crossed; the penalty keeps the old
    // sign's direction: −0.055 − 0.01 = −0.065, and the link lives.
    let net = step(w: 0.05, x: 1, y: -1, rule: .l1)
    #expect(abs(net.weight(layer: 0, from: 0, to: 0) - -0.065) < 1e-6)
    #expect(net.frozenWeightIndices.isEmpty)
    // The proximal step instead shrinks toward 0 from v: −0.055 + 0.01 = −0.045.
    let proximal = step(w: 0.05, x: 1, y: -1, rule: .l1Proximal)
    #expect(abs(proximal.weight(layer: 0, from: 0, to: 0) - -0.045) < 1e-6)
  }

  @Test func zeroWeightHasNoPenalty() {
    // sign(0) = 0: a weight at exactly 0 (not dead) only follows its gradient.
    let net = step(w: 0, x: 1, y: 1, rule: .l1)
    #expect(abs(net.weight(layer: 0, from: 0, to: 0) - 0.1) < 1e-6)
    #expect(net.frozenWeightIndices.isEmpty)
  }
}
