import Engine
import Testing

@testable import Datasets

/// Replays the draw order each generator documents, draw by draw, from the same seed: the
/// documented order is a contract, so the generator must produce exactly these points.
@Suite struct DrawOrderTests {
  static let seed: UInt64 = 31
  static let noise = 30
  let scale = 0.3

  func generated(_ kind: DatasetKind) -> [DataPoint] { points(kind, noise: Self.noise, seed: Self.seed) }

  @Test func circle() {
    var rng = SeededGenerator(seed: Self.seed)
    var expected: [DataPoint] = []
    for (rMin, rMax) in Array(repeating: (0.0, 2.5), count: 250) + Array(repeating: (3.5, 5.0), count: 250) {
      let r = rng.uniform(rMin, rMax)
      let angle = rng.uniform(0, 2 * Double.pi)
      let (x, y) = (r * Scalar.sin(angle), r * Scalar.cos(angle))
      let nx = x + rng.uniform(-5, 5) * scale
      let ny = y + rng.uniform(-5, 5) * scale
      expected.append(DataPoint(x: x, y: y, label: (nx * nx + ny * ny).squareRoot() < 2.5 ? 1 : 0))
    }
    #expect(generated(.circle) == expected)
  }

  @Test func xor() {
    var rng = SeededGenerator(seed: Self.seed)
    var expected: [DataPoint] = []
    for _ in 0..<500 {
      var x = rng.uniform(-5, 5)
      x += x > 0 ? 0.3 : -0.3
      var y = rng.uniform(-5, 5)
      y += y > 0 ? 0.3 : -0.3
      let product = (x + rng.uniform(-5, 5) * scale) * (y + rng.uniform(-5, 5) * scale)
      expected.append(DataPoint(x: x, y: y, label: product >= 0 ? 1 : 0))
    }
    #expect(generated(.xor) == expected)
  }

  /// Blocks of Gaussian points: x then y per point, σ² = 0.5 + 7·noise.
  func gaussians(_ blocks: [(count: Int, cx: Double, cy: Double, label: Double)]) -> [DataPoint] {
    var rng = SeededGenerator(seed: Self.seed)
    let sigma = (0.5 + 7 * scale).squareRoot()
    var expected: [DataPoint] = []
    for block in blocks {
      for _ in 0..<block.count {
        let x = rng.normal(mean: block.cx, standardDeviation: sigma)
        let y = rng.normal(mean: block.cy, standardDeviation: sigma)
        expected.append(DataPoint(x: x, y: y, label: block.label))
      }
    }
    return expected
  }

  @Test func gauss() {
    #expect(generated(.gauss) == gaussians([(250, 2, 2, 1), (250, -2, -2, 0)]))
  }

  @Test func blobs3() {
    let blocks = [167, 167, 166].enumerated().map { k, count in
      let angle = Double.pi / 2 + 2 * Double.pi / 3 * Double(k)
      return (count, 3 * Scalar.cos(angle), 3 * Scalar.sin(angle), Double(k))
    }
    #expect(generated(.blobs3) == gaussians(blocks))
  }

  /// Arms of a spiral: noiseX then noiseY per point, added to r = 5i/m at t = turns·2π·i/m + offset.
  func arms(_ arms: [(count: Int, offset: Double, label: Double)], turns: Double) -> [DataPoint] {
    var rng = SeededGenerator(seed: Self.seed)
    var expected: [DataPoint] = []
    for arm in arms {
      for i in 0..<arm.count {
        let fraction = Double(i) / Double(arm.count)
        let t = turns * 2 * Double.pi * fraction + arm.offset
        let x = 5 * fraction * Scalar.sin(t) + rng.uniform(-1, 1) * scale
        let y = 5 * fraction * Scalar.cos(t) + rng.uniform(-1, 1) * scale
        expected.append(DataPoint(x: x, y: y, label: arm.label))
      }
    }
    return expected
  }

  @Test func spiral() {
    #expect(generated(.spiral) == arms([(250, 0, 1), (250, Double.pi, 0)], turns: 1.75))
  }

  @Test func spiral3() {
    let third = 2 * Double.pi / 3
    #expect(generated(.spiral3) == arms([(167, 0, 0), (167, third, 1), (166, 2 * third, 2)], turns: 1.25))
  }

  /// Regression points: x, y, noiseX, noiseY per point, all U(−6, 6) (noise ones scaled).
  func regression(_ label: (Double, Double) -> Double) -> [DataPoint] {
    var rng = SeededGenerator(seed: Self.seed)
    var expected: [DataPoint] = []
    for _ in 0..<1200 {
      let x = rng.uniform(-6, 6)
      let y = rng.uniform(-6, 6)
      let nx = x + rng.uniform(-6, 6) * scale
      let ny = y + rng.uniform(-6, 6) * scale
      expected.append(DataPoint(x: x, y: y, label: label(nx, ny)))
    }
    return expected
  }

  @Test func regPlane() {
    #expect(generated(.regPlane) == regression { x, y in (x + y) / 10 })
  }

  /// The label is the nearest bump's signed height (the nearest bump is always the strongest).
  @Test func regGauss() {
    let bumps: [(x: Double, y: Double, sign: Double)] = [
      (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]
    let expected = regression { x, y in
      let distances = bumps.map { ((x - $0.x) * (x - $0.x) + (y - $0.y) * (y - $0.y)).squareRoot() }
      let k = distances.indices.min { distances[$0] < distances[$1] }!
      return bumps[k].sign * max(0, 1 - distances[k] / 2)
    }
    let actual = generated(.regGauss)
    #expect(actual.map(\.x) == expected.map(\.x) && actual.map(\.y) == expected.map(\.y))
    #expect(zip(actual, expected).allSatisfy { abs($0.label - $1.label) < 1e-12 })
  }
}
