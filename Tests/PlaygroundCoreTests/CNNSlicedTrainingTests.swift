import Engine
import Testing

@testable import PlaygroundCore
import Visualization

/// The window trains CNNs a few mini-batches per frame (`.cnn(.trainBatches)`); the bits must be
/// those of whole epochs.
@Suite struct CNNSlicedTrainingTests {
  @Test func batchSlicesGiveTheBitsOfWholeEpochs() throws {
    var whole = try CNNAppStateTests.cnnState()
    var sliced = whole
    reduce(&whole, .train(epochs: 2))
    let perEpoch = try #require(sliced.cnn).experiment.batches(untilEpoch: 1)
    #expect(perEpoch > 3)
    // Uneven slices, some straddling the epoch boundary.
    let sizes = [1, 3, 7, 2, 5]
    var left = 2 * perEpoch
    var k = 0
    while left > 0 {
      let n = min(left, sizes[k % sizes.count])
      reduce(&sliced, .trainSlice(units: n))
      left -= n
      k += 1
    }
    let a = try #require(whole.cnn)
    let b = try #require(sliced.cnn)
    #expect(b.experiment.epoch == 2)
    #expect(a.experiment.network.flatParameters == b.experiment.network.flatParameters)
    #expect(a.evaluation == b.evaluation, "measured at the epoch's end, as whole epochs are")
  }

  @Test func batchesUntilAnEpochStopExactlyThere() throws {
    var state = try CNNAppStateTests.cnnState()
    let perEpoch = try #require(state.cnn).experiment.batches(untilEpoch: 1)
    reduce(&state, .trainSlice(units: 3))
    let n = try #require(state.cnn).experiment.batches(untilEpoch: 2)
    #expect(n == 2 * perEpoch - 3)
    reduce(&state, .trainSlice(units: n))
    let after = try #require(state.cnn).experiment
    #expect(after.epoch == 2)
    #expect(after.batches(untilEpoch: 2) == 0)
    #expect(after.batches(untilEpoch: 3) == perEpoch)
  }

  @Test func evaluationWaitsForTheEpochToEnd() throws {
    var state = try CNNAppStateTests.cnnState()
    let before = try #require(state.cnn)
    reduce(&state, .trainSlice(units: 2))
    let mid = try #require(state.cnn)
    #expect(mid.revision > before.revision, "the pictures follow every slice")
    #expect(mid.evaluation == before.evaluation && mid.run.history.testAccuracy.buckets == before.run.history.testAccuracy.buckets)
  }
}
