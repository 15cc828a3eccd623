/// A set of examples ready for the engine: each input row padded to whole chunks of eight lanes.
///
/// Targets are class indices (0, 1, 2, … as Float) for classification and values for regression.
/// For the binary tanh output, class 1 means +1 and class 0 means −1.
public struct Samples: Sendable, Equatable {
  /// Number of examples.
  public let count: Int
  /// Input features per example.
  public let featureCount: Int
  /// Chunks of eight lanes per row.
  let chunksPerRow: Int
  /// Rows, padded with zeros.
  var rows: [Lanes]
  /// One target per example.
  public let targets: [Float]

  /// Builds samples from a row-major `targets.count × featureCount` matrix.
  public init(features: [Float], featureCount: Int, targets: [Float]) {
    precondition(featureCount >= 1, "samples need at least one feature")
    precondition(features.count == featureCount * targets.count, "features do not match targets")
    count = targets.count
    self.featureCount = featureCount
    chunksPerRow = (featureCount + 7) / 8
    self.targets = targets
    var rows = [Lanes](repeating: Lanes(repeating: 0), count: count * chunksPerRow)
    for n in 0..<count {
      for f in 0..<featureCount {
        rows[n * chunksPerRow + f / 8][f % 8] = features[n * featureCount + f]
      }
    }
    self.rows = rows
  }

  /// Feature `f` of example `n`.
  public func feature(_ n: Int, _ f: Int) -> Float {
    rows[n * chunksPerRow + f / 8][f % 8]
  }
}
