import Engine

/// The shape classes of the image dataset, named as in lessons and on the command line.
public enum ShapeKind: String, CaseIterable, Sendable, Codable {
  /// A filled disc.
  case circle
  /// A filled square.
  case square
  /// A filled triangle pointing up.
  case triangle
  /// A plus sign: a horizontal and a vertical bar.
  case cross
  /// A filled five-pointed star.
  case star
  /// A horizontal bar.
  case hline
  /// A vertical bar.
  case vline
  /// The outline of a circle.
  case ring
  /// The outline of a square.
  case hollowSquare = "hollow-square"
  /// The outline of a triangle.
  case hollowTriangle = "hollow-triangle"
  /// A filled square standing on a corner.
  case diamond
  /// Two diagonal bars.
  case x

  /// The four classes a shapes session starts with.
  public static let defaultClasses: [ShapeKind] = [.circle, .square, .triangle, .cross]

  /// "circle, square, …" for messages and help.
  public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The name shown beside the class's thumbnail.
  public var displayName: String {
    switch self {
    case .circle: "Circle"
    case .square: "Square"
    case .triangle: "Triangle"
    case .cross: "Cross"
    case .star: "Star"
    case .hline: "Horizontal line"
    case .vline: "Vertical line"
    case .ring: "Ring"
    case .hollowSquare: "Hollow square"
    case .hollowTriangle: "Hollow triangle"
    case .diamond: "Diamond"
    case .x: "X"
    }
  }
}

/// How much the images of one class differ from each other.
public enum ShapeVariation: String, CaseIterable, Sendable, Codable {
  /// Every image is the class's clean template (ShapeShop: the network memorises one picture).
  case none
  /// Small shifts, sizes and tilts, faint noise.
  case low
  /// Noticeable shifts, sizes, tilts, stroke widths, brightness and noise.
  case moderate
  /// Large shifts, sizes, tilts, stroke widths, brightness and noise.
  case strong

  /// The ranges a random pose is drawn from (see `ShapePose.random`).
  public var ranges: ShapeVariationRanges {
    switch self {
    case .none: ShapeVariationRanges(shift: 0, scale: 0, rotationDegrees: 0, stroke: 0, dimming: 0, noise: 0)
    case .low:
      ShapeVariationRanges(shift: 1, scale: 0.08, rotationDegrees: 5, stroke: 0.25, dimming: 0.1, noise: 0.03)
    case .moderate:
      ShapeVariationRanges(
        shift: 3, scale: 0.18, rotationDegrees: 12, stroke: 0.75, dimming: 0.25, noise: 0.08)
    case .strong:
      ShapeVariationRanges(shift: 5, scale: 0.3, rotationDegrees: 25, stroke: 1.25, dimming: 0.4, noise: 0.15)
    }
  }
}

/// The half-widths of the random ranges of one variation level.
public struct ShapeVariationRanges: Sendable, Equatable {
  /// Pixels the centre moves in x and in y, ±.
  public var shift: Double
  /// Relative size change, ±.
  public var scale: Double
  /// Tilt, ± degrees. Kept small so that hline/vline and square/diamond stay different classes.
  public var rotationDegrees: Double
  /// Stroke width change in pixels, ± (lines, outlines and the cross).
  public var stroke: Double
  /// Brightness of the shape: 1 − U(0, dimming).
  public var dimming: Double
  /// Pixel noise: U(−noise, noise) added to every pixel, then clamped to [0, 1].
  public var noise: Double
}

/// Where and how one shape is drawn on the canvas.
public struct ShapePose: Sendable, Equatable {
  /// Centre offset from the canvas centre, pixels.
  public var dx: Double = 0
  public var dy: Double = 0
  /// Size relative to the template.
  public var scale: Double = 1
  /// Rotation, radians, counter-clockwise as seen on screen.
  public var rotation: Double = 0
  /// Stroke width in pixels (lines, outlines, the cross).
  public var stroke: Double = ShapePose.templateStroke
  /// Brightness of the shape (the background is 0).
  public var intensity: Double = 1

  /// The template's stroke width in pixels.
  public static let templateStroke = 2.5

  public init() {}

  /// A random pose. Draw order (the same at every variation level, so the stream after the
  /// images does not depend on it): dx, dy, scale, rotation, stroke, intensity — six uniforms.
  public static func random(_ v: ShapeVariationRanges, rng: inout SeededGenerator) -> ShapePose {
    var p = ShapePose()
    p.dx = rng.uniform(-1, 1) * v.shift
    p.dy = rng.uniform(-1, 1) * v.shift
    p.scale = 1 + rng.uniform(-1, 1) * v.scale
    p.rotation = rng.uniform(-1, 1) * v.rotationDegrees * Double.pi / 180
    p.stroke = templateStroke + rng.uniform(-1, 1) * v.stroke
    p.intensity = 1 - rng.uniform(0, 1) * v.dimming
    return p
  }
}

/// One image with its class index.
public struct LabeledImage: Sendable, Equatable, Codable {
  /// Row-major pixels in [0, 1], 0 = black background.
  public var pixels: [Float]
  /// Index of the class in the session's class list.
  public var label: Int

  public init(pixels: [Float], label: Int) {
    self.pixels = pixels
    self.label = label
  }
}

/// The generated shape-image dataset.
public enum ShapeImages {
  /// Canvas width and height in pixels.
  public static let size = 28

  /// The clean template of a class: centred, template size and stroke, no tilt, no noise.
  public static func template(_ kind: ShapeKind, size: Int = ShapeImages.size) -> [Float] {
    render(kind, pose: ShapePose(), size: size)
  }

  /// `perClass` images of every class in `kinds`, class by class; labels index `kinds`.
  ///
  /// Draw order per image: the six pose uniforms (`ShapePose.random`), then one noise uniform per
  /// pixel in row-major order. Every variation level draws the same number of values.
  public static func generate(
    _ kinds: [ShapeKind], variation: ShapeVariation, perClass: Int, size: Int = ShapeImages.size,
    rng: inout SeededGenerator
  ) -> [LabeledImage] {
    let ranges = variation.ranges
    var out: [LabeledImage] = []
    out.reserveCapacity(kinds.count * perClass)
    for (label, kind) in kinds.enumerated() {
      for _ in 0..<perClass {
        let pose = ShapePose.random(ranges, rng: &rng)
        var pixels = render(kind, pose: pose, size: size)
        for i in 0..<pixels.count {
          let noise = rng.uniform(-1, 1) * ranges.noise
          pixels[i] = Float(min(max(Double(pixels[i]) + noise, 0), 1))
        }
        out.append(LabeledImage(pixels: pixels, label: label))
      }
    }
    return out
  }
}

/// The images a network trains on and the images it is tested on.
public struct ImageSplit: Sendable, Equatable {
  public var train: [LabeledImage]
  public var test: [LabeledImage]
}

/// Shuffles `images` and keeps round(n · trainRatio / 100) of them for training, exactly as
/// `splitTrainTest` does for points (same draws, same rounding).
public func splitTrainTest(_ images: [LabeledImage], trainRatio: Int, rng: inout SeededGenerator)
  -> ImageSplit
{
  var shuffled = images
  rng.shuffle(&shuffled)
  let wanted = Int((Double(shuffled.count) * Double(trainRatio) / 100).rounded())
  let cut = min(max(wanted, 0), shuffled.count)
  return ImageSplit(train: Array(shuffled[..<cut]), test: Array(shuffled[cut...]))
}
