import Datasets
import ImmediateUI
import PlaygroundCore

extension Layout {
  /// The "2-D | CNN" switch at the right of the top bar, left of the help button.
  public var modeSwitch: Rect { modeSwitchBox }
}

/// One conv layer's rows in the network column: its filters and its feature maps.
public struct CNNLayerLayout: Hashable, Sendable {
  /// "Layer 1 · 8 filters" and its − / + buttons.
  public var header: Rect
  public var removeFilter: Rect
  public var addFilter: Rect
  /// One tile per filter (5×5 weights) and one per feature map of the inspected image.
  public var filterTiles: [Rect]
  public var mapTiles: [Rect]
}

/// One class's class-activation-maximization cell: the growing image, the clean template, the text.
public struct CAMCellLayout: Hashable, Sendable {
  public var image: Rect
  public var template: Rect
  public var text: Rect
}

/// Where everything of the CNN mode goes for one window size and state, in logical pixels.
public struct CNNLayout: Hashable, Sendable {
  public var window: Rect = .zero
  /// Batch size menu in the top bar (the learning rate uses the 2-D layout's place).
  public var batchSize: Rect = .zero
  /// Test accuracy readout in the top bar.
  public var summary: Rect = .zero

  // MARK: Left: classes and network size
  public var controlsPanel: Rect = .zero
  /// One toggle thumbnail per shape kind, in `ShapeKind.allCases` order.
  public var classTiles: [TaggedRect<ShapeKind>] = []
  /// "IMPORTED" above one row per imported image class (icon and name; always trained, no toggle).
  public var importedHeading: Rect = .zero
  public var importedRows: [Rect] = []
  public var addLayerButton: Rect = .zero
  public var removeLayerButton: Rect = .zero
  public var layerCountLabel: Rect = .zero
  /// Per conv layer: "Layer k" with − / + filters.
  public var filterSteppers: [Rect] = []

  // MARK: Middle: filters, feature maps, mistakes
  public var networkPanel: Rect = .zero
  public var layers: [CNNLayerLayout] = []
  public var galleryHeading: Rect = .zero
  /// Misclassified test images (as many as fit).
  public var galleryTiles: [Rect] = []

  // MARK: Image: drawing canvas and prediction
  public var imagePanel: Rect = .zero
  public var canvas: Rect = .zero
  public var clearButton: Rect = .zero
  public var saliencyToggle: Rect = .zero
  public var addClassMenu: Rect = .zero
  public var addButton: Rect = .zero
  public var probabilityRows: [Rect] = []

  // MARK: Right: results or class pictures
  public var resultsPanel: Rect = .zero
  public var pageSwitch: Rect = .zero
  public var accuracyChart: Rect = .zero
  public var lossChart: Rect = .zero
  public var confusion: Rect = .zero
  /// CAM settings controls: objective, start, step size, L2 decay, blur, jitter, cap; restart.
  public var camControls: [Rect] = []
  public var camRestart: Rect = .zero
  /// "Network's picture · clean shape · |r|" above the cells (an imported class shows its mean
  /// training image and no |r|).
  public var camCaption: Rect = .zero
  public var camCells: [CAMCellLayout] = []

  /// Nothing placed (no CNN session yet).
  public init() {}

  public init(size: Size, state: AppState, cnn: CNNAppState, page: CNNPage, base: Layout) {
    let m = Metrics.self
    window = base.window
    batchSize = base.cnnBatchSize
    summary = base.cnnSummary
    var rest = window
    // The top bar is one row or two (see TopBarPlan).
    _ = rest.cutTop(base.topBar.height)
    if state.banner != nil { _ = rest.cutTop(m.bannerHeight + m.margin) }
    let main = rest.inset(m.margin)
    var columns = main
    let scale = min(1.4, max(0.8, main.width / 1256))
    controlsPanel = columns.cutLeft((206 * scale).rounded(), spacing: m.gap)
    resultsPanel = columns.cutRight((330 * scale).rounded(), spacing: m.gap)
    imagePanel = columns.cutRight((272 * scale).rounded(), spacing: m.gap)
    networkPanel = columns
    layControls(cnn)
    layNetwork(cnn)
    layImage(cnn)
    layResults(cnn, page: page)
  }

  /// Content area of a panel (below its heading).
  static func content(_ panel: Rect) -> Rect {
    var r = panel.inset(12)
    _ = r.cutTop(Metrics.headingRow, spacing: 6)
    return r
  }

  private mutating func layControls(_ cnn: CNNAppState) {
    var r = CNNLayout.content(controlsPanel)
    let cols = 3
    let side = min(60, ((r.width - 8 * Float(cols - 1)) / Float(cols)).rounded(.down))
    let rows = (ShapeKind.allCases.count + cols - 1) / cols
    let grid = r.cutTop(Float(rows) * (side + 8), spacing: 10)
    classTiles = ShapeKind.allCases.enumerated().map { i, kind in
      TaggedRect(
        kind,
        Rect(x: grid.x + Float(i % cols) * (side + 8), y: grid.y + Float(i / cols) * (side + 8), width: side, height: side))
    }
    let imported = cnn.experiment.imported.count
    if imported > 0 {
      importedHeading = r.cutTop(20, spacing: 4)
      importedRows = (0..<imported).map { _ in r.cutTop(26, spacing: 4) }
      _ = r.cutTop(6)
    }
    _ = r.cutTop(Metrics.headingRow, spacing: 4)  // "CONV LAYERS" heading
    var row = r.cutTop(Metrics.smallButton, spacing: 10)
    removeLayerButton = row.cutLeft(Metrics.smallButton, spacing: 6)
    addLayerButton = row.cutLeft(Metrics.smallButton, spacing: 8)
    layerCountLabel = row
    filterSteppers = cnn.config.convLayers.indices.map { _ in r.cutTop(Metrics.smallButton, spacing: 8) }
  }

  private mutating func layNetwork(_ cnn: CNNAppState) {
    var r = CNNLayout.content(networkPanel)
    let galleryHeight: Float = 30 + 2 * 52
    let gallery = r.cutBottom(galleryHeight, spacing: 8)
    let count = cnn.config.convLayers.count
    let perLayer = (r.height - Float(count - 1) * 8) / Float(count)
    layers = cnn.config.convLayers.map { filters in
      var block = r.cutTop(perLayer, spacing: 8)
      var header = block.cutTop(26, spacing: 4)
      let addFilter = header.cutRight(26, spacing: 4)
      let removeFilter = header.cutRight(26, spacing: 8)
      // Filters and maps share the block: as many columns as give the largest square tiles.
      let half = (block.height - 6) / 2
      func tiles(_ area: Rect) -> [Rect] {
        var best: (side: Float, cols: Int) = (0, 1)
        for cols in 1...filters {
          let rows = (filters + cols - 1) / cols
          let side = min((area.width - Float(cols - 1) * 4) / Float(cols), (area.height - Float(rows - 1) * 4) / Float(rows), 64)
          if side > best.side { best = (side, cols) }
        }
        let side = best.side.rounded(.down)
        return (0..<filters).map { i in
          Rect(x: area.x + Float(i % best.cols) * (side + 4), y: area.y + Float(i / best.cols) * (side + 4), width: side, height: side)
        }
      }
      var labelArea = block
      let labels = labelArea.cutLeft(64, spacing: 6)
      _ = labels
      let filterArea = Rect(x: labelArea.x, y: labelArea.y, width: labelArea.width, height: half)
      let mapArea = Rect(x: labelArea.x, y: labelArea.y + half + 6, width: labelArea.width, height: half)
      return CNNLayerLayout(
        header: header, removeFilter: removeFilter, addFilter: addFilter, filterTiles: tiles(filterArea),
        mapTiles: tiles(mapArea))
    }
    galleryHeading = gallery.splitTop(26).top
    let tilesArea = gallery.splitTop(30).rest
    let side: Float = 48
    let cols = max(1, Int((tilesArea.width + 4) / (side + 4)))
    let rows = max(1, Int((tilesArea.height + 4) / (side + 4)))
    galleryTiles = (0..<(cols * rows)).map { i in
      Rect(x: tilesArea.x + Float(i % cols) * (side + 4), y: tilesArea.y + Float(i / cols) * (side + 4), width: side, height: side)
    }
  }

  private mutating func layImage(_ cnn: CNNAppState) {
    var r = CNNLayout.content(imagePanel)
    let side = min(r.width, (r.height * 0.45).rounded(.down))
    let pixel = max(1, (side / 28).rounded(.down))
    let canvasSide = pixel * 28
    let c = r.cutTop(canvasSide, spacing: 8)
    canvas = Rect(x: c.x + (c.width - canvasSide) / 2, y: c.y, width: canvasSide, height: canvasSide)
    var row = r.cutTop(32, spacing: 8)
    // Narrow panels (a lesson's strip takes room) keep "Saliency" and the class name whole.
    clearButton = row.cutLeft(min(84, max(64, (row.width * 0.34).rounded())), spacing: 8)
    saliencyToggle = row
    var add = r.cutTop(Metrics.controlHeight - 4, spacing: 10)
    addButton = add.cutLeft(min(118, max(80, (add.width * 0.44).rounded())), spacing: 6)
    addClassMenu = add
    _ = r.cutTop(24, spacing: 4)  // "Prediction" caption
    let k = cnn.experiment.classCount
    let h = min(30, (r.height / Float(k)).rounded(.down))
    probabilityRows = (0..<k).map { _ in r.cutTop(h) }
  }

  private mutating func layResults(_ cnn: CNNAppState, page: CNNPage) {
    var r = resultsPanel.inset(12)
    let head = r.cutTop(Metrics.headingRow, spacing: 8)
    pageSwitch = head
    switch page {
    case .results:
      let chartHeight = min(120, (r.height * 0.22).rounded())
      _ = r.cutTop(22)
      accuracyChart = r.cutTop(chartHeight, spacing: 8)
      _ = r.cutTop(22)
      lossChart = r.cutTop(chartHeight, spacing: 10)
      _ = r.cutTop(22, spacing: 4)
      let side = min(r.width, r.height)
      confusion = Rect(x: r.x, y: r.y, width: side, height: side)
    case .classPictures:
      // Seven settings, two per row with captions above; Restart beside the last.
      var controls: [Rect] = []
      for _ in 0..<4 {
        _ = r.cutTop(20)
        let cells = r.cutTop(32, spacing: 6).columns(2, spacing: 10)
        controls.append(contentsOf: cells)
      }
      camRestart = controls.removeLast()
      camControls = controls
      camCaption = r.cutTop(24, spacing: 4)
      let k = cnn.experiment.classCount
      let gridCols = k <= 4 ? 1 : 2
      let rows = (k + gridCols - 1) / gridCols
      let cellW = (r.width - Float(gridCols - 1) * 10) / Float(gridCols)
      let cellH = min(90, (r.height / Float(rows)).rounded(.down))
      camCells = (0..<k).map { i in
        let cell = Rect(
          x: r.x + Float(i % gridCols) * (cellW + 10), y: r.y + Float(i / gridCols) * cellH, width: cellW,
          height: cellH - 4)
        // Two columns leave room for "0.83" beside the pictures; one column for three lines.
        let s = min(cell.height, gridCols == 1 ? 84 : ((cellW - 4 - 8 - 42) / 2).rounded(.down))
        let image = Rect(x: cell.x, y: cell.y, width: s, height: s)
        let template = Rect(x: image.maxX + 4, y: cell.y, width: s, height: s)
        let text = Rect(x: template.maxX + 8, y: cell.y, width: max(0, cell.maxX - template.maxX - 8), height: s)
        return CAMCellLayout(image: image, template: template, text: text)
      }
    }
  }
}

/// What the right-hand CNN panel shows.
public enum CNNPage: Hashable, Sendable {
  /// Accuracy and loss curves and the confusion matrix.
  case results
  /// Class activation maximization: what the network thinks each class looks like.
  case classPictures
}
