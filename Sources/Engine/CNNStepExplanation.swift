/// One training step of a CNN on one image, every number as the engine computes it: the forward
/// pass (each conv layer's maps after ReLU and after pooling, the logits, the probabilities), the
/// loss −log p_y, and the backward pass (∂L/∂ of each layer's pooled maps, of the logits and of
/// the image, and ∂L/∂θ of every parameter) — what `playground explain --dataset shapes` prints.
public struct CNNStepExplanation: Sendable, Equatable {
  /// The image's class (the y of −log p_y).
  public var label: Int
  /// The forward pass.
  public var forward: CNNActivations
  /// −log p_y.
  public var loss: Float
  /// ∂L/∂z_k = p_k − [k = y] for each class logit.
  public var logitGradients: [Float]
  /// Per conv layer, ∂L/∂ of its pooled maps, planar `[channel][y][x]` (`pooledSize(stage:)`);
  /// for the last layer these are the dense layer's inputs.
  public var pooledGradients: [[Float]]
  /// ∂L/∂ of each pixel, row-major.
  public var imageGradient: [Float]
  /// ∂L/∂θ of every weight and bias, canonical order (`CNN.flatParameters`).
  public var parameterGradients: [Float]
}

extension CNNShape {
  /// Where conv layer `stage`'s weights `[out][in][ky][kx]` and its biases `[out]` start in the
  /// canonical order (`CNN.flatParameters`).
  public func canonicalOffsets(stage: Int) -> (weights: Int, biases: Int) {
    var n = 0
    var channels = 1
    for (i, c) in convs.enumerated() {
      let weights = c.filters * channels * c.kernel * c.kernel
      if i == stage { return (n, n + weights) }
      n += weights + c.filters
      channels = c.filters
    }
    preconditionFailure("conv layer \(stage) out of range")
  }

  /// Where the dense weights `[class][feature]` and biases `[class]` start in canonical order.
  public var denseOffsets: (weights: Int, biases: Int) {
    let last = canonicalOffsets(stage: convs.count - 1)
    let start = last.biases + convs[convs.count - 1].filters
    return (start, start + classes * featureCount)
  }

  /// Input channels of conv layer `stage` (1 for the image).
  public func inputChannels(stage: Int) -> Int { stage == 0 ? 1 : convs[stage - 1].filters }

  /// The canonical index of conv weight w(output, input, ky, kx) of layer `stage`.
  public func weightIndex(stage: Int, output: Int, input: Int, ky: Int, kx: Int) -> Int {
    let k = convs[stage].kernel
    return canonicalOffsets(stage: stage).weights + ((output * inputChannels(stage: stage) + input) * k + ky) * k + kx
  }

  /// The canonical index of dense weight W[class][feature] (feature in flatten order
  /// `[channel][y][x]` of the last pooled maps).
  public func denseWeightIndex(class k: Int, feature f: Int) -> Int {
    denseOffsets.weights + k * featureCount + f
  }
}

extension CNN {
  /// Explains the forward and backward pass of one image with its class `label`, through the
  /// engine's own kernel (the same passes as `train` and `gradient(on:)`, so the same bits).
  public func explain(image: [Float], label: Int) -> CNNStepExplanation {
    precondition(
      image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    precondition(label >= 0 && label < shape.classes, "class \(label) out of range")
    let kernel = CNNKernel(network: self)
    image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
    // The forward values from the same pass the gradients come from (one forward, not two).
    let forward = activations(of: kernel)
    let loss = kernel.crossEntropy(label: label).loss
    let logitGradients = (0..<shape.classes).map { kernel.logitGrads[$0] }
    kernel.backward(accumulate: true, inputGradient: true)
    var pooledGradients: [[Float]] = []
    for (l, s) in layout.stages.enumerated() {
      // ∂L/∂ of this layer's pooled maps: the dense layer's input gradient for the last layer,
      // else the interior of the next layer's padded input plane.
      var out = [Float](repeating: 0, count: s.cout * s.wp * s.hp)
      for y in 0..<s.hp {
        for x in 0..<s.wp {
          for c in 0..<s.cout {
            let value: Float
            if l == layout.stages.count - 1 {
              value = kernel.featureGrads[(y * s.wp + x) * s.cop + c]
            } else {
              let n = layout.stages[l + 1]
              value = kernel.planeGrads[l + 1][((y + n.pad) * n.padW + x + n.pad) * n.cs + c]
            }
            out[(c * s.hp + y) * s.wp + x] = value
          }
        }
      }
      pooledGradients.append(out)
    }
    var imageGradient = [Float](repeating: 0, count: image.count)
    imageGradient.withUnsafeMutableBufferPointer { kernel.copyInputGradient(to: $0.baseAddress!) }
    let storage = kernel.accumulatedGradient()
    return CNNStepExplanation(
      label: label, forward: forward, loss: loss, logitGradients: logitGradients,
      pooledGradients: pooledGradients, imageGradient: imageGradient,
      parameterGradients: layout.canonicalIndices.map { storage[$0] })
  }

  /// −log p_label of one image (the loss `explain` and `train` use).
  public func loss(image: [Float], label: Int) -> Float {
    let kernel = CNNKernel(network: self)
    image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
    return kernel.crossEntropy(label: label).loss
  }

  /// The finite-difference estimate of ∂L/∂θ for parameter `index` (canonical order):
  /// (L(θ + h) − L(θ − h)) / 2h on one image. It checks the backward pass by nudging the weight.
  public func finiteDifference(image: [Float], label: Int, parameter index: Int, h: Float = 1e-3) -> (
    plus: Float, minus: Float, estimate: Float
  ) {
    let position = layout.canonicalIndices[index]
    var nudged = self
    let up = parameters[position] + h
    let down = parameters[position] - h
    nudged.parameters[position] = up
    let plus = nudged.loss(image: image, label: label)
    nudged.parameters[position] = down
    let minus = nudged.loss(image: image, label: label)
    // The step actually taken in float (θ ± h rounds), so the estimate divides by it.
    return (plus, minus, (plus - minus) / (up - down))
  }
}
