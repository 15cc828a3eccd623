import Datasets
import PlaygroundCore
import Training

/// States both layout audits render.
enum AuditStates {
  /// The spiral with every feature and six hidden layers of eight, trained 5 epochs: the widest
  /// 2-D network the audits draw.
  static func deepSpiral() throws -> AppState {
    var spiral = PlaygroundConfig()
    spiral.dataset = .spiral
    spiral.features = Feature.allCases
    spiral.hiddenLayers = [8, 8, 8, 8, 8, 8]
    var deep = try AppState(config: spiral)
    reduce(&deep, .train(epochs: 5))
    return deep
  }
}
