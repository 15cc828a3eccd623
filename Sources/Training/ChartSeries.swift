/// A metric over training (loss, accuracy) in bounded memory, however long training runs.
///
/// Samples are gathered into buckets of `span` consecutive appends; each bucket keeps its first
/// and last epoch, the sum, count, minimum and maximum of its values. When all `capacity` buckets
/// are full, neighbouring pairs merge (sums and counts add, extremes combine) and `span` doubles,
/// so every bucket always covers the same number of samples and the total of all values is kept
/// exactly (up to Double rounding). A long run costs O(capacity) memory and O(1) amortized per
/// append.
public struct ChartSeries: Equatable, Sendable, Codable {
  /// Summary of `count` consecutive samples.
  public struct Bucket: Equatable, Sendable, Codable {
    public var firstEpoch: Int
    public var lastEpoch: Int
    public var sum: Double
    public var count: Int
    public var minimum: Float
    public var maximum: Float
    /// The most recent value in the bucket.
    public var last: Float

    /// The mean of the bucket's values.
    public var mean: Float { Float(sum / Double(count)) }

    init(epoch: Int, value: Float) {
      firstEpoch = epoch
      lastEpoch = epoch
      sum = Double(value)
      count = 1
      minimum = value
      maximum = value
      last = value
    }

    /// Equal when every field has the same bits, so a series holding NaN (a diverged run) still
    /// equals its own copy and app states compare as replay tests expect.
    public static func == (a: Bucket, b: Bucket) -> Bool {
      a.firstEpoch == b.firstEpoch && a.lastEpoch == b.lastEpoch && a.count == b.count
        && a.sum.bitPattern == b.sum.bitPattern && a.minimum.bitPattern == b.minimum.bitPattern
        && a.maximum.bitPattern == b.maximum.bitPattern && a.last.bitPattern == b.last.bitPattern
    }

    /// Folds a later bucket (or sample) into this one.
    mutating func absorb(_ later: Bucket) {
      lastEpoch = later.lastEpoch
      sum += later.sum
      count += later.count
      minimum = Swift.min(minimum, later.minimum)
      maximum = Swift.max(maximum, later.maximum)
      last = later.last
    }
  }

  /// The most points `points` ever returns (even, at least 4).
  public let capacity: Int
  /// Samples per bucket: 1 until the first merge, then doubling.
  public private(set) var span: Int = 1
  /// The buckets, oldest first; only the last may hold fewer than `span` samples.
  public internal(set) var buckets: [Bucket] = []
  /// How many values were ever appended.
  public internal(set) var appendedCount: Int = 0

  /// An empty series that keeps at most `capacity` points (rounded up to even, at least 4).
  public init(capacity: Int = 512) {
    self.capacity = max(4, capacity + capacity % 2)
  }

  /// Records `value` at `epoch` (epochs are expected to grow; they are not checked).
  public mutating func append(epoch: Int, value: Float) {
    appendedCount += 1
    let sample = Bucket(epoch: epoch, value: value)
    if let last = buckets.last, last.count < span {
      buckets[buckets.count - 1].absorb(sample)
      return
    }
    if buckets.count == capacity { mergePairs() }
    if buckets.isEmpty { buckets.reserveCapacity(capacity) }
    buckets.append(sample)
  }

  /// Halves the bucket count by merging (0, 1), (2, 3), …; every bucket is full when this runs.
  mutating func mergePairs() {
    for i in 0..<(buckets.count / 2) {
      var merged = buckets[2 * i]
      merged.absorb(buckets[2 * i + 1])
      buckets[i] = merged
    }
    buckets.removeLast(buckets.count / 2)
    span *= 2
  }

  /// Empties the series (a training reset), keeping its capacity.
  public mutating func removeAll() {
    buckets.removeAll(keepingCapacity: true)
    span = 1
    appendedCount = 0
  }

  public var isEmpty: Bool { buckets.isEmpty }

  /// The most recent value appended (for the "test loss 0.012" readout).
  public var latest: Float? { buckets.last?.last }

  /// The epochs covered: first appended through last appended.
  public var epochRange: ClosedRange<Int>? {
    guard let first = buckets.first, let last = buckets.last else { return nil }
    return first.firstEpoch...last.lastEpoch
  }

  /// The curve to plot: one (epoch, mean) per bucket, at most `capacity`. Interior buckets sit at
  /// their middle epoch; the first at the first epoch and the last at the latest epoch, so the
  /// curve spans exactly the epochs trained. Until the first merge these are the raw samples.
  public var points: [(epoch: Int, value: Float)] {
    let n = buckets.count
    return buckets.enumerated().map { i, b in
      let epoch = i == n - 1 ? b.lastEpoch : (i == 0 ? b.firstEpoch : (b.firstEpoch + b.lastEpoch) / 2)
      return (epoch, b.mean)
    }
  }

  /// The smallest and largest finite value ever appended (nil if none).
  public var valueExtent: ClosedRange<Float>? {
    var lo = Float.infinity
    var hi = -Float.infinity
    for b in buckets {
      if b.minimum.isFinite { lo = Swift.min(lo, b.minimum) }
      if b.maximum.isFinite { hi = Swift.max(hi, b.maximum) }
    }
    return lo <= hi ? lo...hi : nil
  }
}
