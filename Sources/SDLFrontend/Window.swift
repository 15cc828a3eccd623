import CSDL2

/// An owned SDL window. Sizes are in window points; on a high-DPI screen the renderer's output
/// has more pixels than that (see `Renderer.outputSize`).
public final class Window {
  let handle: OpaquePointer
  private let system: SDLSystem

  /// Opens a window centered on screen. `hidden` windows can still be rendered to (tests).
  public init(
    title: String, width: Int, height: Int, resizable: Bool = true, highDPI: Bool = true, hidden: Bool = false
  ) throws {
    system = try SDLSystem(video: true)
    var flags = hidden ? SDL_WINDOW_HIDDEN.rawValue : SDL_WINDOW_SHOWN.rawValue
    if resizable { flags |= SDL_WINDOW_RESIZABLE.rawValue }
    if highDPI { flags |= SDL_WINDOW_ALLOW_HIGHDPI.rawValue }
    guard
      let w = SDL_CreateWindow(
        title, CSDL2_WINDOWPOS_CENTERED, CSDL2_WINDOWPOS_CENTERED, Int32(width), Int32(height), flags)
    else { throw SDLError.last("SDL_CreateWindow") }
    handle = w
  }

  deinit { SDL_DestroyWindow(handle) }

  /// The size in window points (what mouse coordinates are measured in).
  public var size: (width: Int, height: Int) {
    var w: Int32 = 0
    var h: Int32 = 0
    SDL_GetWindowSize(handle, &w, &h)
    return (Int(w), Int(h))
  }

  /// SDL's ID for this window, as found in window events.
  public var id: UInt32 { SDL_GetWindowID(handle) }

  /// The title bar text.
  public var title: String {
    get { String(cString: SDL_GetWindowTitle(handle)) }
    set { SDL_SetWindowTitle(handle, newValue) }
  }

  /// Sets the smallest size the user can resize the window to.
  public func setMinimumSize(width: Int, height: Int) {
    SDL_SetWindowMinimumSize(handle, Int32(width), Int32(height))
  }

  public func show() { SDL_ShowWindow(handle) }
  public func hide() { SDL_HideWindow(handle) }
}

/// An owned SDL surface (CPU pixels), freed on deinit.
final class Surface {
  let pointer: UnsafeMutablePointer<SDL_Surface>

  /// A zeroed ARGB8888 surface.
  init(width: Int, height: Int) throws {
    guard
      let s = SDL_CreateRGBSurfaceWithFormat(
        0, Int32(width), Int32(height), 32, SDL_PIXELFORMAT_ARGB8888.rawValue)
    else { throw SDLError.last("SDL_CreateRGBSurfaceWithFormat \(width)×\(height)") }
    pointer = s
  }

  /// Takes ownership of a surface SDL returned.
  init(taking pointer: UnsafeMutablePointer<SDL_Surface>) {
    self.pointer = pointer
  }

  deinit { SDL_FreeSurface(pointer) }
}
