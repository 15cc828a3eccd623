/// The 2-D datasets a learner can pick, named as in TensorFlow Playground's URL (`reg-plane`, ...).
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
  /// A disc of class 1 (blue) inside a ring of class 0 (orange).
  case circle
  /// Four quadrants; class 1 where x·y ≥ 0.
  case xor
  /// Two Gaussian clouds at (2, 2) (class 1) and (−2, −2) (class 0).
  case gauss
  /// Two interleaved spiral arms, class 1 and class 0.
  case spiral
  /// Regression: label (x + y) / 10.
  case regPlane = "reg-plane"
  /// Regression: six signed bumps; the label is the strongest bump at the point.
  case regGauss = "reg-gauss"
  /// Three Gaussian blobs at 90°, 210° and 330° on a circle of radius 3, classes 0, 1, 2.
  case blobs3
  /// Three spiral arms 120° apart, classes 0, 1, 2.
  case spiral3
  /// The learner's own points (CSV or clicked); `DatasetGenerator.generate` returns none.
  case custom

  /// True for the two regression datasets, whose labels are real numbers rather than classes.
  public var isRegression: Bool {
    switch self {
    case .regPlane, .regGauss: true
    default: false
    }
  }

  /// The number of classes: 2 for the binary sets (and `custom`), 3 for `blobs3`/`spiral3`,
  /// 0 for regression.
  public var classCount: Int {
    switch self {
    case .circle, .xor, .gauss, .spiral, .custom: 2
    case .blobs3, .spiral3: 3
    case .regPlane, .regGauss: 0
    }
  }

  /// The name shown under the dataset's thumbnail.
  public var displayName: String {
    switch self {
    case .circle: "Circle"
    case .xor: "Exclusive or"
    case .gauss: "Gaussian"
    case .spiral: "Spiral"
    case .regPlane: "Plane"
    case .regGauss: "Multi Gaussian"
    case .blobs3: "Three blobs"
    case .spiral3: "Three-arm spiral"
    case .custom: "Your points"
    }
  }
}

/// One point of a 2-D dataset.
///
/// Classification: `label` is the class index 0, 1, 2, … as a Double (binary sets: class 0 is the
/// playground's −1/orange, class 1 its +1/blue). Regression: `label` is a real target, in [−1, 1]
/// for `reg-gauss`; `reg-plane` follows the playground's unclamped (x + y) / 10, so it reaches
/// ±1.2 at the corners (±1.8 with noise 50).
public struct DataPoint: Equatable, Sendable, Codable {
  /// The first coordinate (feature X₁).
  public var x: Double
  /// The second coordinate (feature X₂).
  public var y: Double
  /// The class index (classification) or the target value (regression).
  public var label: Double

  /// A point at (x, y) with the given label.
  public init(x: Double, y: Double, label: Double) {
    self.x = x
    self.y = y
    self.label = label
  }
}
