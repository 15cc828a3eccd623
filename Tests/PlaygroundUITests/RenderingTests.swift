import ImmediateUI
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI
import Training

@Suite struct RenderingTests {
  @Test func outputRasterChangesAfterTraining() throws {
    let h = try ViewHarness()
    h.frame()
    let before = try #require(h.image(in: h.layout.plot))
    #expect(before.raster.width >= 100)
    reduce(&h.state, .train(epochs: 20))
    h.frame()
    let after = try #require(h.image(in: h.layout.plot))
    #expect(after.key == before.key)
    #expect(after.raster != before.raster)
  }

  @Test func neuronTilesFollowTheNetwork() throws {
    let h = try ViewHarness()
    h.frame()
    let tile = h.layout.hiddenLayers[0].tiles[0]
    let before = try #require(h.image(in: tile))
    reduce(&h.state, .setWeight(layer: 0, from: 0, to: 0, value: 3))
    h.frame()
    let after = try #require(h.image(in: tile))
    #expect(after.raster != before.raster)
  }

  @Test func imageKeysAreStableAndDistinct() throws {
    let h = try ViewHarness()
    func keys() -> [Int] {
      h.lastList.commands.compactMap { if case .image(_, _, _, let key) = $0 { key } else { nil } }
    }
    h.frame()
    let first = keys()
    h.frame()
    #expect(keys() == first)
    #expect(Set(first).count == first.count)
    // Thumbnails, seven features, 4 + 2 hidden tiles, the output tile, the big output and the
    // links layer.
    #expect(first.count == 6 + 7 + 6 + 1 + 1 + 1)
  }

  @Test func focusedNeuronFillsTheOutput() throws {
    let h = try ViewHarness()
    h.frame()
    let output = try #require(h.image(in: h.layout.plot)).raster
    reduce(&h.state, .focusNeuron(NeuronRef(layer: 1, index: 0)))
    h.frame(UIInput(mouse: h.layout.hiddenLayers[0].tiles[0].center))
    #expect(try #require(h.image(in: h.layout.plot)).raster != output)
  }

  @Test func threeClassesAndRegressionRender() throws {
    var three = PlaygroundConfig()
    three.dataset = .blobs3
    let h3 = try ViewHarness(config: three)
    h3.frame()
    #expect(h3.layout.outputNeuronTiles.count == 3)
    #expect(h3.layout.classButtons.count == 3)
    var regression = PlaygroundConfig()
    regression.problem = .regression
    regression.dataset = .regPlane
    let hr = try ViewHarness(config: regression)
    hr.frame()
    #expect(hr.image(in: hr.layout.plot) != nil)
  }

  @Test func manyFramesOfOneStateReuseTheWork() throws {
    var config = PlaygroundConfig()
    config.hiddenLayers = [8, 8, 8, 8, 8, 8]
    config.features = [.x1, .x2, .x1sq, .x2sq, .x1x2, .sinx1, .sinx2]
    let h = try ViewHarness(config: config)
    h.frame()
    #expect(h.view.cache.evaluationCount == 1)
    for _ in 0..<5 { h.frame(UIInput(mouse: h.layout.plot.center)) }
    #expect(h.view.cache.evaluationCount == 1)
    let output = try #require(h.image(in: h.layout.plot)).raster
    // Display options re-render the picture but do not re-evaluate the network.
    reduce(&h.state, .setDiscretize(true))
    h.frame()
    #expect(h.view.cache.evaluationCount == 1)
    #expect(try #require(h.image(in: h.layout.plot)).raster != output)
    reduce(&h.state, .train(epochs: 1))
    h.frame()
    #expect(h.view.cache.evaluationCount == 2)
  }
}
