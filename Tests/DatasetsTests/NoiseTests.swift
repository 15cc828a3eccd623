import Engine
import Testing

@testable import Datasets

/// Distance of a point from the origin.
func radius(_ p: DataPoint) -> Double { (p.x * p.x + p.y * p.y).squareRoot() }

/// Mean and standard deviation of `values`.
func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
  return (mean, variance.squareRoot())
}

/// True when `a` and `b` are the same angle modulo 2π, within `tolerance`.
func sameAngle(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  let turns = (a - b) / (2 * Double.pi)
  return abs(turns - turns.rounded()) * 2 * Double.pi < tolerance
}

@Suite struct NoiseTests {
  @Test func circleLabelsFollowTheRadiusWithoutNoise() {
    let data = points(.circle, noise: 0)
    #expect(data.allSatisfy { ($0.label == 1) == (radius($0) < 2.5) })
    #expect(data[..<250].allSatisfy { radius($0) < 2.5 })
    #expect(data[250...].allSatisfy { radius($0) >= 3.5 - 1e-12 && radius($0) <= 5 + 1e-12 })
  }

  @Test func circleNoiseFlipsLabelsButNotPositions() {
    let clean = points(.circle, noise: 0)
    let noisy = points(.circle, noise: 50)
    #expect(zip(clean, noisy).allSatisfy { $0.x == $1.x && $0.y == $1.y })
    let flipped = noisy.filter { ($0.label == 1) != (radius($0) < 2.5) }.count
    #expect(flipped > 25)
    #expect(flipped < 250)
  }

  @Test func xorLabelsAreTheQuadrantWithoutNoise() {
    let data = points(.xor, noise: 0)
    #expect(data.allSatisfy { ($0.label == 1) == ($0.x * $0.y >= 0) })
    #expect(data.allSatisfy { abs($0.x) >= 0.3 && abs($0.y) >= 0.3 })
    #expect(data.allSatisfy { abs($0.x) <= 5.3 && abs($0.y) <= 5.3 })
  }

  @Test func xorNoiseFlipsSomeLabels() {
    let clean = points(.xor, noise: 0)
    let noisy = points(.xor, noise: 50)
    #expect(zip(clean, noisy).allSatisfy { $0.x == $1.x && $0.y == $1.y })
    let flipped = zip(clean, noisy).filter { $0.label != $1.label }.count
    #expect(flipped > 25)
    #expect(flipped < 250)
  }

  /// Without noise each cloud has σ = √0.5 around its centre.
  @Test func gaussCloudsSitAtTheirCentres() {
    let data = points(.gauss, noise: 0, seed: 11)
    let deviation = 0.5.squareRoot()
    for (part, centre) in [(data[..<250], 2.0), (data[250...], -2.0)] {
      #expect(part.allSatisfy { $0.label == (centre > 0 ? 1 : 0) })
      for coordinate in [part.map(\.x), part.map(\.y)] {
        let stats = meanAndDeviation(coordinate)
        #expect(abs(stats.mean - centre) < 0.2 * deviation, "\(stats)")
        #expect(abs(stats.deviation - deviation) < 0.15 * deviation, "\(stats)")
      }
    }
  }

  /// With the same seed the normal draws are the same, so noise scales every offset from the
  /// centre by exactly σ(noise)/σ(0) = √((0.5 + 7·noise) / 0.5).
  @Test(arguments: [(25, 4.5.squareRoot()), (50, 8.0.squareRoot())])
  func gaussNoiseScalesOffsetsFromTheCentre(noise: Int, factor: Double) {
    let clean = points(.gauss, noise: 0, seed: 11)
    let noisy = points(.gauss, noise: noise, seed: 11)
    for (i, (c, n)) in zip(clean, noisy).enumerated() {
      let centre = i < 250 ? 2.0 : -2.0
      #expect(c.label == n.label)
      #expect(abs((n.x - centre) - factor * (c.x - centre)) < 1e-12)
      #expect(abs((n.y - centre) - factor * (c.y - centre)) < 1e-12)
    }
  }

  @Test func blobsSitAtTheirCentresAndNoiseScalesThem() {
    let centres = [(0.0, 3.0), (-3 * 0.75.squareRoot(), -1.5), (3 * 0.75.squareRoot(), -1.5)]
    let deviation = 0.5.squareRoot()
    let clean = points(.blobs3, noise: 0, seed: 12)
    let noisy = points(.blobs3, noise: 50, seed: 12)
    for (k, centre) in centres.enumerated() {
      let blob = clean.filter { $0.label == Double(k) }
      let xs = meanAndDeviation(blob.map(\.x))
      let ys = meanAndDeviation(blob.map(\.y))
      #expect(abs(xs.mean - centre.0) < 0.2 * deviation && abs(ys.mean - centre.1) < 0.2 * deviation)
      #expect(abs(xs.deviation - deviation) < 0.2 * deviation, "class \(k): \(xs)")
      #expect(abs(ys.deviation - deviation) < 0.2 * deviation, "class \(k): \(ys)")
    }
    for (c, n) in zip(clean, noisy) {
      let centre = centres[Int(c.label)]
      #expect(c.label == n.label)
      #expect(abs((n.x - centre.0) - 8.0.squareRoot() * (c.x - centre.0)) < 1e-12)
      #expect(abs((n.y - centre.1) - 8.0.squareRoot() * (c.y - centre.1)) < 1e-12)
    }
  }

  /// Checks that, without noise, point i of each arm lies at r = 5i/m, t = turns·2π·i/m + offset.
  func expectOnArms(_ data: [DataPoint], arms: [(count: Int, offset: Double, label: Double)], turns: Double) {
    var start = 0
    for arm in arms {
      for i in 0..<arm.count {
        let p = data[start + i]
        let fraction = Double(i) / Double(arm.count)
        #expect(p.label == arm.label)
        #expect(abs(radius(p) - 5 * fraction) < 1e-9)
        if i > 0 {
          #expect(sameAngle(Scalar.atan2(p.x, p.y), turns * 2 * Double.pi * fraction + arm.offset))
        }
      }
      start += arm.count
    }
    #expect(start == data.count)
  }

  @Test func spiralPointsLieOnTheirArmsWithoutNoise() {
    expectOnArms(
      points(.spiral, noise: 0), arms: [(250, 0, 1), (250, Double.pi, 0)], turns: 1.75)
  }

  @Test func threeArmSpiralPointsLieOnArms120DegreesApart() {
    let third = 2 * Double.pi / 3
    expectOnArms(
      points(.spiral3, noise: 0), arms: [(167, 0, 0), (167, third, 1), (166, 2 * third, 2)],
      turns: 1.25)
  }

  @Test(arguments: [DatasetKind.spiral, .spiral3])
  func spiralNoiseMovesPointsOffTheArm(kind: DatasetKind) {
    let clean = points(kind, noise: 0)
    let noisy = points(kind, noise: 50)
    let moves = zip(clean, noisy).map { (dx: $1.x - $0.x, dy: $1.y - $0.y) }
    #expect(zip(clean, noisy).allSatisfy { $0.label == $1.label })
    #expect(moves.allSatisfy { abs($0.dx) <= 0.5 && abs($0.dy) <= 0.5 })
    #expect(moves.filter { abs($0.dx) > 0.25 }.count > 100)
  }

  @Test func planeLabelIsTheScaledSumWithoutNoise() {
    let data = points(.regPlane, noise: 0)
    #expect(data.allSatisfy { $0.label == ($0.x + $0.y) / 10 })
    #expect(data.allSatisfy { abs($0.x) <= 6 && abs($0.y) <= 6 })
  }

  @Test func planeNoiseChangesLabelsByAtMostSixTenths() {
    let clean = points(.regPlane, noise: 0)
    let noisy = points(.regPlane, noise: 50)
    #expect(zip(clean, noisy).allSatisfy { $0.x == $1.x && $0.y == $1.y })
    let changes = zip(clean, noisy).map { abs($1.label - $0.label) }
    #expect(changes.allSatisfy { $0 <= 0.6 + 1e-12 })
    #expect(changes.filter { $0 > 0.1 }.count > 600)
  }

  /// The strongest bump is always the nearest, so the label is ±(1 − d/2)⁺ of the nearest centre.
  @Test func gaussianBumpLabelsComeFromTheNearestBump() {
    let centres: [(x: Double, y: Double, sign: Double)] = [
      (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]
    let data = points(.regGauss, noise: 0)
    for p in data {
      let nearest = centres.min { a, b in
        (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
          < (p.x - b.x) * (p.x - b.x) + (p.y - b.y) * (p.y - b.y)
      }!
      let d = ((p.x - nearest.x) * (p.x - nearest.x) + (p.y - nearest.y) * (p.y - nearest.y)).squareRoot()
      #expect(abs(p.label - nearest.sign * max(0, 1 - d / 2)) < 1e-12)
    }
    #expect(data.contains { $0.label > 0.5 } && data.contains { $0.label < -0.5 })
    #expect(data.contains { $0.label == 0 })
  }

  @Test func gaussianBumpNoiseChangesLabelsNotPositions() {
    let clean = points(.regGauss, noise: 0)
    let noisy = points(.regGauss, noise: 50)
    #expect(zip(clean, noisy).allSatisfy { $0.x == $1.x && $0.y == $1.y })
    #expect(noisy.allSatisfy { abs($0.label) <= 1 })
    #expect(zip(clean, noisy).filter { abs($1.label - $0.label) > 0.1 }.count > 300)
  }
}
