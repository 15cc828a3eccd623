import ImmediateUI
import PlaygroundCore
import Testing
import Training
import Visualization
import _TestSupport

@testable import PlaygroundUI

/// "Explain a step" in the window: its button, bar, keys and plot clicks give the walk-through's
/// actions, and the numbers it draws are the engine's.
@Suite struct ExplainViewTests {
  func harness(hidden: [Int] = [3, 2]) throws -> ViewHarness {
    var config = PlaygroundConfig()
    config.hiddenLayers = hidden
    let h = try ViewHarness(config: config)
    h.apply([.train(epochs: 5)])
    return h
  }

  @Test func theButtonOpensItAndTheBarStepsAndLeaves() throws {
    let h = try harness()
    h.frame()
    let button = h.layout.explainButton
    #expect(button.width > 0)
    let opened = h.click(button.center).actions
    #expect(opened == [.explain(.enter(example: 0))])
    h.apply(opened)
    h.frame()
    let bar = try #require(h.layout.explainBar)
    #expect(h.layout.explainPanel != nil)
    #expect(h.click(bar.back.center).actions.isEmpty, "Back is off at the first stage")
    #expect(h.click(bar.next.center).actions == [.explain(.next)])
    #expect(h.keys([KeyPress(.right)]).actions == [.explain(.next)], "→ is Next, not a training step")
    #expect(h.keys([KeyPress(.left)]).actions == [.explain(.back)])
    #expect(h.keys([KeyPress(.escape)]).actions == [.explain(.leave)])
    #expect(h.click(bar.leave.center).actions == [.explain(.leave)])
    h.apply([.explain(.leave)])
    #expect(h.layout.explainBar == nil)
  }

  @Test func aClickInThePlotPicksTheNearestTrainingPoint() throws {
    let h = try harness()
    h.apply([.explain(.enter(example: 0))])
    h.frame()
    let plot = h.layout.plot
    let target = 9
    let point = h.state.experiment.train[target]
    let p = PlotTransform(width: plot.width, height: plot.height).pixel(x: point.x, y: point.y) + plot.origin
    let expected = PlaygroundView.nearestTrainingPoint(h.state, x: point.x, y: point.y)
    #expect(expected == target || h.state.experiment.train[expected!] == point)
    #expect(h.click(p).actions == [.explain(.pick(example: expected!))])
  }

  /// The tiles carry the engine's z and a (forward) and ∂L/∂a (backward), as `playground explain`
  /// computes them for the same point.
  @Test func theTilesShowTheEnginesNumbers() throws {
    let h = try harness()
    h.apply([.explain(.enter(example: 3)), .explain(.show(.loss))])
    h.frame()
    let step = try #require(h.state.experiment.explainStep(example: 3))
    let drawn = Set(h.texts.map(\.0))
    for neurons in step.explanation.layers {
      for n in neurons {
        #expect(drawn.contains("z " + ExplainText.short(n.z)), "z \(n.z)")
        #expect(drawn.contains("a " + ExplainText.short(n.a)), "a \(n.a)")
      }
    }
    for v in step.explanation.inputs { #expect(drawn.contains(ExplainText.short(v))) }
    h.apply([.explain(.show(.backward(layer: 1)))])
    h.frame()
    let back = Set(h.texts.map(\.0))
    for n in step.explanation.layers.flatMap({ $0 }) {
      #expect(back.contains(ExplainText.short(n.dLda!)), "∂L/∂a \(n.dLda!)")
    }
    #expect(ExplainText.short(-0.5) == "−0.50")
    #expect(ExplainText.short(0.0012) == "1.2e−3")
  }

  /// Hovering a link in the backward stage shows its ∂L/∂w; its stroke is the largest flow's when
  /// its gradient is the largest.
  @Test func aHoveredLinkCardsItsGradientAndLinksFlowByIt() throws {
    let h = try harness()
    h.apply([.explain(.enter(example: 3)), .explain(.show(.backward(layer: 1)))])
    h.frame()
    let x = try #require(ExplainFigures(h.state))
    let links = NetworkGeometry.links(h.state, h.layout)
    let shown = PlaygroundView.explainLinks(links, x, stage: .backward(layer: 1))
    let largest = shown.max { abs($0.weight) < abs($1.weight) }!
    #expect(abs(abs(largest.weight) - 4) < 1e-5)
    guard case .weight(let l, let i, let j) = largest.parameter else { return }
    let g = x.weight(layer: l, from: i, to: j).gradient
    #expect((largest.weight > 0) == (g > 0), "colour by sign")
    // Hover a link at a point no other link passes: its card is the tooltip.
    let lone = try #require(
      shown.first { link in shown.filter { $0.isNear(link.curve.point(at: 0.5)) }.count == 1 })
    guard case .weight(let l2, let i2, let j2) = lone.parameter else { return }
    h.frame(UIInput(mouse: lone.curve.point(at: 0.5)))
    let texts = h.texts.map(\.0)
    let card = ExplainText.linkCard(x, stage: .backward(layer: 1), layer: l2, from: i2, to: j2)
    #expect(card.hasSuffix("= " + ExplainText.precise(x.weight(layer: l2, from: i2, to: j2).gradient)))
    #expect(texts.contains { card.hasPrefix($0) && $0.count > 8 }, "\(card) in \(texts.suffix(4))")
  }

  /// Every control of the walk-through is reachable with Tab.
  @Test func tabReachesEveryControlOfTheWalkThrough() throws {
    let h = try harness()
    h.apply([.explain(.enter(example: 2)), .explain(.next)])
    h.frame()
    let bar = try #require(h.layout.explainBar)
    let panel = try #require(h.layout.explainPanel)
    for rect in [bar.back, bar.next, bar.leave, panel.previousPoint, panel.nextPoint] {
      #expect(h.tab(to: rect), "\(rect)")
    }
  }
}
