import Engine
import Testing

@testable import Datasets

/// n distinct points: (i, −i) with label i mod 2.
func numbered(_ n: Int) -> [DataPoint] {
  (0..<n).map { DataPoint(x: Double($0), y: -Double($0), label: Double($0 % 2)) }
}

@Suite struct SplitTests {
  @Test(arguments: [(10, 50), (50, 250), (90, 450)])
  func trainSizeFollowsTheRatio(ratio: Int, expected: Int) {
    var rng = SeededGenerator(seed: 4)
    let split = splitTrainTest(numbered(500), trainRatio: ratio, rng: &rng)
    #expect(split.train.count == expected)
    #expect(split.test.count == 500 - expected)
  }

  @Test func halfPointsRoundAwayFromZero() {
    var rng = SeededGenerator(seed: 4)
    #expect(splitTrainTest(numbered(5), trainRatio: 50, rng: &rng).train.count == 3)
    #expect(splitTrainTest(numbered(7), trainRatio: 50, rng: &rng).train.count == 4)
    #expect(splitTrainTest(numbered(3), trainRatio: 10, rng: &rng).train.count == 0)
  }

  @Test(arguments: [10, 50, 90])
  func trainAndTestArePermutationOfTheInput(ratio: Int) {
    let input = numbered(500)
    var rng = SeededGenerator(seed: 8)
    let split = splitTrainTest(input, trainRatio: ratio, rng: &rng)
    let together = split.train + split.test
    #expect(together.map(\.x).sorted() == input.map(\.x))
    #expect(together.allSatisfy { $0 == input[Int($0.x)] })
    #expect(together != input)  // it was shuffled
  }

  @Test func splitIsTheGeneratorsFisherYatesShuffleThenACut() {
    var rng = SeededGenerator(seed: 21)
    var reference = SeededGenerator(seed: 21)
    let split = splitTrainTest(numbered(100), trainRatio: 30, rng: &rng)
    var shuffled = numbered(100)
    reference.shuffle(&shuffled)
    #expect(split == TrainTestSplit(train: Array(shuffled[..<30]), test: Array(shuffled[30...])))
    #expect(rng == reference)
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() {
    var a = SeededGenerator(seed: 2)
    var b = SeededGenerator(seed: 2)
    var c = SeededGenerator(seed: 3)
    let first = splitTrainTest(numbered(50), trainRatio: 50, rng: &a)
    #expect(first == splitTrainTest(numbered(50), trainRatio: 50, rng: &b))
    #expect(first != splitTrainTest(numbered(50), trainRatio: 50, rng: &c))
  }

  @Test func ratiosOutsideThePercentRangeDoNotTrap() {
    var rng = SeededGenerator(seed: 1)
    #expect(splitTrainTest(numbered(10), trainRatio: 0, rng: &rng).train.isEmpty)
    #expect(splitTrainTest(numbered(10), trainRatio: 100, rng: &rng).test.isEmpty)
    #expect(splitTrainTest(numbered(10), trainRatio: 150, rng: &rng).train.count == 10)
    #expect(splitTrainTest(numbered(10), trainRatio: -5, rng: &rng).test.count == 10)
    #expect(splitTrainTest([], trainRatio: 50, rng: &rng) == TrainTestSplit(train: [], test: []))
  }
}

@Suite struct FeatureTests {
  @Test func valuesAtAPoint() {
    let expected: [Feature: Double] = [
      .x1: 0.5, .x2: -2, .x1sq: 0.25, .x2sq: 4, .x1x2: -1,
      .sinx1: 0.479_425_538_604_203, .sinx2: -0.909_297_426_825_681_7,
    ]
    for feature in Feature.allCases {
      let value = feature.value(x: 0.5, y: -2)
      #expect(abs(value - expected[feature]!) < 1e-15, "\(feature)")
    }
  }

  @Test func namesAndRawValues() {
    #expect(Feature.allCases.map(\.rawValue) == ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"])
    #expect(Feature.allCases.map(\.displayName) == ["X₁", "X₂", "X₁²", "X₂²", "X₁X₂", "sin(X₁)", "sin(X₂)"])
  }

  @Test func rowsAreRowMajorPointByFeature() {
    let data = [DataPoint(x: 1, y: 2, label: 0), DataPoint(x: -3, y: 0.5, label: 1)]
    let rows = featureRows(data, features: [.x2, .x1x2, .x1sq, .sinx1])
    let expected: [Float] = [2, 2, 1, Float(Scalar.sin(1)), 0.5, -1.5, 9, Float(Scalar.sin(-3))]
    #expect(rows == expected)
    #expect(featureRows(data, features: []).isEmpty)
    #expect(featureRows([], features: Feature.allCases).isEmpty)
  }
}
