import ImmediateUI
import Testing

@testable import Visualization

/// Every learner tells the colours apart: the class palette and the diverging scales under
/// simulated protanopia, deuteranopia and tritanopia (Machado 2009, severity 1) and normal vision.
@Suite struct ColorVisionTests {
  /// The smallest ΔE between any two of `colors` for `viewer`, and the pair.
  func smallest(_ colors: [Color], _ viewer: ColorVision) -> (Double, Int, Int) {
    var best = (Double.infinity, 0, 0)
    for i in colors.indices {
      for j in colors.indices where j > i {
        let d = viewer.difference(colors[i], colors[j])
        if d < best.0 { best = (d, i, j) }
      }
    }
    return best
  }

  @Test func theSimulationMatchesKnownValues() {
    // Known confusions: protanopes see blue and purple alike, deuteranopes orange and olive
    // (the old Tableau palette's classes 2 and 4, and 1 and 8), while normal vision tells them apart.
    let blue = Color(rgb: 0x0877BD)
    let purple = Color(rgb: 0x9467BD)
    let orange = Color(rgb: 0xF59322)
    let olive = Color(rgb: 0xBCBD22)
    #expect(ColorVision.protanopia.difference(blue, purple) < 5)
    #expect(ColorVision.normal.difference(blue, purple) > 25)
    #expect(ColorVision.deuteranopia.difference(orange, olive) < 5)
    #expect(ColorVision.normal.difference(orange, olive) > 25)
    #expect(ColorVision.tritanopia.difference(orange, olive) > 15)
    // White stays white for every viewer (each matrix row sums to 1).
    for v in ColorVision.allCases {
      #expect(v.difference(Color(rgb: 0xFFFFFF), Color(rgb: 0xFFFFFF)) < 1e-9)
      #expect(abs(ColorVision.lab(v.simulate(Color(rgb: 0xFFFFFF))).l - 100) < 0.01)
    }
  }

  @Test func classColoursStayApartForEveryViewer() {
    let hues = ClassPalette.standard.hues
    for viewer in ColorVision.allCases {
      for k in 3...hues.count {
        let (d, i, j) = smallest(Array(hues[0..<k]), viewer)
        let floor: Double = k <= 7 ? 20 : 14
        #expect(d >= floor, "\(viewer), \(k) classes: \(ClassPalette.names[i]) and \(ClassPalette.names[j]) differ by ΔE \(d)")
      }
      // Every class stands out from the heatmap's "no preference" colour it blends from.
      for (c, hue) in hues.enumerated() {
        let d = viewer.difference(hue, ClassPalette.standard.neutral)
        #expect(d >= 15, "\(viewer): \(ClassPalette.names[c]) is ΔE \(d) from the neutral")
      }
    }
  }

  @Test func divergingScalesStayApartForEveryViewer() {
    for scale in [ColorScale.playground, FilterImage.scale] {
      for viewer in ColorVision.allCases {
        let ends = [scale.negative, scale.neutral, scale.positive]
        let (d, _, _) = smallest(ends, viewer)
        #expect(d >= 40, "\(viewer): the scale's ends and middle differ by ΔE \(d)")
        // Half-strength values of either sign also differ clearly.
        let half = viewer.difference(scale.continuousColor(for: -0.5), scale.continuousColor(for: 0.5))
        #expect(half >= 30, "\(viewer): −0.5 and +0.5 differ by ΔE \(half)")
      }
    }
  }

  @Test func everyHueHasAName() {
    #expect(ClassPalette.names.count == ClassPalette.standard.hues.count)
  }
}
