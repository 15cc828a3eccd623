import Engine
import Foundation
import ImmediateUI
import PlaygroundCore
import Testing
import Training
import _TestSupport

@testable import PlaygroundUI

/// The maths cards outside the walk-through: formulas with the run's own numbers, shown when the
/// mouse rests on a neuron tile, the loss or a top-bar control.
@Suite struct MathsCardsTests {
  func harness() throws -> ViewHarness {
    var config = PlaygroundConfig()
    config.hiddenLayers = [3, 2]
    let h = try ViewHarness(config: config)
    h.apply([.train(epochs: 4)])
    return h
  }

  /// Everything the last frame wrote, one string (a card's lines are wrapped into several texts).
  func drawn(_ h: ViewHarness) -> String { h.texts.map(\.0).joined(separator: " ") }

  @Test func aNeuronTileShowsItsWeightedSumForTrainingPointOneComputedByHand() throws {
    let h = try harness()
    let tile = try #require(h.layout.hiddenLayers.first?.tiles.first)
    h.frame(UIInput(mouse: tile.center))
    h.frame(UIInput(mouse: tile.center))
    // z = b + Σ wᵢ·xᵢ for the first hidden neuron and training point 1, by hand from the weights.
    let e = h.state.experiment
    var z = e.network.bias(layer: 0, neuron: 0)
    for i in 0..<e.config.features.count { z += e.network.weight(layer: 0, from: i, to: 0) * e.trainSamples.feature(0, i) }
    let text = drawn(h)
    #expect(text.contains("z = b + Σ wᵢ·aᵢ"), "\(text)")
    #expect(text.contains("= " + ExplainText.precise(z)), "z by hand \(z): \(text)")
    #expect(text.contains("a = tanh(z) = " + ExplainText.precise(Foundation.tanh(z))), "\(text)")
  }

  @Test func theLossCardCarriesTheMeasuredLosses() throws {
    let h = try harness()
    let card = MathsCards.loss(
      h.state.experiment.network.shape.output, train: h.state.evaluation.train.loss, test: h.state.evaluation.test.loss)
    #expect(card.contains("½(ŷ − y)²"))
    // The engine's loss over the training set, measured afresh.
    let measured = h.state.experiment.network.metrics(on: h.state.experiment.trainSamples).loss
    #expect(card.contains(ExplainText.precise(measured)))
    #expect(card.contains(ExplainText.precise(h.state.evaluation.test.loss)))
  }

  @Test func theOptimizerAndRegularizationCardsCarryTheLiveSettings() throws {
    var settings = LearningSettings()
    settings.optimizer = .adam
    let adam = MathsCards.optimizer(settings, baseRate: 0.03, epoch: 7)
    #expect(adam.contains("η = 0.03"))
    #expect(adam.contains("β₁ = 0.9") && adam.contains("β₂ = 0.999"))
    settings.optimizer = .momentum
    settings.momentum = 0.5
    #expect(MathsCards.optimizer(settings, baseRate: 0.1, epoch: 0).contains("η = 0.1,  μ = 0.5"))
    let l2 = MathsCards.regularization(.l2, rate: 0.003, learningRate: 0.03)
    #expect(l2.contains("λ·w") && l2.contains("λ = 0.003"))
    #expect(MathsCards.activation(.sigmoid).contains("σ′(z) = a·(1 − a)"))
  }

  @Test func hoveringTheLearningRateShowsTheUpdateRule() throws {
    let h = try harness()
    let r = h.layout.learningRate
    h.frame(UIInput(mouse: r.center))
    h.frame(UIInput(mouse: r.center))
    let text = drawn(h)
    #expect(text.contains("w ← w − η·g"), "\(text)")
    #expect(text.contains("η = " + ExplainText.precise(Float(h.state.config.learningRate))))
  }
}
