/// Loss and accuracy of a network on a set of examples.
public struct Metrics: Sendable, Equatable, Codable {
  /// Mean loss: ½(ŷ − y)² for tanh and linear outputs (the playground's), −log pᵧ for softmax.
  public var loss: Float
  /// Fraction of examples whose predicted class is right (0 for regression).
  public var accuracy: Float
}

/// Every neuron's output for a batch of input points (for example a grid over the input plane).
///
/// Layer 0 holds the input features; layers 1…L the hidden layers and the output, whose values
/// are after the output transform (tanh value, softmax probabilities or the linear value).
public struct NeuronOutputs: Sendable {
  /// Number of points evaluated.
  public let pointCount: Int
  /// Widths of every layer, input first.
  public let widths: [Int]
  let chunkOffsets: [Int]
  let chunksPerPoint: Int
  var values: [Lanes]

  /// Output of neuron `neuron` of layer `layer` (0 = inputs) at point `point`.
  public func value(layer: Int, neuron: Int, point: Int) -> Float {
    values[point * chunksPerPoint + chunkOffsets[layer] + neuron >> 3][neuron & 7]
  }

  /// One neuron's output at every point, in point order (a tile's picture for a grid).
  public func map(layer: Int, neuron: Int) -> [Float] {
    let offset = chunkOffsets[layer] + neuron >> 3
    let lane = neuron & 7
    return [Float](unsafeUninitializedCapacity: pointCount) { buffer, initialized in
      values.withUnsafeBufferPointer { v in
        for p in 0..<pointCount { buffer[p] = v[p * chunksPerPoint + offset][lane] }
      }
      initialized = pointCount
    }
  }
}

extension Network {
  /// Loss and accuracy over `samples` (forward passes only).
  public func metrics(on samples: Samples) -> Metrics {
    guard samples.count > 0 else { return Metrics(loss: 0, accuracy: 0) }
    var copy = self
    var loss: Float = 0
    var correct = 0
    let network = self
    copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        samples.rows.withUnsafeBufferPointer { rows in
          let kernel = Kernel(network: network, weights: w.baseAddress!, biases: b.baseAddress!)
          for n in 0..<samples.count {
            kernel.forward(row: rows.baseAddress! + n * samples.chunksPerRow)
            kernel.transformOutput()
            let r = kernel.outputLossAndDelta(target: samples.targets[n])
            loss += r.loss
            if r.correct { correct += 1 }
          }
        }
      }
    }
    return Metrics(loss: loss / Float(samples.count), accuracy: Float(correct) / Float(samples.count))
  }

  /// The network's outputs for every example (one value per output neuron, after the transform).
  public func predict(_ samples: Samples) -> [Float] {
    let all = evaluateAll(samples)
    let last = all.widths.count - 1
    var out: [Float] = []
    out.reserveCapacity(samples.count * all.widths[last])
    for p in 0..<samples.count {
      for j in 0..<all.widths[last] { out.append(all.value(layer: last, neuron: j, point: p)) }
    }
    return out
  }

  /// Every neuron's output at every point of `samples`, in one batched call.
  public func evaluateAll(_ samples: Samples) -> NeuronOutputs {
    var offsets = [0]
    for e in layout { offsets.append(e.activationOffset) }
    let chunks = activationChunks
    // Every chunk is written below, so the buffer starts uninitialized.
    var values = [Lanes](unsafeUninitializedCapacity: samples.count * chunks) { _, count in
      count = samples.count * chunks
    }
    var copy = self
    let network = self
    copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        samples.rows.withUnsafeBufferPointer { rows in
          values.withUnsafeMutableBufferPointer { out in
            let kernel = Kernel(network: network, weights: w.baseAddress!, biases: b.baseAddress!)
            let stride = samples.chunksPerRow
            let base = rows.baseAddress!
            var n = 0
            while n + 4 <= samples.count {
              let r = base + n * stride
              let destination = out.baseAddress! + n * chunks
              kernel.forward4(
                r, r + stride, r + 2 * stride, r + 3 * stride, storeDerivatives: false, into: destination)
              for g in 0..<4 { kernel.transformOutput(slot: g, in: destination) }
              n += 4
            }
            while n < samples.count {
              kernel.forward(row: base + n * stride)
              kernel.transformOutput()
              (out.baseAddress! + n * chunks).update(from: kernel.acts, count: chunks)
              n += 1
            }
          }
        }
      }
    }
    return NeuronOutputs(
      pointCount: samples.count, widths: shape.widths, chunkOffsets: offsets, chunksPerPoint: chunks,
      values: values)
  }
}
