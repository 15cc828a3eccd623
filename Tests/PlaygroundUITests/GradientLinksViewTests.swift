import ImmediateUI
import PlaygroundCore
import Testing
import Training
import _TestSupport

@testable import PlaygroundUI

/// "Show gradients" in the window: the ∇ toggle gives the action, and the drawn links' widths and
/// colours follow the running mean of |∂L/∂w|.
@Suite struct GradientLinksViewTests {
  func harness() throws -> ViewHarness { try ViewHarness(config: .deepSigmoid) }

  @Test func theToggleSwitchesItOnAndOff() throws {
    let h = try harness()
    h.frame()
    let r = h.layout.gradientToggle
    #expect(r.width > 0)
    #expect(h.click(r.center).actions == [.showGradients(true)])
    h.apply([.showGradients(true)])
    h.frame()
    #expect(h.click(r.center).actions == [.showGradients(false)])
  }

  @Test func tabReachesTheToggleAndEnterSwitchesIt() throws {
    let h = try harness()
    h.frame()
    #expect(h.tab(to: h.layout.gradientToggle))
    #expect(h.keys([KeyPress(.enter)]).actions == [.showGradients(true)])
  }

  @Test func theDrawnLinksFollowTheGradientsNotTheWeights() throws {
    let h = try harness()
    h.apply([.showGradients(true), .trainSlice(units: 2)])
    let gradients = try #require(h.state.linkGradients)
    let links = PlaygroundView.gradientLinks(NetworkGeometry.links(h.state, h.layout), gradients)
    let layers = h.state.experiment.network.layerCount
    func strength(_ layer: Int) -> Float {
      let own = links.filter { if case .weight(let l, _, _) = $0.parameter { l == layer } else { false } }
      return own.map(\.weight).reduce(0, +) / Float(own.count)
    }
    #expect(strength(0) < strength(layers - 1) - 1, "first layer fainter and thinner than the last")
    // Each link's strength is its own gradient's, on the log scale.
    for link in links {
      guard case .weight(let l, let i, let j) = link.parameter else { continue }
      let g = gradients.value(layer: l, from: i, to: j)!
      #expect(link.weight == 4 * PlaygroundView.gradientStrength(g, largest: gradients.largest))
      #expect(link.tint == PlaygroundView.gradientHue)
    }
    // The colour: the faintest link is nearer the background gray than the strongest.
    let gray = Color(rgb: 0xC9CFD6)
    let faint = links.min { $0.weight < $1.weight }!.color
    let strong = links.max { $0.weight < $1.weight }!.color
    func distance(_ a: Color, _ b: Color) -> Int {
      let x = Int(a.argb), y = Int(b.argb)
      return (0..<3).map { abs(((x >> (8 * $0)) & 255) - ((y >> (8 * $0)) & 255)) }.reduce(0, +)
    }
    #expect(distance(faint, gray) < distance(strong, gray))
    #expect(PlaygroundView.gradientStrength(gradients.largest, largest: gradients.largest) == 1)
    #expect(PlaygroundView.gradientStrength(gradients.largest * 1e-5, largest: gradients.largest) == 0)
  }
}
