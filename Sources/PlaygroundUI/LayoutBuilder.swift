import Datasets
import ImmediateUI
import PlaygroundCore

/// Fixed sizes of the layout, in logical pixels, chosen for a projector at 1280×800 and still
/// fitting at 1000×640.
enum Metrics {
  static let margin: Float = 12
  static let gap: Float = 12
  static let topBarHeight: Float = 78
  static let bannerHeight: Float = 44
  static let headingRow: Float = 30
  static let captionHeight: Float = 20
  static let sliderHeight: Float = 30
  static let controlHeight: Float = 38
  static let toggleHeight: Float = 32
  static let smallButton: Float = 30
  /// The largest neuron tile at 1280 × 800; bigger windows grow it up to 1.5×.
  static let maxTile: Float = 56
}

extension Layout {
  /// Lays out a window of `size` for `state` (the banner, the problem kind, the network's shape);
  /// the top bar may run wider than `size` (over a lesson's strip), `topBarWidth` wide.
  init(size: Size, state: AppState, topBarWidth: Float? = nil) {
    let m = Metrics.self
    let window = Rect(x: 0, y: 0, width: max(size.width, 1), height: max(size.height, 1))
    var rest = window
    let barWidth = max(window.width, topBarWidth ?? 0)
    let plan = TopBarPlan(width: barWidth, mode: state.mode, values: TopBarPlan.values(state))
    _ = rest.cutTop(plan.height)
    topBar = Rect(x: 0, y: 0, width: barWidth, height: plan.height)
    self.window = window
    layTopBar(plan)

    if state.banner != nil {
      // The banner floats over the panels: nothing moves when it comes and goes.
      let b = Rect(
        x: window.x + 2 * m.margin, y: topBar.maxY + m.margin / 2, width: max(1, window.width - 4 * m.margin),
        height: m.bannerHeight)
      banner = b
      bannerClose = b.splitRight(b.height).right.inset(5)
    }

    // The timeline runs along the bottom, under every panel, when the window has the height for it
    // (in smaller ones its keys still move it: [ ] Home End).
    if TimelineStrip.fits(window, cnn: state.showingCNN != nil) {
      timeline = rest.cutBottom(TimelineStrip.height + m.margin).inset(dx: m.margin, dy: 0).splitTop(TimelineStrip.height).top
    }
    layColumns(rest.inset(m.margin), state: state)

    layDataPanel(offered: DatasetKind.offered(for: state.config.problem))

    layNetworkPanel(
      hidden: state.config.hiddenLayers,
      outputs: max(1, state.experiment.classCount > 2 ? state.experiment.classCount : 1))

    layOutputPanel(state: state)
    layExplain(state: state)
    snapToPixels()
  }

  /// Dataset thumbnails in two columns, three sliders with captions, Regenerate: stacked in a
  /// narrow panel, side by side in a wide one (a folded window gives DATA the network's room).
  private mutating func layDataPanel(offered: [DatasetKind]) {
    let m = Metrics.self
    var inner = dataPanel.inset(m.margin)
    _ = inner.cutTop(m.headingRow, spacing: 6)
    let sliderBlock = m.captionHeight + m.sliderHeight + 8
    let controls = sliderBlock * 3 + 10 + m.controlHeight
    // Side by side when wide, or when a short panel cannot stack 48 px thumbnails over the sliders.
    let stackedNeeds = Float((offered.count + 1) / 2) * 56 + 32 + controls
    let wide = inner.width >= 380 || (inner.width >= 260 && inner.height < stackedNeeds)
    var tileArea = inner
    var controlArea = inner
    if wide {
      tileArea = inner.splitLeft((inner.width * 0.5).rounded()).left
      controlArea = inner.splitLeft(tileArea.width + m.gap).rest
    }
    let below: Float = 26 + 6 + (wide ? 0 : controls)
    let rows = max(1, (offered.count + 1) / 2)
    let spacing: Float = 8
    let side = max(
      24,
      min(
        (tileArea.width - spacing) / 2, (tileArea.height - below - spacing * Float(rows - 1)) / Float(rows), 96))
    let left = tileArea.midX - side - spacing / 2
    datasetTiles = offered.enumerated().map { i, kind in
      TaggedRect(
        kind,
        Rect(
          x: left + Float(i % 2) * (side + spacing), y: tileArea.y + Float(i / 2) * (side + spacing),
          width: side, height: side))
    }
    if wide {
      datasetNameRow = Rect(
        x: tileArea.x, y: tileArea.y + Float(rows) * (side + spacing) - spacing + 6, width: tileArea.width,
        height: 22)
      // The sliders' captions sit above each slider: start one caption down.
      controlArea = controlArea.splitTop(m.captionHeight / 2).rest
    } else {
      datasetNameRow = Rect(
        x: inner.x, y: inner.y + Float(rows) * (side + spacing) - spacing + 6, width: inner.width, height: 22)
      _ = controlArea.cutTop(Float(rows) * (side + spacing) - spacing + 26 + 6)
    }
    for index in 0..<3 {
      var block = controlArea.cutTop(sliderBlock)
      _ = block.cutTop(m.captionHeight)
      let slider = block.cutTop(m.sliderHeight)
      switch index {
      case 0: trainRatioSlider = slider
      case 1: noiseSlider = slider
      default: batchSizeSlider = slider
      }
    }
    regenerateButton = controlArea.cutTop(10 + m.controlHeight).splitBottom(m.controlHeight).bottom
  }

  /// Feature tiles, the hidden layers' columns with their +/− buttons, the output neurons.
  private mutating func layNetworkPanel(hidden: [Int], outputs: Int) {
    let m = Metrics.self
    var inner = networkPanel.inset(m.margin)
    let heading = inner.cutTop(m.headingRow, spacing: 8)
    // Seven features in a short panel: captions beside the tiles rather than above them.
    let beside = (inner.height - 8) / Float(Feature.allCases.count) - 22 < 34
    // Beside: the widest caption ("sin(X₁)", about 60 px at 15 pt), a gap, and a tile of at most 44.
    let besideSide = min(44, (inner.height - 8) / Float(Feature.allCases.count) - 6)
    let featureWidth = beside ? 80 + besideSide : min(130, max(92, inner.width * 0.2))
    let features = inner.cutLeft(featureWidth, spacing: m.gap)
    let outputColumn = inner.cutRight(min(110, max(64, inner.width * 0.13)), spacing: m.gap)
    let layers = inner

    // Features: seven rows, each a caption over a tile.
    let rows = features.rows(Feature.allCases.count, spacing: 4)
    let growth = min(1.5, max(1, min(window.width / 1280, window.height / 800)))
    let maxTile = (m.maxTile * growth).rounded()
    let rowHeight = rows.first?.height ?? 0
    if beside {
      let featureSide = max(16, min(maxTile, rowHeight - 2, besideSide))
      featureTiles = zip(Feature.allCases, rows).map { feature, row in
        TaggedRect(
          feature,
          Rect(x: row.maxX - featureSide, y: row.midY - featureSide / 2, width: featureSide, height: featureSide))
      }
      featureCaptions = featureTiles.map { tile in
        Rect(x: features.x, y: tile.rect.midY - 11, width: tile.rect.minX - 6 - features.x, height: 22)
      }
    } else {
      let featureSide = max(20, min(maxTile + 8, features.width - 24, rowHeight - 22))
      featureTiles = zip(Feature.allCases, rows).map { feature, row in
        TaggedRect(
          feature,
          Rect(
            x: row.midX - featureSide / 2, y: row.maxY - featureSide, width: featureSide, height: featureSide))
      }
      featureCaptions = featureTiles.map { tile in
        Rect(x: features.x, y: tile.rect.y - 21, width: features.width, height: 20)
      }
    }

    // Heading over the layers: [+][−] "2 HIDDEN LAYERS".
    let hx = layers.x
    addLayerButton = Rect(
      x: hx, y: heading.midY - m.smallButton / 2, width: m.smallButton, height: m.smallButton)
    removeLayerButton = addLayerButton.offset(dx: m.smallButton + 6, dy: 0)
    // The count may run over the output column: "Output" is written lower, over its tiles.
    layerCountLabel = Rect(
      x: removeLayerButton.maxX + 10, y: heading.y, width: max(0, outputColumn.maxX - removeLayerButton.maxX - 10),
      height: heading.height)
    // "Explain a step" at the row's right end, where its Back / Next bar goes while it is open,
    // leaving the count 100 (for "2 LAYERS"); else in the panel's lower right corner, under the
    // output column, where no tile reaches.
    // "Show gradients" (∇) just left of it, or alone at the row's end.
    let toggleSide = m.smallButton
    let explainWidth = min(150, layerCountLabel.width - 110 - toggleSide - 6)
    if explainWidth >= 84 {
      explainButton = Rect(
        x: layerCountLabel.maxX - explainWidth, y: addLayerButton.y, width: explainWidth, height: m.smallButton)
      gradientToggle = Rect(x: explainButton.minX - toggleSide - 6, y: addLayerButton.y, width: toggleSide, height: toggleSide)
      layerCountLabel.width = max(0, layerCountLabel.width - explainWidth - toggleSide - 16)
    } else {
      let w = max(84, outputColumn.width)
      explainButton = Rect(x: outputColumn.maxX - w, y: inner.maxY - 34, width: w, height: 34)
      gradientToggle = .zero  // placed once the tiles are (`placeCornerGradientToggle`)
    }

    // Hidden layer columns: buttons, a "4 neurons" caption, then the tiles. Narrow columns (many
    // layers in a small window) stack + over − so neither shrinks below a clickable 22 px.
    let columnCount = max(1, hidden.count)
    let columnRects = layers.columns(columnCount, spacing: 4)
    let columnWidth = columnRects.first?.width ?? 0
    let stacked = (columnWidth - 6) / 2 < 24
    let stackedButton = min(m.smallButton, max(22, columnWidth - 4))
    let headerHeight = stacked ? 2 * stackedButton + 4 + 4 + 22 + 8 : m.smallButton + 4 + 22 + 8
    let tileArea = layers.splitTop(headerHeight).rest
    let tallest = max(hidden.max() ?? 1, outputs)
    let side = max(12, min(maxTile, columnWidth - 24, tileArea.height / (Float(tallest) * 1.22)))
    let step = tallest > 1 ? min(side * 1.6, (tileArea.height - side) / Float(tallest - 1)) : side
    hiddenLayers = zip(hidden, columnRects).map { count, column in
      let tiles = (0..<count).map { i in
        Rect(x: column.midX - side / 2, y: tileArea.y + Float(i) * step, width: side, height: side)
      }
      if stacked {
        let b = stackedButton
        let plus = Rect(x: column.midX - b / 2, y: column.y, width: b, height: b)
        let minus = plus.offset(dx: 0, dy: b + 4)
        return HiddenLayerLayout(
          column: column, addNeuron: plus, removeNeuron: minus,
          neuronsLabel: Rect(x: column.x, y: minus.maxY + 4, width: column.width, height: 22), tiles: tiles)
      }
      let button = min(m.smallButton, (column.width - 6) / 2)
      let plus = Rect(x: column.midX - button - 3, y: column.y, width: button, height: button)
      return HiddenLayerLayout(
        column: column, addNeuron: plus, removeNeuron: plus.offset(dx: button + 6, dy: 0),
        neuronsLabel: Rect(x: column.x, y: plus.maxY + 4, width: column.width, height: 22), tiles: tiles)
    }
    outputCaption = Rect(x: outputColumn.x - 8, y: tileArea.y - 26, width: outputColumn.width + 16, height: 22)
    let outSide = max(side, min(maxTile, outputColumn.width - 20))
    outputNeuronTiles = (0..<outputs).map { i in
      Rect(
        x: outputColumn.midX - outSide / 2, y: tileArea.y + Float(i) * max(step, outSide * 1.25),
        width: outSide,
        height: outSide)
    }
    if gradientToggle == .zero { placeCornerGradientToggle(layers: layers) }
  }
}
