import ArgumentParser
import PlaygroundCore

/// The window's hidden `--explain N [--explain-stage NAME]`: "Explain a step" opened for a
/// screenshot or a layout check, after the --epochs the picture asks for.
enum ExplainFlag {
  static func open(_ state: inout AppState, example: Int, stage: String?, epochs: inout Int) throws {
    guard state.mode == .dense else { throw UsageError(message: "--explain is for the 2-D playground") }
    if epochs > 0 { reduce(&state, .train(epochs: epochs)) }
    epochs = 0
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
}
