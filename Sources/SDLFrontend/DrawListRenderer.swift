import CSDL2
import ImmediateUI

/// Paints an ImmediateUI `DrawList` with an SDL renderer, multiplying logical coordinates by
/// `scale` to get physical pixels.
///
/// Axis-aligned rectangles snap to whole pixels so panel edges stay crisp; everything slanted or
/// round goes through `Tessellator` and SDL_RenderGeometry with an anti-aliased fringe. Images
/// are cached as one streaming texture per key and re-uploaded only when their pixels change.
public final class DrawListRenderer {
  public let renderer: Renderer
  public let fonts: FontCache
  /// Images not drawn for this many frames lose their texture.
  public var imageLifetime = 300

  private var tess = Tessellator()
  private var images: [Int: ImageEntry] = [:]
  private var frame = 0
  private var clips: [SDL_Rect] = []

  private final class ImageEntry {
    let texture: Texture
    var raster: Raster
    var lastFrame: Int
    init(texture: Texture, raster: Raster, lastFrame: Int) {
      self.texture = texture
      self.raster = raster
      self.lastFrame = lastFrame
    }
  }

  public init(renderer: Renderer, fonts: FontCache) {
    self.renderer = renderer
    self.fonts = fonts
  }

  /// How many image textures are cached.
  public var cachedImageCount: Int { images.count }
  /// How many times image pixels were sent to a texture (creation or change), for cache tests.
  public private(set) var imageUploads = 0

  /// Paints every command in order at `scale` physical pixels per logical pixel.
  public func render(_ list: DrawList, scale: Float) throws {
    frame += 1
    fonts.scale = scale
    clips.removeAll()
    SDL_RenderSetClipRect(renderer.handle, nil)
    SDL_SetRenderDrawBlendMode(renderer.handle, SDL_BLENDMODE_BLEND)
    tess.reset()
    for command in list.commands {
      if !command.isGeometry { flushGeometry() }
      try paint(command, s: scale)
    }
    flushGeometry()
    if !clips.isEmpty { SDL_RenderSetClipRect(renderer.handle, nil) }
    if images.values.contains(where: { frame - $0.lastFrame > imageLifetime }) {
      images = images.filter { frame - $0.value.lastFrame <= imageLifetime }
    }
  }

  /// True when `list` starts by filling the whole target with an opaque color (a window
  /// background), so clearing the target first would only paint the same pixels twice.
  public func coversTarget(_ list: DrawList, scale: Float) -> Bool {
    guard case .fillRect(let rect, let color)? = list.commands.first, color.a == 255 else { return false }
    let r = snap(rect, scale)
    let (w, h) = renderer.outputSize
    return r.x <= 0 && r.y <= 0 && r.x + r.w >= Int32(w) && r.y + r.h >= Int32(h)
  }

  private var clippedAway: Bool { clips.last.map { $0.w <= 0 || $0.h <= 0 } ?? false }

  private func paint(_ command: DrawCommand, s: Float) throws {
    switch command {
    case .pushClip(let rect):
      var r = snap(rect, s)
      if let outer = clips.last { r = intersect(r, outer) }
      clips.append(r)
      SDL_RenderSetClipRect(renderer.handle, &r)
      return
    case .popClip:
      if !clips.isEmpty { clips.removeLast() }
      if var r = clips.last {
        SDL_RenderSetClipRect(renderer.handle, &r)
      } else {
        SDL_RenderSetClipRect(renderer.handle, nil)
      }
      return
    default:
      if clippedAway { return }
    }
    switch command {
    case .fillRect(let rect, let color):
      fill(snap(rect, s), color)
    case .strokeRect(let rect, let width, let color):
      let r = snap(rect, s)
      let w = max(1, Int32((width * s).rounded()))
      fill(SDL_Rect(x: r.x, y: r.y, w: r.w, h: min(w, r.h)), color)
      fill(SDL_Rect(x: r.x, y: r.y + r.h - min(w, r.h), w: r.w, h: min(w, r.h)), color)
      fill(SDL_Rect(x: r.x, y: r.y + w, w: min(w, r.w), h: max(0, r.h - 2 * w)), color)
      fill(SDL_Rect(x: r.x + r.w - min(w, r.w), y: r.y + w, w: min(w, r.w), h: max(0, r.h - 2 * w)), color)
    case .fillRoundedRect(let rect, let radius, let color) where color.a == 255:
      // Opaque: the body as three rectangles (a fast fill), only the four corners as triangles.
      flushGeometry()
      let r = scaled(rect, s)
      let k = max(0, min(radius * s, r.width / 2, r.height / 2)).rounded()
      fill(snap(Rect(x: r.minX + k, y: r.minY, width: r.width - 2 * k, height: r.height), 1), color)
      fill(snap(Rect(x: r.minX, y: r.minY + k, width: k, height: r.height - 2 * k), 1), color)
      fill(snap(Rect(x: r.maxX - k, y: r.minY + k, width: k, height: r.height - 2 * k), 1), color)
      guard k > 0.5 else { return }
      let outline = Tessellator.roundedRect(r, radius: k)
      let perCorner = outline.count / 4
      let centers = [
        Point(r.minX + k, r.minY + k), Point(r.maxX - k, r.minY + k), Point(r.maxX - k, r.maxY - k),
        Point(r.minX + k, r.maxY - k),
      ]
      geometry { t in
        for (i, c) in centers.enumerated() {
          t.fillConvex([c] + outline[(i * perCorner)..<((i + 1) * perCorner)], color)
        }
      }
    case .fillRoundedRect(let rect, let radius, let color):
      geometry { $0.fillConvex(Tessellator.roundedRect(scaled(rect, s), radius: radius * s), color) }
    case .strokeRoundedRect(let rect, let radius, let width, let color):
      // The stroke lies inside the rectangle, like strokeRect.
      let w = width * s
      let path = Tessellator.roundedRect(scaled(rect, s).inset(w / 2), radius: max(0, radius * s - w / 2))
      geometry { $0.stroke(path, width: w, color, closed: true) }
    case .line(let from, let to, let width, let color):
      geometry { $0.stroke([from * s, to * s], width: width * s, color, closed: false) }
    case .polyline(let points, let width, let color):
      geometry { $0.stroke(points.map { $0 * s }, width: width * s, color, closed: false) }
    case .fillConvexPolygon(let points, let color):
      geometry { $0.fillConvex(points.map { $0 * s }, color) }
    case .bezier(let curve, let width, let color, let dash):
      let physical = CubicBezier(curve.p0 * s, curve.c1 * s, curve.c2 * s, curve.p1 * s)
      let hull =
        physical.p0.distance(to: physical.c1) + physical.c1.distance(to: physical.c2)
        + physical.c2.distance(to: physical.p1)
      // A segment per ~12 px keeps curves smooth at link widths with a third of the triangles.
      let points = physical.flattened(segments: min(128, max(6, Int(hull / 12))))
      let pieces =
        dash.map { Tessellator.dashed(points, pattern: $0.pattern.map { $0 * s }, phase: $0.phase * s) } ?? [
          points
        ]
      geometry { t in
        for piece in pieces { t.stroke(piece, width: width * s, color, closed: false) }
      }
    case .fillCircle(let center, let radius, let color):
      geometry { $0.fillConvex(Tessellator.circle(center: center * s, radius: radius * s), color) }
    case .strokeCircle(let center, let radius, let width, let color):
      geometry {
        $0.stroke(
          Tessellator.circle(center: center * s, radius: radius * s), width: width * s, color, closed: true)
      }
    case .text(let string, let at, let size, let color, let alignment, let weight):
      drawText(string, at: at * s, pixelSize: fonts.pixelSize(for: size), color, alignment, weight)
    case .image(let raster, let rect, let smooth, let key):
      try drawImage(raster, in: snap(rect, s), smooth: smooth, key: key)
    case .pushClip, .popClip:
      break
    }
  }

  // MARK: Primitives

  /// Fills a rectangle; opaque colors skip blending (a plain fill is several times faster in the
  /// software renderer).
  private func fill(_ r: SDL_Rect, _ c: Color) {
    guard r.w > 0, r.h > 0 else { return }
    var rect = r
    if c.a == 255 { SDL_SetRenderDrawBlendMode(renderer.handle, SDL_BLENDMODE_NONE) }
    SDL_SetRenderDrawColor(renderer.handle, c.r, c.g, c.b, c.a)
    SDL_RenderFillRect(renderer.handle, &rect)
    if c.a == 255 { SDL_SetRenderDrawBlendMode(renderer.handle, SDL_BLENDMODE_BLEND) }
  }

  /// Adds triangles to the pending batch; consecutive shapes go to SDL in one call.
  private func geometry(_ build: (inout Tessellator) -> Void) {
    build(&tess)
  }

  /// Sends the pending triangles (before anything that is not geometry, and at the end).
  private func flushGeometry() {
    guard !tess.indices.isEmpty else { return }
    SDL_RenderGeometry(
      renderer.handle, nil, tess.vertices, Int32(tess.vertices.count), tess.indices, Int32(tess.indices.count)
    )
    tess.reset()
  }

  private func drawText(
    _ text: String, at p: Point, pixelSize: Int, _ color: Color, _ alignment: TextAlignment,
    _ weight: FontWeight
  ) {
    guard color.a > 0, let texture = fonts.texture(for: text, pixelSize: pixelSize, weight: weight) else {
      return
    }
    let w = Float(texture.width)
    let h = Float(texture.height)
    let x: Float =
      switch alignment.horizontal {
      case .left: p.x
      case .center: p.x - w / 2
      case .right: p.x - w
      }
    let y: Float =
      switch alignment.vertical {
      case .top: p.y
      case .middle: p.y - h / 2
      case .baseline: p.y - Float(fonts.metrics(pixelSize: pixelSize, weight: weight).ascent)
      }
    var dst = SDL_Rect(
      x: Int32(x.rounded()), y: Int32(y.rounded()), w: Int32(texture.width), h: Int32(texture.height))
    SDL_SetTextureColorMod(texture.handle, color.r, color.g, color.b)
    SDL_SetTextureAlphaMod(texture.handle, color.a)
    SDL_RenderCopy(renderer.handle, texture.handle, nil, &dst)
  }

  private func drawImage(_ raster: Raster, in rect: SDL_Rect, smooth: Bool, key: Int) throws {
    guard raster.width > 0, raster.height > 0, rect.w > 0, rect.h > 0 else { return }
    let entry: ImageEntry
    if let cached = images[key], cached.texture.width == raster.width, cached.texture.height == raster.height
    {
      entry = cached
      // Array equality returns at once when both share storage (the common unchanged case).
      if entry.raster.pixels != raster.pixels {
        try entry.texture.update(raster)
        entry.texture.setBlended(!DrawListRenderer.isOpaque(raster))
        entry.raster = raster
        imageUploads += 1
      }
    } else {
      let texture = try Texture(renderer: renderer, width: raster.width, height: raster.height)
      try texture.update(raster)
      texture.setBlended(!DrawListRenderer.isOpaque(raster))
      imageUploads += 1
      entry = ImageEntry(texture: texture, raster: raster, lastFrame: frame)
      images[key] = entry
    }
    entry.lastFrame = frame
    entry.texture.setSmooth(smooth)
    var dst = rect
    SDL_RenderCopy(renderer.handle, entry.texture.handle, nil, &dst)
  }

  /// Whether every pixel has alpha 255 (then the image is copied, not blended: the same pixels).
  static func isOpaque(_ raster: Raster) -> Bool {
    raster.pixels.withUnsafeBufferPointer { px in
      // The AND of every pixel (a reduction the compiler vectorizes): its top byte stays 0xFF
      // only if every alpha is.
      var all: UInt32 = 0xFFFF_FFFF
      for p in px { all &= p }
      return all >> 24 == 0xFF
    }
  }

  // MARK: Coordinates

  private func scaled(_ r: Rect, _ s: Float) -> Rect {
    Rect(x: r.x * s, y: r.y * s, width: r.width * s, height: r.height * s)
  }

  /// The rectangle in physical pixels with both edges rounded, so neighbors share edges exactly.
  private func snap(_ r: Rect, _ s: Float) -> SDL_Rect {
    let x0 = Int32((r.minX * s).rounded())
    let y0 = Int32((r.minY * s).rounded())
    let x1 = Int32((r.maxX * s).rounded())
    let y1 = Int32((r.maxY * s).rounded())
    return SDL_Rect(x: x0, y: y0, w: max(0, x1 - x0), h: max(0, y1 - y0))
  }

  private func intersect(_ a: SDL_Rect, _ b: SDL_Rect) -> SDL_Rect {
    let x0 = max(a.x, b.x)
    let y0 = max(a.y, b.y)
    let x1 = min(a.x + a.w, b.x + b.w)
    let y1 = min(a.y + a.h, b.y + b.h)
    return SDL_Rect(x: x0, y: y0, w: max(0, x1 - x0), h: max(0, y1 - y0))
  }

  /// Drops every cached image texture.
  public func removeCachedImages() { images.removeAll() }
}

extension DrawCommand {
  /// Drawn as triangles through the shared batch.
  fileprivate var isGeometry: Bool {
    switch self {
    case .fillRoundedRect, .strokeRoundedRect, .line, .polyline, .fillConvexPolygon, .bezier, .fillCircle,
      .strokeCircle:
      true
    default: false
    }
  }
}
