import Datasets
import Engine
import Testing
import Training

@testable import PlaygroundCore

/// The time machine: any earlier moment of a run, rebuilt from keyframes and the recorded
/// changes, has exactly the bits a fresh run driven the same way had at that moment.
@Suite struct TimelineTests {
  /// The 2-D run the tests drive: a spiral with a few live changes and edits on the way.
  static let denseScript: [(epoch: Int, action: Action)] = [
    (50, .setLearningRate(0.1)),
    (120, .setWeight(layer: 0, from: 0, to: 1, value: 0.75)),
    (120, .setBatchSize(5)),
    (200, .addPoint(x: 1.5, y: -2, label: 1)),
    (260, .setRegularization(.l2)),
    (260, .setRegularizationRate(0.001)),
  ]

  static func denseState() throws -> AppState {
    var config = PlaygroundConfig()
    config.dataset = .spiral
    config.features = [.x1, .x2, .sinx1, .sinx2]
    config.hiddenLayers = [6, 4]
    config.seed = 7
    return try AppState(config: config)
  }

  /// Drives a run to `epochs` with the script's actions, training in uneven slices as the window does.
  static func drive(_ state: inout AppState, to epochs: Int, slices: [Int] = [7, 13, 1, 29]) {
    var k = 0
    var applied: Set<Int> = []
    while state.experiment.epoch < epochs {
      let now = state.experiment.epoch
      if !applied.contains(now) {
        for step in denseScript where step.epoch == now { reduce(&state, step.action) }
        applied.insert(now)
      }
      let next = denseScript.map(\.epoch).filter { $0 > now }.min() ?? Int.max
      reduce(&state, .trainSlice(units: min(slices[k % slices.count], next - now, epochs - now)))
      k += 1
    }
  }

  /// A fresh run as training reached `epoch` (the script's actions of earlier epochs applied;
  /// those at `epoch` itself come after that moment), trained in whole epochs.
  static func fresh(to epoch: Int) throws -> AppState {
    var state = try denseState()
    for e in 0..<epoch {
      for step in denseScript where step.epoch == e { reduce(&state, step.action) }
      reduce(&state, .train(epochs: 1))
    }
    return state
  }

  @Test func seekingRebuildsTheBitsOfAFreshRun() throws {
    var state = try Self.denseState()
    Self.drive(&state, to: 400)
    let present = state.experiment.network
    // Two settings changes at one position are one event (a slider's drag is one too).
    #expect(state.dense.timeline.events.map(\.position.epoch) == [50, 120, 120, 200, 260])
    for target in [0, 1, 37, 50, 119, 120, 200, 259, 260, 333, 399] {
      reduce(&state, .seek(.epoch(target)))
      #expect(state.dense.viewing == TrainingPosition(epoch: target))
      let expected = try Self.fresh(to: target)
      #expect(state.experiment.epoch == target)
      #expect(state.experiment.network == expected.experiment.network, "epoch \(target)")
      #expect(state.experiment.config == expected.experiment.config, "epoch \(target)")
      #expect(state.experiment.train == expected.experiment.train, "epoch \(target)")
      #expect(state.evaluation == expected.evaluation, "epoch \(target)")
    }
    reduce(&state, .seek(.end))
    #expect(state.dense.viewing == nil)
    #expect(state.experiment.network == present)
  }

  @Test func keysMoveOneEpochAndJumpToTheEnds() throws {
    var state = try Self.denseState()
    reduce(&state, .train(epochs: 30))
    reduce(&state, .seek(.back))
    #expect(state.experiment.epoch == 29)
    reduce(&state, .seek(.back))
    reduce(&state, .seek(.forward))
    #expect(state.experiment.epoch == 29)
    reduce(&state, .seek(.start))
    #expect(state.experiment.epoch == 0)
    reduce(&state, .seek(.end))
    #expect(state.experiment.epoch == 30)
    #expect(state.dense.viewing == nil)
  }

  @Test func continuingFromAnEarlierMomentBranchesAndUndoBringsTheHistoryBack() throws {
    var state = try Self.denseState()
    reduce(&state, .train(epochs: 100))
    let at100 = state.experiment.network
    reduce(&state, .seek(.epoch(40)))
    reduce(&state, .setLearningRate(0.3))  // an edit while looking back continues from there
    #expect(state.dense.viewing == nil)
    #expect(state.dense.end == TrainingPosition(epoch: 40))
    #expect(state.dense.history.trainLoss.epochRange?.upperBound == 40)
    reduce(&state, .train(epochs: 10))
    var other = try Self.denseState()
    reduce(&other, .train(epochs: 40))
    reduce(&other, .setLearningRate(0.3))
    reduce(&other, .train(epochs: 10))
    #expect(state.experiment.network == other.experiment.network)
    reduce(&state, .undoBranch)
    #expect(state.experiment.epoch == 100)
    #expect(state.experiment.network == at100)
    #expect(state.dense.history.trainLoss.epochRange?.upperBound == 100)
    #expect(!state.dense.canUndoBranch)
  }

  @Test func resetCanBeUndone() throws {
    var state = try Self.denseState()
    reduce(&state, .train(epochs: 25))
    let trained = state.experiment.network
    reduce(&state, .reset)
    #expect(state.experiment.epoch == 0)
    reduce(&state, .undoBranch)
    #expect(state.experiment.epoch == 25)
    #expect(state.experiment.network == trained)
  }

  @Test func historyStaysBoundedOnALongRun() throws {
    var state = try Self.denseState()
    reduce(&state, .train(epochs: 3_000))
    let timeline = state.dense.timeline
    #expect(timeline.keyframePositions.count <= RunTimeline<Experiment>.keyframeLimit)
    #expect(timeline.keyframePositions.count >= RunTimeline<Experiment>.keyframeLimit / 2)
    #expect(timeline.spacing >= 16)
    reduce(&state, .seek(.epoch(2_999)))
    var fresh = try Self.denseState()
    reduce(&fresh, .train(epochs: 2_999))
    #expect(state.experiment.network == fresh.experiment.network)
  }

  @Test func aCNNRunSeeksToEpochsWithABatchSizeChangeMidEpoch() throws {
    var state = try CNNAppStateTests.cnnState()
    let perEpoch = try #require(state.cnn).experiment.batches(untilEpoch: 1)
    reduce(&state, .trainSlice(units: perEpoch + 3))
    reduce(&state, .setBatchSize(4))
    reduce(&state, .trainSlice(units: 3 * perEpoch))
    let end = try #require(state.cnn).run.end
    #expect(end.epoch >= 2)
    reduce(&state, .seek(.epoch(2)))
    var fresh = try CNNAppStateTests.cnnState()
    reduce(&fresh, .trainSlice(units: perEpoch + 3))
    reduce(&fresh, .setBatchSize(4))
    reduce(&fresh, .train(epochs: 1))
    let a = try #require(state.cnn).experiment
    let b = try #require(fresh.cnn).experiment
    #expect(a.epoch == 2 && b.epoch == 2)
    #expect(a.network.flatParameters == b.network.flatParameters)
    reduce(&state, .seek(.epoch(1)))
    #expect(try #require(state.cnn).experiment.config.batchSize == 10)
    reduce(&state, .seek(.epoch(3)))
    #expect(try #require(state.cnn).experiment.config.batchSize == 4, "clamped to the present")
    reduce(&state, .seek(.end))
    #expect(try #require(state.cnn).run.viewing == nil)
  }
}

/// Compare: run B starts as an exact copy of A and trains in lockstep.
@Suite struct ComparisonTests {
  @Test func bStartsAsACopyAndTrainsInLockstepWithItsOwnLearningRate() throws {
    var state = try TimelineTests.denseState()
    reduce(&state, .train(epochs: 30))
    reduce(&state, .compare(.open))
    var config = state.config
    config.learningRate = 0.1
    reduce(&state, .compare(.configureB(config)))
    #expect(state.comparedSettings.map(\.name) == ["learningRate"])
    for _ in 0..<4 { reduce(&state, .trainSlice(units: 7)) }
    reduce(&state, .step)
    let b = try #require(state.comparedState)
    // B equals a run that changed its learning rate at epoch 30; A is untouched by B.
    var other = try TimelineTests.denseState()
    reduce(&other, .train(epochs: 30))
    reduce(&other, .setLearningRate(0.1))
    reduce(&other, .train(epochs: 29))
    #expect(b.experiment.epoch == 59 && b.experiment.network == other.experiment.network)
    var plain = try TimelineTests.denseState()
    reduce(&plain, .train(epochs: 59))
    #expect(state.experiment.network == plain.experiment.network)
    // A rebuilding change makes B anew from the same seed.
    config.hiddenLayers = [3]
    reduce(&state, .compare(.configureB(config)))
    #expect(state.comparedState?.experiment.epoch == 0)
    reduce(&state, .compare(.close))
    #expect(state.comparison == nil && state.experiment.network == plain.experiment.network)
  }
}
