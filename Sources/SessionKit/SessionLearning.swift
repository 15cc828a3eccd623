import Engine
import Localization
import Training

/// A session's optimizer state and dropout generator under `training.learning`: `first` and
/// `second` hold the optimizer's buffers in canonical parameter order (weights then biases; for a
/// CNN, `flatParameters` order) as exact floats, `step` Adam's t, `dropoutGenerator` the four
/// generator words in hex. The record is absent for plain SGD without dropout, so such files are
/// byte-identical to those of earlier releases; older files read as empty state.
struct LearningRecord: Codable {
  var first: [ExactFloat]?
  var second: [ExactFloat]?
  var step: Int?
  var dropoutGenerator: [String]?

  /// The record of `s`, or nil when there is nothing to save.
  init?(_ s: SavedLearningState) {
    guard !s.isEmpty else { return nil }
    first = s.optimizer.first.isEmpty ? nil : s.optimizer.first.map(ExactFloat.init)
    second = s.optimizer.second.isEmpty ? nil : s.optimizer.second.map(ExactFloat.init)
    step = s.optimizer.step == 0 ? nil : s.optimizer.step
    dropoutGenerator = s.dropoutGenerator?.map { String($0, radix: 16) }
  }

  /// The saved state; errors name the field under `prefix` (`dense2d` or `cnn`).
  func state(_ prefix: String) throws(SessionError) -> SavedLearningState {
    var words: [UInt64]?
    if let text = dropoutGenerator {
      let parsed = text.compactMap { UInt64($0, radix: 16) }
      guard parsed.count == 4, text.count == 4, parsed.contains(where: { $0 != 0 }) else {
        throw SessionError(tr("{1}.training.learning.dropoutGenerator must be four hex words, not all 0", prefix))
      }
      words = parsed
    }
    if let step, step < 0 {
      throw SessionError(tr("{1}.training.learning.step must be 0 or more, got {2}", prefix, step))
    }
    return SavedLearningState(
      optimizer: FlatOptimizerState(
        first: first?.map(\.value) ?? [], second: second?.map(\.value) ?? [], step: step ?? 0),
      dropoutGenerator: words)
  }
}
