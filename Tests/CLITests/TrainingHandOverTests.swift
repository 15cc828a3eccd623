import Engine
import Foundation
import PlaygroundCore
import Testing

@testable import playground

/// The window's frames never wait for a long slice; what the learner did waits for the state.
@Suite struct TrainingHandOverTests {
  @Test func clicksDuringALongSliceAllLandAfterIt() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .play)
    let handOver = TrainingHandOver(waitMilliseconds: 0)
    defer { handOver.shutDown() }
    let filters = try #require(state.cnn?.config.convLayers[0])
    // The worker trains for 300 ms (many frames): the frames go on with the state they have.
    _ = handOver.begin(&state, training: true, limit: nil, deadline: FramePacer.now() + 0.3)
    for _ in 0..<3 { handOver.end(&state, actions: [.cnn(.addFilter(layer: 0))], stopNow: false) }
    #expect(handOver.isBusy)
    #expect(handOver.queued.count == 3)
    #expect(state.cnn?.config.convLayers[0] == filters, "the actions wait for the trained state")
    handOver.settle(&state)
    #expect(!handOver.isBusy && handOver.queued.isEmpty)
    #expect(state.cnn?.config.convLayers[0] == filters + 3, "every click landed")
  }

  @Test func queuedActionsFollowTheTrainingAsOneThreadWould() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .play)
    let start = state
    let handOver = TrainingHandOver(waitMilliseconds: 0)
    defer { handOver.shutDown() }
    _ = handOver.begin(&state, training: true, limit: 25, deadline: FramePacer.now() + 5)
    handOver.end(&state, actions: [.setLearningRate(0.1)], stopNow: false)
    handOver.end(&state, actions: [.setBatchSize(5)], stopNow: false)
    // Let the worker reach its limit (settling would stop it early), collecting as frames do.
    while handOver.isBusy {
      Thread.sleep(forTimeInterval: 0.01)
      handOver.end(&state, actions: [], stopNow: false)
    }
    // One thread: the 25 mini-batches, then the two changes, in order.
    var reference = start
    reduce(&reference, .trainSlice(units: 25))
    reduce(&reference, .setLearningRate(0.1))
    reduce(&reference, .setBatchSize(5))
    let trained = try #require(state.cnn)
    let expected = try #require(reference.cnn)
    #expect(trained.config == expected.config)
    #expect(trained.experiment.network.checksum == expected.experiment.network.checksum)
  }
}
