/// A position in logical pixels (x to the right, y down, origin at the window's top-left).
public struct Point: Hashable, Sendable {
  public var x: Float
  public var y: Float

  public init(_ x: Float, _ y: Float) {
    self.x = x
    self.y = y
  }

  public init(x: Float, y: Float) {
    self.init(x, y)
  }

  public static let zero = Point(0, 0)

  public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
  public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
  public static func * (a: Point, k: Float) -> Point { Point(a.x * k, a.y * k) }

  /// Euclidean distance to another point.
  public func distance(to other: Point) -> Float {
    let dx = other.x - x
    let dy = other.y - y
    return (dx * dx + dy * dy).squareRoot()
  }
}

/// A width and height in logical pixels.
public struct Size: Hashable, Sendable {
  public var width: Float
  public var height: Float

  public init(_ width: Float, _ height: Float) {
    self.width = width
    self.height = height
  }

  public init(width: Float, height: Float) {
    self.init(width, height)
  }

  public static let zero = Size(0, 0)
}

/// An axis-aligned rectangle in logical pixels; `origin` is its top-left corner.
///
/// Layout is done by cutting rectangles: `let (sidebar, rest) = window.splitLeft(280)`, or in place
/// with `var r = panel; let header = r.cutTop(32)`. Sizes never go negative: a cut larger than
/// the rectangle takes all of it.
public struct Rect: Hashable, Sendable {
  public var x: Float
  public var y: Float
  public var width: Float
  public var height: Float

  public init(x: Float, y: Float, width: Float, height: Float) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public init(origin: Point, size: Size) {
    self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
  }

  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  public var origin: Point { Point(x, y) }
  public var size: Size { Size(width, height) }
  public var minX: Float { x }
  public var minY: Float { y }
  public var maxX: Float { x + width }
  public var maxY: Float { y + height }
  public var midX: Float { x + width / 2 }
  public var midY: Float { y + height / 2 }
  public var center: Point { Point(midX, midY) }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// True when `p` lies inside; the left and top edges are inside, the right and bottom are not.
  public func contains(_ p: Point) -> Bool {
    p.x >= x && p.y >= y && p.x < x + width && p.y < y + height
  }

  /// The rectangle shrunk by `d` on every side (grown when `d` is negative).
  public func inset(_ d: Float) -> Rect { inset(dx: d, dy: d) }

  /// The rectangle shrunk by `dx` left and right and by `dy` top and bottom.
  public func inset(dx: Float, dy: Float) -> Rect {
    Rect(x: x + dx, y: y + dy, width: max(0, width - 2 * dx), height: max(0, height - 2 * dy))
  }

  /// The rectangle moved by (`dx`, `dy`).
  public func offset(dx: Float, dy: Float) -> Rect {
    Rect(x: x + dx, y: y + dy, width: width, height: height)
  }

  /// True when the two rectangles share some area.
  public func intersects(_ o: Rect) -> Bool {
    min(maxX, o.maxX) > max(x, o.x) && min(maxY, o.maxY) > max(y, o.y)
  }

  /// The overlap of two rectangles (empty, at the nearer corner, when they do not overlap).
  public func intersection(_ o: Rect) -> Rect {
    let x0 = max(x, o.x)
    let y0 = max(y, o.y)
    let x1 = min(maxX, o.maxX)
    let y1 = min(maxY, o.maxY)
    return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
  }

  /// A rectangle of `size` centered inside this one.
  public func centered(_ size: Size) -> Rect {
    Rect(x: midX - size.width / 2, y: midY - size.height / 2, width: size.width, height: size.height)
  }

  // MARK: Splitting

  /// The left `amount` (clamped to the width) and the rest after `spacing`.
  public func splitLeft(_ amount: Float, spacing: Float = 0) -> (left: Rect, rest: Rect) {
    let a = min(max(0, amount), width)
    let restX = min(maxX, x + a + spacing)
    return (
      Rect(x: x, y: y, width: a, height: height), Rect(x: restX, y: y, width: maxX - restX, height: height)
    )
  }

  /// The right `amount` (clamped to the width) and the rest before it, `spacing` apart.
  public func splitRight(_ amount: Float, spacing: Float = 0) -> (right: Rect, rest: Rect) {
    let a = min(max(0, amount), width)
    let restW = max(0, width - a - spacing)
    return (Rect(x: maxX - a, y: y, width: a, height: height), Rect(x: x, y: y, width: restW, height: height))
  }

  /// The top `amount` (clamped to the height) and the rest below it after `spacing`.
  public func splitTop(_ amount: Float, spacing: Float = 0) -> (top: Rect, rest: Rect) {
    let a = min(max(0, amount), height)
    let restY = min(maxY, y + a + spacing)
    return (
      Rect(x: x, y: y, width: width, height: a), Rect(x: x, y: restY, width: width, height: maxY - restY)
    )
  }

  /// The bottom `amount` (clamped to the height) and the rest above it, `spacing` apart.
  public func splitBottom(_ amount: Float, spacing: Float = 0) -> (bottom: Rect, rest: Rect) {
    let a = min(max(0, amount), height)
    let restH = max(0, height - a - spacing)
    return (Rect(x: x, y: maxY - a, width: width, height: a), Rect(x: x, y: y, width: width, height: restH))
  }

  /// Cuts `amount` off the left side and returns it; `self` keeps the rest after `spacing`.
  public mutating func cutLeft(_ amount: Float, spacing: Float = 0) -> Rect {
    let (piece, rest) = splitLeft(amount, spacing: spacing)
    self = rest
    return piece
  }

  /// Cuts `amount` off the right side and returns it; `self` keeps the rest.
  public mutating func cutRight(_ amount: Float, spacing: Float = 0) -> Rect {
    let (piece, rest) = splitRight(amount, spacing: spacing)
    self = rest
    return piece
  }

  /// Cuts `amount` off the top and returns it; `self` keeps the rest below.
  public mutating func cutTop(_ amount: Float, spacing: Float = 0) -> Rect {
    let (piece, rest) = splitTop(amount, spacing: spacing)
    self = rest
    return piece
  }

  /// Cuts `amount` off the bottom and returns it; `self` keeps the rest above.
  public mutating func cutBottom(_ amount: Float, spacing: Float = 0) -> Rect {
    let (piece, rest) = splitBottom(amount, spacing: spacing)
    self = rest
    return piece
  }

  /// `count` equal rows stacked top to bottom with `spacing` between them.
  public func rows(_ count: Int, spacing: Float = 0) -> [Rect] {
    guard count > 0 else { return [] }
    let h = max(0, (height - spacing * Float(count - 1)) / Float(count))
    return (0..<count).map { Rect(x: x, y: y + Float($0) * (h + spacing), width: width, height: h) }
  }

  /// `count` equal columns left to right with `spacing` between them.
  public func columns(_ count: Int, spacing: Float = 0) -> [Rect] {
    guard count > 0 else { return [] }
    let w = max(0, (width - spacing * Float(count - 1)) / Float(count))
    return (0..<count).map { Rect(x: x + Float($0) * (w + spacing), y: y, width: w, height: height) }
  }

  /// Columns whose widths are proportional to `weights`, `spacing` apart.
  public func columns(weights: [Float], spacing: Float = 0) -> [Rect] {
    let total = weights.reduce(0, +)
    guard !weights.isEmpty, total > 0 else { return [] }
    let free = max(0, width - spacing * Float(weights.count - 1))
    var cursor = x
    return weights.map { w in
      let r = Rect(x: cursor, y: y, width: free * w / total, height: height)
      cursor += r.width + spacing
      return r
    }
  }
}
