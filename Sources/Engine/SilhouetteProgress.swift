/// The silhouette score computed a few images at a time, so a window can show a layer's
/// separation without stalling a frame: driven to the end in slices of any size it gives the
/// bits `Embedding.silhouette` gives.
public struct SilhouetteProgress: Sendable {
  private let data: LayerActivations
  private let labels: [Int]
  private let sizes: [Int]
  private var total = 0.0
  /// Images whose share is summed.
  public private(set) var rowsDone = 0

  public init(_ data: LayerActivations, labels: [Int]) {
    precondition(labels.count == data.count, "one label per row")
    self.data = data
    self.labels = labels
    var sizes = [Int](repeating: 0, count: (labels.max() ?? -1) + 1)
    for l in labels { sizes[l] += 1 }
    self.sizes = sizes
    if data.count <= 1 || Set(labels).count <= 1 { rowsDone = data.count }
  }

  public var isFinished: Bool { rowsDone >= data.count }
  /// The score once finished (nil before).
  public var score: Double? {
    guard isFinished else { return nil }
    return data.count <= 1 || Set(labels).count <= 1 ? 0 : total / Double(data.count)
  }

  /// Sums up to `rows` more images' shares.
  public mutating func advance(rows: Int) {
    let n = data.count
    let d = data.dimensions
    var sums = [Double](repeating: 0, count: sizes.count)
    var budget = rows
    while rowsDone < n && budget > 0 {
      let i = rowsDone
      for c in sums.indices { sums[c] = 0 }
      data.values.withUnsafeBufferPointer { x in
        for k in 0..<n where k != i {
          // The same order of terms as the whole-matrix version's (min, max) pair.
          let (a, b) = i < k ? (i, k) : (k, i)
          var s = 0.0
          for j in 0..<d {
            let t = x[a * d + j] - x[b * d + j]
            s += t * t
          }
          sums[labels[k]] += s.squareRoot()
        }
      }
      let own = labels[i]
      if sizes[own] > 1 {
        let a = sums[own] / Double(sizes[own] - 1)
        var b = Double.infinity
        for c in 0..<sizes.count where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
        let m = max(a, b)
        if m > 0 && b.isFinite { total += (b - a) / m }
      }
      rowsDone += 1
      budget -= 1
    }
  }
}
