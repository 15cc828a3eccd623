/// A t-SNE map computed in slices, so a window can show it settling while it keeps drawing frames:
/// first the neighbour probabilities, a few rows at a time, then the iterations, a few at a time.
/// Driven to the end in slices of any size, it gives the bits `Embedding.tsne` gives.
public struct TSNEMap: Sendable {
  public let settings: TSNESettings
  /// Images (rows of the data).
  public let count: Int
  private let data: LayerActivations
  private var p: [Double]
  /// Rows whose conditional probabilities are known (all of them: the joint P is made).
  public private(set) var rowsDone = 0
  public private(set) var iterationsDone = 0
  /// The map, `count × 2` row by row: the seeded start until the iterations begin.
  public private(set) var positions: [Double]
  private var velocity: [Double]
  private var gains: [Double]
  private var q: [Double]
  private var gradient: [Double]

  public init(_ data: LayerActivations, settings: TSNESettings = TSNESettings()) {
    self.settings = settings
    self.data = data
    count = data.count
    let n = count
    p = [Double](repeating: 0, count: n * n)
    var rng = SeededGenerator(seed: settings.seed)
    positions = n > 1 ? (0..<(2 * n)).map { _ in rng.normal(mean: 0, standardDeviation: 1e-4) } : [Double](repeating: 0, count: 2 * n)
    velocity = [Double](repeating: 0, count: 2 * n)
    gains = [Double](repeating: 1, count: 2 * n)
    q = [Double](repeating: 0, count: n * n)
    gradient = [Double](repeating: 0, count: 2 * n)
    if n <= 1 {
      rowsDone = n
      iterationsDone = settings.iterations
    }
  }

  /// Whether every iteration has run.
  public var isFinished: Bool { count <= 1 || iterationsDone >= settings.iterations }
  /// Whether the neighbour probabilities are done (the map starts moving after).
  public var hasProbabilities: Bool { rowsDone >= count }

  /// Starts the iterations from `start` (`count × 2`) instead of the seeded start: a map of the
  /// network a moment later begins where the last one ended, so it moves instead of jumping.
  public mutating func startFrom(_ start: [Double]) {
    guard start.count == positions.count, iterationsDone == 0 else { return }
    positions = start
  }

  /// Up to `rows` more rows of probabilities, then up to `iterations` more iterations.
  public mutating func advance(rows: Int, iterations: Int) {
    let n = count
    guard n > 1 else { return }
    var rowBudget = rows
    while rowsDone < n && rowBudget > 0 {
      probabilityRow(rowsDone)
      rowsDone += 1
      rowBudget -= 1
      if rowsDone == n { symmetrize() }
    }
    guard rowsDone == n else { return }
    var budget = iterations
    while iterationsDone < settings.iterations && budget > 0 {
      iterate(iterationsDone)
      iterationsDone += 1
      budget -= 1
    }
  }

  /// Row i's conditional probabilities p_{k|i}, its precision found by bisection on entropy.
  private mutating func probabilityRow(_ i: Int) {
    let n = count
    let d = data.dimensions
    var d2 = [Double](repeating: 0, count: n)
    data.values.withUnsafeBufferPointer { x in
      for k in 0..<n where k != i {
        var s = 0.0
        // The same order of terms as (min(i,k), max(i,k)), so d2 is symmetric bit for bit.
        let (a, b) = i < k ? (i, k) : (k, i)
        for j in 0..<d {
          let t = x[a * d + j] - x[b * d + j]
          s += t * t
        }
        d2[k] = s
      }
    }
    let perplexity = min(settings.perplexity, Double(n - 1) / 3)
    let target = Embedding.log(max(perplexity, 1.0001))
    var row = [Double](repeating: 0, count: n)
    var beta = 1.0
    var lo = 0.0
    var hi = Double.infinity
    var minD = Double.infinity
    for k in 0..<n where k != i { minD = min(minD, d2[k]) }
    for _ in 0..<64 {
      var sum = 0.0
      var weighted = 0.0
      for k in 0..<n where k != i {
        let e = Embedding.exp(-beta * (d2[k] - minD))
        row[k] = e
        sum += e
        weighted += e * (d2[k] - minD)
      }
      let entropy = Embedding.log(sum) + beta * weighted / sum
      if abs(entropy - target) < 1e-5 { break }
      if entropy > target {
        lo = beta
        beta = hi.isFinite ? (beta + hi) / 2 : beta * 2
      } else {
        hi = beta
        beta = (beta + lo) / 2
      }
    }
    var sum = 0.0
    for k in 0..<n where k != i { sum += row[k] }
    for k in 0..<n where k != i { p[i * n + k] = row[k] / sum }
  }

  /// Symmetric joint probabilities.
  private mutating func symmetrize() {
    let n = count
    for i in 0..<n {
      for k in (i + 1)..<n {
        let v = max((p[i * n + k] + p[k * n + i]) / Double(2 * n), 1e-12)
        p[i * n + k] = v
        p[k * n + i] = v
      }
    }
  }

  /// One gradient step with momentum and gains; the map stays centred.
  private mutating func iterate(_ iteration: Int) {
    let n = count
    let exaggeration = iteration < settings.exaggerationIterations ? 12.0 : 1.0
    let momentum = iteration < 250 ? 0.5 : 0.8
    var qSum = 0.0
    for i in 0..<n {
      for k in (i + 1)..<n {
        let a = positions[2 * i] - positions[2 * k]
        let b = positions[2 * i + 1] - positions[2 * k + 1]
        let v = 1 / (1 + a * a + b * b)
        q[i * n + k] = v
        q[k * n + i] = v
        qSum += 2 * v
      }
    }
    for i in 0..<n {
      var gx = 0.0
      var gy = 0.0
      for k in 0..<n where k != i {
        let w = q[i * n + k]
        let f = (exaggeration * p[i * n + k] - w / qSum) * w
        gx += f * (positions[2 * i] - positions[2 * k])
        gy += f * (positions[2 * i + 1] - positions[2 * k + 1])
      }
      gradient[2 * i] = 4 * gx
      gradient[2 * i + 1] = 4 * gy
    }
    for j in 0..<(2 * n) {
      let sameSign = (gradient[j] > 0) == (velocity[j] > 0)
      gains[j] = max(sameSign ? gains[j] * 0.8 : gains[j] + 0.2, 0.01)
      velocity[j] = momentum * velocity[j] - settings.learningRate * gains[j] * gradient[j]
      positions[j] += velocity[j]
    }
    var mx = 0.0
    var my = 0.0
    for i in 0..<n {
      mx += positions[2 * i]
      my += positions[2 * i + 1]
    }
    for i in 0..<n {
      positions[2 * i] -= mx / Double(n)
      positions[2 * i + 1] -= my / Double(n)
    }
  }
}
