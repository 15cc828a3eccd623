import Datasets
import Engine
import Localization

/// A class of images the learner brought (a folder of 28×28 PNGs), trained beside the shapes.
///
/// Its images follow the generated shapes into the one shuffle and split (see `CNNExperiment`),
/// so a session with imported classes is as reproducible as one without.
public struct ImageClass: Sendable, Equatable {
  /// The class's name: 1 to 32 of a-z, A-Z, 0-9, '-' and '_', and not a shape's name.
  public var name: String
  /// Row-major 28×28 grayscale images in [0, 1] (0 = black background), in file-name order.
  public var images: [[Float]]

  public init(name: String, images: [[Float]]) {
    self.name = name
    self.images = images
  }

  /// The pixel-wise mean of the class's images: what its examples share (the window's icon and
  /// the reference beside its class picture, where a shape has its clean template).
  public var meanImage: [Float] {
    var sum = [Float](repeating: 0, count: ShapeImages.size * ShapeImages.size)
    for image in images where image.count == sum.count {
      for i in sum.indices { sum[i] += image[i] }
    }
    let n = Float(max(1, images.count))
    return sum.map { $0 / n }
  }

  /// Allowed counts, shared by validation messages and help text.
  public enum Limits {
    /// Imported classes in one session.
    public static let classes = 0...4
    /// Images in one imported class.
    public static let images = 1...1000
    /// Characters in a class name.
    public static let nameLength = 1...32
  }

  /// Why `name` cannot name an imported class, or nil when it can.
  public static func problem(withName name: String) -> String? {
    let count = name.unicodeScalars.count
    if !Limits.nameLength.contains(count) {
      return "a class name has 1 to \(Limits.nameLength.upperBound) characters, got \(count)"
    }
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        || $0 == "_"
    }
    if !allowed { return "the class name '\(name)' may only use letters a-z, A-Z, digits, '-' and '_'" }
    if ShapeKind(rawValue: name) != nil {
      return "'\(name)' is the name of a generated shape; give the imported class another name"
    }
    return nil
  }

  /// Why `pixels` is not a 28×28 image in [0, 1], or nil when it is.
  public static func problem(withImage pixels: [Float]) -> String? {
    let side = ShapeImages.size
    if pixels.count != side * side {
      return "an image has \(side)×\(side) = \(side * side) pixels, got \(pixels.count)"
    }
    if let bad = pixels.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
      return "pixel \(bad) is \(pixels[bad]), outside [0, 1]"
    }
    return nil
  }

  /// Checks a session's imported classes: their number, names (unique), image counts and pixels.
  public static func validate(_ classes: [ImageClass], beside shapes: [ShapeKind]) throws(ConfigError) {
    func fail(_ message: String) -> ConfigError { ConfigError(key: "importPngs", message: message) }
    if !Limits.classes.contains(classes.count) {
      throw fail(tr("at most {1} imported classes, got {2}", Limits.classes.upperBound, classes.count))
    }
    for (i, c) in classes.enumerated() {
      if let problem = problem(withName: c.name) { throw fail(problem) }
      if classes[..<i].contains(where: { $0.name == c.name }) {
        throw fail(tr("two imported classes are named '{1}'", c.name))
      }
      if !Limits.images.contains(c.images.count) {
        throw fail(
          "the class '\(c.name)' has \(c.images.count) images; an imported class has 1 to \(Limits.images.upperBound)"
        )
      }
      for (n, image) in c.images.enumerated() {
        if let problem = problem(withImage: image) { throw fail(tr("image {1} of '{2}': {3}", n + 1, c.name, problem)) }
      }
    }
  }
}
