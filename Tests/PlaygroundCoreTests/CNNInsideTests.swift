import Datasets
import Engine
import Testing
import Training

@testable import PlaygroundCore

/// The attack, units and embedding pages' state: what their actions do to it.
@Suite struct CNNInsideTests {
  static func trained() throws -> AppState {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .train(epochs: 2))
    return state
  }

  @Test func smallestEpsilonSetsTheSliderToAnEpsilonThatFools() throws {
    var state = try Self.trained()
    let cnn = try #require(state.cnn)
    #expect(cnn.currentSearch == nil)
    reduce(&state, .cnn(.inside(.findSmallestEpsilon)))
    let after = try #require(state.cnn)
    let search = try #require(after.currentSearch)
    let epsilon = try #require(search.epsilon, "FGSM fools a 2-epoch network below ε = 1")
    #expect(after.inside.attack.epsilon == epsilon)
    let network = after.experiment.network
    var settings = after.shownAttack
    #expect(network.attack(image: after.inspectedImage, settings: settings).fools)
    settings.epsilon = epsilon - 1 / 2048
    #expect(!network.attack(image: after.inspectedImage, settings: settings).fools, "within 1/2¹² of the smallest")
    // The answer belongs to that network and image: training or another image makes it stale.
    reduce(&state, .cnn(.selectTestImage(5)))
    #expect(state.cnn?.currentSearch == nil)
    reduce(&state, .cnn(.selectTestImage(0)))
    #expect(state.cnn?.currentSearch != nil)
    reduce(&state, .step)
    #expect(state.cnn?.currentSearch == nil)
  }

  @Test func attackSettingsAreClampedAndATargetOutsideTheClassesIsDropped() throws {
    var state = try Self.trained()
    reduce(&state, .cnn(.inside(.setAttack(AttackSettings(method: .pgd, epsilon: 7, target: 3, steps: 0)))))
    let a = try #require(state.cnn?.inside.attack)
    #expect(a.epsilon == 1 && a.steps == 1 && a.method == .pgd && a.target == 3)
    reduce(&state, .cnn(.toggleClass(.cross)))
    #expect(state.cnn?.experiment.classCount == 3)
    #expect(state.cnn?.shownAttack.target == nil, "class 4 is gone: untargeted")
    #expect(state.cnn?.inside.attack.target == 3, "the choice itself stays (a class may come back)")
  }

  @Test func unitsAndEmbeddingLayersStayInsideTheNetwork() throws {
    var state = try Self.trained()
    reduce(&state, .cnn(.inside(.showUnits(layer: 9))))
    #expect(state.cnn?.shownUnitsLayer == 3, "8,16: layer 3 is the dense layer")
    reduce(&state, .cnn(.inside(.selectUnit(40))))
    #expect(state.cnn?.shownUnit == 3, "four classes: units 0…3")
    reduce(&state, .cnn(.inside(.showUnits(layer: 2))))
    #expect(state.cnn?.shownUnit == 0, "another layer starts at its first unit")
    reduce(&state, .cnn(.inside(.setEmbedding(layer: 1, method: .tsne))))
    #expect(state.cnn?.shownEmbeddingLayer == 1 && state.cnn?.inside.projection == .tsne)
    reduce(&state, .cnn(.removeConvLayer))
    #expect(state.cnn?.shownUnitsLayer == 2, "one conv layer left: 2 is now the dense layer")
    #expect(state.cnn?.inside.unitsLayer == 2)
    reduce(&state, .cnn(.inside(.setEmbedding(layer: 5, method: .pca))))
    #expect(state.cnn?.inside.embeddingLayer == nil && state.cnn?.shownEmbeddingLayer == 2, "the dense layer, whatever its number")
    reduce(&state, .cnn(.addConvLayer))
    #expect(state.cnn?.shownEmbeddingLayer == 3, "still the dense layer after a layer is added")
  }

  @Test func aRebuildKeepsThePageAndItsChoices() throws {
    var state = try Self.trained()
    reduce(&state, .cnn(.showPage(.units)))
    reduce(&state, .cnn(.inside(.showUnits(layer: 2))))
    reduce(&state, .cnn(.toggleClass(.star)))
    #expect(state.cnn?.page == .units && state.cnn?.inside.unitsLayer == 2)
  }
}
