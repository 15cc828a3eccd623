import Datasets
import Engine
import ImmediateUI
import PlaygroundCore
import Training
import Visualization

/// Identifies one network state: outputs are recomputed only when this changes.
struct NetworkKey: Equatable, Sendable {
  var revision: Int
  var epoch: Int
  var shape: NetworkShape
  var features: [Feature]
  var dataCount: Int

  init(_ state: AppState) {
    let e = state.experiment
    revision = state.revision
    epoch = e.epoch
    shape = e.network.shape
    features = e.config.features
    dataCount = e.train.count &* 31 &+ e.test.count
  }
}

/// Work for the next frame's pictures done away from the main thread (the window's training
/// thread does it after its slice) and handed to the view: every neuron's outputs over the input
/// grid (2-D mode), or the gallery of misclassified test images (CNN mode: a pass over the whole
/// test set, needed only when a finished epoch was measured).
public struct PreparedOutputs: Sendable {
  let key: NetworkKey?
  let outputs: NeuronOutputs?
  /// `VisualCache.allMaps(outputs)`.
  let maps: [[[Float]]]
  let mistakes: PreparedMistakes?
}

/// The CNN gallery for one test-set measurement.
struct PreparedMistakes: Sendable {
  var measurement: CNNMetrics
  var shapes: [ShapeKind]
  var mistakes: [MisclassifiedImage]
}

/// Makes `PreparedOutputs`, keeping the input grid between calls.
public struct OutputPreparer: Sendable {
  private var grid: InputGrid?
  private var lastMeasurement: CNNMetrics?
  /// The most mistakes the CNN gallery can show.
  static let galleryCap = 64
  public init() {}

  /// What the view would compute for `state`; nil when nothing is worth doing ahead.
  public mutating func prepare(_ state: AppState) -> PreparedOutputs? {
    if let cnn = state.showingCNN {
      guard cnn.evaluation.test != lastMeasurement else { return nil }
      lastMeasurement = cnn.evaluation.test
      let mistakes =
        cnn.experiment.network.isFinite ? cnn.experiment.misclassifiedTestImages(limit: OutputPreparer.galleryCap) : []
      return PreparedOutputs(
        key: nil, outputs: nil, maps: [],
        mistakes: PreparedMistakes(measurement: cnn.evaluation.test, shapes: cnn.config.shapes, mistakes: mistakes))
    }
    let features = state.experiment.config.features
    if grid?.features != features { grid = InputGrid(size: VisualCache.gridSize, features: features) }
    guard let grid else { return nil }
    let outputs = state.experiment.network.evaluateAll(grid.samples)
    return PreparedOutputs(key: NetworkKey(state), outputs: outputs, maps: VisualCache.allMaps(outputs), mistakes: nil)
  }
}

/// Pictures derived from the state, remade only when what they show changes; raster storage is
/// reused when the size stays the same.
final class VisualCache {
  /// Samples per side of the grid every neuron is evaluated on (the playground's 100).
  static let gridSize = 100

  private(set) var grid: InputGrid?
  /// Data points drawn this much larger (the theme's `visualScale`; set once, before drawing).
  var pointScale: Float = 1
  private(set) var outputs: NeuronOutputs?
  /// Every neuron's map over the grid: maps[layer][neuron][point] (layer 0 the features).
  private(set) var maps: [[[Float]]] = []
  private(set) var networkKey: NetworkKey?
  /// How many times the grid was evaluated (tests check that unchanged states reuse the work).
  private(set) var evaluationCount = 0
  /// Every data point for the plot (training, then test).
  private(set) var points: [PlotPoint] = []
  /// The value range the regression colors span.
  private(set) var valueRange: ClosedRange<Float> = -1...1

  /// Tiles per network layer (index 0 unused: features have their own), per neuron.
  private(set) var tiles: [[Raster]] = []
  private var tilesKey: (NetworkKey, Int, Int)?

  /// The big output picture and what it was drawn from.
  private(set) var output = Raster(width: 1, height: 1)
  private var outputKey: OutputKey?

  /// One tile per feature (`Feature.allCases` order), drawn once per size.
  private(set) var featureTiles: [Raster] = []
  /// One thumbnail per `DatasetKind.allCases` (custom stays empty), generated once.
  private(set) var thumbnails: [Raster] = []
  /// The regression legend bar.
  private(set) var legend = Legend.render(SequentialScale.viridis, width: 240, height: 1)

  /// The layer-warp view's geometry and point colors.
  private(set) var warp: WarpedPlane?
  private(set) var warpColors: [Color] = []
  private var warpKey: (NetworkKey, LayerWarpChoice, Rect)?

  /// Outputs evaluated elsewhere for the next state (used once, if the key matches).
  private var prepared: PreparedOutputs?

  /// Hands over outputs computed off the main thread for the state about to be drawn.
  func prime(_ outputs: PreparedOutputs) { prepared = outputs }

  /// Brings every picture up to date with `state` as laid out in `layout`.
  func update(state: AppState, layout: Layout, scale: Float) {
    let key = NetworkKey(state)
    if key != networkKey { evaluate(state, key: key) }
    let px = { (side: Float) in max(4, min(1024, Int((side * scale).rounded()))) }
    let hiddenSide = px(layout.hiddenLayers.first?.tiles.first?.width ?? 24)
    let outputSide = px(layout.outputNeuronTiles.first?.width ?? 24)
    if tilesKey.map({ $0.0 != key || $0.1 != hiddenSide || $0.2 != outputSide }) ?? true {
      renderTiles(state, hiddenSide: hiddenSide, outputSide: outputSide)
      tilesKey = (key, hiddenSide, outputSide)
    }
    renderFeatureTiles(side: px(layout.featureTiles.first?.rect.width ?? 24))
    if thumbnails.isEmpty { makeThumbnails() }
    let plotKey = OutputKey(
      network: key, focus: state.focusedNeuron, discretize: state.config.discretize,
      showTest: state.config.showTestData, side: px(layout.plot.width))
    if plotKey != outputKey {
      renderOutput(state, key: plotKey)
      outputKey = plotKey
    }
    updateWarp(state, key: key, rect: layout.warpView)
  }

  // MARK: Network outputs

  private func evaluate(_ state: AppState, key: NetworkKey) {
    let e = state.experiment
    if grid?.features != e.config.features {
      grid = InputGrid(size: VisualCache.gridSize, features: e.config.features)
    }
    if let prepared, prepared.key == key, let ready = prepared.outputs {
      outputs = ready
      maps = prepared.maps
    } else {
      outputs = grid.map { e.network.evaluateAll($0.samples) }
      maps = outputs.map(VisualCache.allMaps) ?? []
    }
    prepared = nil
    evaluationCount += 1
    networkKey = key
    points = e.plotPoints
    valueRange = e.targetRange
  }

  /// Every neuron's map: maps[layer][neuron][point], from one transposing pass over the outputs.
  static func allMaps(_ outputs: NeuronOutputs) -> [[[Float]]] {
    let flat = outputs.neuronMajor()
    let count = outputs.pointCount
    var k = 0
    return outputs.widths.map { width in
      (0..<width).map { _ in
        defer { k += 1 }
        return Array(flat[(k * count)..<((k + 1) * count)])
      }
    }
  }

  /// How a layer's outputs are brought into [−1, 1] for its tiles.
  static func scaling(layer: Int, state: AppState) -> TileScaling {
    let shape = state.experiment.network.shape
    if layer == 0 { return .maxAbsolute }
    if layer <= shape.hidden.count {
      switch shape.activation {
      case .tanh: return .identity
      case .sigmoid: return .sigmoid
      case .relu, .linear: return .maxAbsolute
      }
    }
    switch shape.output {
    case .binaryTanh: return .identity
    case .softmax: return .sigmoid
    case .regression: return .maxAbsolute
    }
  }

  /// One neuron's map in [−1, 1] (nil when it does not exist).
  func normalizedMap(_ ref: NeuronRef, state: AppState) -> [Float]? {
    guard maps.indices.contains(ref.layer), maps[ref.layer].indices.contains(ref.index) else { return nil }
    return NeuronTile.normalized(
      maps[ref.layer][ref.index], scaling: VisualCache.scaling(layer: ref.layer, state: state))
  }

  private func renderTiles(_ state: AppState, hiddenSide: Int, outputSide: Int) {
    guard let outputs else { return }
    let n = VisualCache.gridSize
    let layers = outputs.widths.count
    if tiles.count != layers { tiles = [[Raster]](repeating: [], count: layers) }
    for layer in 1..<layers {
      let side = layer == layers - 1 ? outputSide : hiddenSide
      let count = outputs.widths[layer]
      if tiles[layer].count != count || tiles[layer].first?.width != side {
        tiles[layer] = [Raster](repeating: Raster(width: side, height: side), count: count)
      }
      for i in 0..<count {
        let values = normalizedMap(NeuronRef(layer: layer, index: i), state: state) ?? []
        Heatmap.draw(.binary(values), gridSize: n, into: &tiles[layer][i], style: HeatmapStyle())
      }
    }
  }

  private func renderFeatureTiles(side: Int) {
    guard featureTiles.first?.width != side else { return }
    let grid = PlotGrid(size: 50)
    featureTiles = Feature.allCases.map { feature in
      var values: [Float] = []
      values.reserveCapacity(grid.size * grid.size)
      for i in 0..<grid.size {
        for j in 0..<grid.size {
          values.append(Float(feature.value(x: grid.x(column: j), y: grid.y(row: i))))
        }
      }
      return NeuronTile.render(values: values, gridSize: grid.size, size: side, scaling: .maxAbsolute)
    }
  }

  /// Each built-in dataset drawn once from its real generator with a fixed seed.
  private func makeThumbnails() {
    thumbnails = DatasetKind.allCases.map { kind in
      guard kind != .custom else { return Raster(width: 1, height: 1, fill: DatasetThumbnail.background) }
      var rng = SeededGenerator(seed: 20_240_611)
      let points = DatasetGenerator.generate(kind, noise: 0, rng: &rng).map {
        PlotPoint(x: $0.x, y: $0.y, classIndex: kind.isRegression ? -1 : Int($0.label), value: $0.label)
      }
      return DatasetThumbnail.render(
        points: points, size: 120, classCount: kind.classCount,
        valueRange: kind == .regPlane ? -1.2...1.2 : -1...1)
    }
  }

  // MARK: The output picture

  struct OutputKey: Equatable {
    var network: NetworkKey
    var focus: NeuronRef?
    var discretize: Bool
    var showTest: Bool
    var side: Int
  }

  private func renderOutput(_ state: AppState, key: OutputKey) {
    guard let outputs else { return }
    if output.width != key.side { output = Raster(width: key.side, height: key.side) }
    let field: OutputField
    if let focus = state.focusedNeuron, let map = normalizedMap(focus, state: state) {
      field = .binary(map)
    } else if let grid {
      field = state.experiment.outputField(on: grid, outputs: outputs, regressionRange: valueRange)
    } else {
      return
    }
    BoundaryImage.draw(
      field, gridSize: VisualCache.gridSize, points: points, into: &output, discretize: key.discretize,
      showTest: key.showTest, smooth: true,
      pointRadius: BoundaryImage.defaultPointRadius(size: key.side) * pointScale)
  }

  // MARK: Layer warp

  private func updateWarp(_ state: AppState, key: NetworkKey, rect: Rect?) {
    guard let rect, let choice = state.warp, choice.layer < state.experiment.network.shape.hidden.count else {
      warp = nil
      warpKey = nil
      return
    }
    if let warpKey, warpKey.0 == key, warpKey.1 == choice, warpKey.2 == rect { return }
    let e = state.experiment
    let layer = choice.layer + 1
    let samples = LayerWarp.gridSamples()
    let gridPoints = stride(from: 0, to: samples.count, by: 2).map {
      DataPoint(x: Double(samples[$0]), y: Double(samples[$0 + 1]), label: 0)
    }
    let gridSamples = Samples(
      features: featureRows(gridPoints, features: e.config.features), featureCount: e.config.features.count,
      targets: [Float](repeating: 0, count: gridPoints.count))
    func pairs(_ all: NeuronOutputs) -> [Float] {
      let a = all.map(layer: layer, neuron: choice.first)
      let b = all.map(layer: layer, neuron: choice.second)
      var out = [Float](repeating: 0, count: a.count * 2)
      for i in a.indices { (out[2 * i], out[2 * i + 1]) = (a[i], b[i]) }
      return out
    }
    let mappedGrid = pairs(e.network.evaluateAll(gridSamples))
    let mappedPoints = pairs(e.network.evaluateAll(e.trainSamples))
    warp = LayerWarp.warp(mappedGrid: mappedGrid, mappedPoints: mappedPoints, in: rect, margin: 10)
    warpColors = e.train.map { p in
      e.classCount == 0
        ? SequentialScale.viridis.color(for: Float(p.label), in: valueRange)
        : ClassPalette.standard.hue(Int(p.label))
    }
    warpKey = (key, choice, rect)
  }
}
