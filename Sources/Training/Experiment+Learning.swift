import Engine

extension Experiment {
  /// Trains `epochs` epochs from `epoch` with the schedule's rate for each (one engine call when
  /// the rate is constant), carrying the optimizer's state and the dropout generator.
  mutating func trainWithSchedule(epochs: Int) -> TrainingReport {
    var options = trainingOptions
    var report = TrainingReport(epochs: 0, divergence: nil)
    if config.lrSchedule == .constant {
      report = network.train(
        epochs: epochs, on: trainSamples, options: options, state: &optimizerState,
        dropoutGenerator: &dropoutGenerator)
    } else {
      for e in 0..<epochs {
        options.learningRate = Float(config.learningSettings.learningRate(base: config.learningRate, epoch: epoch + e))
        let one = network.train(
          epochs: 1, on: trainSamples, options: options, state: &optimizerState,
          dropoutGenerator: &dropoutGenerator)
        report.epochs += one.epochs
        if let reason = one.divergence {
          report.divergence = reason.replacingOccurrences(epoch: 1, with: e + 1)
          break
        }
      }
    }
    return report
  }

  /// The optimizer's state and the dropout generator as a session file carries them (empty for
  /// plain SGD without dropout and a fresh generator).
  public var learningState: SavedLearningState {
    let fresh = freshDropoutGenerator(seed: config.seed)
    return SavedLearningState(
      optimizer: optimizerState.flat(for: network),
      dropoutGenerator: dropoutGenerator == fresh ? nil : dropoutGenerator.stateWords)
  }

  /// Puts back a saved `learningState`; false when it does not fit this network.
  @discardableResult
  package mutating func restoreLearning(_ saved: SavedLearningState) -> Bool {
    guard let state = OptimizerState(flat: saved.optimizer, for: network) else { return false }
    optimizerState = state
    if let words = saved.dropoutGenerator {
      guard let rng = SeededGenerator(stateWords: words) else { return false }
      dropoutGenerator = rng
    } else {
      dropoutGenerator = freshDropoutGenerator(seed: config.seed)
    }
    return true
  }
}

extension String {
  /// The divergence message of a one-epoch call, renumbered to the epoch of the whole call.
  fileprivate func replacingOccurrences(epoch old: Int, with new: Int) -> String {
    self == "a weight became NaN or infinite during epoch \(old)"
      ? "a weight became NaN or infinite during epoch \(new)" : self
  }
}
