import CSDL2
import Foundation
import ImmediateUI

/// Turns shapes into triangles for SDL_RenderGeometry, in physical pixels, with a one-pixel
/// alpha fringe on every edge (the trick Dear ImGui uses) so curves and slanted lines look smooth
/// even on the software renderer, which has no multisampling.
struct Tessellator {
  var vertices: [SDL_Vertex] = []
  var indices: [Int32] = []

  /// Half the fringe: edges fade from full to zero alpha over ±0.5 px around the true outline.
  private let aa: Float = 0.5

  mutating func reset() {
    vertices.removeAll(keepingCapacity: true)
    indices.removeAll(keepingCapacity: true)
  }

  private mutating func vertex(_ p: Point, _ c: Color) -> Int32 {
    vertices.append(
      SDL_Vertex(
        position: SDL_FPoint(x: p.x, y: p.y), color: SDL_Color(r: c.r, g: c.g, b: c.b, a: c.a),
        tex_coord: SDL_FPoint(x: 0, y: 0)))
    return Int32(vertices.count - 1)
  }

  private mutating func triangle(_ a: Int32, _ b: Int32, _ c: Int32) { indices += [a, b, c] }

  private mutating func quad(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) {
    indices += [a, b, c, a, c, d]
  }

  // MARK: Fills

  /// A convex polygon (either winding) with an anti-aliased edge.
  mutating func fillConvex(_ points: [Point], _ color: Color) {
    let n = points.count
    guard n >= 3 else { return }
    // Outward normals need the winding: positive signed area means clockwise on screen (y down).
    var area: Float = 0
    for i in 0..<n {
      let a = points[i]
      let b = points[(i + 1) % n]
      area += a.x * b.y - b.x * a.y
    }
    let sign: Float = area >= 0 ? 1 : -1
    let normals = vertexNormals(points, closed: true).map { $0 * sign }
    let clear = color.withAlpha(UInt8(0))
    let base = Int32(vertices.count)
    for i in 0..<n {
      _ = vertex(points[i] - normals[i] * aa, color)
      _ = vertex(points[i] + normals[i] * aa, clear)
    }
    for i in 1..<(n - 1) { triangle(base, base + Int32(2 * i), base + Int32(2 * (i + 1))) }
    for i in 0..<n {
      let j = (i + 1) % n
      quad(base + Int32(2 * i), base + Int32(2 * i + 1), base + Int32(2 * j + 1), base + Int32(2 * j))
    }
  }

  /// A polyline `width` pixels wide, open or closed, with miter joins (limited) and butt caps.
  mutating func stroke(_ points: [Point], width: Float, _ color: Color, closed: Bool) {
    var pts = points
    if closed, pts.count > 2, pts.first == pts.last { pts.removeLast() }
    pts = pts.enumerated().filter { $0.offset == 0 || $0.element != pts[$0.offset - 1] }.map(\.element)
    let n = pts.count
    guard n >= 2 else { return }
    let normals = vertexNormals(pts, closed: closed)
    let clear = color.withAlpha(UInt8(0))
    let base = Int32(vertices.count)
    // A thin line keeps a one-pixel core whose alpha carries its width.
    let thin = width < 1
    let core = thin ? 0 : width / 2 - aa
    let outer = thin ? 1 : width / 2 + aa
    let coreColor = thin ? color.withAlpha(Float(color.a) / 255 * max(width, 0.1)) : color
    for i in 0..<n {
      let p = pts[i]
      let nrm = normals[i]
      _ = vertex(p + nrm * outer, clear)
      _ = vertex(p + nrm * core, coreColor)
      _ = vertex(p - nrm * core, coreColor)
      _ = vertex(p - nrm * outer, clear)
    }
    let segments = closed ? n : n - 1
    for i in 0..<segments {
      let a = base + Int32(4 * i)
      let b = base + Int32(4 * ((i + 1) % n))
      quad(a, a + 1, b + 1, b)
      quad(a + 1, a + 2, b + 2, b + 1)
      quad(a + 2, a + 3, b + 3, b + 2)
    }
  }

  /// Per-vertex offset directions: the unit normal at ends, the miter direction at joins,
  /// lengthened by 1/cos(half the turn) so strokes keep their width, up to a limit of 4.
  private func vertexNormals(_ p: [Point], closed: Bool) -> [Point] {
    let n = p.count
    func segmentNormal(_ i: Int) -> Point {
      let a = p[i]
      let b = p[(i + 1) % n]
      let d = b - a
      let len = (d.x * d.x + d.y * d.y).squareRoot()
      return len > 0 ? Point(-d.y / len, d.x / len) : Point(0, 0)
    }
    var result: [Point] = []
    result.reserveCapacity(n)
    for i in 0..<n {
      let hasPrev = closed || i > 0
      let hasNext = closed || i < n - 1
      let prev = hasPrev ? segmentNormal((i - 1 + n) % n) : segmentNormal(i)
      let next = hasNext ? segmentNormal(i) : prev
      var m = prev + next
      let len = (m.x * m.x + m.y * m.y).squareRoot()
      if len < 1e-4 {
        result.append(next)
        continue
      }
      m = m * (1 / len)
      let cosHalf = m.x * next.x + m.y * next.y
      result.append(m * min(4, 1 / max(cosHalf, 0.25)))
    }
    return result
  }

  // MARK: Shapes as point lists

  /// Segments for a circle of `radius` pixels with at most ~0.3 px deviation from the true arc.
  static func segments(radius: Float) -> Int {
    guard radius > 1 else { return 8 }
    let n = Float.pi / acos(1 - min(1, 0.3 / radius))
    return min(128, max(8, Int(n.rounded(.up))))
  }

  static func circle(center c: Point, radius r: Float) -> [Point] {
    let n = segments(radius: r)
    return (0..<n).map { i in
      let a = Float(i) / Float(n) * 2 * Float.pi
      return Point(c.x + r * cos(a), c.y + r * sin(a))
    }
  }

  /// The outline of a rounded rectangle, clockwise from the top-left arc.
  static func roundedRect(_ rect: Rect, radius: Float) -> [Point] {
    let r = max(0, min(radius, rect.width / 2, rect.height / 2))
    guard r > 0.5 else {
      return [
        Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY), Point(rect.maxX, rect.maxY),
        Point(rect.minX, rect.maxY),
      ]
    }
    let n = max(2, segments(radius: r) / 4)
    let corners: [(Point, Float)] = [
      (Point(rect.minX + r, rect.minY + r), Float.pi),
      (Point(rect.maxX - r, rect.minY + r), 1.5 * Float.pi),
      (Point(rect.maxX - r, rect.maxY - r), 0),
      (Point(rect.minX + r, rect.maxY - r), 0.5 * Float.pi),
    ]
    var points: [Point] = []
    for (c, start) in corners {
      for i in 0...n {
        let a = start + Float(i) / Float(n) * 0.5 * Float.pi
        points.append(Point(c.x + r * cos(a), c.y + r * sin(a)))
      }
    }
    return points
  }

  /// Splits a polyline into the "on" pieces of a dash pattern. Pattern position along the line is
  /// (arc length − phase), so increasing the phase moves the dashes from the first point toward
  /// the last.
  static func dashed(_ points: [Point], pattern: [Float], phase: Float) -> [[Point]] {
    let pattern = pattern.map { max(0, $0) }
    let period = pattern.reduce(0, +)
    guard points.count >= 2, period > 0 else { return [points] }
    // Find where in the pattern the line starts.
    var offset = (-phase).truncatingRemainder(dividingBy: period)
    if offset < 0 { offset += period }
    var index = 0
    while offset >= pattern[index] {
      offset -= pattern[index]
      index = (index + 1) % pattern.count
    }
    var remaining = pattern[index] - offset
    var on = index % 2 == 0
    var pieces: [[Point]] = []
    var current: [Point] = on ? [points[0]] : []
    for i in 1..<points.count {
      var a = points[i - 1]
      let b = points[i]
      var left = a.distance(to: b)
      while left > 0 {
        if remaining > left {
          remaining -= left
          if on { current.append(b) }
          left = 0
        } else {
          let t = remaining / left
          let cut = Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
          left -= remaining
          a = cut
          if on {
            current.append(cut)
            pieces.append(current)
            current = []
          } else {
            current = [cut]
          }
          on.toggle()
          index = (index + 1) % pattern.count
          remaining = pattern[index]
        }
      }
    }
    if on && current.count >= 2 { pieces.append(current) }
    return pieces.filter { $0.count >= 2 }
  }
}
