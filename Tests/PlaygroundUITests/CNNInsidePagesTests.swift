import Datasets
import Engine
import ImmediateUI
import PlaygroundCore
import Testing
import _TestSupport

@testable import PlaygroundUI

/// The attack, units and embedding pages: reached by a click, and every number and picture they
/// show is the engine's own.
@Suite struct CNNInsidePagesTests {
  static func harness(page: CNNPage) throws -> ViewHarness {
    let h = try CNNModeTests.cnnHarness()
    h.apply([.train(epochs: 1), .pause])
    h.frame()
    let l = CNNModeTests.layout(h)
    let i = [CNNPage.attack, .units, .embedding, .step].firstIndex(of: page)!
    let click = h.click(CNNModeTests.segment(i, of: 4, in: l.insideSwitch))
    #expect(CNNModeTests.clicked(click) == [.cnn(.showPage(page))])
    h.apply(click.actions)
    #expect(h.state.cnn?.page == page)
    return h
  }

  @Test func theAttackPageShowsTheEnginesAttack() throws {
    let h = try Self.harness(page: .attack)
    h.frame()
    let cnn = try #require(h.state.cnn)
    let shown = try #require(h.view.insideCache.attack)
    #expect(shown == cnn.experiment.network.attack(image: cnn.inspectedImage, settings: cnn.shownAttack))
    #expect(shown.linfDistance <= cnn.shownAttack.epsilon)
    // PGD, then "Find smallest ε".
    let l = CNNModeTests.layout(h).inside
    let pgd = h.click(CNNModeTests.segment(1, of: 2, in: l.attackMethod))
    var expected = cnn.shownAttack
    expected.method = .pgd
    #expect(CNNModeTests.clicked(pgd) == [.cnn(.inside(.setAttack(expected)))])
    h.apply(pgd.actions)
    let find = h.click(l.searchButton.center)
    #expect(CNNModeTests.clicked(find) == [.cnn(.inside(.findSmallestEpsilon))])
    h.apply(find.actions)
    h.frame()
    let after = try #require(h.state.cnn)
    #expect(after.currentSearch?.epsilon == after.inside.attack.epsilon)
    #expect(h.view.insideCache.attack?.fools == true, "at the smallest fooling ε the page shows a fooled network")
  }

  @Test func theUnitsPageGrowsEachUnitsPictureAndItsTopNine() throws {
    let h = try Self.harness(page: .units)
    let cnn = try #require(h.state.cnn)
    h.view.settleInsidePage(h.state)
    let cache = h.view.insideCache
    #expect(cache.unitPictures.count == 8, "layer 1 has 8 filters")
    for (i, picture) in cache.unitPictures.enumerated() {
      let p = try #require(picture)
      let best = cnn.experiment.network.maximizeUnit(CNNUnit(layer: 1, unit: i), settings: cnn.unitSettings)
      #expect(p.image == best.image && p.activation == best.activation)
    }
    let top = cnn.experiment.network.topImages(CNNUnit(layer: 1, unit: 0), samples: cnn.experiment.testSamples)
    #expect(cache.top.map(\.index) == top)
    // A click on unit 3 selects it; a click on a top image inspects it.
    h.frame()
    let l = CNNModeTests.layout(h).inside
    let unit = h.click(l.unitTiles[2].center)
    #expect(CNNModeTests.clicked(unit) == [.cnn(.inside(.selectUnit(2)))])
    let image = h.click(l.topTiles[0].center)
    #expect(CNNModeTests.clicked(image) == [.cnn(.selectTestImage(top[0]))])
  }

  @Test func theEmbeddingShowsTheEnginesProjectionAndSilhouette() throws {
    let h = try Self.harness(page: .embedding)
    let cnn = try #require(h.state.cnn)
    h.view.settleInsidePage(h.state)
    let cache = h.view.insideCache
    let activations = cnn.experiment.network.layerActivations(cnn.experiment.testSamples, layer: 3)
    #expect(cache.points == Embedding.pca(activations), "gathered 50 images a frame, the same numbers")
    #expect(cache.silhouette == Embedding.silhouette(activations, labels: cnn.experiment.testSamples.labels))
    // t-SNE of layer 2, seeded by the run's seed, as `playground embed --method tsne` makes it.
    h.apply([.cnn(.inside(.setEmbedding(layer: 2, method: .tsne)))])
    h.view.settleInsidePage(h.state)
    var settings = TSNESettings()
    settings.seed = cnn.config.seed
    let layer2 = cnn.experiment.network.layerActivations(cnn.experiment.testSamples, layer: 2)
    #expect(h.view.insideCache.points == Embedding.tsne(layer2, settings: settings))
  }

  @Test func whileTrainingTheEmbeddingKeepsDrawingWithoutStalling() throws {
    let h = try Self.harness(page: .embedding)
    h.apply([.cnn(.inside(.setEmbedding(layer: 3, method: .tsne))), .play])
    // Each frame does a slice: the first frames gather activations, then the map moves.
    var moved = 0
    var last = h.view.insideCache.points
    for _ in 0..<60 {
      h.apply(h.frame().actions + [.trainSlice(units: 5)])
      if h.view.insideCache.points != last { moved += 1 }
      last = h.view.insideCache.points
    }
    #expect(moved > 10, "the map moves over many frames, not in one: \(moved)")
  }
}
