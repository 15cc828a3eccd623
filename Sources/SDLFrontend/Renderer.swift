import CSDL2
import ImmediateUI

/// An owned SDL renderer drawing into a window or into a CPU surface. Alpha blending is on.
public final class Renderer {
  let handle: OpaquePointer
  /// The window or surface drawn into; kept alive for as long as the renderer.
  private let target: AnyObject

  /// A renderer for `window`. `software` forces SDL's CPU renderer (byte-identical output on every
  /// machine); otherwise SDL picks, honoring the SDL_RENDER_DRIVER environment variable.
  public convenience init(window: Window, software: Bool = false, vsync: Bool = true) throws {
    try self.init(
      window: window, driver: RendererChoice.Driver(name: software ? "software" : nil, fallsBack: !software),
      vsync: vsync)
  }

  /// A renderer for `window` with SDL's driver `driver.name` (nil: the first accelerated one).
  /// A driver by name ignores SDL_RENDER_DRIVER; when it fails, `driver.fallsBack` opens the
  /// software renderer instead of throwing.
  public init(window: Window, driver: RendererChoice.Driver, vsync: Bool = true) throws {
    var flags = driver.isSoftware ? SDL_RENDERER_SOFTWARE.rawValue : SDL_RENDERER_ACCELERATED.rawValue
    if vsync { flags |= SDL_RENDERER_PRESENTVSYNC.rawValue }
    var created: OpaquePointer?
    var failure: SDLError?
    if let name = driver.name {
      if let index = RendererChoice.driverIndex(named: name) {
        created = SDL_CreateRenderer(window.handle, index, flags)
        if created == nil { failure = SDLError.last("SDL_CreateRenderer(\(name))") }
      } else {
        failure = SDLError(
          "SDL has no '\(name)' renderer (it has \(RendererChoice.availableDrivers.joined(separator: ", ")))")
      }
    } else {
      created = SDL_CreateRenderer(window.handle, -1, flags)
      if created == nil { failure = SDLError.last("SDL_CreateRenderer") }
    }
    if created == nil && driver.fallsBack {
      let software = RendererChoice.driverIndex(named: "software") ?? -1
      created = SDL_CreateRenderer(window.handle, software, SDL_RENDERER_SOFTWARE.rawValue)
    }
    guard let r = created else { throw failure ?? SDLError.last("SDL_CreateRenderer") }
    handle = r
    target = window
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND)
  }

  /// A software renderer drawing into `surface` (no window or video driver needed).
  init(surface: Surface) throws {
    guard let r = SDL_CreateSoftwareRenderer(surface.pointer) else {
      throw SDLError.last("SDL_CreateSoftwareRenderer")
    }
    handle = r
    target = surface
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND)
  }

  deinit { SDL_DestroyRenderer(handle) }

  /// The drawable size in physical pixels.
  public var outputSize: (width: Int, height: Int) {
    var w: Int32 = 0
    var h: Int32 = 0
    SDL_GetRendererOutputSize(handle, &w, &h)
    return (Int(w), Int(h))
  }

  /// SDL's name for the back end ("software", "opengl", …).
  public var driverName: String {
    var info = SDL_RendererInfo()
    guard SDL_GetRendererInfo(handle, &info) == 0, let name = info.name else { return "unknown" }
    return String(cString: name)
  }

  /// Fills the whole target with `color`, ignoring any clip.
  public func clear(_ color: Color) {
    SDL_RenderSetClipRect(handle, nil)
    SDL_SetRenderDrawBlendMode(handle, SDL_BLENDMODE_NONE)
    SDL_SetRenderDrawColor(handle, color.r, color.g, color.b, color.a)
    SDL_RenderClear(handle)
    SDL_SetRenderDrawBlendMode(handle, SDL_BLENDMODE_BLEND)
  }

  /// Shows the frame (windows only; a no-op for surfaces).
  public func present() { SDL_RenderPresent(handle) }

  /// Reads back what has been drawn so far. Call before `present()`.
  public func readPixels() throws -> Raster {
    let (w, h) = outputSize
    var raster = Raster(width: w, height: h, fill: 0)
    let status = raster.pixels.withUnsafeMutableBytes { buffer in
      SDL_RenderReadPixels(handle, nil, SDL_PIXELFORMAT_ARGB8888.rawValue, buffer.baseAddress, Int32(w * 4))
    }
    guard status == 0 else { throw SDLError.last("SDL_RenderReadPixels") }
    return raster
  }
}

/// An owned GPU (or software) texture in ARGB8888, blended with alpha.
public final class Texture {
  let handle: OpaquePointer
  public let width: Int
  public let height: Int
  /// Textures die with their renderer in SDL, so each one keeps its renderer alive.
  private let renderer: Renderer

  /// A streaming texture to be filled with `update(_:)`.
  public init(renderer: Renderer, width: Int, height: Int) throws {
    guard
      let t = SDL_CreateTexture(
        renderer.handle, SDL_PIXELFORMAT_ARGB8888.rawValue, Int32(SDL_TEXTUREACCESS_STREAMING.rawValue),
        Int32(width), Int32(height))
    else { throw SDLError.last("SDL_CreateTexture \(width)×\(height)") }
    handle = t
    self.width = width
    self.height = height
    self.renderer = renderer
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND)
  }

  /// A static texture holding a copy of `surface`.
  init(renderer: Renderer, surface: UnsafeMutablePointer<SDL_Surface>) throws {
    guard let t = SDL_CreateTextureFromSurface(renderer.handle, surface) else {
      throw SDLError.last("SDL_CreateTextureFromSurface")
    }
    handle = t
    width = Int(surface.pointee.w)
    height = Int(surface.pointee.h)
    self.renderer = renderer
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND)
  }

  deinit { SDL_DestroyTexture(handle) }

  /// Replaces the pixels; `raster` must have the texture's size.
  public func update(_ raster: Raster) throws {
    precondition(raster.width == width && raster.height == height, "raster size differs from texture")
    let status = raster.pixels.withUnsafeBytes {
      SDL_UpdateTexture(handle, nil, $0.baseAddress, Int32(width * 4))
    }
    guard status == 0 else { throw SDLError.last("SDL_UpdateTexture") }
  }

  /// Whether drawing blends with alpha (the default) or copies the pixels. The software renderer
  /// copies an opaque picture several times faster than it blends it.
  public private(set) var isBlended = true

  public func setBlended(_ blended: Bool) {
    guard blended != isBlended else { return }
    SDL_SetTextureBlendMode(handle, blended ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE)
    isBlended = blended
  }

  /// Bilinear filtering when scaled (true) or nearest-neighbor blocks (false).
  public func setSmooth(_ smooth: Bool) {
    SDL_SetTextureScaleMode(handle, smooth ? SDL_ScaleModeLinear : SDL_ScaleModeNearest)
  }
}
