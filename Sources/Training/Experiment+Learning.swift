import Datasets
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
  public var learningState: SavedLearningState { savedLearningMemory }

  /// Puts back a saved `learningState`; false when it does not fit this network.
  @discardableResult
  package mutating func restoreLearning(_ saved: SavedLearningState) -> Bool { restoreLearningMemory(saved) }
}

extension String {
  /// The divergence message of a one-epoch call, renumbered to the epoch of the whole call.
  fileprivate func replacingOccurrences(epoch old: Int, with new: Int) -> String {
    self == "a weight became NaN or infinite during epoch \(old)"
      ? "a weight became NaN or infinite during epoch \(new)" : self
  }
}

/// `playground explain`: one training step on one training point, explained.
public struct ExplainedStep: Sendable {
  public var explanation: StepExplanation
  /// The rate of this step (the schedule's at the current epoch).
  public var learningRate: Float
  public var weightsBefore: [Float]
  public var biasesBefore: [Float]
  /// After one update on this example alone (batch of one) with the session's optimizer, its
  /// state and the regularization; dropout is off so every number can be followed.
  public var weightsAfter: [Float]
  public var biasesAfter: [Float]
}

extension Experiment {
  /// Explains the step on training point `index` (0-based); nil when there is no such point.
  public func explainStep(example index: Int) -> ExplainedStep? {
    guard train.indices.contains(index) else { return nil }
    let point = train[index]
    let one = Experiment.samples([point], config.features)
    let row = featureRows([point], features: config.features)
    let explanation = network.explain(row: row, target: one.targets[0])
    var options = trainingOptions
    options.batchSize = 1
    options.dropout = 0
    options.learningRate = Float(config.learningSettings.learningRate(base: config.learningRate, epoch: epoch))
    var net = network
    var state = optimizerState
    var rng = dropoutGenerator
    net.train(epochs: 1, on: one, options: options, state: &state, dropoutGenerator: &rng)
    return ExplainedStep(
      explanation: explanation, learningRate: options.learningRate, weightsBefore: network.flatWeights,
      biasesBefore: network.flatBiases, weightsAfter: net.flatWeights, biasesAfter: net.flatBiases)
  }
}
