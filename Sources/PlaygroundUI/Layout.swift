import Datasets
import ImmediateUI
import PlaygroundCore

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
  /// The optimizer and dropout menus (both modes).
  public var optimizer: Rect = .zero
  public var dropout: Rect = .zero
  public var helpButton: Rect = .zero
  /// The speed menu (epochs per second; images per second in CNN mode).
  public var speed: Rect = .zero
  /// The "2-D | CNN" switch (read through `modeSwitch`).
  public var modeSwitchBox: Rect = .zero
  /// CNN mode's batch size menu and test accuracy / loss readout (zero in the 2-D mode).
  public var cnnBatchSize: Rect = .zero
  public var cnnSummary: Rect = .zero
  /// Where the message floats, over the panels just under the top bar, and its × (nil when there
  /// is no banner). The height is one line's; longer messages wrap and grow it downwards.
  public var banner: Rect? = nil
  public var bannerClose: Rect? = nil

  // MARK: Folding
  /// The DATA | NETWORK tabs when the window is too narrow for both panels side by side (empty
  /// otherwise). The panel not shown is laid out off screen, so nothing of it is drawn or clicked
  /// and a lesson's pointer at one of its controls is sent to its tab instead.
  public var panelTabs: [TaggedRect<SidePanel>] = []

  // MARK: Data
  public var dataPanel: Rect = .zero
  public var datasetTiles: [TaggedRect<DatasetKind>] = []
  /// Where the chosen dataset's name is written, under the thumbnails.
  public var datasetNameRow: Rect = .zero
  public var trainRatioSlider: Rect = .zero
  public var noiseSlider: Rect = .zero
  public var batchSizeSlider: Rect = .zero
  public var regenerateButton: Rect = .zero

  // MARK: Network
  public var networkPanel: Rect = .zero
  /// Every feature, active or not, in `Feature.allCases` order.
  public var featureTiles: [TaggedRect<Feature>] = []
  /// Each feature's name, above its tile or (in a short panel) to its left.
  public var featureCaptions: [Rect] = []
  public var addLayerButton: Rect = .zero
  public var removeLayerButton: Rect = .zero
  public var layerCountLabel: Rect = .zero
  public var hiddenLayers: [HiddenLayerLayout] = []
  /// The output layer's neurons (one for two classes and regression, k for k classes).
  public var outputNeuronTiles: [Rect] = []
  /// "Output" over the output neurons' column.
  public var outputCaption: Rect = .zero

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
  /// The loss chart; when there is no room for it, the "Loss chart" button that expands it.
  public var lossChart: Rect = .zero
  /// The chart's expand (or, expanded, shrink) button, and its Log scale toggle (nil while the
  /// chart is folded behind the button).
  public var chartExpandButton: Rect = .zero
  public var chartLogToggle: Rect? = nil
  /// The accuracy chart under the loss chart (expanded, classification, when tall enough).
  public var accuracyChart: Rect? = nil
  /// The timeline along the window's bottom (both modes): its caption, the track, and the buttons
  /// that go on from the moment shown, back to the present, or undo (see `TimelineStrip`).
  public var timeline: Rect = .zero
  /// The layer-warp picker and view (nil when no hidden layer has two neurons).
  public var warpPicker: Rect? = nil
  public var warpView: Rect? = nil
  /// "Explain a step" (after the display toggles), and the walk-through's panel that takes the
  /// output panel's place while it is open (nil otherwise; `plot` is then its plot).
  public var explainButton: Rect = .zero
  /// "Show gradients" (∇): links coloured by their recent gradient instead of their weight.
  public var gradientToggle: Rect = .zero
  public var explainPanel: ExplainPanelLayout? = nil
  public var explainBar: ExplainBarLayout? = nil

  /// The top-level regions on screen, which never overlap (the banner floats above them).
  public var regions: [Rect] { [topBar, dataPanel, networkPanel, outputPanel].filter { $0.intersects(window) } }

  /// True when DATA and the network share one place behind tabs.
  public var isFolded: Bool { !panelTabs.isEmpty }

  /// The tab of `panel` when folded.
  public func panelTab(_ panel: SidePanel) -> Rect? { panelTabs.first { $0.tag == panel }?.rect }

  /// Where a lesson's pointer goes for `rect`: the rect itself, or the tab of the folded-away
  /// panel it belongs to.
  public func pointerTarget(_ rect: Rect) -> Rect? {
    if rect.intersects(window) { return rect }
    guard isFolded else { return nil }
    if rect.intersects(dataPanel) || dataPanel.contains(rect.center) { return panelTab(.data) }
    if rect.intersects(networkPanel) || networkPanel.contains(rect.center) { return panelTab(.network) }
    if rect.intersects(outputPanel) || outputPanel.contains(rect.center) { return panelTab(.output) }
    return nil
  }

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
      \.regularization, \.regularizationRate, \.problemType, \.optimizer, \.dropout, \.helpButton, \.dataPanel, \.trainRatioSlider,
      \.noiseSlider, \.batchSizeSlider, \.regenerateButton, \.networkPanel, \.addLayerButton,
      \.removeLayerButton,
      \.layerCountLabel, \.outputPanel, \.stats, \.plot, \.showTestToggle, \.discretizeToggle,
      \.copyConfigButton,
      \.lossChart, \.chartExpandButton, \.timeline, \.explainButton, \.gradientToggle,
    ] as [WritableKeyPath<Layout, Rect>] {
      snap(&self[keyPath: keyPath])
    }
    snap(&banner)
    snap(&bannerClose)
    snap(&legend)
    snap(&warpPicker)
    snap(&warpView)
    snap(&chartLogToggle)
    snap(&accuracyChart)
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
    panelTabs = panelTabs.map { TaggedRect($0.tag, $0.rect.snapped) }
    featureCaptions = featureCaptions.map(\.snapped)
    outputCaption = outputCaption.snapped
  }
}
