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
  /// runs in a fixed order and exp is our own (`Embedding.exp`). The same as a `TSNEMap` driven to
  /// the end in slices of any size.
  public static func tsne(_ data: LayerActivations, settings: TSNESettings = TSNESettings()) -> [Double] {
    var map = TSNEMap(data, settings: settings)
    map.advance(rows: data.count, iterations: settings.iterations)
    return map.positions
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
