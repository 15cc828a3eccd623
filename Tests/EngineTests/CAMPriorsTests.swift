import Testing

@testable import Engine

/// The priors of the class pictures: fading edges (on by default), and the optional several starts,
/// jitter samples, a coarse octave, total variation and centring (off by default).
@Suite struct CAMPriorsTests {
  @Test func everyPriorStillClimbsAndStaysInRange() {
    let (net, _) = trainedLeftRight()
    var variants: [CAMSettings] = []
    for change in [
      { (s: inout CAMSettings) in s.starts = 3 }, { $0.jitterSamples = 3 }, { $0.coarseSteps = 50 },
      { $0.tvWeight = 0.5 }, { $0.centerEvery = 10 },
    ] {
      var s = CAMSettings()
      s.maxSteps = 60
      change(&s)
      variants.append(s)
    }
    for s in variants {
      let a = net.maximizeActivation(class: 1, settings: s)
      #expect(a.stop == .stepCap && a.steps == 60)
      // Centring moves the picture to the middle, which is wrong for these classes (left half lit
      // against right half lit): where the brightness is, is the class. Only the others must climb.
      if s.centerEvery == 0 { #expect(a.probability > 0.9, "\(s)") }
      #expect(a.image.allSatisfy { $0 >= 0 && $0 <= 1 })
      #expect(a.probabilities == net.probabilities(image: a.image))
      #expect(net.maximizeActivation(class: 1, settings: s).image == a.image, "deterministic")
    }
  }

  /// With several starts the picture is the start whose class wins by the widest margin.
  @Test func severalStartsKeepTheClearestWinner() {
    let (net, _) = trainedLeftRight()
    var one = CAMSettings()
    one.maxSteps = 40
    var three = one
    three.starts = 3
    let a = net.maximizeActivation(class: 0, settings: one)
    let b = net.maximizeActivation(class: 0, settings: three)
    func margin(_ image: [Float]) -> Float {
      let z = net.activations(image: image).logits
      return z[0] - z[1]
    }
    #expect(margin(b.image) >= margin(a.image) || b.image == a.image)
  }

  @Test func outOfRangePriorsAreRefused() {
    for change in [
      { (s: inout CAMSettings) in s.starts = 0 }, { $0.jitterSamples = 17 }, { $0.coarseSteps = -1 },
      { $0.tvWeight = -1 }, { $0.centerEvery = -2 }, { $0.edgeFade = -0.1 }, { $0.edgeFade = 1.5 },
    ] {
      var s = CAMSettings()
      change(&s)
      #expect(s.problem != nil)
      #expect(CAMAscent(network: trainedLeftRight().0, targetClass: 0, settings: s).stop == .invalidSettings)
    }
  }

  @Test func centringMovesTheBrightCentreToTheMiddle() {
    var image = [Float](repeating: 0, count: 12 * 12)
    image[2 * 12 + 1] = 1  // a bright pixel near the top-left corner
    var scratch = image
    CAMPriors.center(&image, scratch: &scratch, width: 12, height: 12)
    #expect(image.firstIndex(of: 1) == 6 * 12 + 6 || image.firstIndex(of: 1) == 5 * 12 + 5)
    var half = (0..<16).map(Float.init)
    CAMPriors.halfResolution(&half, width: 4, height: 4)
    #expect(half == [2.5, 2.5, 4.5, 4.5, 2.5, 2.5, 4.5, 4.5, 10.5, 10.5, 12.5, 12.5, 10.5, 10.5, 12.5, 12.5])
  }

  /// The middle disc keeps its pixels, the fade grows with the distance from the centre, and the
  /// corners lose `strength` of their brightness each time.
  @Test func fadingEdgesSpareTheMiddle() {
    var image = [Float](repeating: 1, count: 28 * 28)
    CAMPriors.fadeEdges(&image, width: 28, height: 28, strength: 0.3)
    #expect(image[13 * 28 + 13] == 1 && image[14 * 28 + 8] == 1, "within 7 pixels of the centre")
    #expect(abs(image[0] - 0.7) < 1e-6 && abs(image[27 * 28 + 27] - 0.7) < 1e-6, "corners")
    #expect(abs(image[13 * 28 + 0] - 0.7) < 1e-6, "13.5 pixels out: fully faded")
    let row = (14...27).map { image[13 * 28 + $0] }
    #expect(zip(row, row.dropFirst()).allSatisfy { $0 >= $1 }, "never brighter farther out")
    #expect(row.contains { $0 < 1 && $0 > 0.7 }, "a ramp between")
    var off = [Float](repeating: 0.5, count: 12 * 12)
    CAMPriors.fadeEdges(&off, width: 12, height: 12, strength: 0)
    #expect(off.allSatisfy { $0 == 0.5 })
    #expect(CAMSettings().edgeFade == 0.3 && CAMSettings.shapeShop.edgeFade == 0)
  }
}
