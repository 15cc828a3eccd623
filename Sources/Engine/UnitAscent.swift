/// A unit's activation maximisation made a few steps at a time, so a window can grow every
/// unit's picture while it keeps drawing: driven to the end in slices of any size it gives the
/// bits `CNN.maximizeUnit` gives (which runs it in one go).
public struct UnitAscent: Sendable {
  public let network: CNN
  public let unit: CNNUnit
  public let settings: CAMSettings
  /// The current image, row-major.
  public private(set) var image: [Float]
  /// Steps made so far.
  public private(set) var steps = 0
  /// True after `maxSteps` steps, a non-finite gradient, or settings out of range.
  public private(set) var isFinished = false
  /// The unit's activation on the final image (0 until finished).
  public private(set) var activation: Float = 0
  private var rng: SeededGenerator

  public init(network: CNN, unit: CNNUnit, settings: CAMSettings = CAMSettings()) {
    network.checkUnit(unit)
    self.network = network
    self.unit = unit
    self.settings = settings
    var r = SeededGenerator(seed: settings.seed)
    image = settings.start.image(count: network.shape.width * network.shape.height, rng: &r)
    rng = r
    if settings.problem != nil || settings.maxSteps < 1 { finish() }
  }

  /// Up to `count` more steps: jitter, the unit's gradient, a normalised step with decay, blur
  /// every few steps, and the clamp to [0, 1].
  public mutating func advance(steps count: Int) {
    guard !isFinished, count > 0 else { return }
    let w = network.shape.width
    let h = network.shape.height
    let n = w * h
    let kernel = CNNKernel(network: network)
    var shifted = [Float](repeating: 0, count: n)
    var gradient = [Float](repeating: 0, count: n)
    var scratch = [Float](repeating: 0, count: n)
    let last = min(settings.maxSteps, steps + count)
    while steps < last {
      let step = steps + 1
      var dx = 0
      var dy = 0
      if settings.jitter > 0 {
        dx = rng.index(below: 2 * settings.jitter + 1) - settings.jitter
        dy = rng.index(below: 2 * settings.jitter + 1) - settings.jitter
      }
      CAMAscent.shift(image, by: (dx, dy), into: &shifted, width: w, height: h)
      shifted.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
      kernel.unitBackward(unit)
      scratch.withUnsafeMutableBufferPointer { kernel.copyInputGradient(to: $0.baseAddress!) }
      CAMAscent.shift(scratch, by: (-dx, -dy), into: &gradient, width: w, height: h)
      guard CAMAscent.allFinite(gradient) else {
        steps = settings.maxSteps
        break
      }
      var sumSquares = 0.0
      for v in gradient { sumSquares += Double(v) * Double(v) }
      let rms = Float((sumSquares / Double(n)).squareRoot())
      let scale = settings.stepSize / (rms + 1e-8)
      let keep = 1 - settings.l2Decay
      for i in 0..<n { image[i] = (image[i] + scale * gradient[i]) * keep }
      if settings.blurEvery > 0 && step % settings.blurEvery == 0 {
        CAMAscent.blur(&image, scratch: &scratch, width: w, height: h)
      }
      if settings.clamp {
        for i in 0..<n { image[i] = min(max(image[i], 0), 1) }
      }
      steps = step
    }
    if steps >= settings.maxSteps { finish() }
  }

  private mutating func finish() {
    let kernel = CNNKernel(network: network)
    image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
    activation = kernel.unitActivation(unit)
    isFinished = true
  }
}

extension CAMStart {
  /// The ascent's first image of `count` pixels: black, mid gray, or noise in [0.4, 0.6] from `rng`.
  func image(count n: Int, rng: inout SeededGenerator) -> [Float] {
    switch self {
    case .zeros: [Float](repeating: 0, count: n)
    case .gray: [Float](repeating: 0.5, count: n)
    case .noise: (0..<n).map { _ in Float(rng.uniform(0.4, 0.6)) }
    }
  }
}
