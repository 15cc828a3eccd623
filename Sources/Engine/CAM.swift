/// The image a class activation maximization starts from.
public enum CAMStart: String, CaseIterable, Sendable, Codable {
  /// All pixels 0 (an empty black canvas).
  case zeros
  /// All pixels 0.5.
  case gray
  /// Every pixel U(0.4, 0.6), drawn from the settings' seed.
  case noise
}

/// How a class activation maximization climbs.
///
/// The defaults fix what ShapeShop lacked: an iteration cap, the image clamped to the [0, 1] range
/// of real images, and the usual regularisers (L2 decay, a blur every few steps, one pixel of
/// jitter, edges that fade), which turn high-frequency speckle into strokes and blobs a learner can
/// recognise, one shape in the middle rather than fragments all over the frame. They
/// also run the whole 200 steps: ShapeShop's stop at p > 0.99 ends an overconfident network's
/// ascent after 2–30 steps with a faint pattern. `CAMSettings.shapeShop` reproduces ShapeShop.
public struct CAMSettings: Sendable, Codable, Equatable, Hashable {
  /// The score that is maximized: the class's softmax probability (ShapeShop) or its logit.
  public var objective: CNNObjective = .probability
  public var start: CAMStart = .zeros
  /// Each step adds `stepSize · g / RMS(g)` (ShapeShop's normalized step): pixels move by about
  /// `stepSize` on average whatever the gradient's scale.
  public var stepSize: Float = 0.05
  /// After each step the image is multiplied by (1 − l2Decay), pulling unused pixels to 0.
  public var l2Decay: Float = 0.02
  /// Blur with a 3×3 binomial kernel every this many steps (0 = never): smoother, more natural
  /// images.
  public var blurEvery: Int = 4
  /// Each step's gradient is taken on the image shifted by up to ± this many pixels (random).
  public var jitter: Int = 1
  /// Keep every pixel in [0, 1] after each step.
  public var clamp: Bool = true
  /// Stop after this many steps (ShapeShop had no cap and could run for minutes).
  public var maxSteps: Int = 200
  /// With the probability objective, stop once p exceeds this (ShapeShop: 0.99); nil = never.
  /// Ignored for the logit objective.
  public var stopProbability: Float? = nil
  /// Seeds the noise start and the jitter.
  public var seed: UInt64 = 0
  /// Ascents run side by side from different starts (the first from `start`, the others from
  /// seeded noise); the picture is the one whose class wins by the widest logit margin.
  public var starts: Int = 1
  /// Each step averages the gradient over this many jittered copies (robust to small shifts).
  public var jitterSamples: Int = 1
  /// For the first this many steps the image is kept at half resolution (2×2 blocks, then a
  /// blur): the coarse octave that lays out the large structure first.
  public var coarseSteps: Int = 0
  /// Total-variation weight: each step also descends tvWeight · ∂TV/∂x (smooth regions).
  public var tvWeight: Float = 0
  /// Every this many steps (0 = never) the image is shifted by whole pixels so that its
  /// brightness-weighted centre is the image's centre: the network hardly cares where a shape
  /// is, so the picture is shown where a learner looks, in the middle.
  public var centerEvery: Int = 0
  /// The subject is in the middle of the frame: after each step, pixels farther from the centre
  /// than a quarter of the image's side fade by up to this share (0 = never; see `CAMPriors.fadeEdges`).
  public var edgeFade: Float = 0.3

  public init() {}

  /// ShapeShop's ascent: probability objective from zeros, no regularisers, stop at p > 0.99
  /// (with our 200-step cap and clamping added).
  public static var shapeShop: CAMSettings {
    var s = CAMSettings()
    s.l2Decay = 0
    s.blurEvery = 0
    s.jitter = 0
    s.stopProbability = 0.99
    s.edgeFade = 0
    return s
  }

  /// Every setting's allowed range, or why it is out of range.
  public var problem: String? {
    if !(stepSize > 0 && stepSize <= 10) { return "stepSize must be > 0 and at most 10, got \(stepSize)" }
    if !(l2Decay >= 0 && l2Decay < 1) { return "l2Decay must be from 0 to below 1, got \(l2Decay)" }
    if blurEvery < 0 { return "blurEvery must be 0 (never) or more, got \(blurEvery)" }
    if !(0...8).contains(jitter) { return "jitter must be from 0 to 8 pixels, got \(jitter)" }
    if !(1...100_000).contains(maxSteps) { return "maxSteps must be from 1 to 100000, got \(maxSteps)" }
    if !(1...16).contains(starts) { return "starts must be from 1 to 16, got \(starts)" }
    if !(1...16).contains(jitterSamples) { return "jitterSamples must be from 1 to 16, got \(jitterSamples)" }
    if coarseSteps < 0 { return "coarseSteps must be 0 or more, got \(coarseSteps)" }
    if centerEvery < 0 { return "centerEvery must be 0 (never) or more, got \(centerEvery)" }
    if !(tvWeight >= 0 && tvWeight <= 10) { return "tvWeight must be from 0 to 10, got \(tvWeight)" }
    if !(edgeFade >= 0 && edgeFade <= 1) { return "edgeFade must be from 0 to 1, got \(edgeFade)" }
    return nil
  }
}

/// Class activation maximization: gradient ascent on the input image so that one class's score
/// grows, one step at a time (a window can show the image growing).
///
/// Each step, for image x and class c:
///
///     g = ∂score_c/∂x  (at x shifted by the jitter, shifted back)
///     x ← x + stepSize · g / (RMS(g) + 10⁻⁸)
///     x ← (1 − l2Decay) · x;  blur every `blurEvery` steps;  clamp to [0, 1]
///
/// The run finishes after `maxSteps` steps, or (probability objective) once p_c > stopProbability.
/// The network is a copy: training may go on while the ascent runs.
///
/// Hostile input never crashes it and never yields a NaN image: settings outside their ranges stop
/// the run before its first step (`.invalidSettings`), and a network whose scores or gradient
/// become NaN or infinite (an overflowing or diverged one) stops it with `.diverged`, keeping the
/// last image whose scores were finite.
public struct CAMAscent: Sendable {
  /// Why a run finished.
  public enum Stop: String, Sendable, Codable {
    /// The class's probability passed `stopProbability`.
    case confident
    /// `maxSteps` steps were made.
    case stepCap
    /// The class scores or the gradient became NaN or infinite; the image and probabilities are
    /// the last finite ones (the start image when the network overflows on it).
    case diverged
    /// The settings are out of range (`CAMSettings.problem`); no step was made.
    case invalidSettings
  }

  public let network: CNN
  public let targetClass: Int
  public let settings: CAMSettings
  /// The current image, row-major, `width × height`.
  public private(set) var image: [Float]
  /// Steps made so far.
  public private(set) var steps = 0
  /// Softmax probabilities of the current image.
  public private(set) var probabilities: [Float]
  /// Nil while the ascent can go on.
  public private(set) var stop: Stop?
  var rng: SeededGenerator
  /// Every start's image, probabilities and logit margin; `image` is the best start's.
  private var runs: [CAMRun]

  /// Settings out of range give a run that is already finished (`.invalidSettings`), not a crash.
  public init(network: CNN, targetClass: Int, settings: CAMSettings = CAMSettings()) {
    precondition(targetClass >= 0 && targetClass < network.shape.classes, "class \(targetClass) out of range")
    self.network = network
    self.targetClass = targetClass
    self.settings = settings
    let n = network.shape.width * network.shape.height
    var r = SeededGenerator(seed: settings.seed)
    image = settings.start.image(count: n, rng: &r)
    rng = r
    probabilities = network.probabilities(image: image)
    runs = [CAMRun(image: image, probabilities: probabilities, margin: 0)]
    for _ in 1..<max(1, min(settings.starts, 16)) {
      let start = (0..<n).map { _ in Float(rng.uniform(0.4, 0.6)) }
      runs.append(CAMRun(image: start, probabilities: network.probabilities(image: start), margin: 0))
    }
    if settings.problem != nil {
      stop = .invalidSettings
    } else {
      // Non-finite scores stop the run at its first `advance` (so a window sees it happen).
      checkStop()
    }
  }

  /// Why the run stopped early, in words for a learner; nil while it goes on or when it simply
  /// finished.
  public var problem: String? {
    switch stop {
    case .diverged:
      return "the network's scores became NaN or infinite after \(steps) steps"
    case .invalidSettings:
      return settings.problem
    default:
      return nil
    }
  }

  /// The target class's probability for the current image.
  public var probability: Float { probabilities[targetClass] }
  public var isFinished: Bool { stop != nil }

  /// One ascent step; returns false (and does nothing) once finished.
  @discardableResult
  public mutating func step() -> Bool {
    advance(steps: 1) == 1
  }

  /// Up to `count` steps (fewer when the run finishes); returns the steps made.
  @discardableResult
  public mutating func advance(steps count: Int) -> Int {
    guard stop == nil, count > 0 else { return 0 }
    let kernel = CNNKernel(network: network)
    var buffers = CAMBuffers(count: network.shape.width * network.shape.height)
    var done = 0
    var held = -1  // which run's image the kernel holds (-1: none yet)
    while stop == nil && done < count {
      guard runs.allSatisfy({ CAMAscent.allFinite($0.probabilities) }) else {
        stop = .diverged
        break
      }
      var next = runs
      var finite = true
      for r in runs.indices {
        guard let g = gradient(of: runs[r].image, kernel: kernel, holds: held == r, buffers: &buffers) else {
          finite = false
          break
        }
        applyStep(g, to: &next[r].image, step: steps + 1, scratch: &buffers.scratch)
        next[r].image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
        held = r
        next[r].probabilities = (0..<network.shape.classes).map { kernel.probs[$0] }
        next[r].margin = CAMAscent.margin(kernel, targetClass)
        if !(CAMAscent.allFinite(next[r].image) && CAMAscent.allFinite(next[r].probabilities)) {
          finite = false
          break
        }
      }
      guard finite else {
        // Keep the last images whose scores were finite.
        stop = .diverged
        break
      }
      runs = next
      steps += 1
      var best = 0
      for r in runs.indices where runs[r].margin > runs[best].margin { best = r }
      image = runs[best].image
      probabilities = runs[best].probabilities
      done += 1
      checkStop()
    }
    return done
  }

  static func allFinite(_ values: [Float]) -> Bool {
    values.allSatisfy(\.isFinite)
  }

  /// Runs to the end (at most `maxSteps` steps in all).
  public mutating func run() {
    while stop == nil { advance(steps: settings.maxSteps) }
  }

  /// |Pearson r| between the current image and `template` (ShapeShop's similarity score).
  public func similarity(to template: [Float]) -> Float {
    CAMAscent.similarity(image, template)
  }

  private func applyStep(_ g: [Float], to image: inout [Float], step: Int, scratch: inout [Float]) {
    // RMS(g) = m · RMS(g / m) with m = max |g|: no overflow for any finite gradient, so each pixel
    // moves by at most stepSize · √n.
    var m: Float = 0
    for v in g { m = max(m, abs(v)) }
    var sumSquares: Float = 0
    if m > 0 {
      for v in g { sumSquares += (v / m) * (v / m) }
    }
    let rms = m * (sumSquares / Float(g.count)).squareRoot()
    let scale = settings.stepSize / (rms + 1e-8)
    let keep = 1 - settings.l2Decay
    let w = network.shape.width
    let h = network.shape.height
    if settings.tvWeight > 0 {
      CAMPriors.totalVariationGradient(image, into: &scratch, width: w, height: h)
      let t = settings.tvWeight * settings.stepSize
      for i in 0..<image.count { image[i] = (image[i] + scale * g[i] - t * scratch[i]) * keep }
    } else {
      for i in 0..<image.count { image[i] = (image[i] + scale * g[i]) * keep }
    }
    if settings.edgeFade > 0 { CAMPriors.fadeEdges(&image, width: w, height: h, strength: settings.edgeFade) }
    if step <= settings.coarseSteps {
      CAMPriors.halfResolution(&image, width: w, height: h)
      CAMAscent.blur(&image, scratch: &scratch, width: w, height: h)
    } else if settings.blurEvery > 0 && step % settings.blurEvery == 0 {
      CAMAscent.blur(&image, scratch: &scratch, width: w, height: h)
    }
    if settings.clamp {
      for i in 0..<image.count { image[i] = min(max(image[i], 0), 1) }
    }
    if settings.centerEvery > 0 && step % settings.centerEvery == 0 {
      CAMPriors.center(&image, scratch: &scratch, width: w, height: h)
    }
  }

  private mutating func checkStop() {
    if settings.objective == .probability, let limit = settings.stopProbability, probability > limit {
      stop = .confident
    } else if steps >= settings.maxSteps {
      stop = .stepCap
    }
  }

  /// `out(x, y) = image(x − dx, y − dy)`, 0 where that falls outside.
  static func shift(_ image: [Float], by d: (Int, Int), into out: inout [Float], width: Int, height: Int) {
    for y in 0..<height {
      for x in 0..<width {
        let sx = x - d.0
        let sy = y - d.1
        out[y * width + x] = sx >= 0 && sx < width && sy >= 0 && sy < height ? image[sy * width + sx] : 0
      }
    }
  }

  /// 3×3 binomial blur ([1 2 1] ⊗ [1 2 1] / 16), edges clamped.
  static func blur(_ image: inout [Float], scratch: inout [Float], width: Int, height: Int) {
    for y in 0..<height {
      for x in 0..<width {
        let l = image[y * width + max(x - 1, 0)]
        let r = image[y * width + min(x + 1, width - 1)]
        scratch[y * width + x] = (l + 2 * image[y * width + x] + r) * 0.25
      }
    }
    for y in 0..<height {
      for x in 0..<width {
        let u = scratch[max(y - 1, 0) * width + x]
        let d = scratch[min(y + 1, height - 1) * width + x]
        image[y * width + x] = (u + 2 * scratch[y * width + x] + d) * 0.25
      }
    }
  }

  /// |Pearson r| of two images of the same size, 0 when either is constant.
  public static func similarity(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count && !a.isEmpty, "images of different sizes")
    var ma = 0.0
    var mb = 0.0
    for i in 0..<a.count {
      ma += Double(a[i])
      mb += Double(b[i])
    }
    ma /= Double(a.count)
    mb /= Double(b.count)
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for i in 0..<a.count {
      let da = Double(a[i]) - ma
      let db = Double(b[i]) - mb
      sab += da * db
      saa += da * da
      sbb += db * db
    }
    guard saa > 0 && sbb > 0 else { return 0 }
    return Float(abs(sab / (saa * sbb).squareRoot()))
  }
}

extension CNN {
  /// The finished class activation maximization of class `c`.
  public func maximizeActivation(class c: Int, settings: CAMSettings = CAMSettings()) -> CAMAscent {
    var ascent = CAMAscent(network: self, targetClass: c, settings: settings)
    ascent.run()
    return ascent
  }
}
