import Datasets
import Engine

/// `.configureCNN`: makes the CNN session match `config`. Learning rate and batch size change live
/// (the network and the training so far stay); anything else starts a new session from the seed,
/// keeping the imported classes, the learner's drawing and the drawings whose classes remain.
/// Invalid settings leave the state as it was and explain themselves in the banner.
func configureCNN(_ state: inout AppState, _ config: CNNConfig) {
  if var cnn = state.cnn {
    var live = cnn.config
    live.learningRate = config.learningRate
    live.batchSize = config.batchSize
    if live == config {
      guard config != cnn.config else { return }
      do {
        try cnn.experiment.updateLive {
          $0.learningRate = config.learningRate
          $0.batchSize = config.batchSize
        }
        state.cnn = cnn
      } catch {
        state.banner = Banner(.error, error.message)
      }
      return
    }
  }
  do {
    try config.validate()
    let old = state.cnn
    // Imported image classes stay after the shapes; drawings follow their class.
    let drawings = old?.experiment.drawings(keepingClassesFor: config.shapes) ?? []
    let imported = old?.experiment.imported ?? []
    var fresh = CNNAppState(experiment: try CNNExperiment(config: config, drawings: drawings, imported: imported))
    if let old {
      fresh.drawing = old.drawing
      fresh.inspectDrawing = old.inspectDrawing
      fresh.showSaliency = old.showSaliency
      fresh.revision = old.revision + 1
      fresh.camRevision = fresh.revision
    }
    state.cnn = fresh
    if state.mode == .cnn { state.isPlaying = false }
    state.revision += 1
  } catch {
    state.banner = Banner(.error, error.message)
  }
}
