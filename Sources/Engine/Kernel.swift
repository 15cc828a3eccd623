/// The forward and backward passes for one example at a time, on raw buffers.
///
/// A `Kernel` borrows the network's parameter buffers for the length of one call and owns its
/// scratch memory (activations a, derivatives f′(z), error terms δ, gradient accumulators and a
/// transposed copy of the weights). Readable reference for the math (per example, layer l):
///
///     z_j = b_j + Σ_i w(j←i) · a_i          a_j = f(z_j)                 (forward)
///     δ_out = ∂L/∂z_out                                                (loss-specific)
///     δ_i = f′(z_i) · Σ_j w(j←i) · δ_j                                 (backward)
///     ∂L/∂w(j←i) += δ_j · a_i      ∂L/∂b_j += δ_j                      (accumulate)
struct Kernel: ~Copyable {
  let layout: [Network.LayerLayout]
  let activation: Activation
  let output: OutputKind
  let weights: UnsafeMutablePointer<Lanes>
  let biases: UnsafeMutablePointer<Lanes>
  let acts: UnsafeMutablePointer<Lanes>
  let derivs: UnsafeMutablePointer<Lanes>
  let deltas: UnsafeMutablePointer<Lanes>
  let gradW: UnsafeMutablePointer<Lanes>
  let gradB: UnsafeMutablePointer<Lanes>
  /// Transposed weights: for layer l, chunk `transposedOffsets[l] + j·cin + i/8`, lane i%8 is w(j←i).
  let transposed: UnsafeMutablePointer<Lanes>
  let transposedOffsets: [Int]
  /// Dropout multipliers of the hidden activations (0 or 1/(1 − rate)), used while `dropping`.
  let dropMask: UnsafeMutablePointer<Lanes>
  /// True while training with dropout: `forward` multiplies hidden a and f′(z) by `dropMask`.
  var dropping = false
  let weightCount: Int
  let biasCount: Int
  let activationCount: Int
  let inputChunks: Int

  init(network: borrowing Network, weights: UnsafeMutablePointer<Lanes>, biases: UnsafeMutablePointer<Lanes>) {
    layout = network.layout
    activation = network.shape.activation
    output = network.shape.output
    self.weights = weights
    self.biases = biases
    weightCount = network.weights.count
    biasCount = network.biases.count
    activationCount = network.activationChunks
    inputChunks = network.inputChunks
    var offsets: [Int] = []
    var total = 0
    for e in layout {
      offsets.append(total)
      total += 8 * e.cout * e.cin
    }
    transposedOffsets = offsets
    func zeroed(_ n: Int) -> UnsafeMutablePointer<Lanes> {
      let p = UnsafeMutablePointer<Lanes>.allocate(capacity: max(n, 1))
      p.initialize(repeating: Lanes(repeating: 0), count: max(n, 1))
      return p
    }
    acts = zeroed(4 * activationCount)
    derivs = zeroed(4 * activationCount)
    deltas = zeroed(4 * activationCount)
    gradW = zeroed(weightCount)
    gradB = zeroed(biasCount)
    transposed = zeroed(total)
    dropMask = zeroed(activationCount)
    refreshTransposed()
  }

  deinit {
    for p in [acts, derivs, deltas, gradW, gradB, transposed, dropMask] { p.deallocate() }
  }

  /// Scalar lane `index` of a chunk buffer.
  @inline(__always)
  static func lane(_ p: UnsafeMutablePointer<Lanes>, _ chunk: Int, _ index: Int) -> Float {
    UnsafeRawPointer(p).load(fromByteOffset: (chunk * 8 + index) * 4, as: Float.self)
  }

  /// Rebuilds the transposed copy of the weights (after every update).
  func refreshTransposed() {
    for (l, e) in layout.enumerated() {
      let base = transposedOffsets[l]
      for j in 0..<e.nOut {
        for i in 0..<e.nIn {
          let w = Kernel.lane(weights, e.weightOffset + i * e.cout + j >> 3, j & 7)
          transposed[base + j * e.cin + i >> 3][i & 7] = w
        }
      }
    }
  }

  /// Forward pass of one input row; leaves a and f′(z) of every layer in the scratch buffers and
  /// the output layer's raw pre-activations z in `acts` (the output transform is the caller's).
  @inline(__always)
  func forward(row: UnsafePointer<Lanes>) {
    for c in 0..<inputChunks { acts[c] = row[c] }
    let last = layout.count - 1
    var inBase = 0
    for l in 0...last {
      let e = layout[l]
      let outBase = e.activationOffset
      for oc in 0..<e.cout {
        var z = biases[e.biasOffset + oc]
        var w = weights + e.weightOffset + oc
        for i in 0..<e.nIn {
          z += Kernel.lane(acts, inBase + i >> 3, i & 7) * w.pointee
          w += e.cout
        }
        if l < last {
          let (y, d) = activation.apply(z)
          if dropping {
            let m = dropMask[outBase + oc]
            acts[outBase + oc] = y * m
            derivs[outBase + oc] = d * m
          } else {
            acts[outBase + oc] = y
            derivs[outBase + oc] = d
          }
        } else {
          acts[outBase + oc] = z
        }
      }
      inBase = outBase
    }
  }

  /// Draws the next example's dropout mask: for every hidden neuron in order (layer, neuron), one
  /// uniform u from `rng`; the neuron is dropped (multiplier 0) when u < rate, else its activation
  /// is scaled by 1/(1 − rate) (inverted dropout, so nothing changes when measuring).
  func drawDropMask(rate: Float, rng: inout SeededGenerator) {
    let keep = 1 / (1 - rate)
    let p = Double(rate)
    for l in 0..<(layout.count - 1) {
      let e = layout[l]
      for j in 0..<e.nOut {
        dropMask[e.activationOffset + j >> 3][j & 7] = rng.nextUnit() < p ? 0 : keep
      }
    }
  }

  /// Applies the output transform to the last layer's z in place (tanh, identity or softmax).
  @inline(__always)
  func transformOutput(slot: Int = 0, in buffer: UnsafeMutablePointer<Lanes>? = nil) {
    let acts = buffer ?? self.acts
    let e = layout[layout.count - 1]
    let base = e.activationOffset + slot * activationCount
    switch output {
    case .binaryTanh: acts[base] = FastMath.tanh(acts[base])
    case .regression: break
    case .softmax(let k):
      var m = -Float.infinity
      for j in 0..<k { m = max(m, Kernel.lane(acts, base + j >> 3, j & 7)) }
      var sum: Float = 0
      for c in 0..<e.cout {
        let e8 = FastMath.exp(acts[base + c] - m)
        acts[base + c] = e8
      }
      for j in 0..<k { sum += Kernel.lane(acts, base + j >> 3, j & 7) }
      let inv = 1 / sum
      for c in 0..<e.cout {
        var v = acts[base + c] * inv
        // Padding lanes are not classes.
        for lane in 0..<8 where c * 8 + lane >= k { v[lane] = 0 }
        acts[base + c] = v
      }
    }
  }

  /// Loss of the transformed output against `target`, and ∂L/∂z_out written into δ_out.
  @inline(__always)
  func outputLossAndDelta(target: Float, slot: Int = 0) -> (loss: Float, correct: Bool) {
    let e = layout[layout.count - 1]
    let base = e.activationOffset + slot * activationCount
    switch output {
    case .binaryTanh:
      let y = acts[base][0]
      let t: Float = target >= 0.5 ? 1 : -1
      var d = Lanes(repeating: 0)
      d[0] = (y - t) * (1 - y * y)
      deltas[base] = d
      return (0.5 * (y - t) * (y - t), (y >= 0) == (t > 0))
    case .regression:
      let y = acts[base][0]
      var d = Lanes(repeating: 0)
      d[0] = y - target
      deltas[base] = d
      return (0.5 * (y - target) * (y - target), false)
    case .softmax(let k):
      let t = Int(target)
      var best = 0
      for c in 0..<e.cout { deltas[base + c] = acts[base + c] }
      for j in 0..<k where Kernel.lane(acts, base + j >> 3, j & 7) > Kernel.lane(acts, base + best >> 3, best & 7) {
        best = j
      }
      let p = Kernel.lane(acts, base + t >> 3, t & 7)
      deltas[base + t >> 3][t & 7] = p - 1
      return (-FastMath.logScalar(max(p, 1e-30)), best == t)
    }
  }

  /// Backward pass: propagates δ from the output and adds this example's gradient to the
  /// accumulators.
  @inline(__always)
  func backwardAndAccumulate() {
    var l = layout.count - 1
    while l >= 0 {
      let e = layout[l]
      let outBase = e.activationOffset
      let inBase = l == 0 ? 0 : layout[l - 1].activationOffset
      for oc in 0..<e.cout { gradB[e.biasOffset + oc] += deltas[outBase + oc] }
      var g = gradW + e.weightOffset
      for i in 0..<e.nIn {
        let a = Kernel.lane(acts, inBase + i >> 3, i & 7)
        for oc in 0..<e.cout { g[oc] += a * deltas[outBase + oc] }
        g += e.cout
      }
      if l > 0 {
        let tBase = transposedOffsets[l]
        for ic in 0..<e.cin {
          var sum = Lanes(repeating: 0)
          var t = transposed + tBase + ic
          for j in 0..<e.nOut {
            sum += Kernel.lane(deltas, outBase + j >> 3, j & 7) * t.pointee
            t += e.cin
          }
          deltas[inBase + ic] = sum * derivs[inBase + ic]
        }
      }
      l -= 1
    }
  }

  /// One optimizer step with the accumulated gradient averaged over `count` examples, then the
  /// regularization step, then clears the accumulators.
  ///
  /// SGD: v = w − (η/count)·Σg (the playground's bits); other optimizers: v from `optimizerStep`
  /// with ḡ = Σg / count. Then L2: w′ = v − ηλ·w; L1 (the playground's rule): w′ = v − ηλ·sign(w),
  /// except that a weight this subtraction moves across 0 becomes 0 and is frozen (its link is
  /// dead); L1-proximal: w′ = sign(v)·max(|v| − ηλ, 0), freezing the weights it lands on 0.
  /// Frozen weights and padding never change, nor does their optimizer state.
  func update(
    count: Int, options: TrainingOptions, trainable: UnsafeMutablePointer<SIMDMask<SIMD8<Int32>>>,
    state: StateBuffers = .none
  ) {
    let scale = options.learningRate / Float(count)
    let regStep = options.learningRate * options.regularizationRate
    let zero = Lanes(repeating: 0)
    let reg = options.regularization
    let optimizer = options.optimizer
    let plain = optimizer == .sgd
    let inverse = Lanes(repeating: Float(count))
    let adam = optimizer == .adam
      ? Optimizer.adamCorrections(learningRate: options.learningRate, step: state.step) : (0, 1)
    let rate = options.learningRate
    let mu = options.momentum
    for k in 0..<weightCount {
      let w = weights[k]
      let canChange = trainable[k]
      var next: Lanes
      if plain {
        next = w - scale * gradW[k]
      } else {
        var first = state.firstW![k]
        var second = state.secondW?[k] ?? zero
        next = optimizerStep(
          optimizer, w: w, g: gradW[k] / inverse, rate: rate, momentum: mu, first: &first, second: &second,
          adam: adam)
        state.firstW![k] = state.firstW![k].replacing(with: first, where: canChange)
        if let s = state.secondW { s[k] = s[k].replacing(with: second, where: canChange) }
      }
      switch reg {
      case .none: break
      case .l2: next -= regStep * w
      case .l1:
        // The playground's rule: the derivative comes from the weight before the step.
        let sign = zero.replacing(with: 1, where: w .> zero).replacing(with: -1, where: w .< zero)
        let after = next - regStep * sign
        let flipped = (next .> zero .& after .< zero) .| (next .< zero .& after .> zero)
        next = after.replacing(with: zero, where: flipped)
        trainable[k] = trainable[k] .& .!flipped
      case .l1Proximal:
        // Proximal (soft-threshold) step: shrink |v| by ηλ and stop at exactly 0.
        let shrunk = next.replacing(with: -next, where: next .< zero) - regStep
        let clipped = shrunk .<= zero
        let magnitude = shrunk.replacing(with: zero, where: clipped)
        next = magnitude.replacing(with: -magnitude, where: next .< zero)
        // A weight the penalty has pulled onto 0 stays there.
        trainable[k] = trainable[k] .& .!clipped
      }
      weights[k] = w.replacing(with: next, where: canChange)
      gradW[k] = zero
    }
    for k in 0..<biasCount {
      if plain {
        biases[k] -= scale * gradB[k]
      } else {
        var first = state.firstB![k]
        var second = state.secondB?[k] ?? zero
        biases[k] = optimizerStep(
          optimizer, w: biases[k], g: gradB[k] / inverse, rate: rate, momentum: mu, first: &first,
          second: &second, adam: adam)
        state.firstB![k] = first
        if let s = state.secondB { s[k] = second }
      }
      gradB[k] = zero
    }
    refreshTransposed()
  }
}

extension FastMath {
  /// Natural logarithm of one positive float (our deterministic double log, rounded to Float).
  static func logScalar(_ x: Float) -> Float { Float(DeterministicLog.logForFloat(Double(x))) }
}
