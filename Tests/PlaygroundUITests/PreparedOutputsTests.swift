import Engine
import ImmediateUI
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

/// The window's training thread prepares the next frame's grid outputs (2-D) and mistakes
/// gallery (CNN); the pictures must be the ones the view makes itself.
@Suite struct PreparedOutputsTests {
  @Test func preparedGridOutputsDrawTheSamePictures() throws {
    let plain = try ViewHarness(config: BenchmarkConfig.c2.config)
    reduce(&plain.state, .train(epochs: 30))
    let primed = try ViewHarness(config: BenchmarkConfig.c2.config)
    primed.state = plain.state
    var preparer = OutputPreparer()
    let ready = preparer.prepare(primed.state)
    primed.view.prime(try #require(ready))
    plain.frame()
    primed.frame()
    #expect(primed.view.cache.output == plain.view.cache.output)
    #expect(primed.view.cache.tiles == plain.view.cache.tiles)
    #expect(primed.view.cache.maps == plain.view.cache.maps)
    // Outputs prepared for another state are not used.
    reduce(&primed.state, .train(epochs: 1))
    reduce(&plain.state, .train(epochs: 1))
    let stale = preparer.prepare(try AppState(config: BenchmarkConfig.c2.config))
    primed.view.prime(try #require(stale))
    plain.frame()
    primed.frame()
    #expect(primed.view.cache.output == plain.view.cache.output)
  }

  @Test func cnnMistakesArePreparedOncePerMeasurement() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .train(epochs: 1))
    var preparer = OutputPreparer()
    let first = preparer.prepare(state)
    let prepared = try #require(first)
    #expect(prepared.mistakes != nil && prepared.outputs == nil)
    let second = preparer.prepare(state)
    #expect(second == nil, "the same measurement is not prepared twice")
    let h = try ViewHarness()
    h.state = state
    h.view.prime(prepared)
    h.frame()
    let expected = try #require(state.cnn).experiment.misclassifiedTestImages(limit: h.view.cnnCache.mistakes.count)
    #expect(h.view.cnnCache.mistakes == expected)
  }
}
