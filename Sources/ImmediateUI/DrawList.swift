/// Where a text anchor point sits on the text's box.
public struct TextAlignment: Hashable, Sendable {
  /// Horizontal placement: the anchor is the left edge, the center or the right edge.
  public enum Horizontal: Hashable, Sendable { case left, center, right }
  /// Vertical placement: the anchor is the top of the line box, its middle, or the baseline.
  public enum Vertical: Hashable, Sendable { case top, middle, baseline }

  public var horizontal: Horizontal
  public var vertical: Vertical

  public init(_ horizontal: Horizontal, _ vertical: Vertical) {
    self.horizontal = horizontal
    self.vertical = vertical
  }

  public static let topLeft = TextAlignment(.left, .top)
  public static let topCenter = TextAlignment(.center, .top)
  public static let topRight = TextAlignment(.right, .top)
  public static let left = TextAlignment(.left, .middle)
  public static let center = TextAlignment(.center, .middle)
  public static let right = TextAlignment(.right, .middle)
  public static let baselineLeft = TextAlignment(.left, .baseline)
}

/// Regular or bold type; the back end picks the matching font file.
public enum FontWeight: Hashable, Sendable { case regular, bold }

/// A cubic Bézier curve: B(t) = (1−t)³·p0 + 3(1−t)²t·c1 + 3(1−t)t²·c2 + t³·p1.
public struct CubicBezier: Hashable, Sendable {
  public var p0: Point
  public var c1: Point
  public var c2: Point
  public var p1: Point

  public init(_ p0: Point, _ c1: Point, _ c2: Point, _ p1: Point) {
    self.p0 = p0
    self.c1 = c1
    self.c2 = c2
    self.p1 = p1
  }

  /// The point at parameter `t` in 0...1.
  public func point(at t: Float) -> Point {
    let u = 1 - t
    let a = u * u * u
    let b = 3 * u * u * t
    let c = 3 * u * t * t
    let d = t * t * t
    return Point(
      a * p0.x + b * c1.x + c * c2.x + d * p1.x, a * p0.y + b * c1.y + c * c2.y + d * p1.y)
  }

  /// `segments + 1` points evenly spaced in t, endpoints included.
  public func flattened(segments: Int) -> [Point] {
    let n = max(1, segments)
    return (0...n).map { point(at: Float($0) / Float(n)) }
  }
}

/// A dash pattern for stroked curves: alternating on/off lengths in logical pixels, shifted by
/// `phase` along the curve. Advancing `phase` each frame makes the dashes flow.
public struct Dash: Hashable, Sendable {
  public var pattern: [Float]
  public var phase: Float

  public init(pattern: [Float], phase: Float = 0) {
    self.pattern = pattern
    self.phase = phase
  }
}

/// One drawing instruction. All coordinates, widths and text sizes are in logical pixels; the back
/// end multiplies by its scale factor.
public enum DrawCommand: Equatable, Sendable {
  case fillRect(Rect, Color)
  case strokeRect(Rect, width: Float, Color)
  case fillRoundedRect(Rect, radius: Float, Color)
  case strokeRoundedRect(Rect, radius: Float, width: Float, Color)
  case line(from: Point, to: Point, width: Float, Color)
  /// An open polyline through the points, joined with miters.
  case polyline([Point], width: Float, Color)
  /// A filled convex polygon (triangles, arrow heads, icon shapes).
  case fillConvexPolygon([Point], Color)
  case bezier(CubicBezier, width: Float, Color, dash: Dash?)
  case fillCircle(center: Point, radius: Float, Color)
  case strokeCircle(center: Point, radius: Float, width: Float, Color)
  /// One line of text; `at` is the anchor point placed according to `alignment`.
  case text(String, at: Point, size: Float, Color, TextAlignment, FontWeight)
  /// A raster stretched into `rect`. `key` names a texture slot the back end may cache; it
  /// re-uploads only when the raster's pixels change.
  case image(Raster, in: Rect, smooth: Bool, key: Int)
  /// Restricts later commands to `rect` (intersected with any enclosing clip) until `popClip`.
  case pushClip(Rect)
  case popClip
}

/// An ordered list of drawing commands, painted first to last.
public struct DrawList: Equatable, Sendable {
  public private(set) var commands: [DrawCommand] = []

  public init() {}

  public init(_ commands: [DrawCommand]) {
    self.commands = commands
  }

  public var isEmpty: Bool { commands.isEmpty }

  /// Appends one command.
  public mutating func append(_ command: DrawCommand) { commands.append(command) }

  /// Appends every command of `other`, in order.
  public mutating func append(contentsOf other: DrawList) { commands.append(contentsOf: other.commands) }

  /// Removes all commands, keeping the storage.
  public mutating func removeAll() { commands.removeAll(keepingCapacity: true) }

  public mutating func fillRect(_ rect: Rect, _ color: Color) {
    commands.append(.fillRect(rect, color))
  }

  public mutating func strokeRect(_ rect: Rect, width: Float = 1, _ color: Color) {
    commands.append(.strokeRect(rect, width: width, color))
  }

  public mutating func fillRoundedRect(_ rect: Rect, radius: Float, _ color: Color) {
    commands.append(radius > 0 ? .fillRoundedRect(rect, radius: radius, color) : .fillRect(rect, color))
  }

  public mutating func strokeRoundedRect(_ rect: Rect, radius: Float, width: Float = 1, _ color: Color) {
    commands.append(.strokeRoundedRect(rect, radius: radius, width: width, color))
  }

  public mutating func line(from: Point, to: Point, width: Float = 1, _ color: Color) {
    commands.append(.line(from: from, to: to, width: width, color))
  }

  public mutating func polyline(_ points: [Point], width: Float = 1, _ color: Color) {
    commands.append(.polyline(points, width: width, color))
  }

  public mutating func fillConvexPolygon(_ points: [Point], _ color: Color) {
    commands.append(.fillConvexPolygon(points, color))
  }

  public mutating func bezier(_ curve: CubicBezier, width: Float = 1, _ color: Color, dash: Dash? = nil) {
    commands.append(.bezier(curve, width: width, color, dash: dash))
  }

  public mutating func fillCircle(center: Point, radius: Float, _ color: Color) {
    commands.append(.fillCircle(center: center, radius: radius, color))
  }

  public mutating func strokeCircle(center: Point, radius: Float, width: Float = 1, _ color: Color) {
    commands.append(.strokeCircle(center: center, radius: radius, width: width, color))
  }

  public mutating func text(
    _ string: String, at point: Point, size: Float, _ color: Color,
    alignment: TextAlignment = .topLeft, weight: FontWeight = .regular
  ) {
    commands.append(.text(string, at: point, size: size, color, alignment, weight))
  }

  public mutating func image(_ raster: Raster, in rect: Rect, smooth: Bool = false, key: Int) {
    commands.append(.image(raster, in: rect, smooth: smooth, key: key))
  }

  public mutating func pushClip(_ rect: Rect) { commands.append(.pushClip(rect)) }

  public mutating func popClip() { commands.append(.popClip) }
}
