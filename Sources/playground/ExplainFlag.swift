import ArgumentParser
import PlaygroundCore

/// The window's hidden `--explain N [--explain-stage NAME]`: "Explain a step" opened for a
/// screenshot or a layout check, after the --epochs the picture asks for.
enum ExplainFlag {
  static func open(_ state: inout AppState, example: Int, stage: String?, epochs: inout Int) throws {
    if epochs > 0 { reduce(&state, .train(epochs: epochs)) }
    epochs = 0
    if let cnn = state.showingCNN {
      try openCNN(&state, cnn, example: example, stage: stage)
      return
    }
    let count = state.experiment.train.count
    guard example >= 1 && example <= count else {
      throw UsageError(message: "--explain must be from 1 to \(count) (the training points), got \(example)")
    }
    reduce(&state, .explain(.enter(example: example - 1)))
    guard let stage else { return }
    guard let chosen = ExplainStage.named(stage, layerCount: state.experiment.network.layerCount) else {
      throw UsageError(
        message: "--explain-stage must be forward[N], loss, backward[N] or update (N a weighted layer from 1), got '\(stage)'")
    }
    reduce(&state, .explain(.show(chosen)))
  }

  /// The CNN's step page on training image `example` (1-based) at `stage`.
  private static func openCNN(_ state: inout AppState, _ cnn: CNNAppState, example: Int, stage: String?) throws {
    let count = cnn.experiment.train.count
    guard example >= 1 && example <= count else {
      throw UsageError(message: "--explain must be from 1 to \(count) (the training images), got \(example)")
    }
    reduce(&state, .cnn(.showPage(.step)))
    reduce(&state, .cnn(.inside(.step(.pick(example: example - 1)))))
    guard let stage else { return }
    guard let chosen = ExplainStage.named(stage, layerCount: cnn.stepLayerCount) else {
      throw UsageError(
        message: "--explain-stage must be forward[N], loss, backward[N] or update (N a weighted layer from 1: the conv layers, then the dense layer), got '\(stage)'")
    }
    reduce(&state, .cnn(.inside(.step(.show(chosen)))))
  }
}
