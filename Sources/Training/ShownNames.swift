import Datasets
import Localization

// The names the window and messages show for shapes, datasets and classes, in the learner's
// language. The English `displayName`s stay as they are: run histories save them in files.

extension ShapeKind {
  /// The shape's name as the learner reads it ("Circle", "Kreis", "Círculo").
  public var shownName: String {
    switch self {
    case .circle: tr("Circle")
    case .square: tr("Square")
    case .triangle: tr("Triangle")
    case .cross: tr("Cross")
    case .star: tr("Star")
    case .hline: tr("Horizontal line")
    case .vline: tr("Vertical line")
    case .ring: tr("Ring")
    case .hollowSquare: tr("Hollow square")
    case .hollowTriangle: tr("Hollow triangle")
    case .diamond: tr("Diamond")
    case .x: tr("X")
    }
  }
}

extension DatasetKind {
  /// The dataset's name as the learner reads it.
  public var shownName: String {
    switch self {
    case .circle: tr("Circle")
    case .xor: tr("Exclusive or")
    case .gauss: tr("Gaussian")
    case .spiral: tr("Spiral")
    case .regPlane: tr("Plane")
    case .regGauss: tr("Multi Gaussian")
    case .blobs3: tr("Three blobs")
    case .spiral3: tr("Three-arm spiral")
    case .custom: tr("Your points")
    }
  }
}

extension Feature {
  /// The feature's label: maths notation, the same in every language.
  public var shownName: String { verbatim(displayName) }
}

extension CNNExperiment {
  /// Class `i`'s name as the learner reads it: a shape's translated name, an imported class's own.
  public func shownClassName(_ i: Int) -> String {
    if let kind = shapeKind(i) { return kind.shownName }
    if let imported = importedClass(i) { return verbatim(imported.name) }
    return tr("class {1}", i)
  }
}
