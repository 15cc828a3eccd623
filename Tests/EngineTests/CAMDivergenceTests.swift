import Testing

@testable import Engine

/// Class activation maximization under hostile conditions: a network that overflows (finite
/// weights, NaN scores), a NaN weight, gradients whose squares overflow, settings out of range.
/// The run must stop cleanly with a reason, never crash, never leave a NaN pixel, and keep
/// probabilities that belong to its image.
@Suite struct CAMDivergenceTests {
  /// The trained left/right network with every parameter multiplied by `factor`.
  static func scaled(_ factor: Float) -> CNN {
    var (net, _) = trainedLeftRight()
    net.setParameters(net.flatParameters.map { $0 * factor })
    return net
  }

  static func allFinite(_ values: [Float]) -> Bool { values.allSatisfy(\.isFinite) }

  /// Finite weights whose products overflow: the scores are NaN from the start image on.
  @Test(arguments: [CNNObjective.probability, .logit])
  func overflowingNetworkStopsBeforeTheFirstStep(objective: CNNObjective) {
    let net = Self.scaled(1e30)
    #expect(net.isFinite, "every weight is finite")
    #expect(!Self.allFinite(net.probabilities(image: [Float](repeating: 0.5, count: 144))))
    var settings = CAMSettings()
    settings.objective = objective
    settings.start = .gray
    var ascent = CAMAscent(network: net, targetClass: 1, settings: settings)
    #expect(!ascent.isFinished, "a window sees the stop happen on the first advance")
    let made = ascent.advance(steps: 50)
    #expect(made == 0)
    #expect(ascent.stop == .diverged)
    #expect(ascent.steps == 0)
    #expect(ascent.image == [Float](repeating: 0.5, count: 144), "the start image, untouched")
    #expect(ascent.problem?.contains("NaN") == true, "\(ascent.problem ?? "no message")")
    let stepped = ascent.step()
    #expect(!stepped, "a stopped run stays stopped")
    // `run` (the command line's path) ends too, instead of looping on a run that cannot finish.
    let whole = net.maximizeActivation(class: 0, settings: settings)
    #expect(whole.stop == .diverged && Self.allFinite(whole.image))
  }

  /// A NaN weight (a diverged network handed to the ascent): same clean stop.
  @Test func nanWeightStopsTheRun() {
    var (net, _) = trainedLeftRight()
    net.setFilterWeight(stage: 0, output: 1, input: 0, ky: 1, kx: 1, value: .nan)
    let ascent = net.maximizeActivation(class: 0)
    #expect(ascent.stop == .diverged)
    #expect(Self.allFinite(ascent.image))
  }

  /// Scores finite at the start but overflowing as the image grows (no clamp, huge steps): the
  /// run stops at the step that overflowed and keeps the step before, with its own scores.
  @Test func overflowMidRunKeepsTheLastFiniteImage() throws {
    var found = false
    for exponent in stride(from: 4, through: 14, by: 1) {
      let net = Self.scaled(Float(pow10(exponent)))
      guard Self.allFinite(net.probabilities(image: [Float](repeating: 0, count: 144))) else { continue }
      var settings = CAMSettings()
      settings.objective = .logit
      settings.stepSize = 10
      settings.clamp = false
      settings.l2Decay = 0
      settings.blurEvery = 0
      settings.maxSteps = 20_000
      let ascent = net.maximizeActivation(class: 1, settings: settings)
      #expect(Self.allFinite(ascent.image), "factor 1e\(exponent)")
      #expect(Self.allFinite(ascent.probabilities), "factor 1e\(exponent)")
      if ascent.stop == .diverged && ascent.steps > 0 {
        #expect(ascent.probabilities == net.probabilities(image: ascent.image), "the kept image's own scores")
        found = true
        break
      }
    }
    #expect(found, "no factor made the scores overflow mid-run; the test needs a new range")
  }

  /// A finite gradient whose squares overflow a Float (|g| ~ 1e20 and more) still moves the image
  /// by about `stepSize` per pixel: the RMS is computed without overflow.
  @Test func hugeGradientsStillMoveTheImage() throws {
    var checked = 0
    for exponent in stride(from: 6, through: 14, by: 1) {
      let net = Self.scaled(Float(pow10(exponent)))
      let start = [Float](repeating: 0.5, count: 144)
      let g = net.inputGradient(image: start, class: 1, objective: .logit)
      guard Self.allFinite(g), Self.allFinite(net.probabilities(image: start)) else { continue }
      guard let biggest = g.map({ abs($0) }).max(), biggest > 1e20 else { continue }
      var settings = CAMSettings()
      settings.objective = .logit
      settings.start = .gray
      settings.jitter = 0
      settings.blurEvery = 0
      settings.l2Decay = 0
      settings.edgeFade = 0
      settings.clamp = false
      settings.maxSteps = 1
      let ascent = net.maximizeActivation(class: 1, settings: settings)
      #expect(
        ascent.stop == .stepCap && ascent.steps == 1,
        "factor 1e\(exponent): \(String(describing: ascent.stop))")
      let moved = zip(ascent.image, start).map { abs($0 - $1) }
      let rms = (moved.map { $0 * $0 }.reduce(0, +) / 144).squareRoot()
      #expect(abs(rms - settings.stepSize) < 0.01, "factor 1e\(exponent): the image moved by RMS \(rms)")
      checked += 1
    }
    #expect(checked > 0, "no factor gave a finite gradient above 1e20; the test needs a new range")
  }

  /// Settings out of range (as a hand-edited session could hold) stop the run before its first
  /// step with the reason; nothing traps.
  @Test(arguments: 0..<12)
  func invalidSettingsStopCleanly(index: Int) {
    var s = CAMSettings()
    switch index {
    case 0: s.stepSize = .nan
    case 1: s.stepSize = .infinity
    case 2: s.stepSize = 1e30
    case 3: s.stepSize = -1
    case 4: s.stepSize = 0
    case 5: s.l2Decay = 1
    case 6: s.l2Decay = .nan
    case 7: s.blurEvery = -1
    case 8: s.jitter = 1_000_000
    case 9: s.jitter = -1
    case 10: s.maxSteps = 0
    default: s.maxSteps = .max
    }
    let (net, _) = trainedLeftRight()
    var ascent = CAMAscent(network: net, targetClass: 0, settings: s)
    #expect(ascent.stop == .invalidSettings && ascent.isFinished)
    #expect(ascent.problem == s.problem && ascent.problem != nil)
    let made = ascent.advance(steps: 10)
    #expect(made == 0 && ascent.steps == 0)
    ascent.run()
    #expect(Self.allFinite(ascent.image))
  }

  /// The largest allowed step without the clamp, for many steps: the image stays finite.
  @Test func largestStepWithoutClampStaysFinite() {
    let (net, _) = trainedLeftRight()
    var settings = CAMSettings()
    settings.stepSize = 10
    settings.clamp = false
    settings.l2Decay = 0
    settings.objective = .logit
    settings.maxSteps = 3000
    let ascent = net.maximizeActivation(class: 0, settings: settings)
    #expect(ascent.stop == .stepCap || ascent.stop == .diverged)
    #expect(Self.allFinite(ascent.image) && Self.allFinite(ascent.probabilities))
  }
}

private func pow10(_ n: Int) -> Double {
  var x = 1.0
  for _ in 0..<n { x *= 10 }
  return x
}
