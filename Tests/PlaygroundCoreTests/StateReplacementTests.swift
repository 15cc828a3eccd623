import Datasets
import Engine
import Testing

@testable import PlaygroundCore
@testable import SessionKit
import Visualization

/// Whole-state changes go through `reduce`: `.restore` opens a saved session, `.replaceState`
/// returns to a held state.
@Suite struct StateReplacementTests {
  @Test func restoreActionOpensADenseSessionOrChangesNothing() throws {
    var state = try AppState(config: SessionFixtures.configs[0])
    reduce(&state, .train(epochs: 10))
    let saved = DenseSessionFile(state: state)
    reduce(&state, .selectDataset(.spiral))
    reduce(&state, .train(epochs: 3))
    let revision = state.revision
    reduce(&state, .restore(.dense2d(saved)))
    #expect(state.experiment.network.checksum == saved.weightsChecksum)
    #expect(state.config.dataset == .circle && state.experiment.epoch == 10 && state.revision > revision)
    var broken = saved
    broken.weights.removeLast()
    #expect(throws: SessionError.self) { try SessionFile.dense2d(broken).validate() }
    let before = state.experiment.network.checksum
    reduce(&state, .restore(.dense2d(broken)))
    #expect(state.experiment.network.checksum == before)
    #expect(state.banner?.kind == .error && state.banner?.text.contains("weights") == true)
  }

  @Test func restoreActionOpensACNNSessionBesideThe2DWork() throws {
    var cnnState = try AppState()
    reduce(&cnnState, .setMode(.cnn))
    reduce(&cnnState, .step)
    let session = try #require(cnnState.cnn.map { CNNSessionFile(state: $0) })
    var state = try AppState()
    reduce(&state, .train(epochs: 3))
    let dense = state.experiment.network.checksum
    try SessionFile.cnn(session).validate()
    reduce(&state, .restore(.cnn(session)))
    #expect(state.mode == .cnn && state.experiment.network.checksum == dense)
    #expect(state.cnn?.experiment.network.checksum == cnnState.cnn?.experiment.network.checksum)
  }

  @Test func replaceStateReturnsToTheHeldState() throws {
    var state = try AppState()
    reduce(&state, .train(epochs: 2))
    let held = StateSnapshot(state)
    #expect(held == held && held != StateSnapshot(state), "equal only to the same capture")
    reduce(&state, .addLayer)
    reduce(&state, .train(epochs: 5))
    reduce(&state, .replaceState(held))
    #expect(state.experiment.epoch == 2 && state.config.hiddenLayers == held.state.config.hiddenLayers)
    #expect(state.experiment.network.checksum == held.state.experiment.network.checksum)
  }
}
