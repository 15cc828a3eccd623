/// What a call to `train` did.
public struct TrainingReport: Sendable, Equatable {
  /// Epochs completed.
  public var epochs: Int
  /// Nil while training is healthy; otherwise why it stopped (a weight or bias became NaN or ∞).
  public var divergence: String?

  public init(epochs: Int, divergence: String?) {
    self.epochs = epochs
    self.divergence = divergence
  }
}

/// A loss with its exact gradient, in canonical parameter order (see `Network.flatWeights`).
public struct Gradient: Sendable {
  public var loss: Float
  public var weights: [Float]
  public var biases: [Float]
}

extension Network {
  /// Trains for `epochs` passes over `samples` with mini-batch SGD, the playground's way.
  ///
  /// Examples are visited in their stored order. The gradient of every example is accumulated and
  /// an update happens after every `batchSize` examples (and once more for a final partial batch),
  /// with the accumulated gradient averaged over the examples since the last update:
  /// w ← w − η·ḡ, then the regularization step (see `Kernel.update`).
  /// Training stops early, reporting the reason, when any parameter becomes NaN or infinite.
  @discardableResult
  public mutating func train(epochs: Int, on samples: Samples, options: TrainingOptions) -> TrainingReport {
    var state = OptimizerState()
    var rng = SeededGenerator(seed: 0)
    return train(epochs: epochs, on: samples, options: options, state: &state, dropoutGenerator: &rng)
  }

  /// `train(epochs:on:options:)` carrying the optimizer's state between calls and drawing
  /// dropout masks from `dropoutGenerator` (one uniform per hidden neuron per example, examples in
  /// order; nothing is drawn without dropout).
  @discardableResult
  public mutating func train(
    epochs: Int, on samples: Samples, options: TrainingOptions, state: inout OptimizerState,
    dropoutGenerator: inout SeededGenerator
  ) -> TrainingReport {
    precondition(samples.featureCount == shape.inputs, "samples have \(samples.featureCount) features, the network \(shape.inputs) inputs")
    precondition(options.batchSize >= 1, "batch size must be at least 1")
    guard samples.count > 0, epochs > 0 else { return TrainingReport(epochs: 0, divergence: nil) }
    state.prepare(for: self, optimizer: options.optimizer)
    let network = self
    var done = 0
    var divergence: String?
    let dropout = options.dropout > 0 && layout.count > 1
    var step = state.step
    var rng = dropoutGenerator
    Network.withStateBuffers(&state, options.optimizer) { buffers in
    weights.withUnsafeMutableBufferPointer { w in
      biases.withUnsafeMutableBufferPointer { b in
        trainable.withUnsafeMutableBufferPointer { mask in
          samples.rows.withUnsafeBufferPointer { rows in
            var kernel = Kernel(network: network, weights: w.baseAddress!, biases: b.baseAddress!)
            kernel.dropping = dropout
            var buffers = buffers
            let stride = samples.chunksPerRow
            let batch = options.batchSize
            for epoch in 0..<epochs {
              var pending = 0
              var n = 0
              while n < samples.count {
                let room = batch - pending
                if room >= 4 && samples.count - n >= 4 && !dropout {
                  let r = rows.baseAddress! + n * stride
                  kernel.forward4(r, r + stride, r + 2 * stride, r + 3 * stride)
                  for g in 0..<4 {
                    kernel.transformOutput(slot: g)
                    _ = kernel.outputLossAndDelta(target: samples.targets[n + g], slot: g)
                  }
                  kernel.backwardAndAccumulate4()
                  pending += 4
                  n += 4
                } else {
                  if dropout { kernel.drawDropMask(rate: options.dropout, rng: &rng) }
                  kernel.forward(row: rows.baseAddress! + n * stride)
                  kernel.transformOutput()
                  _ = kernel.outputLossAndDelta(target: samples.targets[n])
                  kernel.backwardAndAccumulate()
                  pending += 1
                  n += 1
                }
                if pending == batch {
                  step += 1
                  buffers.step = step
                  kernel.update(count: pending, options: options, trainable: mask.baseAddress!, state: buffers)
                  pending = 0
                }
              }
              if pending > 0 {
                step += 1
                buffers.step = step
                kernel.update(count: pending, options: options, trainable: mask.baseAddress!, state: buffers)
              }
              done = epoch + 1
              if !(w.allSatisfy(\.allFinite) && b.allSatisfy(\.allFinite)) {
                divergence = "a weight became NaN or infinite during epoch \(epoch + 1)"
                break
              }
            }
          }
        }
      }
    }
    }
    if options.optimizer == .adam { state.step = step }
    dropoutGenerator = rng
    return TrainingReport(epochs: done, divergence: divergence)
  }

  /// Lends `state`'s buffers to `body` as raw pointers (nil where the optimizer keeps none).
  private static func withStateBuffers(
    _ state: inout OptimizerState, _ optimizer: Optimizer, _ body: (StateBuffers) -> Void
  ) {
    guard optimizer.hasState else { return body(.none) }
    state.firstWeights.withUnsafeMutableBufferPointer { fw in
      state.firstBiases.withUnsafeMutableBufferPointer { fb in
        state.secondWeights.withUnsafeMutableBufferPointer { sw in
          state.secondBiases.withUnsafeMutableBufferPointer { sb in
            let second = optimizer == .adam
            body(
              StateBuffers(
                firstW: fw.baseAddress, firstB: fb.baseAddress, secondW: second ? sw.baseAddress : nil,
                secondB: second ? sb.baseAddress : nil, step: 0))
          }
        }
      }
    }
  }

  /// The mean loss over `samples` plus λ·ΣR(w), and its exact gradient (no update is made).
  ///
  /// Uses the same forward and backward passes as `train`; the tests compare it with finite
  /// differences.
  public func gradient(on samples: Samples, regularization: Regularization = .none, rate: Float = 0) -> Gradient {
    var copy = self
    var loss: Float = 0
    var gw: [Float] = []
    var gb: [Float] = []
    let network = self
    copy.weights.withUnsafeMutableBufferPointer { w in
      copy.biases.withUnsafeMutableBufferPointer { b in
        samples.rows.withUnsafeBufferPointer { rows in
          let kernel = Kernel(network: network, weights: w.baseAddress!, biases: b.baseAddress!)
          for n in 0..<samples.count {
            kernel.forward(row: rows.baseAddress! + n * samples.chunksPerRow)
            kernel.transformOutput()
            loss += kernel.outputLossAndDelta(target: samples.targets[n]).loss
            kernel.backwardAndAccumulate()
          }
          let scale = 1 / Float(samples.count)
          for (l, e) in layout.enumerated() {
            for j in 0..<e.nOut {
              for i in 0..<e.nIn {
                let k = e.weightOffset + i * e.cout + j >> 3
                let wv = Kernel.lane(w.baseAddress!, k, j & 7)
                gw.append(Kernel.lane(kernel.gradW, k, j & 7) * scale + rate * regularization.derivative(Lanes(repeating: wv))[0])
              }
              gb.append(Kernel.lane(kernel.gradB, e.biasOffset + j >> 3, j & 7) * scale)
            }
            _ = l
          }
        }
      }
    }
    let penalty = flatWeights.reduce(Float(0)) { $0 + regularization.penalty($1) }
    return Gradient(loss: loss / Float(samples.count) + rate * penalty, weights: gw, biases: gb)
  }
}
