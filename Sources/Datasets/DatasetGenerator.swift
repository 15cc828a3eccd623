import Engine

/// Builds the points of each built-in dataset, following TensorFlow Playground's formulas.
///
/// Determinism contract: every generator draws from the passed-in generator in the order its doc
/// comment lists, and draws the same number of values whatever the noise (noise only scales
/// draws), so the split and the weight initialisation that follow see the same stream for any
/// noise level. `U(a, b)` below is `rng.uniform(a, b)`; `N(m, s)` is
/// `rng.normal(mean: m, standardDeviation: s)`, which consumes two uniforms.
public enum DatasetGenerator {
  /// Points in a classification dataset (the playground's 500).
  static let classificationCount = 500
  /// Points in a regression dataset (the playground's 1200).
  static let regressionCount = 1200

  /// The points of `kind` at `noise` percent (the playground's 0...50; callers validate, nothing
  /// is clamped). Classification sets have 500 points, regression sets 1200, `custom` none
  /// (and draws nothing).
  public static func generate(_ kind: DatasetKind, noise: Int, rng: inout SeededGenerator)
    -> [DataPoint]
  {
    let noise = Double(noise) / 100
    switch kind {
    case .circle: return circle(classificationCount, noise: noise, rng: &rng)
    case .xor: return xor(classificationCount, noise: noise, rng: &rng)
    case .gauss: return twoGaussians(classificationCount, noise: noise, rng: &rng)
    case .spiral: return spiral(classificationCount, noise: noise, rng: &rng)
    case .regPlane: return regressPlane(regressionCount, noise: noise, rng: &rng)
    case .regGauss: return regressGaussians(regressionCount, noise: noise, rng: &rng)
    case .blobs3: return threeBlobs(classificationCount, noise: noise, rng: &rng)
    case .spiral3: return threeArmSpiral(classificationCount, noise: noise, rng: &rng)
    case .custom: return []
    }
  }

  // MARK: - Binary classification

  /// Radius of the circle dataset; class 1 lies within `circleRadius / 2`.
  static let circleRadius = 5.0

  /// Circle: n/2 points of class 1 with r ~ U(0, 2.5), then n/2 of class 0 with r ~ U(3.5, 5).
  ///
  /// Per point, in order: r, angle ~ U(0, 2π), noiseX, noiseY ~ U(−5, 5)·noise. The point is
  /// (r sin angle, r cos angle); its label is computed at the noisy position: class 1 when
  /// |p + noise| < 2.5, else class 0. So noise flips labels near the boundary, never moves points.
  static func circle(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    let radius = circleRadius
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    func add(rMin: Double, rMax: Double) {
      let r = rng.uniform(rMin, rMax)
      let angle = rng.uniform(0, 2 * Double.pi)
      let x = r * Scalar.sin(angle)
      let y = r * Scalar.cos(angle)
      let noisyX = x + rng.uniform(-radius, radius) * noise
      let noisyY = y + rng.uniform(-radius, radius) * noise
      let inside = (noisyX * noisyX + noisyY * noisyY).squareRoot() < radius * 0.5
      points.append(DataPoint(x: x, y: y, label: inside ? 1 : 0))
    }
    for _ in 0..<(n / 2) { add(rMin: 0, rMax: radius * 0.5) }
    for _ in 0..<(n - n / 2) { add(rMin: radius * 0.7, rMax: radius) }
    return points
  }

  /// Exclusive or: n points, class 1 where x·y ≥ 0 (first and third quadrants).
  ///
  /// Per point, in order: x ~ U(−5, 5), y ~ U(−5, 5) (each then pushed 0.3 away from 0),
  /// noiseX, noiseY ~ U(−5, 5)·noise. The label is taken at the noisy position; the point is
  /// drawn clean.
  static func xor(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    let padding = 0.3
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    for _ in 0..<n {
      var x = rng.uniform(-5, 5)
      x += x > 0 ? padding : -padding
      var y = rng.uniform(-5, 5)
      y += y > 0 ? padding : -padding
      let noisyX = x + rng.uniform(-5, 5) * noise
      let noisyY = y + rng.uniform(-5, 5) * noise
      points.append(DataPoint(x: x, y: y, label: noisyX * noisyY >= 0 ? 1 : 0))
    }
    return points
  }

  /// The playground's Gaussian variance: linear from 0.5 at noise 0 to 4 at noise 0.5.
  static func gaussianVariance(noise: Double) -> Double { 0.5 + noise / 0.5 * 3.5 }

  /// Two Gaussians: n/2 points of class 1 around (2, 2), then n/2 of class 0 around (−2, −2).
  ///
  /// Per point, in order: x ~ N(cx, σ), y ~ N(cy, σ), with σ² = 0.5 + 7·noise (0.5 … 4).
  static func twoGaussians(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    let sigma = gaussianVariance(noise: noise).squareRoot()
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    for (count, centre, label) in [(n / 2, 2.0, 1.0), (n - n / 2, -2.0, 0.0)] {
      for _ in 0..<count {
        let x = rng.normal(mean: centre, standardDeviation: sigma)
        let y = rng.normal(mean: centre, standardDeviation: sigma)
        points.append(DataPoint(x: x, y: y, label: label))
      }
    }
    return points
  }

  /// Spiral: n/2 points of class 1 on the arm starting at angle 0, then n/2 of class 0 on the arm
  /// turned by π.
  ///
  /// Point i of an arm of m points sits at r = 5i/m, t = 1.75·2π·i/m + offset, position
  /// (r sin t, r cos t); per point, in order, noiseX, noiseY ~ U(−1, 1)·noise move it.
  static func spiral(_ n: Int, noise: Double, rng: inout SeededGenerator) -> [DataPoint] {
    var points: [DataPoint] = []
    points.reserveCapacity(n)
    appendArm(
      to: &points, count: n / 2, turns: 1.75, offset: 0, label: 1, noise: noise, rng: &rng)
    appendArm(
      to: &points, count: n - n / 2, turns: 1.75, offset: Double.pi, label: 0, noise: noise,
      rng: &rng)
    return points
  }

  /// Appends one spiral arm of `count` points: r = 5i/count, t = turns·2π·i/count + offset,
  /// (r sin t + U(−1, 1)·noise, r cos t + U(−1, 1)·noise), drawing noiseX then noiseY per point.
  static func appendArm(
    to points: inout [DataPoint], count: Int, turns: Double, offset: Double, label: Double,
    noise: Double, rng: inout SeededGenerator
  ) {
    let m = Double(count)
    for i in 0..<count {
      let fraction = Double(i) / m
      let r = 5 * fraction
      let t = turns * 2 * Double.pi * fraction + offset
      let x = r * Scalar.sin(t) + rng.uniform(-1, 1) * noise
      let y = r * Scalar.cos(t) + rng.uniform(-1, 1) * noise
      points.append(DataPoint(x: x, y: y, label: label))
    }
  }
}
