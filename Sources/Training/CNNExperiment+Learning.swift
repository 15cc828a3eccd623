import Engine

extension CNNExperiment {
  /// Trains `batches` mini-batches from the cursor, each epoch at the schedule's rate, carrying
  /// the optimizer's state and the dropout generator. Returns why training diverged, else nil.
  mutating func trainScheduled(batches: Int) -> String? {
    var options = config.trainingOptions
    if config.lrSchedule == .constant {
      return network.train(
        batches: batches, on: trainSamples, options: options, cursor: &cursor, state: &optimizerState,
        dropoutGenerator: &dropoutGenerator)
    }
    var left = batches
    while left > 0 {
      let slice = min(left, self.batches(untilEpoch: cursor.epoch + 1))
      options.learningRate = Float(config.learningSettings.learningRate(base: config.learningRate, epoch: cursor.epoch))
      if let reason = network.train(
        batches: slice, on: trainSamples, options: options, cursor: &cursor, state: &optimizerState,
        dropoutGenerator: &dropoutGenerator)
      {
        return reason
      }
      left -= slice
    }
    return nil
  }

  /// The optimizer's state and the dropout generator as a session file carries them.
  public var learningState: SavedLearningState { savedLearningMemory }

  /// Puts back a saved `learningState`; false when it does not fit this network.
  @discardableResult
  package mutating func restoreLearning(_ saved: SavedLearningState) -> Bool { restoreLearningMemory(saved) }
}
