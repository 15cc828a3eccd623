import Datasets
import Engine
import ImmediateUI
import PlaygroundCore
import Training
import Visualization

/// What the CNN mode keeps between frames: derived pictures and numbers for the last seen state,
/// and the view-only choices (the results tab, the last brush position). The right-hand page is
/// state (`CNNAppState.page`).
final class CNNViewCache {
  /// Curves or confusion, when the results page is too small for both.
  var resultsTab: CNNResultsTab = .curves
  /// The class whose picture is shown enlarged on the class pictures page (click or Esc closes).
  var enlarged: Int?
  /// Whether the folded ascent settings are open (small windows fold them behind a button).
  var camSettingsOpen = false
  /// Each filter's picture (mean over its inputs, diverging colours), per layer, for one revision.
  private var filterKey: (revision: Int, layers: [Int], scales: [Int])?
  private(set) var filterRasters: [[Raster]] = []
  /// The class "Add as" adds the drawing to.
  var addClass = 0
  /// The last image-pixel position painted while a mouse button is held (strokes stay continuous).
  var lastBrush: Point?
  /// Key of the inspected image's analysis: network revision, which image, and the pixels.
  private var inspectedKey: (revision: Int, image: [Float], saliency: Bool)?
  private(set) var activations: CNNActivations?
  private(set) var saliency: [Float]?
  /// The gallery follows the test-set measurement (made at every finished epoch and after every
  /// change), not each frame's slice of mini-batches: finding the mistakes runs the whole test set.
  private var galleryMeasurement: CNNMetrics?
  private var galleryShapes: [ShapeKind] = []
  private(set) var mistakes: [MisclassifiedImage] = []
  /// A gallery found on the training thread (used if it belongs to the current measurement).
  private var prepared: PreparedMistakes?

  func prime(_ mistakes: PreparedMistakes) { prepared = mistakes }
  private(set) var templates: [ShapeKind: Raster] = [:]
  private var templatePixelCache: [ShapeKind: [Float]] = [:]

  /// The clean template of `kind` (drawn once).
  func templatePixels(_ kind: ShapeKind) -> [Float] {
    if let p = templatePixelCache[kind] { return p }
    let p = ShapeImages.template(kind)
    templatePixelCache[kind] = p
    return p
  }

  /// Each imported class's mean image, its icon and the names and first images they were made
  /// from (a loaded session may reuse a name with other pictures).
  private(set) var importedMeans: [[Float]] = []
  private var importedIcons: [Raster] = []
  private var importedKey: [(name: String, count: Int, first: [Float])] = []

  /// Class `i`'s icon and texture key: a shape's clean template, an imported class's mean image
  /// (contrast stretched, so a faint average still shows its form).
  func classIcon(_ i: Int, of experiment: CNNExperiment) -> (raster: Raster, key: Int)? {
    if let kind = experiment.shapeKind(i) {
      return templates[kind].map { (raster: $0, key: textureKey("cnn.class.\(kind.rawValue)")) }
    }
    let j = i - experiment.config.shapes.count
    guard importedIcons.indices.contains(j) else { return nil }
    return (raster: importedIcons[j], key: textureKey("cnn.imported.\(experiment.imported[j].name)"))
  }

  /// Class `i`'s reference picture for the class pictures page: a shape's template, an imported
  /// class's mean training image.
  func referencePixels(_ i: Int, of experiment: CNNExperiment) -> [Float]? {
    if let kind = experiment.shapeKind(i) { return templatePixels(kind) }
    let j = i - experiment.config.shapes.count
    return importedMeans.indices.contains(j) ? importedMeans[j] : nil
  }

  private func updateImported(_ imported: [ImageClass]) {
    let same =
      imported.count == importedKey.count
      && zip(imported, importedKey).allSatisfy {
        $0.name == $1.name && $0.images.count == $1.count && ($0.images.first ?? []) == $1.first
      }
    guard !same else { return }
    importedMeans = imported.map(\.meanImage)
    importedIcons = importedMeans.map {
      CNNPictures.grayscale($0, width: ShapeImages.size, height: ShapeImages.size, scale: 2, autoContrast: true)
    }
    importedKey = imported.map { (name: $0.name, count: $0.images.count, first: $0.images.first ?? []) }
  }

  init() {
    for kind in ShapeKind.allCases {
      templates[kind] = CNNPictures.grayscale(
        ShapeImages.template(kind), width: ShapeImages.size, height: ShapeImages.size, scale: 2,
        autoContrast: false)
    }
  }

  /// The filters' pictures for `cnn`'s network, with weight blocks of `scales[layer]` pixels.
  func filters(_ cnn: CNNAppState, scales: [Int]) -> [[Raster]] {
    let layers = cnn.config.convLayers
    if let key = filterKey, key.revision == cnn.revision, key.layers == layers, key.scales == scales {
      return filterRasters
    }
    let network = cnn.experiment.network
    filterRasters = layers.enumerated().map { stage, filters in
      let cin = stage == 0 ? 1 : layers[stage - 1]
      return (0..<filters).map { o in
        // Deeper filters see many maps: show the mean over their inputs.
        var w = network.filter(stage: stage, output: o, input: 0)
        for i in 1..<max(cin, 1) {
          let more = network.filter(stage: stage, output: o, input: i)
          for j in w.indices { w[j] += more[j] }
        }
        if cin > 1 { w = w.map { $0 / Float(cin) } }
        let side = Int(Double(w.count).squareRoot())
        return FilterImage.raster(w, side: side, scale: stage < scales.count ? scales[stage] : 1)
      }
    }
    filterKey = (cnn.revision, layers, scales)
    return filterRasters
  }

  func update(_ cnn: CNNAppState, galleryLimit: Int) {
    updateImported(cnn.experiment.imported)
    let image = cnn.inspectedImage
    if inspectedKey?.revision != cnn.revision || inspectedKey?.image != image
      || inspectedKey?.saliency != cnn.showSaliency
    {
      let network = cnn.experiment.network
      if network.isFinite {
        let a = network.activations(image: image)
        activations = a
        saliency = cnn.showSaliency ? network.saliency(image: image, class: a.predictedClass) : nil
      } else {
        activations = nil
        saliency = nil
      }
      inspectedKey = (cnn.revision, image, cnn.showSaliency)
    }
    if galleryMeasurement != cnn.evaluation.test || galleryShapes != cnn.config.shapes {
      if let prepared, prepared.measurement == cnn.evaluation.test, prepared.shapes == cnn.config.shapes {
        mistakes = Array(prepared.mistakes.prefix(galleryLimit))
      } else {
        mistakes = cnn.experiment.network.isFinite ? cnn.experiment.misclassifiedTestImages(limit: galleryLimit) : []
      }
      prepared = nil
      galleryMeasurement = cnn.evaluation.test
      galleryShapes = cnn.config.shapes
    }
  }
}

/// The frame of the CNN mode's drawing code.
struct CNNFrame {
  let state: AppState
  let cnn: CNNAppState
  let ui: UIContext
  let layout: CNNLayout
  let cache: CNNViewCache
  var actions: [Action] = []

  var theme: Theme { ui.theme }
}

extension PlaygroundView {
  /// The CNN mode's frame: top bar, controls, filters and maps, the canvas, results or class
  /// pictures. Keys, banner and help are the 2-D mode's.
  func cnnFrame(_ state: AppState, _ cnn: CNNAppState, _ ui: UIContext) -> FrameResult {
    let base = self.layout(for: ui.input.windowSize, state: state)
    let layout = cnnLayout(for: ui.input.windowSize, state: state)
    cnnCache.update(cnn, galleryLimit: layout.galleryTiles.count)
    if let lesson, let masked = maskingFrozenCNNControls(ui.input, layout, base: base, controls: lesson.controls) {
      ui.begin(masked)
    }
    reserveBanner(ui, base, state)
    var f = FrameBuilder(state: state, ui: ui, layout: base)
    var c = CNNFrame(state: state, cnn: cnn, ui: ui, layout: layout, cache: cnnCache)
    ui.draw.fillRect(base.window, ui.theme.windowBackground)
    drawCNNTopBar(&c, base)
    drawCNNControls(&c)
    // Results first: in a narrow window its panel holds the network or the drawing (pages).
    if state.showingComparison != nil {
      f.ui.draw.fillRect(layout.resultsPanel, ui.theme.windowBackground)
      drawComparePanel(&f, in: layout.resultsPanel)
    } else {
      drawCNNResults(&c)
    }
    drawCNNImage(&c)
    drawCNNNetwork(&c)
    f.actions.insert(contentsOf: c.actions, at: 0)
    drawTimeline(&f)
    if let lesson { drawCNNLesson(&f, layout, guide: lesson) }
    return finishFrame(&f)
  }

  /// Where everything of the CNN mode goes (state.cnn must exist).
  public func cnnLayout(for size: Size, state: AppState) -> CNNLayout {
    // In a lesson the panel takes a strip on the right, as in the 2-D view.
    let base = layout(for: size, state: state)
    guard let cnn = state.cnn else { return CNNLayout() }
    return CNNLayout(
      size: base.window.size, state: state, cnn: cnn, page: cnn.page, base: base, tab: cnnCache.resultsTab,
      camSettingsOpen: cnnCache.camSettingsOpen)
  }
}
