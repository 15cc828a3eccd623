import Engine
import Testing

@testable import Datasets

/// The points of `kind` at `noise` percent from a fresh generator seeded with `seed`.
func points(_ kind: DatasetKind, noise: Int = 0, seed: UInt64 = 1) -> [DataPoint] {
  var rng = SeededGenerator(seed: seed)
  return DatasetGenerator.generate(kind, noise: noise, rng: &rng)
}

/// How many points carry each class label 0..<classes.
func classCounts(_ points: [DataPoint], classes: Int) -> [Int] {
  var counts = Array(repeating: 0, count: classes)
  for point in points { counts[Int(point.label)] += 1 }
  return counts
}

let builtIn = DatasetKind.allCases.filter { $0 != .custom }
let classification = builtIn.filter { !$0.isRegression }
/// Kinds whose points are bounded by construction (the Gaussian ones have unbounded tails).
let bounded: [DatasetKind] = [.circle, .xor, .spiral, .regPlane, .regGauss, .spiral3]

@Suite struct DatasetKindTests {
  @Test func namesClassesAndRawValues() {
    #expect(
      DatasetKind.allCases.map(\.rawValue) == [
        "circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss", "blobs3", "spiral3", "custom",
      ])
    #expect(
      DatasetKind.allCases.map(\.displayName) == [
        "Circle", "Exclusive or", "Gaussian", "Spiral", "Plane", "Multi Gaussian", "Three blobs",
        "Three-arm spiral", "Your points",
      ])
    #expect(DatasetKind.allCases.map(\.classCount) == [2, 2, 2, 2, 0, 0, 3, 3, 2])
    #expect(DatasetKind.allCases.filter(\.isRegression) == [.regPlane, .regGauss])
  }
}

@Suite struct GeneratorShapeTests {
  @Test(arguments: builtIn, [0, 50])
  func pointCounts(kind: DatasetKind, noise: Int) {
    #expect(points(kind, noise: noise).count == (kind.isRegression ? 1200 : 500))
  }

  @Test func customGeneratesNothingAndDrawsNothing() {
    var rng = SeededGenerator(seed: 9)
    #expect(DatasetGenerator.generate(.custom, noise: 30, rng: &rng).isEmpty)
    #expect(rng == SeededGenerator(seed: 9))
  }

  @Test(arguments: classification, [0, 50])
  func labelsAreBalancedClassIndices(kind: DatasetKind, noise: Int) {
    let data = points(kind, noise: noise)
    #expect(data.allSatisfy { $0.label == $0.label.rounded() && $0.label >= 0 })
    #expect(data.allSatisfy { Int($0.label) < kind.classCount })
    let counts = classCounts(data, classes: kind.classCount)
    switch (kind, noise) {
    case (.circle, 50):
      // Noise pushes more points out of the small disc than into it, but most labels stay.
      #expect(counts[1] >= 100 && counts[1] < 250, "\(counts)")
    case (.circle, _), (.gauss, _), (.spiral, _): #expect(counts == [250, 250])
    case (.blobs3, _), (.spiral3, _): #expect(counts == [167, 167, 166])
    default: #expect(counts.allSatisfy { (200...300).contains($0) }, "\(counts)")
    }
  }

  @Test(arguments: builtIn, [1, 2, 3])
  func pointsStayInTheDomainWithoutNoise(kind: DatasetKind, seed: UInt64) {
    #expect(points(kind, noise: 0, seed: seed).allSatisfy { abs($0.x) <= 6.5 && abs($0.y) <= 6.5 })
  }

  @Test(arguments: bounded)
  func boundedKindsStayInTheDomainAtFullNoise(kind: DatasetKind) {
    #expect(points(kind, noise: 50).allSatisfy { abs($0.x) <= 6.5 && abs($0.y) <= 6.5 })
  }

  @Test(arguments: builtIn)
  func sameSeedSameArrayOtherSeedOtherArray(kind: DatasetKind) {
    #expect(points(kind, noise: 20, seed: 5) == points(kind, noise: 20, seed: 5))
    #expect(points(kind, noise: 20, seed: 5) != points(kind, noise: 20, seed: 6))
  }

  /// The draw count is part of the contract: noise scales draws, never adds or skips them.
  @Test(arguments: builtIn)
  func drawCountDoesNotDependOnNoise(kind: DatasetKind) {
    var quiet = SeededGenerator(seed: 3)
    var noisy = SeededGenerator(seed: 3)
    _ = DatasetGenerator.generate(kind, noise: 0, rng: &quiet)
    _ = DatasetGenerator.generate(kind, noise: 50, rng: &noisy)
    #expect(quiet == noisy)
    #expect(quiet != SeededGenerator(seed: 3))
  }

  /// Golden checksums for the generators that use only uniforms and arithmetic (no libm), so
  /// they hold on every platform; a change in draw order or formula breaks them.
  @Test func goldenChecksums() {
    #expect(checksum(points(.xor, noise: 25, seed: 42)) == Self.xorGolden)
    #expect(checksum(points(.regPlane, noise: 25, seed: 42)) == Self.planeGolden)
  }
  static let xorGolden: UInt64 = 14_347_797_643_182_740_019
  static let planeGolden: UInt64 = 17_002_433_562_710_944_280
}

/// FNV-1a over the bit patterns of every coordinate and label.
func checksum(_ points: [DataPoint]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for point in points {
    for value in [point.x, point.y, point.label] {
      hash = (hash ^ value.bitPattern) &* 0x100_0000_01b3
    }
  }
  return hash
}
