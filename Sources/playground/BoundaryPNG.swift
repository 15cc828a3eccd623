import Foundation
import PlaygroundCore

/// Writes the decision boundary of an experiment as a PNG (filled in once Visualization lands).
enum BoundaryPNG {
  static func write(experiment: Experiment, to path: String) throws {
    throw UsageError(message: "--png is not available yet")
  }
}
