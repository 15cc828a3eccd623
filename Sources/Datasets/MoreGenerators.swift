import Engine

// Regression and three-class generators. The draw-order contract is stated on each function and
// summarised on `DatasetGenerator`.
extension DatasetGenerator {
  // MARK: - Regression

  /// Half-width of the square the regression points are drawn from.
  static let regressionRadius = 6.0

  /// The six signed bumps of `reg-gauss`: centre (x, y) and sign.
  static let bumps: [(x: Double, y: Double, sign: Double)] = [
    (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
  ]

  /// Plane: n points with label (x + y) / 10, taken at a noisy position.
  ///
  /// Per point, in order: x, y ~ U(−6, 6), noiseX, noiseY ~ U(−6, 6)·noise; the label is
  /// ((x + noiseX) + (y + noiseY)) / 10 (unclamped, as in the playground), the point is clean.
  static func regressPlane(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    regression(n, noise: noise, rng: &rng) { x, y in (x + y) / 10 }
  }

  /// Multi Gaussian: n points labelled by the strongest of six signed bumps.
  ///
  /// Bump k contributes signₖ·max(0, 1 − dₖ/2), dₖ the distance to its centre; the label is the
  /// contribution of largest magnitude (the first one on ties, in `bumps` order). Draws as for
  /// `regressPlane`: x, y, noiseX, noiseY per point; the label is taken at the noisy position.
  static func regressGaussians(_ n: Int, noise: Double, rng: inout SeededGenerator)
    -> [DataPoint]
  {
    regression(n, noise: noise, rng: &rng) { x, y in
      var label = 0.0
      for bump in bumps {
        let dx = x - bump.x
        let dy = y - bump.y
        let height = max(0, 1 - (dx * dx + dy * dy).squareRoot() / 2)
        let value = bump.sign * height
        if abs(value) > abs(label) { label = value }
      }
      return label
    }
  }

  /// Draws n points x, y ~ U(−6, 6) with noiseX, noiseY ~ U(−6, 6)·noise (in that order) and
  /// labels each by `label` at the noisy position.
  static func regression(
    _ n: Int, noise: Double, rng: inout SeededGenerator, label: (Double, Double) -> Double
  ) -> [DataPoint] {
    let radius = regressionRadius
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    for _ in 0..<n {
      let x = rng.uniform(-radius, radius)
      let y = rng.uniform(-radius, radius)
      let noisyX = x + rng.uniform(-radius, radius) * noise
      let noisyY = y + rng.uniform(-radius, radius) * noise
      points.append(DataPoint(x: x, y: y, label: label(noisyX, noisyY)))
    }
    return points
  }

  // MARK: - Three classes

  /// How many of n points class k of 3 gets: 167, 167, 166 for n = 500.
  static func share(of n: Int, forClass k: Int) -> Int { (n + 2 - k) / 3 }

  /// Radius of the circle the three blob centres sit on.
  static let blobRadius = 3.0

  /// Three blobs: class k (0, 1, 2) around (3 cos θₖ, 3 sin θₖ), θₖ = 90° + 120°·k, in blocks of
  /// 167, 167, 166 points (class 0 first).
  ///
  /// Per point, in order: x ~ N(cx, σ), y ~ N(cy, σ), with the same σ² = 0.5 + 7·noise as `gauss`,
  /// so noise widens the blobs until they overlap.
  static func threeBlobs(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    let sigma = gaussianVariance(noise: noise).squareRoot()
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    for k in 0..<3 {
      let angle = Double.pi / 2 + 2 * Double.pi / 3 * Double(k)
      let cx = blobRadius * Scalar.cos(angle)
      let cy = blobRadius * Scalar.sin(angle)
      for _ in 0..<share(of: n, forClass: k) {
        let x = rng.normal(mean: cx, standardDeviation: sigma)
        let y = rng.normal(mean: cy, standardDeviation: sigma)
        points.append(DataPoint(x: x, y: y, label: Double(k)))
      }
    }
    return points
  }

  /// Turns of each arm of the three-arm spiral (fewer than the two-arm spiral's 1.75, so the
  /// three arms stay about as far apart as the two-arm spiral's).
  static let threeArmTurns = 1.25

  /// Three-arm spiral: arm k (class k) turned by 120°·k, in blocks of 167, 167, 166 points.
  ///
  /// Point i of an arm of m points sits at r = 5i/m, t = 1.25·2π·i/m + 2πk/3, position
  /// (r sin t, r cos t); per point, in order, noiseX, noiseY ~ U(−1, 1)·noise move it.
  static func threeArmSpiral(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    for k in 0..<3 {
      appendArm(
        to: &points, count: share(of: n, forClass: k), turns: threeArmTurns,
        offset: 2 * Double.pi / 3 * Double(k), label: Double(k), noise: noise, rng: &rng)
    }
    return points
  }
}
