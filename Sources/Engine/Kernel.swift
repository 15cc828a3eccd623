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
    refreshTransposed()
  }

  deinit {
    for p in [acts, derivs, deltas, gradW, gradB, transposed] { p.deallocate() }
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
          acts[outBase + oc] = y
          derivs[outBase + oc] = d
        } else {
          acts[outBase + oc] = z
        }
      }
      inBase = outBase
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

  /// One SGD step with the accumulated gradient averaged over `count` examples, then the
  /// regularization step, then clears the accumulators.
  ///
  /// v = w − η·ḡ; L2: w′ = v − ηλ·w; L1: w′ = sign(v)·max(|v| − ηλ, 0), the proximal step of
  /// λ|w|, which lands useless weights exactly on 0; such a weight is then frozen at 0 (the
  /// playground's rule for a weight the penalty moves across 0). Padding never changes.
  func update(count: Int, options: TrainingOptions, trainable: UnsafeMutablePointer<SIMDMask<SIMD8<Int32>>>) {
    let scale = options.learningRate / Float(count)
    let regStep = options.learningRate * options.regularizationRate
    let zero = Lanes(repeating: 0)
    let reg = options.regularization
    for k in 0..<weightCount {
      let w = weights[k]
      let canChange = trainable[k]
      var next = w - scale * gradW[k]
      switch reg {
      case .none: break
      case .l2: next -= regStep * w
      case .l1:
        // Proximal (soft-threshold) step: shrink |v| by ηλ and stop at exactly 0.
        let shrunk = next.replacing(with: -next, where: next .< zero) - regStep
        let clipped = shrunk .<= zero
        let magnitude = shrunk.replacing(with: zero, where: clipped)
        next = magnitude.replacing(with: -magnitude, where: next .< zero)
        // As in the playground, a weight the penalty has pulled onto 0 stays there.
        trainable[k] = trainable[k] .& .!clipped
      }
      weights[k] = w.replacing(with: next, where: canChange)
      gradW[k] = zero
    }
    for k in 0..<biasCount {
      biases[k] -= scale * gradB[k]
      gradB[k] = zero
    }
    refreshTransposed()
  }
}

extension FastMath {
  /// Natural logarithm of one positive float (our deterministic double log, rounded to Float).
  static func logScalar(_ x: Float) -> Float { Float(DeterministicLog.logForFloat(Double(x))) }
}
