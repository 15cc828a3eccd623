import Engine

/// An input feature computed from a point's coordinates: the playground's seven input tiles.
public enum Feature: String, CaseIterable, Sendable, Codable {
  /// X₁ = x.
  case x1
  /// X₂ = y.
  case x2
  /// X₁² = x².
  case x1sq
  /// X₂² = y².
  case x2sq
  /// X₁X₂ = x·y.
  case x1x2
  /// sin(X₁) = sin x.
  case sinx1
  /// sin(X₂) = sin y.
  case sinx2

  /// The feature's value at the point (x, y).
  public func value(x: Double, y: Double) -> Double {
    switch self {
    case .x1: x
    case .x2: y
    case .x1sq: x * x
    case .x2sq: y * y
    case .x1x2: x * y
    case .sinx1: Scalar.sin(x)
    case .sinx2: Scalar.sin(y)
    }
  }

  /// The label on the feature's tile, with subscripts and superscripts.
  public var displayName: String {
    switch self {
    case .x1: "X₁"
    case .x2: "X₂"
    case .x1sq: "X₁²"
    case .x2sq: "X₂²"
    case .x1x2: "X₁X₂"
    case .sinx1: "sin(X₁)"
    case .sinx2: "sin(X₂)"
    }
  }
}

/// The row-major n × features.count matrix of feature values, as Float for the engine:
/// element [i · features.count + j] is `features[j].value(x: points[i].x, y: points[i].y)`.
public func featureRows(_ points: [DataPoint], features: [Feature]) -> [Float] {
  var rows: [Float] = []
  rows.reserveCapacity(points.count * features.count)
  for point in points {
    for feature in features {
      rows.append(Float(feature.value(x: point.x, y: point.y)))
    }
  }
  return rows
}
