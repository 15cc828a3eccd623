import Testing

@testable import Engine

/// The window grows t-SNE maps, silhouettes and unit pictures a slice per frame; sliced any way,
/// each must give the bits of the one-go version the command line uses.
@Suite struct SlicedWorkTests {
  static func clusters(_ n: Int, dimensions d: Int, seed: UInt64) -> (LayerActivations, [Int]) {
    var v: [Double] = []
    var labels: [Int] = []
    var rng = SeededGenerator(seed: seed)
    for i in 0..<n {
      let c = i % 3
      labels.append(c)
      for _ in 0..<d { v.append(Double(c) * 4 + rng.normal()) }
    }
    return (LayerActivations(dimensions: d, values: v), labels)
  }

  @Test func tsneInSlicesEqualsOneGo() {
    let (data, _) = Self.clusters(45, dimensions: 6, seed: 2)
    var settings = TSNESettings()
    settings.iterations = 160
    let whole = Embedding.tsne(data, settings: settings)
    var map = TSNEMap(data, settings: settings)
    var frames = 0
    while !map.isFinished {
      map.advance(rows: 7, iterations: 3)
      frames += 1
    }
    #expect(map.positions == whole)
    #expect(frames == (45 + 6) / 7 + 160 / 3, "rows first (7 a frame), then 3 iterations a frame: \(frames)")
    // Before its probabilities are done the map holds still at the seeded start.
    var early = TSNEMap(data, settings: settings)
    let start = early.positions
    early.advance(rows: 44, iterations: 50)
    #expect(early.positions == start && !early.hasProbabilities)
  }

  @Test func aWarmStartBeginsWhereTheLastMapEnded() {
    let (data, _) = Self.clusters(30, dimensions: 4, seed: 5)
    var settings = TSNESettings()
    settings.iterations = 0
    var map = TSNEMap(data, settings: settings)
    let start = (0..<60).map { Double($0) }
    map.startFrom(start)
    #expect(map.positions == start)
    map.startFrom([1, 2])
    #expect(map.positions == start, "a start of the wrong size is ignored")
  }

  @Test func silhouetteInSlicesEqualsOneGo() {
    let (data, labels) = Self.clusters(61, dimensions: 9, seed: 7)
    let whole = Embedding.silhouette(data, labels: labels)
    var work = SilhouetteProgress(data, labels: labels)
    #expect(work.score == nil)
    while !work.isFinished { work.advance(rows: 5) }
    #expect(work.score == whole)
    #expect(whole > 0.5, "three clear clusters: \(whole)")
    var single = SilhouetteProgress(data, labels: [Int](repeating: 0, count: 61))
    #expect(single.score == 0, "one class has no separation")
    single.advance(rows: 3)
  }

  @Test func unitAscentInSlicesEqualsMaximizeUnit() {
    var rng = SeededGenerator(seed: 3)
    let network = CNN(shape: CNNShape(convs: [ConvLayerSpec(filters: 4), ConvLayerSpec(filters: 6, pool: 3)], classes: 3), rng: &rng)
    var settings = CAMSettings()
    settings.maxSteps = 37
    settings.start = .noise
    for unit in [CNNUnit(layer: 1, unit: 2), CNNUnit(layer: 2, unit: 5), CNNUnit(layer: 3, unit: 1)] {
      let whole = network.maximizeUnit(unit, settings: settings)
      var ascent = UnitAscent(network: network, unit: unit, settings: settings)
      while !ascent.isFinished { ascent.advance(steps: 5) }
      #expect(ascent.image == whole.image && ascent.activation == whole.activation, "\(unit)")
      #expect(ascent.steps == 37)
    }
  }

  @Test func topKeepsTheLowerIndexOnTies() {
    let r = [1, 5, 5, 2, 9].map { UnitResponse(activation: Float($0), region: nil) }
    #expect(CNN.top(3, of: r) == [4, 1, 2])
  }
}
