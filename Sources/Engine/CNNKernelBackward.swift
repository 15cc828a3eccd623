/// The backward pass and the SGD update of `CNNKernel`.
///
/// Reference math, from the logits down (δ = ∂L/∂ of the named value):
///
///     dense:  ∂L/∂W[k][f] += δz_k · x_f     ∂L/∂b_k += δz_k     δx_f = Σ_k W[k][f] · δz_k
///     pool:   δr(argmax window) = δm, every other pixel of the window gets 0
///     ReLU:   δz = δr where r > 0, else 0
///     conv:   ∂L/∂w(o, c, ky, kx) += δz_o(y, x) · a_c(y + ky − p, x + kx − p)
///             ∂L/∂b_o += δz_o(y, x)
///             δa_c(y + ky − p, x + kx − p) += w(o, c, ky, kx) · δz_o(y, x)
///
/// Max pooling makes δz sparse: at most one pixel per pool window and channel is non-zero (one in
/// four for pool 2, one in nine for pool 3). So the conv backward walks the pooled outputs and
/// scatters each non-zero δ over its receptive field instead of sweeping every pixel. A receptive
/// field row (k pixels × cs channels, contiguous in the padded plane) meets the matching row of the
/// transposed weights chunk by chunk:
///
///     ∂L/∂w[o][ky][row] += a[row] · δ        δa[row] += w[o][ky][row] · δ
///
/// Entries are visited in a fixed order (pooled pixel, then channel), so the bits are reproducible.
extension CNNKernel {
  /// Backpropagates `logitGrads` (∂objective/∂z). With `accumulate`, adds the parameter gradients
  /// to the accumulators; with `inputGradient`, leaves ∂objective/∂image in `planeGrads[0]`
  /// (interior of the padded plane).
  @inline(__always)
  func backward(accumulate: Bool, inputGradient: Bool) {
    denseBackward(accumulate: accumulate)
    if dropping {
      for i in stride(from: 0, to: layout.features, by: 8) {
        store8(load8(featureGrads + i) * load8(dropMask + i), featureGrads + i)
      }
    }
    var l = stages.count - 1
    while l >= 0 {
      let s = stages[l]
      let wantInput = l > 0 || inputGradient
      if wantInput { planeGrads[l].update(repeating: 0, count: s.planeCount) }
      // Where δ of this stage's pooled output comes from.
      let source: UnsafeMutablePointer<Float>
      let sourceRow: Int
      if l == stages.count - 1 {
        source = featureGrads
        sourceRow = s.wp * s.cop
      } else {
        let n = stages[l + 1]
        source = planeGrads[l + 1] + (n.pad * n.padW + n.pad) * n.cs
        sourceRow = n.padW * n.cs
      }
      convBackward(l, s, source: source, sourceRow: sourceRow, accumulate: accumulate, wantInput: wantInput)
      l -= 1
    }
  }

  /// The dense layer's gradients and δx into `featureGrads`.
  @inline(__always)
  func denseBackward(accumulate: Bool) {
    let f = layout.features
    let x = pooled[stages.count - 1]
    featureGrads.update(repeating: 0, count: f)
    for k in 0..<layout.classes {
      let g = logitGrads[k]
      let gv = Lanes(repeating: g)
      let w = params + layout.denseWeightOffset + k * f
      let dw = grads + layout.denseWeightOffset + k * f
      if accumulate {
        grads[layout.denseBiasOffset + k] += g
        for i in stride(from: 0, to: f, by: 8) { store8(load8(dw + i) + gv * load8(x + i), dw + i) }
      }
      for i in stride(from: 0, to: f, by: 8) {
        store8(load8(featureGrads + i) + gv * load8(w + i), featureGrads + i)
      }
    }
  }

  /// Routes δ of the pooled maps through the pool and the ReLU and scatters every non-zero δz
  /// over its receptive field.
  @inline(__always)
  func convBackward(
    _ l: Int, _ s: CNNStage, source: UnsafeMutablePointer<Float>, sourceRow: Int, accumulate: Bool,
    wantInput: Bool
  ) {
    let plane = planes[l]
    let planeGrad = planeGrads[l]
    let wt = transposed[l]
    let dwt = weightGrads[l]
    let m = pooled[l]
    let arg = argmax[l]
    let chunk = s.rowChunks * 8
    let rowStride = s.padW * s.cs
    for py in 0..<s.hp {
      for px in 0..<s.wp {
        let q = (py * s.wp + px) * s.cop
        let src = source + py * sourceRow + px * s.cop
        for co in 0..<s.cout where m[q + co] > 0 {
          let g = src[co]
          if g == 0 { continue }
          // Top-left of the argmax pixel's receptive field in the padded plane.
          let start = Int(arg[q + co])
          let gv = Lanes(repeating: g)
          let t = co * s.kernel * chunk
          // One loop per case, so the inner loops carry no flags.
          if accumulate && wantInput {
            grads[s.biasOffset + co] += g
            for ky in 0..<s.kernel {
              let a = plane + start + ky * rowStride
              let da = planeGrad + start + ky * rowStride
              let w = wt + t + ky * chunk
              let dw = dwt + t + ky * chunk
              var c = 0
              while c < chunk {
                store8(load8(dw + c) + load8(a + c) * gv, dw + c)
                store8(load8(da + c) + load8(w + c) * gv, da + c)
                c += 8
              }
            }
          } else if accumulate {
            grads[s.biasOffset + co] += g
            for ky in 0..<s.kernel {
              let a = plane + start + ky * rowStride
              let dw = dwt + t + ky * chunk
              var c = 0
              while c < chunk {
                store8(load8(dw + c) + load8(a + c) * gv, dw + c)
                c += 8
              }
            }
          } else if wantInput {
            for ky in 0..<s.kernel {
              let da = planeGrad + start + ky * rowStride
              let w = wt + t + ky * chunk
              var c = 0
              while c < chunk {
                store8(load8(da + c) + load8(w + c) * gv, da + c)
                c += 8
              }
            }
          }
        }
      }
    }
  }

  /// One optimizer step with the accumulated gradient averaged over `count` examples, then clears
  /// the accumulators. SGD: w ← w − (η / count) · ∂L/∂w (the bits of every earlier release);
  /// others: `optimizerStep` with ḡ = Σ∂L/∂w / count, state in storage layout. Padding never changes.
  func update(count: Int, options: CNNTrainingOptions, state: CNNStateBuffers = .none) {
    let learningRate = options.learningRate
    let scale = learningRate / Float(count)
    let plain = options.optimizer == .sgd
    let n = Float(count)
    let adam = options.optimizer == .adam
      ? Optimizer.adamCorrections(learningRate: learningRate, step: state.step) : (0, 1)
    @inline(__always) func step(_ i: Int, _ sum: Float) {
      if plain {
        params[i] -= scale * sum
      } else {
        var first = state.first![i]
        var second = state.second?[i] ?? 0
        params[i] = optimizerStep(
          options.optimizer, w: params[i], g: sum / n, rate: learningRate, momentum: options.momentum,
          first: &first, second: &second, adam: adam)
        state.first![i] = first
        state.second?[i] = second
      }
    }
    for (l, s) in stages.enumerated() {
      let dwt = weightGrads[l]
      let chunk = s.rowChunks * 8
      for co in 0..<s.cout {
        for ky in 0..<s.kernel {
          let row = dwt + (co * s.kernel + ky) * chunk
          for kx in 0..<s.kernel {
            for ci in 0..<s.cin {
              let i = s.weightOffset + ((ky * s.kernel + kx) * s.cs + ci) * s.cop + co
              step(i, row[kx * s.cs + ci])
            }
          }
        }
      }
      dwt.update(repeating: 0, count: s.cout * s.kernel * chunk)
      for co in 0..<s.cout {
        step(s.biasOffset + co, grads[s.biasOffset + co])
        grads[s.biasOffset + co] = 0
      }
    }
    let f = layout.features
    if plain {
      let sv = Lanes(repeating: scale)
      for k in 0..<layout.classes {
        let w = params + layout.denseWeightOffset + k * f
        let dw = grads + layout.denseWeightOffset + k * f
        for i in stride(from: 0, to: f, by: 8) {
          store8(load8(w + i) - sv * load8(dw + i), w + i)
          store8(Lanes(repeating: 0), dw + i)
        }
        params[layout.denseBiasOffset + k] -= scale * grads[layout.denseBiasOffset + k]
        grads[layout.denseBiasOffset + k] = 0
      }
    } else {
      for k in 0..<layout.classes {
        let base = layout.denseWeightOffset + k * f
        for i in 0..<f {
          step(base + i, grads[base + i])
          grads[base + i] = 0
        }
        step(layout.denseBiasOffset + k, grads[layout.denseBiasOffset + k])
        grads[layout.denseBiasOffset + k] = 0
      }
    }
    refreshTransposed()
  }

  /// The accumulated gradient in storage layout (conv weights folded back from the transposed
  /// accumulators), without changing anything.
  func accumulatedGradient() -> [Float] {
    var out = [Float](repeating: 0, count: layout.parameterCount)
    for i in 0..<layout.parameterCount { out[i] = grads[i] }
    for (l, s) in stages.enumerated() {
      let chunk = s.rowChunks * 8
      for co in 0..<s.cout {
        for ky in 0..<s.kernel {
          for kx in 0..<s.kernel {
            for ci in 0..<s.cin {
              out[s.weightOffset + ((ky * s.kernel + kx) * s.cs + ci) * s.cop + co] =
                weightGrads[l][(co * s.kernel + ky) * chunk + kx * s.cs + ci]
            }
          }
        }
      }
    }
    return out
  }

  /// True when every parameter is finite.
  func parametersAreFinite() -> Bool {
    var ok = true
    for i in 0..<layout.parameterCount where !params[i].isFinite { ok = false }
    return ok
  }
}
