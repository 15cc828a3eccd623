import Engine

/// "Explain a step" for the CNN: one training step on one training image, explained.
public struct CNNExplainedStep: Sendable {
  /// The training image (0-based) and its pixels.
  public var example: Int
  public var image: [Float]
  public var explanation: CNNStepExplanation
  /// The rate of this step (the schedule's at the current epoch).
  public var learningRate: Float
  /// Every parameter before the step, canonical order (`CNN.flatParameters`).
  public var parametersBefore: [Float]
  /// After one update on this image alone (a batch of one) with the session's optimizer and its
  /// state; dropout and adversarial training are off so every number can be followed.
  public var parametersAfter: [Float]
  /// This image's loss after the step (the explanation's `loss` is before it).
  public var lossAfter: Float
  /// The conv filter the checks and the update figures follow (its output channel and the input
  /// channel shown), layer by layer.
  public var filters: [(output: Int, input: Int)]
  /// Finite-difference checks of the backward pass: the dense weight with the largest |∂L/∂w|,
  /// then for each conv layer the largest-gradient weight of its followed filter.
  public var checks: [GradientCheck]
}

/// One parameter's ∂L/∂θ from the backward pass beside (L(θ + h) − L(θ − h)) / 2h.
public struct GradientCheck: Sendable, Equatable {
  /// Canonical index (`CNN.flatParameters`).
  public var parameter: Int
  /// Weighted layer from 1 (conv layers, then the dense layer).
  public var layer: Int
  public var gradient: Float
  public var h: Float
  public var lossPlus: Float
  public var lossMinus: Float
  public var estimate: Float
}

extension CNNExperiment {
  /// The step h of the finite-difference checks: large enough that float rounding of the loss
  /// (about 1e-7 of it) stays far below the difference, small enough to stay on one side of most
  /// ReLU and max-pool switches.
  public static let checkStep: Float = 1e-3

  /// Explains the step on training image `index` (0-based); nil when there is no such image.
  /// `filters` picks the followed filter per conv layer (output channel); by default the one
  /// whose weights have the largest gradient.
  public func explainStep(example index: Int, filters chosen: [Int?] = []) -> CNNExplainedStep? {
    guard train.indices.contains(index), network.isFinite else { return nil }
    let image = train[index]
    let x = network.explain(image: image.pixels, label: image.label)
    let shape = network.shape
    var options = config.trainingOptions
    options.batchSize = 1
    options.dropout = 0
    options.adversarial = nil
    options.learningRate = Float(config.learningSettings.learningRate(base: config.learningRate, epoch: epoch))
    var net = network
    var state = optimizerState
    var rng = dropoutGenerator
    var cursor = CNNTrainingCursor()
    let one = ImageSamples(width: trainSamples.width, height: trainSamples.height, pixels: image.pixels, labels: [image.label])
    _ = net.train(batches: 1, on: one, options: options, cursor: &cursor, state: &state, dropoutGenerator: &rng)

    var filters: [(output: Int, input: Int)] = []
    var checks: [GradientCheck] = []
    func check(_ parameter: Int, layer: Int) {
      let fd = network.finiteDifference(
        image: image.pixels, label: image.label, parameter: parameter, h: CNNExperiment.checkStep)
      checks.append(
        GradientCheck(
          parameter: parameter, layer: layer, gradient: x.parameterGradients[parameter], h: CNNExperiment.checkStep,
          lossPlus: fd.plus, lossMinus: fd.minus, estimate: fd.estimate))
    }
    let dense = shape.denseOffsets.weights
    let denseCount = shape.classes * shape.featureCount
    check(CNNExperiment.largest(x.parameterGradients, dense..<(dense + denseCount)), layer: shape.convs.count + 1)
    for (l, spec) in shape.convs.enumerated() {
      let k2 = spec.kernel * spec.kernel
      let cin = shape.inputChannels(stage: l)
      let start = shape.canonicalOffsets(stage: l).weights
      func norm(_ o: Int, _ i: Int) -> Float {
        let from = shape.weightIndex(stage: l, output: o, input: i, ky: 0, kx: 0)
        return x.parameterGradients[from..<(from + k2)].reduce(0) { $0 + $1 * $1 }
      }
      var output = 0
      if l < chosen.count, let o = chosen[l], (0..<spec.filters).contains(o) {
        output = o
      } else {
        let perFilter = (0..<spec.filters).map { o in (0..<cin).reduce(Float(0)) { $0 + norm(o, $1) } }
        output = perFilter.indices.max { perFilter[$0] < perFilter[$1] } ?? 0
      }
      let input = (0..<cin).max { norm(output, $0) < norm(output, $1) } ?? 0
      filters.append((output, input))
      let from = start + (output * cin + input) * k2
      check(CNNExperiment.largest(x.parameterGradients, from..<(from + k2)), layer: l + 1)
    }
    return CNNExplainedStep(
      example: index, image: image.pixels, explanation: x, learningRate: options.learningRate,
      parametersBefore: network.flatParameters, parametersAfter: net.flatParameters,
      lossAfter: net.loss(image: image.pixels, label: image.label), filters: filters,
      checks: checks)
  }

  /// The index in `range` with the largest |value| (the first of equals).
  static func largest(_ values: [Float], _ range: Range<Int>) -> Int {
    var best = range.lowerBound
    for i in range where abs(values[i]) > abs(values[best]) { best = i }
    return best
  }
}
