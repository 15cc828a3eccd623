import Testing

@testable import Engine

/// Each optimizer's first steps against the update rule worked by hand on the smallest network:
/// one input, no hidden layer, a linear output, one example (x = 2, y = 1), batch size 1, so
/// every epoch is one step with g_w = (w·x + b − y)·x and g_b = w·x + b − y.
@Suite struct OptimizerTests {
  static let x: Double = 2
  static let y: Double = 1

  func tiny() -> (Network, Samples) {
    var rng = SeededGenerator(seed: 1)
    var net = Network(shape: NetworkShape(inputs: 1, hidden: [], activation: .linear, output: .regression), rng: &rng)
    net.setParameters(weights: [0.5], biases: [0.1])
    return (net, Samples(features: [Float(Self.x)], featureCount: 1, targets: [Float(Self.y)]))
  }

  /// Trains `steps` single-example epochs and returns (w, b) after each.
  func run(_ options: TrainingOptions, steps: Int) -> [(Float, Float)] {
    var (net, s) = tiny()
    var state = OptimizerState()
    var rng = SeededGenerator(seed: 0)
    var out: [(Float, Float)] = []
    for _ in 0..<steps {
      net.train(epochs: 1, on: s, options: options, state: &state, dropoutGenerator: &rng)
      out.append((net.weight(layer: 0, from: 0, to: 0), net.bias(layer: 0, neuron: 0)))
    }
    return out
  }

  /// The hand-worked reference in double precision: `rule` maps (parameter index, g) to a step.
  func reference(steps: Int, _ rule: (Int, Double, Int) -> Double) -> [(Double, Double)] {
    var w = 0.5
    var b = 0.1
    var out: [(Double, Double)] = []
    for t in 1...steps {
      let r = w * Self.x + b - Self.y
      let gw = r * Self.x
      let gb = r
      w -= rule(0, gw, t)
      b -= rule(1, gb, t)
      out.append((w, b))
    }
    return out
  }

  func expectClose(_ a: [(Float, Float)], _ b: [(Double, Double)]) {
    #expect(a.count == b.count)
    for (p, q) in zip(a, b) {
      #expect(abs(Double(p.0) - q.0) < 1e-5, "w \(p.0) vs \(q.0)")
      #expect(abs(Double(p.1) - q.1) < 1e-5, "b \(p.1) vs \(q.1)")
    }
  }

  @Test func sgd() {
    let lr = 0.05
    let ours = run(TrainingOptions(learningRate: Float(lr), batchSize: 1), steps: 3)
    // Step 1 by hand: r = 0.5·2 + 0.1 − 1 = 0.1, g_w = 0.2, g_b = 0.1 → w = 0.49, b = 0.095.
    #expect(abs(ours[0].0 - 0.49) < 1e-6 && abs(ours[0].1 - 0.095) < 1e-6)
    expectClose(ours, reference(steps: 3) { _, g, _ in lr * g })
  }

  @Test func momentum() {
    let lr = 0.05
    var buffers = [0.0, 0.0]
    let ours = run(TrainingOptions(learningRate: Float(lr), batchSize: 1, optimizer: .momentum), steps: 3)
    expectClose(ours, reference(steps: 3) { i, g, _ in
      buffers[i] = 0.9 * buffers[i] + g
      return lr * buffers[i]
    })
    // Step 2 by hand: r = 0.49·2 + 0.095 − 1 = 0.075, g_w = 0.15; b_w = 0.9·0.2 + 0.15 = 0.33,
    // w = 0.49 − 0.05·0.33 = 0.4735.
    #expect(abs(ours[1].0 - 0.4735) < 1e-6)
  }

  @Test func nesterov() {
    let lr = 0.05
    var buffers = [0.0, 0.0]
    let ours = run(TrainingOptions(learningRate: Float(lr), batchSize: 1, optimizer: .nesterov, momentum: 0.8), steps: 3)
    expectClose(ours, reference(steps: 3) { i, g, _ in
      buffers[i] = 0.8 * buffers[i] + g
      return lr * (g + 0.8 * buffers[i])
    })
  }

  @Test func rmsprop() {
    let lr = 0.01
    var squares = [0.0, 0.0]
    let ours = run(TrainingOptions(learningRate: Float(lr), batchSize: 1, optimizer: .rmsprop), steps: 3)
    // Step 1 by hand: s = 0.01·g², so the step is η·g/(0.1·|g| + ε) ≈ 10·η = 0.1 for both.
    #expect(abs(ours[0].0 - 0.4) < 1e-5 && abs(ours[0].1 - 0.0) < 1e-5)
    expectClose(ours, reference(steps: 3) { i, g, _ in
      squares[i] = 0.99 * squares[i] + 0.01 * g * g
      return lr * g / (squares[i].squareRoot() + 1e-8)
    })
  }

  @Test func adam() {
    let lr = 0.01
    var m = [0.0, 0.0]
    var v = [0.0, 0.0]
    let ours = run(TrainingOptions(learningRate: Float(lr), batchSize: 1, optimizer: .adam), steps: 4)
    // Step 1 by hand: m̂ = g and v̂ = g², so each parameter moves by η·sign(g) = 0.01.
    #expect(abs(ours[0].0 - 0.49) < 1e-6 && abs(ours[0].1 - 0.09) < 1e-6)
    expectClose(ours, reference(steps: 4) { i, g, t in
      m[i] = 0.9 * m[i] + 0.1 * g
      v[i] = 0.999 * v[i] + 0.001 * g * g
      let mHat = m[i] / (1 - power(0.9, t))
      let vHat = v[i] / (1 - power(0.999, t))
      return lr * mHat / (vHat.squareRoot() + 1e-8)
    })
  }

  /// Saving the state between calls: 5 + 15 epochs equal 20 in one call, for every optimizer.
  @Test(arguments: Optimizer.allCases) func stateCarriesAcrossCalls(_ optimizer: Optimizer) {
    var rng = SeededGenerator(seed: 4)
    var x: [Float] = []
    var t: [Float] = []
    for _ in 0..<40 {
      let a = Float(rng.uniform(-1, 1))
      let b = Float(rng.uniform(-1, 1))
      x += [a, b]
      t.append(a * b > 0 ? 1 : 0)
    }
    let s = Samples(features: x, featureCount: 2, targets: t)
    var r0 = SeededGenerator(seed: 2)
    let start = Network(shape: NetworkShape(inputs: 2, hidden: [5, 3], activation: .tanh, output: .binaryTanh), rng: &r0)
    let options = TrainingOptions(learningRate: 0.01, batchSize: 7, optimizer: optimizer, dropout: 0.2)
    var a = start
    var stateA = OptimizerState()
    var rngA = SeededGenerator(seed: 8)
    a.train(epochs: 20, on: s, options: options, state: &stateA, dropoutGenerator: &rngA)
    var b = start
    var stateB = OptimizerState()
    var rngB = SeededGenerator(seed: 8)
    b.train(epochs: 5, on: s, options: options, state: &stateB, dropoutGenerator: &rngB)
    let saved = stateB.flat(for: b)
    var restored = OptimizerState(flat: saved, for: b)!
    b.train(epochs: 15, on: s, options: options, state: &restored, dropoutGenerator: &rngB)
    #expect(a.checksum == b.checksum)
    #expect(stateA == restored)
    if optimizer != .sgd { #expect(!saved.first.isEmpty) }
    if optimizer == .adam { #expect(saved.step == 5 * 6) }
  }

  @Test func schedules() {
    #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 40) == 0.1)
    #expect(abs(LearningRateSchedule.step(every: 10, factor: 0.5).rate(base: 0.1, epoch: 25) - 0.025) < 1e-15)
    #expect(abs(LearningRateSchedule.exponential(factor: 0.9).rate(base: 1, epoch: 3) - 0.729) < 1e-15)
    for text in ["constant", "step:10:0.5", "exp:0.95"] {
      #expect(LearningRateSchedule(text)?.description == text)
    }
    for bad in ["", "step", "step:0:0.5", "step:3:2", "exp:0", "exp:x", "linear"] {
      #expect(LearningRateSchedule(bad) == nil)
    }
  }
}
