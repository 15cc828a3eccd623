import Testing

@testable import Engine

/// `CNN.explain`: every gradient it reports is the engine's (the training pass's bits) and agrees
/// with finite differences of the loss; its index helpers address the parameters they name.
@Suite struct CNNStepExplanationTests {
  /// A small CNN (two conv layers, three classes) and a bright square on a dark ground, both
  /// noisy: a flat square would give equal conv outputs in a pool window, a tie whose max has no
  /// derivative with respect to a pixel.
  static func setup(seed: UInt64 = 4) -> (net: CNN, image: [Float]) {
    var rng = SeededGenerator(seed: seed)
    let net = CNN(shape: CNNShape.family(convLayers: [4, 6], classes: 3), rng: &rng)
    var image = [Float](repeating: 0, count: 28 * 28)
    for y in 0..<28 {
      for x in 0..<28 {
        image[y * 28 + x] = (8..<20).contains(x) && (9..<21).contains(y) ? Float(rng.uniform(0.8, 0.95)) : Float(rng.uniform(0, 0.1))
      }
    }
    return (net, image)
  }

  /// The loss with parameter `k` (canonical order) set to `value`.
  func loss(_ net: CNN, _ image: [Float], label: Int, _ k: Int, _ value: Float) -> Float {
    var p = net.flatParameters
    p[k] = value
    var copy = net
    copy.setParameters(p)
    return copy.loss(image: image, label: label)
  }

  /// True when `gradient` matches a central difference at one of two steps (a ReLU or pool switch
  /// can sit inside the larger one).
  func agrees(_ net: CNN, _ image: [Float], label: Int, _ k: Int, _ gradient: Float) -> Bool {
    let w = net.flatParameters[k]
    for h: Float in [1e-2, 2e-3] {
      let estimate = (loss(net, image, label: label, k, w + h) - loss(net, image, label: label, k, w - h)) / (2 * h)
      if abs(estimate - gradient) <= 0.02 * abs(gradient) + 2e-4 { return true }
    }
    return false
  }

  @Test func theGradientIsTheTrainingPassOnOneImage() {
    let (net, image) = Self.setup()
    let x = net.explain(image: image, label: 1)
    let one = net.gradient(on: ImageSamples(width: 28, height: 28, pixels: image, labels: [1]))
    #expect(x.parameterGradients == one.parameters)
    #expect(x.loss == one.loss)
    #expect(x.loss == net.loss(image: image, label: 1))
    #expect(x.forward == net.activations(image: image))
    // ∂L/∂z = p − onehot(y).
    for k in 0..<3 { #expect(x.logitGradients[k] == x.forward.probabilities[k] - (k == 1 ? 1 : 0)) }
  }

  @Test func denseAndConvGradientsAreFiniteDifferences() {
    let (net, image) = Self.setup()
    let shape = net.shape
    let x = net.explain(image: image, label: 2)
    var checked = 0
    // Every dense weight into the right class and a spread of the others, and the biases.
    let dense = shape.denseOffsets
    for k in stride(from: dense.weights, to: dense.biases + shape.classes, by: 7) {
      #expect(agrees(net, image, label: 2, k, x.parameterGradients[k]), "dense parameter \(k)")
      checked += 1
    }
    // Every weight of one filter per conv layer, and that filter's bias.
    for l in 0..<shape.convs.count {
      let k = shape.convs[l].kernel
      for ky in 0..<k {
        for kx in 0..<k {
          let i = shape.weightIndex(stage: l, output: 1, input: 0, ky: ky, kx: kx)
          #expect(agrees(net, image, label: 2, i, x.parameterGradients[i]), "layer \(l + 1) weight (\(ky), \(kx))")
          checked += 1
        }
      }
      let b = shape.canonicalOffsets(stage: l).biases + 1
      #expect(agrees(net, image, label: 2, b, x.parameterGradients[b]), "layer \(l + 1) bias")
    }
    #expect(checked > 80)
    // A wrong gradient is caught.
    let i = shape.weightIndex(stage: 0, output: 1, input: 0, ky: 2, kx: 2)
    #expect(!agrees(net, image, label: 2, i, x.parameterGradients[i] + 0.05))
  }

  @Test func theFiniteDifferenceHelperNudgesOneParameter() {
    let (net, image) = Self.setup()
    let k = net.shape.denseWeightIndex(class: 0, feature: 5)
    let fd = net.finiteDifference(image: image, label: 0, parameter: k, h: 1e-2)
    let w = net.flatParameters[k]
    #expect(fd.plus == loss(net, image, label: 0, k, w + 1e-2))
    #expect(fd.minus == loss(net, image, label: 0, k, w - 1e-2))
  }

  @Test func pooledGradientsFollowTheDenseLayer() {
    let (net, image) = Self.setup()
    let shape = net.shape
    let x = net.explain(image: image, label: 0)
    let last = shape.convs.count - 1
    // ∂L/∂x_f = Σ_k W[k][f]·∂L/∂z_k, the dense layer's inputs in flatten order.
    let features = (0..<shape.classes).map { net.denseWeights(class: $0) }
    for f in 0..<shape.featureCount {
      var sum: Float = 0
      for k in 0..<shape.classes { sum += features[k][f] * x.logitGradients[k] }
      #expect(abs(x.pooledGradients[last][f] - sum) <= 1e-5 * max(1, abs(sum)), "feature \(f)")
    }
    // ∂L/∂W[k][f] = ∂L/∂z_k · x_f with x the last pooled maps.
    let pooled = x.forward.pooledMaps[last]
    for f in stride(from: 0, to: shape.featureCount, by: 5) {
      let k = shape.denseWeightIndex(class: 1, feature: f)
      #expect(abs(x.parameterGradients[k] - x.logitGradients[1] * pooled[f]) <= 1e-6)
    }
    // The image gradient is the one the attacks use, and the loss's change when a pixel moves.
    #expect(x.imageGradient == net.lossInputGradient(image: image, label: 0))
    for p in [10 * 28 + 10, 14 * 28 + 15, 19 * 28 + 18, 3 * 28 + 25] {
      var up = image
      var down = image
      up[p] += 1e-3
      down[p] -= 1e-3
      let estimate = (net.loss(image: up, label: 0) - net.loss(image: down, label: 0)) / (up[p] - down[p])
      #expect(abs(estimate - x.imageGradient[p]) <= 0.02 * abs(x.imageGradient[p]) + 2e-4, "pixel \(p)")
    }
  }

  @Test func theIndexHelpersNameTheirParameters() {
    let (net, _) = Self.setup()
    let shape = net.shape
    let flat = net.flatParameters
    for l in 0..<shape.convs.count {
      let w = net.filter(stage: l, output: 2, input: 0)
      let k = shape.convs[l].kernel
      #expect(w[k + 1] == flat[shape.weightIndex(stage: l, output: 2, input: 0, ky: 1, kx: 1)])
      #expect(net.filterBias(stage: l, output: 2) == flat[shape.canonicalOffsets(stage: l).biases + 2])
    }
    #expect(net.denseWeights(class: 2)[9] == flat[shape.denseWeightIndex(class: 2, feature: 9)])
    #expect(net.denseBias(class: 1) == flat[shape.denseOffsets.biases + 1])
    #expect(shape.denseOffsets.biases + shape.classes == net.parameterCount)
  }
}
