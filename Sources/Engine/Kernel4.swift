/// Four examples at once: the same math as `forward` / `backwardAndAccumulate`, interleaved so
/// that four independent dependency chains keep the floating-point units busy. One example's
/// passes are a chain of dependent adds and activations; four in flight run about twice as fast.
/// Scratch for example g (0…3) lives at `acts + g·activationCount` (likewise derivs and deltas).
extension Kernel {
  @inline(__always)
  func forward4(
    _ r0: UnsafePointer<Lanes>, _ r1: UnsafePointer<Lanes>, _ r2: UnsafePointer<Lanes>, _ r3: UnsafePointer<Lanes>,
    storeDerivatives: Bool = true, into destination: UnsafeMutablePointer<Lanes>? = nil
  ) {
    // Activations go to the scratch slots, or straight into a caller's buffer of four
    // consecutive points (the grid evaluation writes its result in place).
    let n = activationCount
    let out = destination ?? acts
    let a0 = out, a1 = out + n, a2 = out + 2 * n, a3 = out + 3 * n
    for c in 0..<inputChunks {
      a0[c] = r0[c]
      a1[c] = r1[c]
      a2[c] = r2[c]
      a3[c] = r3[c]
    }
    let last = layout.count - 1
    var inBase = 0
    for l in 0...last {
      let e = layout[l]
      let outBase = e.activationOffset
      for oc in 0..<e.cout {
        let b = biases[e.biasOffset + oc]
        var z0 = b, z1 = b, z2 = b, z3 = b
        var w = weights + e.weightOffset + oc
        for i in 0..<e.nIn {
          let wv = w.pointee
          let chunk = inBase + i >> 3
          let lane = i & 7
          z0 += Kernel.lane(a0, chunk, lane) * wv
          z1 += Kernel.lane(a1, chunk, lane) * wv
          z2 += Kernel.lane(a2, chunk, lane) * wv
          z3 += Kernel.lane(a3, chunk, lane) * wv
          w += e.cout
        }
        if l < last {
          let y0 = activation.apply(z0), y1 = activation.apply(z1)
          let y2 = activation.apply(z2), y3 = activation.apply(z3)
          a0[outBase + oc] = y0.value
          a1[outBase + oc] = y1.value
          a2[outBase + oc] = y2.value
          a3[outBase + oc] = y3.value
          guard storeDerivatives else { continue }
          derivs[outBase + oc] = y0.derivative
          derivs[n + outBase + oc] = y1.derivative
          derivs[2 * n + outBase + oc] = y2.derivative
          derivs[3 * n + outBase + oc] = y3.derivative
        } else {
          a0[outBase + oc] = z0
          a1[outBase + oc] = z1
          a2[outBase + oc] = z2
          a3[outBase + oc] = z3
        }
      }
      inBase = outBase
    }
  }

  @inline(__always)
  func backwardAndAccumulate4() {
    let n = activationCount
    let a0 = acts, a1 = acts + n, a2 = acts + 2 * n, a3 = acts + 3 * n
    let d0 = deltas, d1 = deltas + n, d2 = deltas + 2 * n, d3 = deltas + 3 * n
    var l = layout.count - 1
    while l >= 0 {
      let e = layout[l]
      let outBase = e.activationOffset
      let inBase = l == 0 ? 0 : layout[l - 1].activationOffset
      for oc in 0..<e.cout {
        let k = outBase + oc
        gradB[e.biasOffset + oc] += (d0[k] + d1[k]) + (d2[k] + d3[k])
      }
      var g = gradW + e.weightOffset
      for i in 0..<e.nIn {
        let chunk = inBase + i >> 3
        let lane = i & 7
        let x0 = Kernel.lane(a0, chunk, lane), x1 = Kernel.lane(a1, chunk, lane)
        let x2 = Kernel.lane(a2, chunk, lane), x3 = Kernel.lane(a3, chunk, lane)
        for oc in 0..<e.cout {
          let k = outBase + oc
          g[oc] += (x0 * d0[k] + x1 * d1[k]) + (x2 * d2[k] + x3 * d3[k])
        }
        g += e.cout
      }
      if l > 0 {
        let tBase = transposedOffsets[l]
        for ic in 0..<e.cin {
          var s0 = Lanes(repeating: 0), s1 = s0, s2 = s0, s3 = s0
          var t = transposed + tBase + ic
          for j in 0..<e.nOut {
            let tv = t.pointee
            let chunk = outBase + j >> 3
            let lane = j & 7
            s0 += Kernel.lane(d0, chunk, lane) * tv
            s1 += Kernel.lane(d1, chunk, lane) * tv
            s2 += Kernel.lane(d2, chunk, lane) * tv
            s3 += Kernel.lane(d3, chunk, lane) * tv
            t += e.cin
          }
          let k = inBase + ic
          d0[k] = s0 * derivs[k]
          d1[k] = s1 * derivs[n + k]
          d2[k] = s2 * derivs[2 * n + k]
          d3[k] = s3 * derivs[3 * n + k]
        }
      }
      l -= 1
    }
  }
}
