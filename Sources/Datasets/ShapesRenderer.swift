import Engine

/// Drawing shapes with anti-aliased edges from signed distances.
///
/// Every shape is a signed distance function d(q) in a unit frame (y up, the shape about one unit
/// across from its centre; negative inside). A pixel whose centre lies d pixels from the edge is
/// covered by clamp(0.5 − d, 0, 1): one sample per pixel, smooth edges, exact for straight edges.
extension ShapeImages {
  /// Half the template's extent in pixels on a 28-pixel canvas (the shape spans about 15 pixels).
  static let templateRadius = 7.5

  /// `kind` drawn with `pose` on a black `size × size` canvas, row-major, values in [0, 1].
  public static func render(_ kind: ShapeKind, pose: ShapePose, size: Int = ShapeImages.size) -> [Float] {
    let unit = templateRadius * Double(size) / 28 * pose.scale
    let w = pose.stroke / unit
    let c = Double(size) / 2
    let cosR = Scalar.cos(-pose.rotation)
    let sinR = Scalar.sin(-pose.rotation)
    var out = [Float](repeating: 0, count: size * size)
    for py in 0..<size {
      for px in 0..<size {
        // Pixel centre relative to the shape's centre, y up, rotated into the shape's frame.
        let vx = Double(px) + 0.5 - c - pose.dx
        let vy = -(Double(py) + 0.5 - c - pose.dy)
        let q = Point(x: (vx * cosR - vy * sinR) / unit, y: (vx * sinR + vy * cosR) / unit)
        let d = distance(kind, q, stroke: w) * unit
        out[py * size + px] = Float(min(max(0.5 - d, 0), 1) * pose.intensity)
      }
    }
    return out
  }

  /// Signed distance of `q` (unit frame) to the shape; `w` is the stroke width in units.
  static func distance(_ kind: ShapeKind, _ q: Point, stroke w: Double) -> Double {
    switch kind {
    case .circle: return q.length - 1
    case .ring: return outline(q.length - 1, stroke: w, inradius: 1)
    case .square: return box(q, half: 0.85)
    case .hollowSquare: return outline(box(q, half: 0.85), stroke: w, inradius: 0.85)
    case .triangle: return polygon(q, triangle)
    case .hollowTriangle: return outline(polygon(q, triangle), stroke: w, inradius: triangleRadius / 2)
    case .diamond: return polygon(q, diamond)
    case .star: return polygon(q, star)
    case .cross:
      return min(
        segment(q, Point(x: -1, y: 0), Point(x: 1, y: 0)), segment(q, Point(x: 0, y: -1), Point(x: 0, y: 1)))
        - w / 2
    case .x:
      return min(
        segment(q, Point(x: -0.8, y: -0.8), Point(x: 0.8, y: 0.8)),
        segment(q, Point(x: -0.8, y: 0.8), Point(x: 0.8, y: -0.8))) - w / 2
    case .hline: return segment(q, Point(x: -1, y: 0), Point(x: 1, y: 0)) - w / 2
    case .vline: return segment(q, Point(x: 0, y: -1), Point(x: 0, y: 1)) - w / 2
    }
  }

  /// A band of width `w` inside the edge of a filled shape whose distance is `d`. The band is
  /// kept below 60% of the inradius so a thick stroke never fills the hole.
  static func outline(_ d: Double, stroke w: Double, inradius: Double) -> Double {
    let band = min(w, 0.6 * inradius)
    return abs(d + band / 2) - band / 2
  }

  struct Point {
    var x: Double
    var y: Double
    var length: Double { (x * x + y * y).squareRoot() }
    static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
    func dot(_ o: Point) -> Double { x * o.x + y * o.y }
  }

  /// An equilateral triangle pointing up, circumradius 1.25, centred on its bounding box.
  static let triangleRadius = 1.25
  static let triangle = regularPolygon(corners: 3, radius: triangleRadius).map {
    Point(x: $0.x, y: $0.y - triangleRadius / 4)
  }
  /// A square on its corner, radius 1.
  static let diamond = regularPolygon(corners: 4, radius: 1)
  /// A five-pointed star: outer radius 1.05, inner 0.45, a point up.
  static let star: [Point] = (0..<10).map { i in
    let r = i % 2 == 0 ? 1.05 : 0.45
    let a = Double.pi / 2 + Double(i) * Double.pi / 5
    return Point(x: r * Scalar.cos(a), y: r * Scalar.sin(a))
  }

  static func regularPolygon(corners n: Int, radius r: Double) -> [Point] {
    (0..<n).map { i in
      let a = Double.pi / 2 + Double(i) * 2 * Double.pi / Double(n)
      return Point(x: r * Scalar.cos(a), y: r * Scalar.sin(a))
    }
  }

  /// Distance to an axis-aligned square of half-width `half`.
  static func box(_ q: Point, half: Double) -> Double {
    let dx = abs(q.x) - half
    let dy = abs(q.y) - half
    let outside = Point(x: max(dx, 0), y: max(dy, 0)).length
    return outside + min(max(dx, dy), 0)
  }

  /// Unsigned distance to the segment from `a` to `b`.
  static func segment(_ q: Point, _ a: Point, _ b: Point) -> Double {
    let e = b - a
    let v = q - a
    let t = min(max(v.dot(e) / e.dot(e), 0), 1)
    return (v - Point(x: e.x * t, y: e.y * t)).length
  }

  /// Signed distance to a closed polygon: the nearest edge, negative inside (even–odd crossings).
  static func polygon(_ q: Point, _ v: [Point]) -> Double {
    var d = (q - v[0]).dot(q - v[0])
    var sign = 1.0
    var j = v.count - 1
    for i in 0..<v.count {
      let e = v[j] - v[i]
      let w = q - v[i]
      let t = min(max(w.dot(e) / e.dot(e), 0), 1)
      let b = w - Point(x: e.x * t, y: e.y * t)
      d = min(d, b.dot(b))
      let c1 = q.y >= v[i].y
      let c2 = q.y < v[j].y
      let c3 = e.x * w.y > e.y * w.x
      if (c1 && c2 && c3) || (!c1 && !c2 && !c3) { sign = -sign }
      j = i
    }
    return sign * d.squareRoot()
  }
}
