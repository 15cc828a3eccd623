import Engine

/// Optimizer memory for one kind of network that a session file can carry in flat form.
protocol FlatStorableOptimizerState {
  associatedtype Net
  func flat(for network: Net) -> FlatOptimizerState
  init?(flat: FlatOptimizerState, for network: Net)
}

extension OptimizerState: FlatStorableOptimizerState {}
extension CNNOptimizerState: FlatStorableOptimizerState {}

/// A run whose learning memory (the optimizer's buffers and the dropout generator) lasts from one
/// training call to the next and goes into session files: the 2-D `Experiment` and the
/// `CNNExperiment` save and restore it by the same rules.
protocol CarriesLearningMemory {
  associatedtype Memory: FlatStorableOptimizerState
  var network: Memory.Net { get }
  var optimizerState: Memory { get set }
  var dropoutGenerator: SeededGenerator { get set }
  /// The seed of a fresh run's dropout generator.
  var learningSeed: UInt64 { get }
}

extension CarriesLearningMemory {
  /// The memory as a session file carries it; the generator only once it has left its fresh
  /// position (so plain SGD without dropout saves nothing).
  var savedLearningMemory: SavedLearningState {
    let fresh = freshDropoutGenerator(seed: learningSeed)
    return SavedLearningState(
      optimizer: optimizerState.flat(for: network),
      dropoutGenerator: dropoutGenerator == fresh ? nil : dropoutGenerator.stateWords)
  }

  /// Puts back saved memory; false when the buffers do not fit this network or the generator's
  /// words are not a valid state (the buffers are then already in place).
  mutating func restoreLearningMemory(_ saved: SavedLearningState) -> Bool {
    guard let state = Memory(flat: saved.optimizer, for: network) else { return false }
    optimizerState = state
    if let words = saved.dropoutGenerator {
      guard let rng = SeededGenerator(stateWords: words) else { return false }
      dropoutGenerator = rng
    } else {
      dropoutGenerator = freshDropoutGenerator(seed: learningSeed)
    }
    return true
  }
}

extension Experiment: CarriesLearningMemory {
  var learningSeed: UInt64 { config.seed }
}

extension CNNExperiment: CarriesLearningMemory {
  var learningSeed: UInt64 { config.seed }
}
