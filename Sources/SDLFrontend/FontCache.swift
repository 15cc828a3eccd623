import CSDL2
import CSDL2TTF
import Foundation
import ImmediateUI

/// Opens the UI font at the sizes asked for and keeps rendered text as textures, so a label
/// drawn every frame is rasterized once. Also the real `TextMeasurer` for layout.
///
/// Sizes are logical points times `scale` (physical pixels per logical pixel), rounded to whole
/// pixels; one TTF_Font is kept per pixel size and weight. Text is rendered white and tinted at
/// draw time (texture color and alpha modulation), so one texture serves every color. The text
/// cache is least-recently-used with a fixed number of entries, so memory stays flat however many
/// different strings (epoch counters, loss values) go by.
public final class FontCache: TextMeasurer {
  public let renderer: Renderer
  /// Physical pixels per logical pixel; text is rasterized at size·scale.
  public var scale: Float
  /// The most rendered strings kept at once.
  public let capacity: Int
  /// The folder the fonts were loaded from.
  public let directory: String

  private let system: SDLSystem
  private var fonts: [FontKey: OpaquePointer] = [:]
  private var texts: [TextKey: TextEntry] = [:]
  private var clock: UInt64 = 0

  struct FontKey: Hashable {
    let pixelSize: Int
    let weight: FontWeight
  }

  struct TextKey: Hashable {
    let text: String
    let font: FontKey
  }

  /// A rendered string: white glyphs with coverage in alpha.
  final class TextEntry {
    let texture: Texture
    var lastUsed: UInt64
    init(texture: Texture, lastUsed: UInt64) {
      self.texture = texture
      self.lastUsed = lastUsed
    }
  }

  /// Loads fonts from `directory`, or from `FontLocator.fontDirectory()` when nil. Throws when
  /// the regular face cannot be opened.
  public init(renderer: Renderer, scale: Float = 1, directory: String? = nil, capacity: Int = 160) throws {
    system = try SDLSystem(video: false)
    self.renderer = renderer
    self.scale = scale
    self.capacity = max(1, capacity)
    self.directory = try directory ?? FontLocator.fontDirectory()
    _ = try font(FontKey(pixelSize: 16, weight: .regular))
  }

  deinit {
    texts.removeAll()
    for (_, font) in fonts { TTF_CloseFont(font) }
  }

  /// How many rendered strings are cached.
  public var cachedTextCount: Int { texts.count }

  /// The pixel size used for `size` logical points at the current scale.
  public func pixelSize(for size: Float) -> Int { max(1, Int((size * scale).rounded())) }

  // MARK: TextMeasurer

  public func measure(_ text: String, size: Float) -> Size {
    measure(text, size: size, weight: .regular)
  }

  /// The rendered size at the current scale, converted back to logical pixels, so layout matches
  /// exactly what `DrawListRenderer` paints.
  public func measure(_ text: String, size: Float, weight: FontWeight) -> Size {
    let key = FontKey(pixelSize: pixelSize(for: size), weight: weight)
    guard let font = try? font(key) else { return ApproximateTextMeasurer().measure(text, size: size) }
    var w: Int32 = 0
    var h: Int32 = 0
    if text.isEmpty || TTF_SizeUTF8(font, text, &w, &h) != 0 {
      w = 0
      h = TTF_FontHeight(font)
    }
    return Size(Float(w) / scale, Float(h) / scale)
  }

  // MARK: Fonts and textures

  /// Ascent (top of the line box to the baseline) and line height, in physical pixels.
  func metrics(pixelSize: Int, weight: FontWeight) -> (ascent: Int, height: Int) {
    guard let font = try? font(FontKey(pixelSize: pixelSize, weight: weight)) else {
      return (pixelSize * 4 / 5, pixelSize * 6 / 5)
    }
    return (Int(TTF_FontAscent(font)), Int(TTF_FontHeight(font)))
  }

  func font(_ key: FontKey) throws -> OpaquePointer {
    if let font = fonts[key] { return font }
    let bold = directory + "/" + FontLocator.boldFile
    let useBold = key.weight == .bold && FileManager.default.isReadableFile(atPath: bold)
    let path = useBold ? bold : directory + "/" + FontLocator.regularFile
    guard let font = TTF_OpenFont(path, Int32(key.pixelSize)) else {
      throw SDLError.last("TTF_OpenFont \(path) at \(key.pixelSize) px")
    }
    // A synthetic bold stands in when the bold file is missing.
    if key.weight == .bold && !useBold { TTF_SetFontStyle(font, TTF_STYLE_BOLD) }
    fonts[key] = font
    return font
  }

  /// The texture for `text` at `pixelSize`, rendering and caching it on first use; nil for
  /// empty or unrenderable text.
  func texture(for text: String, pixelSize: Int, weight: FontWeight) -> Texture? {
    guard !text.isEmpty else { return nil }
    clock &+= 1
    let key = TextKey(text: text, font: FontKey(pixelSize: pixelSize, weight: weight))
    if let entry = texts[key] {
      entry.lastUsed = clock
      return entry.texture
    }
    guard let font = try? font(key.font),
      let surface = TTF_RenderUTF8_Blended(font, text, SDL_Color(r: 255, g: 255, b: 255, a: 255))
    else { return nil }
    defer { SDL_FreeSurface(surface) }
    guard let texture = try? Texture(renderer: renderer, surface: surface) else { return nil }
    if texts.count >= capacity { evictLeastRecentlyUsed() }
    texts[key] = TextEntry(texture: texture, lastUsed: clock)
    return texture
  }

  /// Drops the entry used longest ago (a linear scan; the result does not depend on order).
  private func evictLeastRecentlyUsed() {
    var oldest: (key: TextKey, used: UInt64)? = nil
    for (key, entry) in texts where oldest == nil || entry.lastUsed < oldest!.used {
      oldest = (key, entry.lastUsed)
    }
    if let oldest { texts[oldest.key] = nil }
  }

  /// Forgets every rendered string (for example after the scale changed for good).
  public func removeCachedTexts() { texts.removeAll() }
}
