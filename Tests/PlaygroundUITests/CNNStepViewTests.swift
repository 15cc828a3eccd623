import ImmediateUI
import PlaygroundCore
import Testing
import Training
import _TestSupport

@testable import PlaygroundUI

/// The CNN's "Explain a step" page: reached from the inside pages' switch, stepped with its
/// buttons and ← →, and the numbers it draws are the engine's explained step.
@Suite struct CNNStepViewTests {
  static func harness() throws -> ViewHarness {
    let h = try CNNModeTests.cnnHarness()
    h.apply([.train(epochs: 1), .pause])
    h.frame()
    let click = h.click(CNNModeTests.segment(3, of: 4, in: CNNModeTests.layout(h).insideSwitch))
    #expect(CNNModeTests.clicked(click) == [.cnn(.showPage(.step))])
    h.apply(click.actions)
    h.frame()
    return h
  }

  @Test func theSwitchOpensItPausedAndTheKeysStepThroughTheStages() throws {
    let h = try Self.harness()
    #expect(h.state.cnn?.page == .step)
    #expect(h.state.cnn?.isPlaying == false)
    #expect(h.keys([KeyPress(.right)]).actions == [.cnn(.inside(.step(.next)))], "→ is Next, not a training step")
    #expect(h.keys([KeyPress(.left)]).actions == [.cnn(.inside(.step(.back)))])
    h.apply([.cnn(.inside(.step(.next))), .cnn(.inside(.step(.next))), .cnn(.inside(.step(.next)))])
    #expect(h.state.cnn?.stepStage == .loss)
    h.apply([.cnn(.inside(.step(.pick(example: -1))))])
    #expect(h.state.cnn?.stepExample == h.state.cnn!.experiment.train.count - 1, "− from the first image wraps to the last")
  }

  @Test func itDrawsTheEnginesNumbers() throws {
    let h = try Self.harness()
    let cnn = try #require(h.state.cnn)
    let step = try #require(cnn.explainedStep)
    // The dense layer's backward stage: p, y and ∂L/∂z per class, the check's numbers in the text.
    h.apply([.cnn(.inside(.step(.show(.backward(layer: cnn.stepLayerCount)))))])
    h.frame()
    let drawn = h.texts.map(\.0)
    for k in 0..<cnn.experiment.classCount {
      #expect(drawn.contains(ExplainText.precise(step.explanation.logitGradients[k])), "∂L/∂z of class \(k)")
      #expect(drawn.contains(ExplainText.precise(step.explanation.forward.probabilities[k])), "p of class \(k)")
    }
    let check = try #require(step.checks.first { $0.layer == cnn.stepLayerCount })
    let paragraph = drawn.joined(separator: " ")
    #expect(paragraph.contains(ExplainText.precise(check.estimate)) && paragraph.contains(ExplainText.precise(check.gradient)))
    #expect(abs(check.estimate - check.gradient) <= 0.02 * abs(check.gradient) + 1e-3, "the check agrees")
    // The loss stage's −log p.
    h.apply([.cnn(.inside(.step(.show(.loss))))])
    h.frame()
    #expect(h.texts.map(\.0).joined(separator: " ").contains(ExplainText.precise(step.explanation.loss)))
  }

  @Test func clickingAMapFollowsItsFilter() throws {
    let h = try Self.harness()
    h.apply([.cnn(.inside(.step(.show(.forward(layer: 1)))))])
    h.frame()
    // The grid's third map: find it by the tooltip-bearing regions' order (maps are laid row by row).
    let area = CNNModeTests.layout(h).stepArea
    #expect(area.width > 0)
    var followed: [Action] = []
    for y in stride(from: area.maxY - 4, to: area.midY, by: -6) where followed.isEmpty {
      for x in stride(from: area.x + 4, to: area.maxX, by: 6) {
        let actions = h.click(Point(x, y)).actions
        if case .cnn(.inside(.step(.follow(layer: 1, _)))) = actions.first { followed = actions; break }
      }
    }
    let action = try #require(followed.first)
    h.apply([action])
    guard case .cnn(.inside(.step(.follow(_, let filter)))) = action else { return }
    #expect(h.state.cnn?.explainedStep?.filters[0].output == filter)
  }

  @Test func hoveringAPictureGivesTheNumberUnderThePointer() throws {
    let h = try Self.harness()
    h.apply([.cnn(.inside(.step(.show(.forward(layer: 1)))))])
    h.frame()
    // The third picture is the followed filter's map after ReLU.
    var tile: Rect?
    for command in h.lastList.commands {
      if case .image(_, let r, _, let key) = command, key == textureKey("cnn.step.detail.2") { tile = r }
    }
    let r = try #require(tile)
    let step = try #require(h.state.cnn?.explainedStep)
    let map = step.explanation.forward.featureMap(stage: 0, channel: step.filters[0].output)
    // Column 15, row 10 of the 28×28 map.
    let point = Point(r.x + (14.5 / 28) * r.width, r.y + (9.5 / 28) * r.height)
    for _ in 0..<40 { h.frame(UIInput(mouse: point)) }
    let expected = "(15, 10): " + ExplainText.precise(map[9 * 28 + 14])
    #expect(h.texts.map(\.0).contains(expected), "\(expected) in \(h.texts.map(\.0).suffix(3))")
  }
}
