import ImmediateUI
import PlaygroundCore

/// Where the attack, units and embedding pages put things (only the shown page's fields are set).
public struct CNNInsideLayout: Hashable, Sendable {
  // MARK: Attack
  /// "FGSM | PGD" and the target menu ("Any other class", each class).
  public var attackMethod: Rect = .zero
  public var attackTarget: Rect = .zero
  /// "Most change per pixel ε" above its slider, and "Find smallest ε".
  public var epsilonCaption: Rect = .zero
  public var epsilonSlider: Rect = .zero
  public var searchButton: Rect = .zero
  /// Original, the change (amplified, diverging colours), the attacked image; captions above.
  public var attackImages: [Rect] = []
  public var attackCaptions: [Rect] = []
  /// "Fooled: …" / "Not fooled: …" and the distances.
  public var attackVerdict: Rect = .zero
  public var attackDistances: Rect = .zero
  /// "Class · before · after" and one row per class (as many as fit, likeliest first).
  public var probabilityHeader: Rect = .zero
  public var probabilityRows: [Rect] = []

  // MARK: Units
  /// "Layer 1 | Layer 2 | Dense".
  public var unitsLayer: Rect = .zero
  public var unitsCaption: Rect = .zero
  /// Each unit's favourite image (activation maximisation).
  public var unitTiles: [Rect] = []
  /// "Unit k: its top 9 test images" and the nine (most active region outlined).
  public var topCaption: Rect = .zero
  public var topTiles: [Rect] = []

  // MARK: Embedding
  /// "Pixels | Layer 1 | … | Dense" and "PCA | t-SNE".
  public var embeddingLayer: Rect = .zero
  public var projection: Rect = .zero
  /// The separation number (silhouette) and what the colours are (one row under the plot, or
  /// rows of names in the column beside it).
  public var separation: Rect = .zero
  public var scatter: Rect = .zero
  public var legend: Rect = .zero

  public init() {}

  /// The shown page's places in `area` (below the page switch).
  init(_ cnn: CNNAppState, page: CNNPage, in area: Rect) {
    switch page {
    case .attack: layAttack(cnn, in: area)
    case .units: layUnits(cnn, in: area)
    case .embedding: layEmbedding(cnn, in: area)
    default: break
    }
  }

  private mutating func layAttack(_ cnn: CNNAppState, in area: Rect) {
    var r = area
    let h = Metrics.controlHeight - 4
    var row = r.cutTop(h, spacing: 10)
    attackMethod = row.cutLeft(min(200, (row.width * 0.42).rounded()), spacing: 10)
    attackTarget = row
    // A short page (a projector's window) names ε in one letter beside its slider (the hint
    // explains it) and keeps the search button on the same row: the pictures get the height.
    let compact = r.height < 420
    if compact {
      var slider = r.cutTop(h, spacing: 10)
      epsilonCaption = slider.cutLeft(18, spacing: 4)
      searchButton = slider.cutRight(min(180, (slider.width * 0.45).rounded()), spacing: 10)
      epsilonSlider = slider
    } else {
      epsilonCaption = r.cutTop(22)
      var slider = r.cutTop(h, spacing: 10)
      if slider.width >= 440 {
        searchButton = slider.cutRight(min(190, (slider.width * 0.4).rounded()), spacing: 10)
      } else {
        // Narrow: the search button gets a row of its own under the slider.
        searchButton = r.cutTop(h, spacing: 10)
        searchButton.width = min(searchButton.width, 220)
      }
      epsilonSlider = slider
    }
    // Three pictures side by side in equal columns, as large as leaves room for the verdict and a
    // few classes; each caption has its column's width.
    let column = ((r.width - 2 * 10) / 3).rounded(.down)
    // Under the pictures: captions 22, verdict 24, distances 30, the header 24 and two classes.
    let below: Float = compact ? 22 + 8 + 24 + 22 : 22 + 8 + 24 + 30 + 24 + 44
    let side = max(40, min(column, compact ? r.height : max(56, (r.height * 0.42).rounded(.down)), 224, r.height - below))
    let captions = r.cutTop(22)
    let images = r.cutTop(side, spacing: 8)
    attackCaptions = (0..<3).map { i in
      Rect(x: captions.x + Float(i) * (column + 10), y: captions.y, width: column, height: captions.height)
    }
    attackImages = (0..<3).map { i in Rect(x: images.x + Float(i) * (column + 10), y: images.y, width: side, height: side) }
    attackVerdict = r.cutTop(24)
    attackDistances = r.cutTop(22, spacing: 8)
    // The table only when a class row fits under its header.
    guard r.height >= 24 + 22 else { return }
    probabilityHeader = r.cutTop(22, spacing: 2)
    let k = cnn.experiment.classCount
    let n = max(0, min(k, Int(r.height / 22)))
    probabilityRows = (0..<n).map { _ in r.cutTop(22) }
  }

  private mutating func layUnits(_ cnn: CNNAppState, in area: Rect) {
    var r = area
    unitsLayer = r.cutTop(Metrics.controlHeight - 4, spacing: 8)
    unitsCaption = r.cutTop(22, spacing: 6)
    // Left the units' pictures, right the chosen unit's top nine (a column of at least 3 × 44 px).
    let topWidth = max(3 * 44 + 8, min((r.width * 0.38).rounded(), (r.height - 30) * 1.0))
    var right = r.cutRight(topWidth, spacing: 14)
    topCaption = right.cutTop(22, spacing: 6)
    let topSide = min(((right.width - 8) / 3).rounded(.down), ((right.height - 8) / 3).rounded(.down))
    topTiles = topSide < 24 ? [] : (0..<9).map { i in
      Rect(x: right.x + Float(i % 3) * (topSide + 4), y: right.y + Float(i / 3) * (topSide + 4), width: topSide, height: topSide)
    }
    let count = cnn.unitCount(layer: cnn.shownUnitsLayer)
    var best: (side: Float, cols: Int) = (0, 1)
    for cols in 1...max(1, count) {
      let rows = (count + cols - 1) / cols
      let side = min((r.width - Float(cols - 1) * 6) / Float(cols), (r.height - Float(rows) * 18 - Float(rows - 1) * 6) / Float(rows), 112)
      if side > best.side { best = (side, cols) }
    }
    let side = best.side.rounded(.down)
    unitTiles = side < 16 ? [] : (0..<count).map { i in
      Rect(x: r.x + Float(i % best.cols) * (side + 6), y: r.y + Float(i / best.cols) * (side + 18 + 6), width: side, height: side)
    }
  }

  /// The embedding page: the stacked arrangement, or the plot beside a column when that makes
  /// the dots larger (a short, wide page such as a projector's window at zoom 1.5).
  private mutating func layEmbedding(_ cnn: CNNAppState, in area: Rect) {
    layEmbeddingStacked(in: area)
    var beside = self
    beside.layEmbeddingBeside(in: area)
    if beside.scatter.width > scatter.width { self = beside }
  }

  /// The layers on top, then the method and the separation, the plot, the legend under it.
  private mutating func layEmbeddingStacked(in area: Rect) {
    var r = area
    var row = r.cutTop(Metrics.controlHeight - 4, spacing: 8)
    if row.width >= 600 {
      // The method keeps room for "t-SNE"; the layers share the rest.
      projection = row.cutRight(min(170, (row.width * 0.3).rounded()), spacing: 10)
      embeddingLayer = row
      separation = r.cutTop(22, spacing: 4)
    } else {
      // Narrow: the layers take the row; the method sits beside the separation number.
      embeddingLayer = row
      var second = r.cutTop(Metrics.controlHeight - 4, spacing: 6)
      projection = second.cutLeft(150, spacing: 10)
      separation = second
    }
    legend = r.cutBottom(24, spacing: 6)
    let side = min(r.width, r.height)
    scatter = Rect(x: r.x + (r.width - side) / 2, y: r.y, width: side, height: side)
  }

  /// The layers on top; under them the plot, as tall as the rest, and beside it a column (at
  /// least 150 px) with the method, the separation (up to two lines) and the legend's rows.
  private mutating func layEmbeddingBeside(in area: Rect) {
    var r = area
    embeddingLayer = r.cutTop(Metrics.controlHeight - 4, spacing: 8)
    let side = max(0, min(r.height, r.width - 150 - 14)).rounded(.down)
    scatter = r.cutLeft(side, spacing: 14)
    scatter.height = side
    projection = r.cutTop(Metrics.controlHeight - 4, spacing: 8)
    projection.width = min(projection.width, 200)
    separation = r.cutTop(42, spacing: 6)  // two lines: "measuring" may not fit beside the word
    legend = r
  }
}
