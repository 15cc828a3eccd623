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
  /// The class name, under the picture.
  public var name: Rect = .zero
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
  /// "Layers", left of the page switch, when the filters and maps fold into this panel (zero otherwise).
  public var layersTab: Rect = .zero
  /// The drawing panel is a page too ("Draw", left of "Layers"; the image panel is zero otherwise).
  public var drawingFolded = false
  public var accuracyChart: Rect = .zero
  public var lossChart: Rect = .zero
  public var confusion: Rect = .zero
  /// "Curves | Confusion", when both do not fit (zero otherwise).
  public var resultsTabs: Rect = .zero
  /// CAM settings controls: objective, start, step size, L2 decay, blur, jitter, cap; restart.
  public var camControls: [Rect] = []
  public var camRestart: Rect = .zero
  /// "Ascent settings", when the settings fold away to leave the pictures room (zero otherwise).
  public var camSettingsToggle: Rect = .zero
  /// "Network's picture · clean shape · |r|" above the cells (an imported class shows its mean
  /// training image and no |r|).
  public var camCaption: Rect = .zero
  public var camCells: [CAMCellLayout] = []
  /// Where the cells go; an enlarged picture covers it.
  public var camGrid: Rect = .zero
  /// "Attack | Units | Embedding": the pages that look inside, right of the page switch when the
  /// panel is wide enough for one row, else under it.
  public var insideSwitch: Rect = .zero
  /// The "Explain a step" page's room (it lays itself out as it draws, by its text's length).
  public var stepArea: Rect = .zero
  /// The shown one of those pages.
  public var inside = CNNInsideLayout()

  /// Nothing placed (no CNN session yet).
  public init() {}

  public init(
    size: Size, state: AppState, cnn: CNNAppState, page: CNNPage, base: Layout, tab: CNNResultsTab = .curves,
    camSettingsOpen: Bool = false
  ) {
    let m = Metrics.self
    window = base.window
    batchSize = base.cnnBatchSize
    summary = base.cnnSummary
    var rest = window
    // The top bar is one row or two (see TopBarPlan).
    _ = rest.cutTop(base.topBar.height)
    if base.timeline.height > 0 { _ = rest.cutBottom(TimelineStrip.height + m.margin) }  // the base layout's timeline
    let main = rest.inset(m.margin)
    var columns = main
    let scale = min(1.4, max(0.8, main.width / 1256))
    controlsPanel = columns.cutLeft((206 * scale).rounded(), spacing: m.gap)
    resultsPanel = columns.cutRight((330 * scale).rounded(), spacing: m.gap)
    imagePanel = columns.cutRight((272 * scale).rounded(), spacing: m.gap)
    networkPanel = columns
    // Under 1100 logical pixels four columns leave none of them room: the filters and maps fold
    // into the right-hand panel as a third page ("Layers"), beside results and class pictures.
    let narrow = main.width < 1100
    let shown: CNNPage = !narrow && page == .layers ? .results : page
    if narrow || shown == .classPictures || shown.looksInside {
      // The pages' panel takes the network column too (the pictures need room a class can see
      // from the back); the drawing canvas moves to the right edge.
      let right = resultsPanel.maxX
      imagePanel.x = right - imagePanel.width
      resultsPanel = Rect(
        x: networkPanel.x, y: resultsPanel.y, width: imagePanel.x - m.gap - networkPanel.x, height: resultsPanel.height)
      networkPanel = Rect(x: networkPanel.x, y: networkPanel.y, width: 0, height: networkPanel.height)
    }
    // Narrower still (a lesson's strip beside a small window): the drawing folds in too ("Draw").
    drawingFolded = narrow && resultsPanel.width < 330
    if drawingFolded {
      resultsPanel.width = imagePanel.maxX - resultsPanel.x
    }
    let shownHere: CNNPage = !drawingFolded && shown == .drawing ? .results : shown
    if narrow {
      var head = resultsPanel.inset(12)
      var row = head.cutTop(Metrics.headingRow, spacing: 6)
      // Four pages take two rows (Draw | Layers above Results | Class pictures): whole labels.
      layersTab = drawingFolded ? row : row.cutLeft((row.width / 3).rounded(.down))
      var panel = resultsPanel
      // The inside pages' switch takes a row of its own when the page switch's row is too narrow.
      let insideRow = CNNLayout.insideSharesRow(head.width, options: 7) && !drawingFolded ? 0 : Metrics.headingRow + 8
      _ = panel.cutTop(12 + Metrics.headingRow + 4 + (drawingFolded ? Metrics.headingRow + 6 : 0) + insideRow)
      if shownHere == .layers { networkPanel = panel }
      if drawingFolded { imagePanel = shownHere == .drawing ? panel : Rect(x: panel.x, y: panel.y, width: 0, height: 0) }
    }
    layControls(cnn)
    if networkPanel.width > 0 { layNetwork(cnn) }
    if imagePanel.width > 0 { layImage(cnn) }
    layResults(cnn, page: shownHere, tab: tab, settingsOpen: camSettingsOpen)
  }

  /// Content area of a panel (below its heading).
  static func content(_ panel: Rect) -> Rect {
    var r = panel.inset(12)
    _ = r.cutTop(Metrics.headingRow, spacing: 6)
    return r
  }

  private mutating func layControls(_ cnn: CNNAppState) {
    var r = CNNLayout.content(controlsPanel)
    // Three columns of class tiles, four when the layer rows would not fit below three.
    let layerRows = Float(cnn.config.convLayers.count) * (Metrics.smallButton + 8)
    let below = Metrics.headingRow + 4 + Metrics.smallButton + 10 + layerRows + 10
      + (cnn.experiment.imported.isEmpty ? 0 : 30 + Float(cnn.experiment.imported.count) * 30)
    func tileSide(_ cols: Int) -> Float { min(60, ((r.width - 8 * Float(cols - 1)) / Float(cols)).rounded(.down)) }
    func gridHeight(_ cols: Int) -> Float {
      Float((ShapeKind.allCases.count + cols - 1) / cols) * (tileSide(cols) + 8) + 10
    }
    let cols = gridHeight(3) + below <= r.height ? 3 : 4
    let side = tileSide(cols)
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
    let count = cnn.config.convLayers.count
    // The mistakes gallery folds away when it would leave a layer's tiles under about 30 px.
    let withGallery = (r.height - galleryHeight - 8 - Float(count - 1) * 8) / Float(count)
    let gallery = withGallery >= 100 ? r.cutBottom(galleryHeight, spacing: 8) : Rect.zero
    let perLayer = (r.height - Float(count - 1) * 8) / Float(count)
    layers = cnn.config.convLayers.map { filters in
      var block = r.cutTop(perLayer, spacing: 8)
      var header = block.cutTop(26, spacing: 4)
      let addFilter = header.cutRight(26, spacing: 4)
      let removeFilter = header.cutRight(26, spacing: 8)
      // Filters and maps share the block: as many columns as give the largest square tiles.
      let half = (block.height - 6) / 2
      func tiles(_ area: Rect, snap: Float = 1) -> [Rect] {
        var best: (side: Float, cols: Int) = (0, 1)
        for cols in 1...filters {
          let rows = (filters + cols - 1) / cols
          let side = min((area.width - Float(cols - 1) * 4) / Float(cols), (area.height - Float(rows - 1) * 4) / Float(rows), 140)
          if side > best.side { best = (side, cols) }
        }
        // Filter tiles are whole multiples of the kernel: every weight block the same size.
        let side = best.side >= snap ? (best.side / snap).rounded(.down) * snap : best.side.rounded(.down)
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
        header: header, removeFilter: removeFilter, addFilter: addFilter, filterTiles: tiles(filterArea, snap: 5),
        mapTiles: tiles(mapArea))
    }
    guard gallery.height > 0 else {
      galleryHeading = .zero
      galleryTiles = []
      return
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
    if r.width >= 250 {
      var add = r.cutTop(Metrics.controlHeight - 4, spacing: 10)
      addButton = add.cutLeft(min(118, max(80, (add.width * 0.44).rounded())), spacing: 6)
      addClassMenu = add
    } else {
      // A narrow panel stacks them, so the class menu shows "Horizontal line" whole.
      addClassMenu = r.cutTop(Metrics.controlHeight - 4, spacing: 6)
      addButton = r.cutTop(Metrics.controlHeight - 4, spacing: 10)
    }
    _ = r.cutTop(24, spacing: 4)  // "Prediction" caption
    // Rows of at least 21 px (15 pt type): the likeliest classes when not all fit.
    let k = cnn.experiment.classCount
    let n = max(1, min(k, Int(r.height / 21)))
    let h = min(30, (r.height / Float(n)).rounded(.down))
    probabilityRows = (0..<n).map { _ in r.cutTop(h) }
  }

  private mutating func layResults(_ cnn: CNNAppState, page: CNNPage, tab: CNNResultsTab, settingsOpen: Bool) {
    var r = resultsPanel.inset(12)
    if drawingFolded { _ = r.cutTop(Metrics.headingRow, spacing: 6) }
    var head = r.cutTop(Metrics.headingRow, spacing: 8)
    if layersTab.width > 0 && !drawingFolded { _ = head.cutLeft(layersTab.width) }
    pageSwitch = head
    layInsideSwitch(&r)
    switch page {
    case .layers, .drawing: break
    case .attack, .units, .embedding:
      inside = CNNInsideLayout(cnn, page: page, in: r)
    case .step:
      stepArea = r
    case .results:
      layResultsPage(cnn, in: r, tab: tab)
    case .classPictures:
      layClassPictures(cnn, in: r, settingsOpen: settingsOpen)
    }
  }

  /// Whether all page options fit one row `width` wide (128 px each).
  static func insideSharesRow(_ width: Float, options: Float) -> Bool { width >= 128 * options }

  /// The inside pages' switch: one row with the page switch when every option gets 128 px, else a
  /// row of its own under it.
  private mutating func layInsideSwitch(_ r: inout Rect) {
    let sharesRow = layersTab.width > 0 && !drawingFolded
    let row = sharesRow ? layersTab.union(pageSwitch) : pageSwitch
    let options: Float = (sharesRow ? 3 : 2) + 4
    if CNNLayout.insideSharesRow(row.width, options: options) {
      let per = (row.width / options).rounded(.down)
      var rest = row
      if sharesRow { layersTab = rest.cutLeft(per) }
      pageSwitch = rest.cutLeft(2 * per)
      insideSwitch = rest
    } else {
      insideSwitch = r.cutTop(Metrics.headingRow, spacing: 8)
    }
  }

  /// The curves and the confusion matrix; when the matrix's numbers would not fit at 15 pt below
  /// the curves, a "Curves | Confusion" switch shows one or the other (nothing shrinks below).
  private mutating func layResultsPage(_ cnn: CNNAppState, in area: Rect, tab: CNNResultsTab) {
    var r = area
    let k = max(1, cnn.experiment.classCount)
    let need = CNNLayout.confusionCell(cnn)
    let label = CNNLayout.confusionLabel
    func layCharts(_ r: inout Rect, share: Float) {
      let chartHeight = min(share == 0.22 ? 120 : 220, (r.height * share).rounded())
      _ = r.cutTop(22)
      accuracyChart = r.cutTop(chartHeight, spacing: 8)
      _ = r.cutTop(22)
      lossChart = r.cutTop(chartHeight, spacing: 10)
    }
    func layConfusion(_ r: inout Rect) {
      _ = r.cutTop(22, spacing: 4)
      let side = min(r.width, r.height)
      confusion = Rect(x: r.x, y: r.y, width: side, height: side)
    }
    var both = r
    layCharts(&both, share: 0.22)
    if (min(both.width, both.height - 26) - label) / Float(k) >= need {
      layConfusion(&both)
      return
    }
    accuracyChart = .zero
    lossChart = .zero
    resultsTabs = r.cutTop(Metrics.controlHeight - 4, spacing: 12)
    if tab == .curves { layCharts(&r, share: 0.36) } else { layConfusion(&r) }
  }

  /// The width of the matrix's row and column headers.
  static let confusionLabel: Float = 30

  /// The smallest confusion cell that holds its largest count at 15 pt (digits of the biggest
  /// class's test images; about 9 px a digit plus room).
  static func confusionCell(_ cnn: CNNAppState) -> Float {
    let k = max(1, cnn.experiment.classCount)
    var counts = [Int](repeating: 0, count: k)
    for image in cnn.experiment.test where image.label < k { counts[image.label] += 1 }
    let digits = String(max(counts.max() ?? 0, 1)).count
    return max(22, Float(digits) * 9 + 6)
  }

  /// The class pictures page (it has the network column's room too): the seven ascent settings
  /// and Restart in rows of up to four, then per class the picture as large as the rows allow
  /// (a column beside it with the reference and |r|, p; the name below).
  private mutating func layClassPictures(_ cnn: CNNAppState, in area: Rect, settingsOpen: Bool) {
    var r = area
    let perRow = max(2, min(4, Int((r.width + 10) / 160)))
    func laySettings(_ r: inout Rect) {
      var controls: [Rect] = []
      while controls.count < 8 {
        _ = r.cutTop(20)
        controls.append(contentsOf: r.cutTop(32, spacing: 6).columns(perRow, spacing: 10))
      }
      controls = Array(controls.prefix(8))
      camRestart = controls.removeLast()
      camControls = controls
    }
    var withSettings = r
    laySettings(&withSettings)
    _ = withSettings.cutTop(28)
    // Pictures under 112 px with the settings showing: the settings fold behind a button when
    // that makes the pictures larger (12 classes at 1280×800 get 112 px instead of 86).
    let shown = layCAMCells(cnn, in: withSettings)
    var folded = r
    _ = folded.cutTop(32 + 8 + 28)
    if shown < 112 && layCAMCells(cnn, in: folded) > shown {
      camSettingsToggle = r.cutTop(32, spacing: 8)
      camControls = []
      camRestart = .zero
      camCells = []
      if settingsOpen {
        laySettings(&r)
        return
      }
    } else {
      r = withSettings
      r.y -= 28
      r.height += 28
    }
    camCaption = r.cutTop(24, spacing: 4)
    layCAMCells(cnn, in: r)
  }

  /// One cell per class in `r` with the largest picture that lets every class fit; the side.
  @discardableResult
  private mutating func layCAMCells(_ cnn: CNNAppState, in r: Rect) -> Float {
    camGrid = r
    let k = cnn.experiment.classCount
    guard k > 0 else { return 0 }
    // The largest picture side for which every class fits.
    let textColumn: Float = 78
    let nameRow: Float = 22
    var side: Float = 0
    var cols = 1
    for s in stride(from: Float(220), through: 24, by: -2) {
      // Wide enough for the longest shape name ("Hollow triangle") in bold under the picture.
      let cellW = max(s + 8 + textColumn, 132)
      let c = min(k, max(1, Int((r.width + 12) / (cellW + 12))))
      let rows = (k + c - 1) / c
      if Float(rows) * (s + nameRow + 6) <= r.height && cellW <= r.width {
        side = s
        cols = c
        break
      }
    }
    guard side > 0 else { return layCompactCAMCells(k, in: r) }
    let cellW = ((r.width - Float(cols - 1) * 12) / Float(cols)).rounded(.down)
    camCells = (0..<k).map { i in
      let x = r.x + Float(i % cols) * (cellW + 12)
      let y = r.y + Float(i / cols) * (side + nameRow + 6)
      let image = Rect(x: x, y: y, width: side, height: side)
      // The reference is half the picture, leaving two lines (|r|, p) under it.
      let t = max(24, min((side / 2).rounded(.down), side - 46))
      let template = Rect(x: image.maxX + 8, y: y, width: t, height: t)
      let text = Rect(x: template.x, y: template.maxY + 4, width: max(0, x + cellW - template.x), height: side - t - 4)
      let name = Rect(x: x, y: image.maxY + 2, width: cellW, height: nameRow - 2)
      return CAMCellLayout(image: image, template: template, text: text, name: name)
    }
    return side
  }
}

extension CNNLayout {
  /// Where the cells with their words do not fit (many classes in a projector's small window):
  /// each class's picture with its clean shape beside it at half size, no words (the name, |r| and
  /// p are in its tooltip and the enlarged view). Returns the picture side (0: none fits).
  fileprivate mutating func layCompactCAMCells(_ k: Int, in r: Rect) -> Float {
    for s in stride(from: Float(220), through: 24, by: -2) {
      let t = (s / 2).rounded(.down)
      let cellW = s + 4 + t
      let cols = min(k, max(1, Int((r.width + 10) / (cellW + 10))))
      let rows = (k + cols - 1) / cols
      guard Float(rows) * (s + 8) <= r.height, cellW <= r.width else { continue }
      camCells = (0..<k).map { i in
        let x = r.x + Float(i % cols) * (cellW + 10)
        let y = r.y + Float(i / cols) * (s + 8)
        return CAMCellLayout(
          image: Rect(x: x, y: y, width: s, height: s), template: Rect(x: x + s + 4, y: y, width: t, height: t), text: .zero)
      }
      return s
    }
    camCells = []
    return 0
  }
}

/// Which half of the results page shows when the page is too small for both.
public enum CNNResultsTab: Hashable, Sendable {
  case curves
  case confusion
}
