import Foundation
import Localization
import PlaygroundCore
import SafeIO
import SDLFrontend
import Training
import Visualization

/// Writes the decision boundary of an experiment as a PNG (heatmap and points, playground colors).
enum BoundaryPNG {
  static func write(experiment: Experiment, to path: String) throws {
    do {
      try PNGFile.save(experiment.boundaryImage(), to: path)
    } catch let problem as FileProblem {
      throw UsageError(message: "--png: \(problem)")
    } catch {
      throw UsageError(message: tr("--png: cannot write '{1}': {2}", path, error))
    }
  }
}
