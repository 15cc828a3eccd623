import Datasets
import Engine

/// The input plane sampled on an n×n grid, as engine samples for every-neuron evaluation.
///
/// Point p = row·n + column sits at the centre of its cell: x = −6 + (column + ½)·12/n and
/// y = +6 − (row + ½)·12/n, so row 0 is the top of the plot (as the heatmaps draw it).
public struct InputGrid: Sendable {
  public let size: Int
  public let features: [Feature]
  public let samples: Samples
  public static let domain: ClosedRange<Double> = -6...6

  public init(size: Int, features: [Feature]) {
    self.size = size
    self.features = features
    let step = (InputGrid.domain.upperBound - InputGrid.domain.lowerBound) / Double(size)
    var points: [DataPoint] = []
    points.reserveCapacity(size * size)
    for row in 0..<size {
      let y = InputGrid.domain.upperBound - (Double(row) + 0.5) * step
      for column in 0..<size {
        points.append(DataPoint(x: InputGrid.domain.lowerBound + (Double(column) + 0.5) * step, y: y, label: 0))
      }
    }
    samples = Samples(
      features: featureRows(points, features: features), featureCount: features.count,
      targets: [Float](repeating: 0, count: points.count))
  }
}
