import PlaygroundCore
import Yams

/// A step's `explain:` key: opens "Explain a step" on a training point at a stage, or closes it
/// (`explain: off`). It is applied after the step's action, so a `set` or `setWeight` before it
/// shows in the numbers; a later `train` closes it, as pressing Play does.
public enum ExplainRequest: Sendable, Equatable {
  /// `point` counts training points from 1 (as `playground explain --example`); `stage` is
  /// forward, forwardN, loss, backward, backwardN or update (N a weighted layer from 1).
  case open(point: Int, stage: String)
  /// In a CNN lesson: the step page on training image `image` (from 1) at `stage` (N a weighted
  /// layer from 1: the conv layers, then the dense layer).
  case openImage(image: Int, stage: String)
  case close
}

extension LessonParser {
  /// `explain: { point: 5, stage: backward }` or `explain: off`; in a CNN lesson
  /// `explain: { image: 5, stage: backward2 }` (the step page on a training image).
  func explainRequest(_ node: Node) throws(LessonError) -> ExplainRequest {
    if isCNN {
      let (image, stage) = try explainPlace(node, key: "image", what: "a training image")
      return .openImage(image: image, stage: stage)
    }
    if case .scalar(let s) = node {
      guard s.string == "off" else {
        throw reader.error(node, "explain is a map like { point: 5, stage: backward } or off; found '\(s.string)'")
      }
      return .close
    }
    let (point, stage) = try explainPlace(node, key: "point", what: "a training point")
    return .open(point: point, stage: stage)
  }

  /// The `{ <key>: N, stage: NAME }` map of an `explain:` step: N from 1, the stage's name.
  private func explainPlace(_ node: Node, key: String, what: String) throws(LessonError) -> (Int, String) {
    let pairs = try reader.mapping(node, "explain")
    try reader.checkKeys(pairs, allowed: [key, "stage"], in: "explain")
    var index = 1
    var stage = "forward"
    for pair in pairs {
      if pair.key == key {
        index = try reader.integer(pair.value, "explain \(key) (\(what), from 1)", in: 1...100_000)
        continue
      }
      stage = try reader.string(pair.value, "explain stage")
      // The layer range depends on the network, checked when the step runs.
      guard ExplainStage.named(stage, layerCount: 1_000) != nil else {
        throw reader.error(
          pair.value, "explain stage must be forward, forwardN, loss, backward, backwardN or update; found '\(stage)'")
      }
    }
    return (index, stage)
  }
}

extension LessonActions {
  /// Opens (or closes) the walk-through as the step asks; errors name a point or layer the lesson's
  /// network or data lacks.
  static func explain(_ request: ExplainRequest, _ state: inout AppState, at location: LessonLocation, step: Int)
    -> [LessonError]
  {
    if case .openImage(let image, let name) = request {
      return explainImage(image, stage: name, &state, at: location, step: step)
    }
    guard case .open(let point, let name) = request else {
      reduce(&state, .explain(.leave))
      return []
    }
    let count = state.experiment.train.count
    guard point <= count else {
      return [LessonError(location, step: step, "explain point \(point): there are \(count) training points")]
    }
    let layers = state.experiment.network.layerCount
    guard let stage = ExplainStage.named(name, layerCount: layers) else {
      return [LessonError(location, step: step, "explain stage \(name): the network has \(layers) weighted layers")]
    }
    reduce(&state, .explain(.enter(example: point - 1)))
    reduce(&state, .explain(.show(stage)))
    return []
  }

  /// The CNN's step page on training image `image` (from 1) at stage `name`.
  static func explainImage(_ image: Int, stage name: String, _ state: inout AppState, at location: LessonLocation, step: Int)
    -> [LessonError]
  {
    guard let cnn = state.showingCNN else { return [LessonError(location, step: step, "explain image: this is not a CNN lesson")] }
    let count = cnn.experiment.train.count
    guard image <= count else {
      return [LessonError(location, step: step, "explain image \(image): there are \(count) training images")]
    }
    guard let stage = ExplainStage.named(name, layerCount: cnn.stepLayerCount) else {
      return [LessonError(location, step: step, "explain stage \(name): the CNN has \(cnn.stepLayerCount) weighted layers (its conv layers, then the dense layer)")]
    }
    reduce(&state, .cnn(.showPage(.step)))
    reduce(&state, .cnn(.inside(.step(.pick(example: image - 1)))))
    reduce(&state, .cnn(.inside(.step(.show(stage)))))
    return []
  }
}
