import Datasets
import Engine
import ImmediateUI
import Training
import Visualization

extension Experiment {
  /// The network's output over `grid` as a field the heatmaps paint (row 0 at the top), for the
  /// window and `--png` alike; a regression's colours span `regressionRange`.
  public func outputField(
    on grid: InputGrid, outputs: NeuronOutputs? = nil, regressionRange: ClosedRange<Float> = -1...1
  ) -> OutputField {
    let all = outputs ?? network.evaluateAll(grid.samples)
    let last = all.widths.count - 1
    switch network.shape.output {
    case .binaryTanh:
      return .binary(all.map(layer: last, neuron: 0))
    case .regression:
      return .regression(all.map(layer: last, neuron: 0), range: regressionRange)
    case .softmax(let k):
      var probabilities = [Float](repeating: 0, count: all.pointCount * k)
      for j in 0..<k {
        let map = all.map(layer: last, neuron: j)
        for p in 0..<all.pointCount { probabilities[p * k + j] = map[p] }
      }
      return .multiClass(probabilities: probabilities, classCount: k)
    }
  }

  /// The range of a regression's targets (the window's colour scale); −1…1 for classification.
  public var targetRange: ClosedRange<Float> {
    guard classCount == 0 else { return -1...1 }
    let labels = (train + test).map { Float($0.label) }
    let lo = labels.min() ?? -1
    let hi = labels.max() ?? 1
    return lo < hi ? lo...hi : (lo - 1)...(hi + 1)
  }

  /// Every point for plotting: training points, then test points.
  public var plotPoints: [PlotPoint] {
    let regression = classCount == 0
    func plot(_ p: DataPoint, test: Bool) -> PlotPoint {
      PlotPoint(x: p.x, y: p.y, classIndex: regression ? -1 : Int(p.label), value: p.label, isTest: test)
    }
    return train.map { plot($0, test: false) } + test.map { plot($0, test: true) }
  }

  /// The decision boundary with the points, as `playground train --png` writes it.
  public func boundaryImage(size: Int = 600, gridSize: Int = 100) -> Raster {
    let grid = InputGrid(size: gridSize, features: config.features)
    return BoundaryImage.render(
      outputField(on: grid), gridSize: gridSize, points: plotPoints, size: size,
      discretize: config.discretize, showTest: true, smooth: true)
  }
}
