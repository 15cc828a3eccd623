/// The forward pass of a `CNN` for one image at a time, on raw buffers it owns.
///
/// A `CNNKernel` holds an aligned copy of the parameters (written back by the caller), the
/// gradient accumulators, the transposed conv weights the backward pass reads, and every
/// activation of one image. Layouts (see `CNNStage`): channels-last, channels padded to chunks of
/// eight, each stage reading a zero-bordered copy of its input (`planes[l]`).
///
/// The convolution is direct (no im2col) and vectorized over output channels: one `SIMD8` holds
/// eight output channels of one pixel. The inner loop broadcasts one input value and multiplies
/// it by the eight weights that read it:
///
///     acc[pixel][o…o+7] += a(pixel + tap, c) · w(tap, c)[o…o+7]     for every tap, c
///
/// Four pixels × sixteen channels (eight accumulators) stay in registers for the whole
/// receptive field, so each weight chunk loaded serves four pixels.
struct CNNKernel: ~Copyable {
  let layout: CNNLayout
  let stages: [CNNStage]
  /// Aligned copy of the parameters (storage layout).
  let params: UnsafeMutablePointer<Float>
  /// ∂L/∂(bias or dense parameter), storage layout; conv weight gradients live in `weightGrads`.
  let grads: UnsafeMutablePointer<Float>
  /// Per stage: conv weights transposed to `[co][ky][rowChunks·8]` (lane kx·cs + ci, zero-padded).
  let transposed: [UnsafeMutablePointer<Float>]
  /// Per stage: ∂L/∂w accumulated in the transposed layout (lanes past the row are scratch).
  let weightGrads: [UnsafeMutablePointer<Float>]
  /// Per stage: the zero-bordered input plane and ∂L/∂ of it.
  let planes: [UnsafeMutablePointer<Float>]
  let planeGrads: [UnsafeMutablePointer<Float>]
  /// Per stage: the conv output after ReLU (`h·w·cop`), the pooled maps and, for each pooled
  /// value, where its argmax pixel's receptive field starts in the padded input plane
  /// (`(y·padW + x)·cs`, so the backward pass needs no division), both `hp·wp·cop`.
  let maps: [UnsafeMutablePointer<Float>]
  let pooled: [UnsafeMutablePointer<Float>]
  let argmax: [UnsafeMutablePointer<Int32>]
  /// ∂L/∂(dense input), `features` floats.
  let featureGrads: UnsafeMutablePointer<Float>
  /// Logits z, probabilities p and ∂L/∂z (`classes` rounded up to eight).
  let logits: UnsafeMutablePointer<Float>
  let probs: UnsafeMutablePointer<Float>
  let logitGrads: UnsafeMutablePointer<Float>
  /// Dropout multipliers of the dense layer's inputs (0 or 1/(1 − rate)), used while `dropping`.
  let dropMask: UnsafeMutablePointer<Float>
  /// True while training with dropout before the dense layer.
  var dropping = false
  private let owned: [UnsafeMutableRawPointer]

  init(network: borrowing CNN) {
    layout = network.layout
    stages = network.layout.stages
    var owned: [UnsafeMutableRawPointer] = []
    func floats(_ n: Int) -> UnsafeMutablePointer<Float> {
      // Eight floats of slack: the backward pass reads and writes whole chunks past a row's end.
      let count = n + 8
      let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 4, alignment: 64)
      owned.append(raw)
      let p = raw.bindMemory(to: Float.self, capacity: count)
      p.initialize(repeating: 0, count: count)
      return p
    }
    params = floats(layout.parameterCount)
    grads = floats(layout.parameterCount)
    var transposed: [UnsafeMutablePointer<Float>] = []
    var weightGrads: [UnsafeMutablePointer<Float>] = []
    var planes: [UnsafeMutablePointer<Float>] = []
    var planeGrads: [UnsafeMutablePointer<Float>] = []
    var maps: [UnsafeMutablePointer<Float>] = []
    var pooled: [UnsafeMutablePointer<Float>] = []
    var argmax: [UnsafeMutablePointer<Int32>] = []
    for s in stages {
      let t = s.cout * s.kernel * s.rowChunks * 8
      transposed.append(floats(t))
      weightGrads.append(floats(t))
      planes.append(floats(s.planeCount))
      planeGrads.append(floats(s.planeCount))
      maps.append(floats(s.h * s.w * s.cop))
      pooled.append(floats(s.hp * s.wp * s.cop))
      argmax.append(
        UnsafeMutableRawPointer(floats(s.hp * s.wp * s.cop)).bindMemory(to: Int32.self, capacity: 1))
    }
    self.transposed = transposed
    self.weightGrads = weightGrads
    self.planes = planes
    self.planeGrads = planeGrads
    self.maps = maps
    self.pooled = pooled
    self.argmax = argmax
    featureGrads = floats(layout.features)
    logits = floats(layout.classes + 8)
    probs = floats(layout.classes + 8)
    logitGrads = floats(layout.classes + 8)
    dropMask = floats(layout.features)
    self.owned = owned
    network.parameters.withUnsafeBufferPointer { params.update(from: $0.baseAddress!, count: $0.count) }
    refreshTransposed()
  }

  deinit {
    for p in owned { p.deallocate() }
  }

  /// Copies the kernel's parameters back into `network`.
  func store(into network: inout CNN) {
    network.parameters.withUnsafeMutableBufferPointer {
      $0.baseAddress!.update(from: params, count: $0.count)
    }
  }

  /// Rebuilds the transposed conv weights from `params` (after every update).
  func refreshTransposed() {
    for (l, s) in stages.enumerated() {
      let t = transposed[l]
      let chunk = s.rowChunks * 8
      for co in 0..<s.cout {
        for ky in 0..<s.kernel {
          let row = t + (co * s.kernel + ky) * chunk
          for m in 0..<s.rowLength {
            row[m] = params[s.weightOffset + (ky * s.rowLength + m) * s.cop + co]
          }
        }
      }
    }
  }

  // MARK: Forward

  /// Forward pass of one `height × width` image: fills every stage's buffers, the logits and the
  /// softmax probabilities.
  @inline(__always)
  func forward(image: UnsafePointer<Float>) {
    let s0 = stages[0]
    let plane = planes[0]
    for y in 0..<s0.h {
      (plane + (y + s0.pad) * s0.padW + s0.pad).update(from: image + y * s0.w, count: s0.w)
    }
    for l in 0..<stages.count {
      let s = stages[l]
      convolve(
        s, input: planes[l], weights: params + s.weightOffset, biases: params + s.biasOffset, output: maps[l])
      if l + 1 < stages.count {
        let n = stages[l + 1]
        pool(
          s, map: maps[l], pooled: pooled[l], argmax: argmax[l],
          next: planes[l + 1] + (n.pad * n.padW + n.pad) * n.cs, nextRow: n.padW * n.cs)
      } else {
        pool(s, map: maps[l], pooled: pooled[l], argmax: argmax[l], next: nil, nextRow: 0)
      }
    }
    if dropping {
      let x = pooled[stages.count - 1]
      for i in stride(from: 0, to: layout.features, by: 8) { store8(load8(x + i) * load8(dropMask + i), x + i) }
    }
    dense()
    softmax()
  }

  /// Draws the next example's dropout mask over the dense layer's inputs: one uniform u per
  /// feature in storage order; dropped (0) when u < rate, else scaled by 1/(1 − rate).
  func drawDropMask(rate: Float, rng: inout SeededGenerator) {
    let keep = 1 / (1 - rate)
    let p = Double(rate)
    for i in 0..<layout.features { dropMask[i] = rng.nextUnit() < p ? 0 : keep }
  }

  /// z_o(y, x) = ReLU(b_o + Σ w · a) for every output pixel, four pixels and two chunks at a time.
  @inline(__always)
  func convolve(
    _ s: CNNStage, input: UnsafePointer<Float>, weights: UnsafePointer<Float>, biases: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>
  ) {
    let chunks = s.cop / 8
    let rowStride = s.padW * s.cs
    for y in 0..<s.h {
      var x = 0
      while x < s.w {
        let n = min(4, s.w - x)
        // Output (y, x) reads padded rows y…y+k−1 and columns x…x+k−1.
        let inBase = input + (y * s.padW + x) * s.cs
        let outBase = output + (y * s.w + x) * s.cop
        var c = 0
        if n == 4 {
          while c + 2 <= chunks {
            CNNKernel.block4x2(
              inBase, s.cs, rowStride, s.kernel, weights + c * 8, s.cop, load8(biases + c * 8),
              load8(biases + c * 8 + 8), outBase + c * 8)
            c += 2
          }
          if c < chunks {
            CNNKernel.block4x1(
              inBase, s.cs, rowStride, s.kernel, weights + c * 8, s.cop, load8(biases + c * 8),
              outBase + c * 8)
          }
        } else {
          for j in 0..<n {
            c = 0
            while c + 2 <= chunks {
              CNNKernel.block1x2(
                inBase + j * s.cs, rowStride, s.kernel * s.cs, s.kernel, weights + c * 8, s.cop,
                load8(biases + c * 8), load8(biases + c * 8 + 8), outBase + j * s.cop + c * 8)
              c += 2
            }
            if c < chunks {
              CNNKernel.block1x2(
                inBase + j * s.cs, rowStride, s.kernel * s.cs, s.kernel, weights + c * 8, s.cop,
                load8(biases + c * 8), nil, outBase + j * s.cop + c * 8)
            }
          }
        }
        x += n
      }
    }
  }

  /// Four consecutive output pixels × sixteen output channels.
  @inline(__always)
  static func block4x2(
    _ input: UnsafePointer<Float>, _ cs: Int, _ rowStride: Int, _ k: Int, _ weights: UnsafePointer<Float>,
    _ cop: Int, _ b0: Lanes, _ b1: Lanes, _ out: UnsafeMutablePointer<Float>
  ) {
    var a0 = b0, a1 = b0, a2 = b0, a3 = b0
    var c0 = b1, c1 = b1, c2 = b1, c3 = b1
    let run = k * cs
    var w = weights
    for ky in 0..<k {
      let row = input + ky * rowStride
      for m in 0..<run {
        let w0 = load8(w)
        let w1 = load8(w + 8)
        let x0 = Lanes(repeating: row[m])
        let x1 = Lanes(repeating: row[m + cs])
        let x2 = Lanes(repeating: row[m + 2 * cs])
        let x3 = Lanes(repeating: row[m + 3 * cs])
        a0 += x0 * w0
        c0 += x0 * w1
        a1 += x1 * w0
        c1 += x1 * w1
        a2 += x2 * w0
        c2 += x2 * w1
        a3 += x3 * w0
        c3 += x3 * w1
        w += cop
      }
    }
    store8(relu(a0), out)
    store8(relu(c0), out + 8)
    store8(relu(a1), out + cop)
    store8(relu(c1), out + cop + 8)
    store8(relu(a2), out + 2 * cop)
    store8(relu(c2), out + 2 * cop + 8)
    store8(relu(a3), out + 3 * cop)
    store8(relu(c3), out + 3 * cop + 8)
  }

  /// Four consecutive output pixels × eight output channels.
  @inline(__always)
  static func block4x1(
    _ input: UnsafePointer<Float>, _ cs: Int, _ rowStride: Int, _ k: Int, _ weights: UnsafePointer<Float>,
    _ cop: Int, _ b0: Lanes, _ out: UnsafeMutablePointer<Float>
  ) {
    var a0 = b0, a1 = b0, a2 = b0, a3 = b0
    let run = k * cs
    var w = weights
    for ky in 0..<k {
      let row = input + ky * rowStride
      for m in 0..<run {
        let w0 = load8(w)
        a0 += Lanes(repeating: row[m]) * w0
        a1 += Lanes(repeating: row[m + cs]) * w0
        a2 += Lanes(repeating: row[m + 2 * cs]) * w0
        a3 += Lanes(repeating: row[m + 3 * cs]) * w0
        w += cop
      }
    }
    store8(relu(a0), out)
    store8(relu(a1), out + cop)
    store8(relu(a2), out + 2 * cop)
    store8(relu(a3), out + 3 * cop)
  }

  /// One output pixel × eight or sixteen output channels (the row's leftover pixels).
  @inline(__always)
  static func block1x2(
    _ input: UnsafePointer<Float>, _ rowStride: Int, _ run: Int, _ k: Int, _ weights: UnsafePointer<Float>,
    _ cop: Int, _ b0: Lanes, _ b1: Lanes?, _ out: UnsafeMutablePointer<Float>
  ) {
    var a0 = b0
    var c0 = b1 ?? Lanes(repeating: 0)
    var w = weights
    for ky in 0..<k {
      let row = input + ky * rowStride
      for m in 0..<run {
        let x = Lanes(repeating: row[m])
        a0 += x * load8(w)
        if b1 != nil { c0 += x * load8(w + 8) }
        w += cop
      }
    }
    store8(relu(a0), out)
    if b1 != nil { store8(relu(c0), out + 8) }
  }

  /// Max pooling with stride = size; the first maximum in scan order wins ties. Writes the pooled
  /// maps, their argmax, and (when `next` is given) the interior of the next stage's input plane.
  @inline(__always)
  func pool(
    _ s: CNNStage, map: UnsafePointer<Float>, pooled: UnsafeMutablePointer<Float>,
    argmax: UnsafeMutablePointer<Int32>, next: UnsafeMutablePointer<Float>?, nextRow: Int
  ) {
    let size = s.pool
    for py in 0..<s.hp {
      for px in 0..<s.wp {
        let p0 = py * size * s.w + px * size
        let field0 = (py * size * s.padW + px * size) * s.cs
        for c in stride(from: 0, to: s.cop, by: 8) {
          var best = load8(map + p0 * s.cop + c)
          var index = SIMD8<Int32>(repeating: Int32(field0))
          for dy in 0..<size {
            for dx in 0..<size where dy + dx > 0 {
              let p = p0 + dy * s.w + dx
              let v = load8(map + p * s.cop + c)
              let better = v .> best
              best = best.replacing(with: v, where: better)
              index = index.replacing(
                with: SIMD8<Int32>(repeating: Int32(field0 + (dy * s.padW + dx) * s.cs)), where: better)
            }
          }
          let q = (py * s.wp + px) * s.cop + c
          store8(best, pooled + q)
          UnsafeMutableRawPointer(argmax + q).storeBytes(of: index, as: SIMD8<Int32>.self)
          if let next { store8(best, next + py * nextRow + px * s.cop + c) }
        }
      }
    }
  }

  /// z_k = b_k + Σ_f W[k][f] · x_f over the last pooled maps (a chunk-wise dot product whose
  /// lanes are then summed in lane order).
  @inline(__always)
  func dense() {
    let features = pooled[stages.count - 1]
    let f = layout.features
    for k in 0..<layout.classes {
      let w = params + layout.denseWeightOffset + k * f
      var acc = Lanes(repeating: 0)
      for i in stride(from: 0, to: f, by: 8) { acc += load8(w + i) * load8(features + i) }
      logits[k] = params[layout.denseBiasOffset + k] + horizontalSum(acc)
    }
  }

  /// p = softmax(z), computed as e^(z − max z) / Σ e^(z − max z).
  @inline(__always)
  func softmax() {
    let k = layout.classes
    var m = -Float.infinity
    for j in 0..<k { m = max(m, logits[j]) }
    var sum: Float = 0
    for j in 0..<k {
      let e = FastMath.exp(Lanes(repeating: logits[j] - m))[0]
      probs[j] = e
      sum += e
    }
    let inv = 1 / sum
    for j in 0..<k { probs[j] *= inv }
  }

  /// Cross-entropy −log p_y of the last forward pass; writes ∂L/∂z = p − onehot(y).
  @inline(__always)
  func crossEntropy(label: Int) -> (loss: Float, predicted: Int) {
    var best = 0
    for j in 0..<layout.classes {
      logitGrads[j] = probs[j]
      if probs[j] > probs[best] { best = j }
    }
    logitGrads[label] -= 1
    return (-FastMath.logScalar(max(probs[label], 1e-30)), best)
  }
}

@inline(__always) func load8(_ p: UnsafePointer<Float>) -> Lanes {
  UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
}

@inline(__always) func load8(_ p: UnsafeMutablePointer<Float>) -> Lanes {
  UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
}

@inline(__always) func store8(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
}

/// max(v, 0) per lane; NaN stays NaN (so divergence stays visible).
@inline(__always) func relu(_ v: Lanes) -> Lanes {
  v.replacing(with: Lanes(repeating: 0), where: v .< Lanes(repeating: 0))
}

/// Lanes 0…7 added in order (a fixed order keeps the bits reproducible).
@inline(__always) func horizontalSum(_ v: Lanes) -> Float {
  var s = v[0]
  for i in 1..<8 { s += v[i] }
  return s
}
