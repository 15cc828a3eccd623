import Engine

/// A dataset divided into the points the network trains on and the points it is tested on.
public struct TrainTestSplit: Equatable, Sendable {
  /// The training points.
  public var train: [DataPoint]
  /// The held-out test points.
  public var test: [DataPoint]

  /// A split with the given parts.
  public init(train: [DataPoint], test: [DataPoint]) {
    self.train = train
    self.test = test
  }
}

/// Shuffles a copy of `points` and cuts it into a train part of round(n · trainRatio / 100) points
/// and a test part of the rest.
///
/// Draw order: exactly the draws of `rng.shuffle` (Fisher–Yates from the last element down, one
/// `index(below:)` per element after the first). `trainRatio` is a percent (the playground's
/// 10...90; callers validate); the rounding is half away from zero. A ratio outside 0...100 cannot
/// trap: the cut is kept within the array.
public func splitTrainTest(_ points: [DataPoint], trainRatio: Int, rng: inout SeededGenerator)
  -> TrainTestSplit
{
  var shuffled = points
  rng.shuffle(&shuffled)
  let wanted = Int((Double(shuffled.count) * Double(trainRatio) / 100).rounded())
  let cut = min(max(wanted, 0), shuffled.count)
  return TrainTestSplit(train: Array(shuffled[..<cut]), test: Array(shuffled[cut...]))
}
