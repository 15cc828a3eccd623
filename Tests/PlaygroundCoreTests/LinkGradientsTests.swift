import Datasets
import Engine
import Testing
import _TestSupport

@testable import PlaygroundCore
@testable import Training

/// "Show gradients": the running mean of |∂L/∂w| per link is the engine's own gradient, is only
/// computed while on, and shows a deep sigmoid net's vanishing gradients.
@Suite struct LinkGradientsTests {
  /// Six hidden layers of four sigmoid neurons on the circle: the textbook vanishing gradient.
  func deepSigmoid() throws -> AppState { try AppState(config: .deepSigmoid) }

  @Test func offComputesNothingAndOnStartsFromTheEnginesGradient() throws {
    var s = try deepSigmoid()
    reduce(&s, .trainSlice(units: 2))
    #expect(s.linkGradients == nil, "off by default; training records nothing")
    reduce(&s, .showGradients(true))
    let g = try #require(s.linkGradients)
    let engine = s.experiment.network.gradient(on: s.experiment.trainSamples).weights.map { abs($0) }
    #expect(g.meanAbs == engine)
    #expect(g.samples == 1)
    // Canonical order: value(layer:from:to:) reads the same weight the engine's list holds.
    let widths = s.experiment.network.shape.widths
    #expect(g.value(layer: 0, from: 1, to: 2) == engine[2 * widths[0] + 1])
    let lastOffset = engine.count - widths[widths.count - 2] * widths[widths.count - 1]
    #expect(g.value(layer: widths.count - 2, from: 3, to: 0) == engine[lastOffset + 3])
    reduce(&s, .showGradients(false))
    #expect(s.linkGradients == nil)
  }

  @Test func eachTrainedSliceFoldsOneGradientIntoTheRunningMean() throws {
    var s = try deepSigmoid()
    reduce(&s, .showGradients(true))
    let before = try #require(s.linkGradients).meanAbs
    reduce(&s, .trainSlice(units: 3))
    let after = try #require(s.linkGradients)
    #expect(after.samples == 2)
    let fresh = s.experiment.network.gradient(on: s.experiment.trainSamples).weights.map { abs($0) }
    for k in before.indices {
      let expected = before[k] + (fresh[k] - before[k]) * LinkGradients.blend
      #expect(abs(after.meanAbs[k] - expected) <= 1e-6 * max(1, expected))
    }
    // A new network (another layer count) starts the means afresh.
    reduce(&s, .removeLayer)
    reduce(&s, .step)
    #expect(s.linkGradients?.samples == 1)
    #expect(s.linkGradients?.meanAbs.count == s.experiment.network.flatWeights.count)
  }

  @Test func aDeepSigmoidNetsFirstLayerGetsFarSmallerGradientsThanItsLast() throws {
    var s = try deepSigmoid()
    reduce(&s, .showGradients(true))
    for _ in 0..<5 { reduce(&s, .trainSlice(units: 2)) }
    let g = try #require(s.linkGradients)
    let first = g.layerMean(0)
    let last = g.layerMean(s.experiment.network.layerCount - 1)
    #expect(first > 0)
    #expect(first < last / 100, "first \(first), last \(last)")
    // Layer by layer toward the input, the mean does not grow back past the output's.
    for l in 0..<(s.experiment.network.layerCount - 1) { #expect(g.layerMean(l) < last) }
  }
}
