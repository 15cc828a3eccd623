import Datasets
import ImmediateUI

/// A rectangle tagged with what it shows (a dataset thumbnail, a feature tile).
public struct TaggedRect<Tag: Hashable & Sendable>: Hashable, Sendable {
  public var tag: Tag
  public var rect: Rect

  public init(_ tag: Tag, _ rect: Rect) {
    self.tag = tag
    self.rect = rect
  }
}

/// One hidden layer's column in the network diagram.
public struct HiddenLayerLayout: Hashable, Sendable {
  /// The whole column (header and tiles).
  public var column: Rect
  public var addNeuron: Rect
  public var removeNeuron: Rect
  /// Where "4 neurons" is written.
  public var neuronsLabel: Rect
  /// One tile per neuron, top to bottom.
  public var tiles: [Rect]
}

/// Where every panel and control sits for one window size and state, in logical pixels.
///
/// `PlaygroundView.frame` draws exactly these rectangles, so tests and scripts can click controls
/// by name (`layout.playButton.center`).
public struct Layout: Hashable, Sendable {
  public var window: Rect = .zero

  // MARK: Top bar
  public var topBar: Rect = .zero
  public var playButton: Rect = .zero
  public var stepButton: Rect = .zero
  public var resetButton: Rect = .zero
  /// The "Epoch 000,123" counter.
  public var epoch: Rect = .zero
  /// Dropdowns (their captions sit just above them, inside the top bar).
  public var learningRate: Rect = .zero
  public var activation: Rect = .zero
  public var regularization: Rect = .zero
  public var regularizationRate: Rect = .zero
  public var problemType: Rect = .zero
  public var helpButton: Rect = .zero
  /// The speed menu (epochs per second; images per second in CNN mode).
  public var speed: Rect = .zero
  /// The "2-D | CNN" switch (read through `modeSwitch`).
  public var modeSwitchBox: Rect = .zero
  /// CNN mode's batch size menu and test accuracy / loss readout (zero in the 2-D mode).
  public var cnnBatchSize: Rect = .zero
  public var cnnSummary: Rect = .zero
  /// The message strip under the top bar and its × (nil when there is no banner).
  public var banner: Rect? = nil
  public var bannerClose: Rect? = nil

  // MARK: Data
  public var dataPanel: Rect = .zero
  public var datasetTiles: [TaggedRect<DatasetKind>] = []
  public var trainRatioSlider: Rect = .zero
  public var noiseSlider: Rect = .zero
  public var batchSizeSlider: Rect = .zero
  public var regenerateButton: Rect = .zero

  // MARK: Network
  public var networkPanel: Rect = .zero
  /// Every feature, active or not, in `Feature.allCases` order.
  public var featureTiles: [TaggedRect<Feature>] = []
  public var addLayerButton: Rect = .zero
  public var removeLayerButton: Rect = .zero
  public var layerCountLabel: Rect = .zero
  public var hiddenLayers: [HiddenLayerLayout] = []
  /// The output layer's neurons (one for two classes and regression, k for k classes).
  public var outputNeuronTiles: [Rect] = []

  // MARK: Output
  public var outputPanel: Rect = .zero
  /// Loss and accuracy readouts.
  public var stats: Rect = .zero
  /// The decision-boundary picture; clicks in it add and remove points.
  public var plot: Rect = .zero
  public var showTestToggle: Rect = .zero
  public var discretizeToggle: Rect = .zero
  /// One swatch per class (classification only), class 0 first.
  public var classButtons: [Rect] = []
  /// The color bar for regression outputs.
  public var legend: Rect? = nil
  public var copyConfigButton: Rect = .zero
  public var lossChart: Rect = .zero
  /// The layer-warp picker and view (nil when no hidden layer has two neurons).
  public var warpPicker: Rect? = nil
  public var warpView: Rect? = nil

  /// The top-level regions, which never overlap.
  public var regions: [Rect] { [topBar, dataPanel, networkPanel, outputPanel] + (banner.map { [$0] } ?? []) }

  /// The thumbnail of `kind`, if it is offered.
  public func datasetTile(_ kind: DatasetKind) -> Rect? { datasetTiles.first { $0.tag == kind }?.rect }

  /// The tile of `feature`.
  public func featureTile(_ feature: Feature) -> Rect? { featureTiles.first { $0.tag == feature }?.rect }

  /// Neuron tiles of the network layer `layer` (0 the features in network order, 1… hidden, last output).
  func neuronTiles(layer: Int, features: [Feature]) -> [Rect] {
    if layer == 0 { return features.compactMap { featureTile($0) } }
    if layer <= hiddenLayers.count { return hiddenLayers[layer - 1].tiles }
    return outputNeuronTiles
  }
}

extension Rect {
  /// The rectangle with its edges on whole logical pixels, so tiles and icons stay crisp.
  var snapped: Rect {
    let x0 = x.rounded()
    let y0 = y.rounded()
    return Rect(x: x0, y: y0, width: (x + width).rounded() - x0, height: (y + height).rounded() - y0)
  }
}

extension Layout {
  /// Puts every rectangle's edges on whole logical pixels.
  mutating func snapToPixels() {
    func snap(_ r: inout Rect) { r = r.snapped }
    func snap(_ r: inout Rect?) { r = r?.snapped }
    for keyPath in [
      \Layout.window, \.topBar, \.playButton, \.stepButton, \.resetButton, \.epoch, \.learningRate,
      \.activation,
      \.regularization, \.regularizationRate, \.problemType, \.helpButton, \.dataPanel, \.trainRatioSlider,
      \.noiseSlider, \.batchSizeSlider, \.regenerateButton, \.networkPanel, \.addLayerButton,
      \.removeLayerButton,
      \.layerCountLabel, \.outputPanel, \.stats, \.plot, \.showTestToggle, \.discretizeToggle,
      \.copyConfigButton,
      \.lossChart,
    ] as [WritableKeyPath<Layout, Rect>] {
      snap(&self[keyPath: keyPath])
    }
    snap(&banner)
    snap(&bannerClose)
    snap(&legend)
    snap(&warpPicker)
    snap(&warpView)
    // Tiles keep one size per layer: snap the origin, round the side.
    func tile(_ r: Rect) -> Rect {
      Rect(x: r.x.rounded(), y: r.y.rounded(), width: r.width.rounded(), height: r.height.rounded())
    }
    hiddenLayers = hiddenLayers.map {
      HiddenLayerLayout(
        column: $0.column.snapped, addNeuron: $0.addNeuron.snapped, removeNeuron: $0.removeNeuron.snapped,
        neuronsLabel: $0.neuronsLabel.snapped, tiles: $0.tiles.map(tile))
    }
    featureTiles = featureTiles.map { TaggedRect($0.tag, tile($0.rect)) }
    datasetTiles = datasetTiles.map { TaggedRect($0.tag, tile($0.rect)) }
    outputNeuronTiles = outputNeuronTiles.map(tile)
    classButtons = classButtons.map(tile)
  }
}
