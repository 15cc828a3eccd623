import Testing

@testable import Engine

/// The optional priors of the class pictures: several starts, jitter samples, a coarse octave,
/// total variation and centring. Off by default, so the default pictures are unchanged.
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
      { $0.tvWeight = -1 }, { $0.centerEvery = -2 },
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
}
