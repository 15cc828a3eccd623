/// t-SNE settings (van der Maaten & Hinton 2008), exact O(n²) gradients: fine for a few hundred
/// test images.
public struct TSNESettings: Sendable, Equatable, Hashable, Codable {
  /// The effective number of neighbours (capped at (n − 1) / 3).
  public var perplexity: Double = 30
  public var iterations: Int = 500
  public var learningRate: Double = 200
  /// The first this many iterations multiply P by 12 (early exaggeration).
  public var exaggerationIterations: Int = 100
  /// Seeds the start: N(0, 10⁻⁴) per coordinate.
  public var seed: UInt64 = 0
  public init() {}
}

extension Embedding {
  /// A 2-D t-SNE map of the rows (`count × 2`, row by row). Deterministic for a seed: every sum
  /// runs in a fixed order and exp is our own (`Embedding.exp`).
  public static func tsne(_ data: LayerActivations, settings: TSNESettings = TSNESettings()) -> [Double] {
    let n = data.count
    let d = data.dimensions
    guard n > 1 else { return [Double](repeating: 0, count: 2 * n) }
    // Squared distances in the layer.
    var d2 = [Double](repeating: 0, count: n * n)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<n {
        for k in (i + 1)..<n {
          var s = 0.0
          for j in 0..<d {
            let t = x[i * d + j] - x[k * d + j]
            s += t * t
          }
          d2[i * n + k] = s
          d2[k * n + i] = s
        }
      }
    }
    // Conditional probabilities p_{k|i} with each row's precision found by bisection on entropy.
    let perplexity = min(settings.perplexity, Double(n - 1) / 3)
    let target = log(max(perplexity, 1.0001))
    var p = [Double](repeating: 0, count: n * n)
    var row = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var beta = 1.0
      var lo = 0.0
      var hi = Double.infinity
      var minD = Double.infinity
      for k in 0..<n where k != i { minD = min(minD, d2[i * n + k]) }
      for _ in 0..<64 {
        var sum = 0.0
        var weighted = 0.0
        for k in 0..<n where k != i {
          let e = exp(-beta * (d2[i * n + k] - minD))
          row[k] = e
          sum += e
          weighted += e * (d2[i * n + k] - minD)
        }
        let entropy = log(sum) + beta * weighted / sum
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
    // Symmetric joint probabilities.
    for i in 0..<n {
      for k in (i + 1)..<n {
        let v = max((p[i * n + k] + p[k * n + i]) / Double(2 * n), 1e-12)
        p[i * n + k] = v
        p[k * n + i] = v
      }
    }
    var rng = SeededGenerator(seed: settings.seed)
    var y = (0..<(2 * n)).map { _ in rng.normal(mean: 0, standardDeviation: 1e-4) }
    var velocity = [Double](repeating: 0, count: 2 * n)
    var gains = [Double](repeating: 1, count: 2 * n)
    var q = [Double](repeating: 0, count: n * n)
    var gradient = [Double](repeating: 0, count: 2 * n)
    for iteration in 0..<max(0, settings.iterations) {
      let exaggeration = iteration < settings.exaggerationIterations ? 12.0 : 1.0
      let momentum = iteration < 250 ? 0.5 : 0.8
      var qSum = 0.0
      for i in 0..<n {
        for k in (i + 1)..<n {
          let a = y[2 * i] - y[2 * k]
          let b = y[2 * i + 1] - y[2 * k + 1]
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
          gx += f * (y[2 * i] - y[2 * k])
          gy += f * (y[2 * i + 1] - y[2 * k + 1])
        }
        gradient[2 * i] = 4 * gx
        gradient[2 * i + 1] = 4 * gy
      }
      for j in 0..<(2 * n) {
        let sameSign = (gradient[j] > 0) == (velocity[j] > 0)
        gains[j] = max(sameSign ? gains[j] * 0.8 : gains[j] + 0.2, 0.01)
        velocity[j] = momentum * velocity[j] - settings.learningRate * gains[j] * gradient[j]
        y[j] += velocity[j]
      }
      // Keep the map centred.
      var mx = 0.0
      var my = 0.0
      for i in 0..<n {
        mx += y[2 * i]
        my += y[2 * i + 1]
      }
      for i in 0..<n {
        y[2 * i] -= mx / Double(n)
        y[2 * i + 1] -= my / Double(n)
      }
    }
    return y
  }

  /// Natural log, deterministic (the engine's own).
  static func log(_ x: Double) -> Double { DeterministicLog.log(x) }

  /// e^x from IEEE operations only (no C library): x = k·ln 2 + r with ln 2 in two parts, a
  /// degree-13 Taylor polynomial for e^r (|r| ≤ 0.35), scaled by 2^k. Relative error about 10⁻¹⁶.
  static func exp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x < -745 { return 0 }
    if x > 709 { return .infinity }
    let k = (x * 1.4426950408889634).rounded()
    let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
    var e = 1.0
    var i = 13.0
    while i >= 1 {
      e = 1 + r * e / i
      i -= 1
    }
    var ki = Int(k)
    while ki < -1000 {
      e *= Double(sign: .plus, exponent: -1000, significand: 1)
      ki += 1000
    }
    return e * Double(sign: .plus, exponent: ki, significand: 1)
  }
}
