import Engine
import ImmediateUI
import PlaygroundCore
import Training
import Visualization

/// What the attack, units and embedding pages derive from the network, kept between frames.
///
/// Each result belongs to a network revision. While training the revision changes every frame,
/// so the costly results (a forward pass over every test image, a unit's ascent) refresh at most
/// every `refreshFrames` frames, and the long ones (t-SNE, the silhouette, the units' pictures)
/// advance a slice per frame: the page keeps 60 frames a second while the network learns.
final class CNNInsideCache {
  /// Frames between refreshes of the whole-test-set results while training.
  static let refreshFrames = 20
  private var frame = 0

  // MARK: Attack
  private var attackKey: (revision: Int, image: [Float], settings: AttackSettings)?
  private(set) var attack: AdversarialExample?

  // MARK: Units
  private var unitsKey: (revision: Int, layer: Int, cam: CAMSettings, classes: Int)?
  private var unitsFrame = 0
  /// Each unit's favourite image and the activation it reaches (nil: not grown yet).
  private(set) var unitPictures: [(image: [Float], activation: Float)?] = []
  private var topKey: (revision: Int, unit: CNNUnit)?
  private var topFrame = 0
  /// The responses being gathered for the selected unit.
  private var topWork: (unit: CNNUnit, network: CNN, responses: [UnitResponse])?
  /// The selected unit's best test images (indices) with each one's strongest region.
  private(set) var top: [(index: Int, response: UnitResponse)] = []

  // MARK: Embedding
  private var embeddingKey: (revision: Int, layer: Int, method: ProjectionMethod)?
  private var embeddingFrame = 0
  private(set) var labels: [Int] = []
  /// The 2-D points (`count × 2`) last shown; t-SNE moves them a few iterations a frame.
  private(set) var points: [Double] = [] {
    didSet { pointsVersion += 1 }
  }
  /// Counts changes of `points` (the scatter picture is redrawn only after one).
  private var pointsVersion = 0
  private var scatterKey: (version: Int, side: Int)?
  private var scatter = Raster(width: 1, height: 1)
  private(set) var tsne: TSNEMap?
  private(set) var silhouetteWork: SilhouetteProgress?
  /// The shown layer's silhouette (nil while it is being summed).
  private(set) var silhouette: Double?
  /// The layer the silhouette is of.
  private(set) var silhouetteLayer = -1
  /// Rows of distances per frame for the shown layer (fewer for wide layers).
  private var rowBudget = 24
  /// Activations being gathered: for which revision, layer and method, the values so far, the
  /// next image, and the network they come from.
  private var gathering:
    (revision: Int, layer: Int, method: ProjectionMethod, values: [Double], next: Int, network: CNN)?

  /// Brings the shown page's results up to date (one slice of work per frame).
  func update(_ cnn: CNNAppState, page: CNNPage) {
    frame += 1
    let network = cnn.experiment.network
    guard network.isFinite, cnn.experiment.divergence == nil else {
      attack = nil
      unitPictures = []
      top = []
      points = []
      silhouette = nil
      return
    }
    switch page {
    case .attack: updateAttack(cnn)
    case .units: updateUnits(cnn)
    case .embedding: updateEmbedding(cnn)
    default: break
    }
  }

  /// Whether a result made at `made` for another revision may still show (while training, for a
  /// few frames).
  private func fresh(_ made: Int, _ cnn: CNNAppState) -> Bool {
    cnn.isPlaying && frame - made < Self.refreshFrames
  }

  private func updateAttack(_ cnn: CNNAppState) {
    let image = cnn.inspectedImage
    let settings = cnn.shownAttack
    if let k = attackKey, k.revision == cnn.revision, k.image == image, k.settings == settings { return }
    attack = cnn.experiment.network.attack(image: image, settings: settings)
    attackKey = (cnn.revision, image, settings)
  }

  private func updateUnits(_ cnn: CNNAppState) {
    let layer = cnn.shownUnitsLayer
    let count = cnn.unitCount(layer: layer)
    let network = cnn.experiment.network
    let settings = cnn.unitSettings
    let sameLayer =
      unitsKey.map { $0.layer == layer && $0.cam == settings && $0.classes == cnn.experiment.classCount }
      ?? false
    if !sameLayer
      || (unitsKey?.revision != cnn.revision && !fresh(unitsFrame, cnn) && growing >= unitPictures.count)
    {
      // Keep the old pictures of the same layer on screen until their new ones are grown.
      if !sameLayer || unitPictures.count != count { unitPictures = Array(repeating: nil, count: count) }
      unitsKey = (cnn.revision, layer, settings, cnn.experiment.classCount)
      unitsFrame = frame
      growing = 0
      ascent = nil
    }
    // A slice of one unit's ascent per frame (about 3 ms while training), unit after unit.
    var budget = cnn.isPlaying ? 40 : 120
    while growing < count && budget > 0 {
      var a =
        ascent ?? UnitAscent(network: network, unit: CNNUnit(layer: layer, unit: growing), settings: settings)
      let before = a.steps
      a.advance(steps: budget)
      budget -= max(1, a.steps - before)
      if a.isFinished {
        unitPictures[growing] = (a.image, a.activation)
        growing += 1
        ascent = nil
      } else {
        ascent = a
      }
    }
    let unit = CNNUnit(layer: layer, unit: cnn.shownUnit)
    if topKey?.unit != unit || (topKey?.revision != cnn.revision && !fresh(topFrame, cnn) && topWork == nil) {
      if topKey?.unit != unit { top = [] }
      topWork = (unit, network, [])
      topKey = (cnn.revision, unit)
      topFrame = frame
    }
    // The unit's response to every test image, 50 images a frame; then its best nine.
    if var work = topWork {
      let samples = cnn.experiment.testSamples
      let next = work.responses.count
      let part = Self.part(of: samples, next..<min(samples.count, next + 50))
      work.responses += work.network.unitResponses(work.unit, samples: part)
      if work.responses.count >= samples.count {
        top = CNN.top(9, of: work.responses).map { ($0, work.responses[$0]) }
        topWork = nil
      } else {
        topWork = work
      }
    }
  }

  /// Images `range` of `samples`.
  static func part(of samples: ImageSamples, _ range: Range<Int>) -> ImageSamples {
    let p = samples.pixelCount
    return ImageSamples(
      width: samples.width, height: samples.height,
      pixels: Array(samples.pixels[(range.lowerBound * p)..<(range.upperBound * p)]), labels: Array(samples.labels[range]))
  }
  /// The next unit whose picture grows, and its ascent so far.
  private(set) var growing = 0
  private var ascent: UnitAscent?

  private func updateEmbedding(_ cnn: CNNAppState) {
    let layer = cnn.shownEmbeddingLayer
    let method = cnn.inside.projection
    let same = embeddingKey.map { $0.layer == layer && $0.method == method } ?? false
    // A t-SNE map finishes before the next one starts (its neighbours take longer than the pause).
    let settled = tsne?.isFinished ?? true
    if !same
      || (embeddingKey?.revision != cnn.revision && !fresh(embeddingFrame, cnn) && settled
        && gathering == nil)
    {
      gathering = (cnn.revision, layer, method, [], 0, cnn.experiment.network)
      embeddingKey = (cnn.revision, layer, method)
      embeddingFrame = frame
      if !same {
        points = []
        silhouette = nil
        tsne = nil
      }
    }
    // Every test image's activations, a slice of images per frame (about 2 ms), then the projection.
    if var g = gathering {
      let samples = cnn.experiment.testSamples
      let chunk = 50
      let end = min(samples.count, g.next + chunk)
      if g.next < end {
        g.values += g.network.layerActivations(Self.part(of: samples, g.next..<end), layer: g.layer).values
        g.next = end
      }
      if g.next >= samples.count {
        gathering = nil
        // Every image gave the same number of values: the layer's width.
        let dims = samples.count > 0 ? max(1, g.values.count / samples.count) : 1
        project(
          LayerActivations(dimensions: dims, values: g.values), labels: samples.labels, layer: g.layer,
          method: g.method, cnn: cnn)
      } else {
        gathering = g
      }
    }
    advanceEmbedding()
  }

  /// Starts the projection and the silhouette of a layer's gathered activations.
  private func project(
    _ activations: LayerActivations, labels: [Int], layer: Int, method: ProjectionMethod, cnn: CNNAppState
  ) {
    let same = silhouetteLayer == layer && !points.isEmpty
    self.labels = labels
    switch method {
    case .pca:
      points = Embedding.pca(activations)
      tsne = nil
    case .tsne:
      var settings = TSNESettings()
      settings.seed = cnn.config.seed
      var map = TSNEMap(activations, settings: settings)
      // A map of the same layer a moment later starts where the last one is: it moves, not jumps.
      if same && points.count == map.positions.count {
        settings.exaggerationIterations = 0
        settings.iterations = 250
        map = TSNEMap(activations, settings: settings)
        map.startFrom(points)
      } else {
        points = map.positions
      }
      tsne = map
    }
    // The pixels' separation does not change with training: keep it.
    if !(layer == 0 && silhouetteLayer == 0 && silhouette != nil) {
      silhouetteWork = SilhouetteProgress(activations, labels: labels)
    }
    silhouetteLayer = layer
    rowBudget = max(1, min(24, 2_000_000 / max(1, activations.count * activations.dimensions)))
  }

  /// One frame's slice of t-SNE and of the silhouette (about 2 ms each for 400 images).
  private func advanceEmbedding() {
    if var map = tsne, !map.isFinished {
      map.advance(rows: rowBudget, iterations: 2)
      if map.hasProbabilities { points = map.positions }
      tsne = map
    }
    if var work = silhouetteWork {
      work.advance(rows: rowBudget)
      if let s = work.score {
        silhouette = s
        silhouetteWork = nil
      } else {
        silhouetteWork = work
      }
    }
  }
}

extension CNNInsideCache {
  /// Whether every slice of the shown page's work is done (units grown, t-SNE settled, the
  /// silhouette summed).
  var isSettled: Bool {
    growing >= unitPictures.count && (tsne?.isFinished ?? true) && silhouetteWork == nil && gathering == nil && topWork == nil
  }

  /// Works the shown page to the end at once: what a screenshot of a settled page shows.
  func settle(_ cnn: CNNAppState, page: CNNPage) {
    update(cnn, page: page)
    var rounds = 0
    while !isSettled && rounds < 10_000 {
      update(cnn, page: page)
      rounds += 1
    }
  }
}

extension PlaygroundView {
  /// Before a screenshot: the attack, units or embedding page shown fully worked out (the window
  /// grows them over a few frames).
  public func settleInsidePage(_ state: AppState) {
    guard let cnn = state.showingCNN, cnn.page.looksInside else { return }
    insideCache.settle(cnn, page: cnn.page)
  }
}

extension CNNInsideCache {
  /// The embedding's points fitted into [−1, 1]² (the larger spread fills it, centred), x right and y up.
  var normalizedPoints: [(x: Double, y: Double)] {
    let n = min(points.count / 2, labels.count)
    guard n > 0 else { return [] }
    var lo = (x: Double.infinity, y: Double.infinity)
    var hi = (x: -Double.infinity, y: -Double.infinity)
    for i in 0..<n {
      lo = (min(lo.x, points[2 * i]), min(lo.y, points[2 * i + 1]))
      hi = (max(hi.x, points[2 * i]), max(hi.y, points[2 * i + 1]))
    }
    let span = max(hi.x - lo.x, hi.y - lo.y, 1e-12) / 2
    return (0..<n).map { i in
      ((points[2 * i] - (lo.x + hi.x) / 2) / span, (points[2 * i + 1] - (lo.y + hi.y) / 2) / span)
    }
  }

  /// The domain the scatter picture shows: [−1, 1] and a margin for the discs.
  static let scatterDomain: ClosedRange<Double> = -1.08...1.08

  /// A disc's radius on a plot `side` px square: 3 to 6 px, larger as the plot grows.
  static func dotRadius(side: Float) -> Float { max(3, min(6, side / 60)) }

  /// Every test image as a disc coloured by class, `side` pixels square (redrawn when the points move).
  func scatterPicture(side: Int, background: UInt32) -> Raster {
    if let k = scatterKey, k.version == pointsVersion, k.side == side { return scatter }
    var raster = Raster(width: max(1, side), height: max(1, side), fill: background)
    let plotted = zip(normalizedPoints, labels).map { p, label in PlotPoint(x: p.x, y: p.y, classIndex: label) }
    let radius = Self.dotRadius(side: Float(side))
    PointsLayer.draw(into: &raster, points: plotted, domain: Self.scatterDomain, radius: radius, classCount: 3, outlineWidth: 0.8)
    scatter = raster
    scatterKey = (pointsVersion, side)
    return raster
  }
}
