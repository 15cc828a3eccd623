import Datasets
import Engine

extension Experiment {
  /// Adds a learner's point to the training set; the network keeps its weights.
  public mutating func addPoint(_ point: DataPoint) {
    customPoints.append(point)
    train.append(point)
    trainSamples = Experiment.samples(train, config.features)
  }

  /// Removes the training or test point nearest to (x, y) within `radius`; true if one was removed.
  @discardableResult
  public mutating func removeNearestPoint(x: Double, y: Double, radius: Double = 0.6) -> Bool {
    func nearest(_ points: [DataPoint]) -> (Int, Double)? {
      var best: (Int, Double)?
      for (i, p) in points.enumerated() {
        let d = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
        if d <= radius * radius && d < (best?.1 ?? .infinity) { best = (i, d) }
      }
      return best
    }
    let inTrain = nearest(train)
    let inTest = nearest(test)
    let removed: DataPoint
    if let a = inTrain, a.1 <= (inTest?.1 ?? .infinity) {
      removed = train.remove(at: a.0)
      trainSamples = Experiment.samples(train, config.features)
    } else if let b = inTest {
      removed = test.remove(at: b.0)
      testSamples = Experiment.samples(test, config.features)
    } else {
      return false
    }
    if let i = customPoints.firstIndex(of: removed) { customPoints.remove(at: i) }
    return true
  }
}
