import Testing

@testable import Engine

@Suite struct CNNCAMTests {
  /// The image class 0 ("left half lit") likes best is brighter on the left, and vice versa.
  @Test(arguments: [0, 1])
  func ascentDrawsWhatTheClassLooksFor(targetClass: Int) {
    let (net, _) = trainedLeftRight()
    let ascent = net.maximizeActivation(class: targetClass)
    #expect(ascent.stop == .stepCap && ascent.steps == 200)
    #expect(ascent.probability >= 0.9)
    var left: Float = 0
    var right: Float = 0
    for y in 0..<12 {
      for x in 0..<12 {
        if x < 6 { left += ascent.image[y * 12 + x] } else { right += ascent.image[y * 12 + x] }
      }
    }
    #expect(targetClass == 0 ? left > right : right > left, "left \(left) right \(right)")
    #expect(ascent.image.allSatisfy { $0 >= 0 && $0 <= 1 }, "clamped")
    #expect(ascent.probabilities == net.probabilities(image: ascent.image))
  }

  @Test func stopsEarlyOnlyForTheProbabilityObjective() {
    let (net, _) = trainedLeftRight()
    var settings = CAMSettings()
    settings.stopProbability = 0.9
    let byProbability = net.maximizeActivation(class: 1, settings: settings)
    #expect(byProbability.stop == .confident)
    #expect(byProbability.steps < 200)
    #expect(byProbability.probability > 0.9)
    settings.objective = .logit
    let byLogit = net.maximizeActivation(class: 1, settings: settings)
    #expect(byLogit.stop == .stepCap && byLogit.steps == 200)
    #expect(CAMSettings.shapeShop.stopProbability == 0.99)
  }

  @Test func stepCapAndOneStepAtATime() {
    let (net, _) = trainedLeftRight()
    var settings = CAMSettings()
    settings.maxSteps = 7
    var ascent = CAMAscent(network: net, targetClass: 0, settings: settings)
    #expect(ascent.steps == 0 && !ascent.isFinished)
    #expect(ascent.image.allSatisfy { $0 == 0 }, "starts from zeros")
    var probabilities: [Float] = [ascent.probability]
    while ascent.step() { probabilities.append(ascent.probability) }
    #expect(ascent.steps == 7 && ascent.stop == .stepCap)
    #expect(probabilities.count == 8)
    #expect(probabilities.last! > probabilities.first!)
    let stepped = ascent.step()
    #expect(!stepped, "a finished ascent does nothing")
    #expect(ascent.steps == 7)
  }

  /// Stepping in uneven slices gives the same bits as one run (jitter draws continue).
  @Test(arguments: CAMStart.allCases)
  func slicesMatchOneRun(start: CAMStart) {
    let (net, _) = trainedLeftRight()
    var settings = CAMSettings()
    settings.start = start
    settings.maxSteps = 30
    settings.jitter = 2
    settings.seed = 9
    let whole = net.maximizeActivation(class: 1, settings: settings)
    var sliced = CAMAscent(network: net, targetClass: 1, settings: settings)
    for n in [1, 5, 2, 40] { sliced.advance(steps: n) }
    #expect(sliced.image == whole.image)
    #expect(sliced.steps == 30)
    let first = CAMAscent(network: net, targetClass: 1, settings: settings).image
    switch start {
    case .zeros: #expect(first.allSatisfy { $0 == 0 })
    case .gray: #expect(first.allSatisfy { $0 == 0.5 })
    case .noise: #expect(first.allSatisfy { $0 >= 0.4 && $0 < 0.6 } && Set(first).count > 100)
    }
  }

  @Test func regularisersChangeTheImage() {
    let (net, _) = trainedLeftRight()
    var plain = CAMSettings.shapeShop
    plain.stopProbability = nil
    plain.maxSteps = 40
    let base = net.maximizeActivation(class: 0, settings: plain).image
    var decayed = plain
    decayed.l2Decay = 0.2
    let d = net.maximizeActivation(class: 0, settings: decayed).image
    #expect(d.reduce(0, +) < base.reduce(0, +), "L2 decay pulls pixels to 0")
    var blurred = plain
    blurred.blurEvery = 1
    let b = net.maximizeActivation(class: 0, settings: blurred).image
    func roughness(_ x: [Float]) -> Float {
      var r: Float = 0
      for y in 0..<12 { for i in 0..<11 { r += abs(x[y * 12 + i + 1] - x[y * 12 + i]) } }
      return r
    }
    #expect(roughness(b) < roughness(base), "blur smooths")
    var free = plain
    free.clamp = false
    free.stepSize = 0.5
    #expect(net.maximizeActivation(class: 0, settings: free).image.contains { $0 < 0 || $0 > 1 })
  }

  @Test func similarityIsAbsolutePearson() {
    let a: [Float] = [0, 1, 2, 3, 4, 5]
    #expect(abs(CAMAscent.similarity(a, a) - 1) < 1e-6)
    #expect(abs(CAMAscent.similarity(a, a.map { 10 - 2 * $0 }) - 1) < 1e-6)
    #expect(CAMAscent.similarity(a, [Float](repeating: 3, count: 6)) == 0)
    #expect(abs(CAMAscent.similarity([1, 0, 1, 0], [1, 1, 0, 0])) < 1e-6)
    // r = cov / (σa σb) for a hand-computed pair: a = (1, 2, 3), b = (1, 3, 2) → r = 0.5.
    #expect(abs(CAMAscent.similarity([1, 2, 3], [1, 3, 2]) - 0.5) < 1e-6)
  }

  @Test func settingsProblems() {
    var s = CAMSettings()
    #expect(s.problem == nil)
    s.jitter = 9
    #expect(s.problem?.contains("jitter") == true)
    s = CAMSettings()
    s.stepSize = 0
    #expect(s.problem?.contains("stepSize") == true)
    s = CAMSettings()
    s.maxSteps = 0
    #expect(s.problem?.contains("maxSteps") == true)
  }
}
