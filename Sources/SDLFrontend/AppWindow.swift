import CSDL2
import Foundation
import ImmediateUI

/// The interactive front end in one object: a window, its renderer, fonts, a DrawList painter
/// and event translation. The app's loop is:
///
///     let input = app.pollInput()
///     ui.begin(input); …widgets…; let list = ui.end()
///     try app.present(list)
public final class AppWindow {
  public let window: Window
  public let renderer: Renderer
  public let fonts: FontCache
  public let drawer: DrawListRenderer
  /// The input as of the last `pollInput()`.
  public private(set) var input = UIInput()
  private var translator: EventTranslator

  /// Opens a window of `width × height` window points. `zoom` enlarges the whole UI (1.25 or 1.5
  /// suits a projector); `software` forces SDL's CPU renderer, as `renderer: .software` does.
  public init(
    title: String, width: Int = 1280, height: Int = 800, zoom: Float = 1, software: Bool = false,
    renderer choice: RendererChoice = .auto, vsync: Bool = true, hidden: Bool = false
  ) throws {
    // Without a GPU, OpenGL is Mesa's CPU rasterizer: no faster than SDL's own software renderer
    // and about 100 MB heavier. Auto then uses the software renderer and a plain window framebuffer.
    let driver = (software ? RendererChoice.software : choice).driver()
    if driver.isSoftware { SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0") }
    window = try Window(
      title: title, width: width, height: height, resizable: true, highDPI: true, hidden: hidden)
    renderer = try Renderer(window: window, driver: driver, vsync: vsync)
    translator = EventTranslator(zoom: zoom)
    fonts = try FontCache(renderer: renderer, scale: zoom)
    drawer = DrawListRenderer(renderer: renderer, fonts: fonts)
    window.setMinimumSize(width: min(640, width), height: min(480, height))
    refreshGeometry()
    var x: Int32 = 0
    var y: Int32 = 0
    SDL_GetMouseState(&x, &y)
    input.mouse = Point(Float(x) / zoom, Float(y) / zoom)
  }

  /// The usable area of the first display in window points (the screen minus panels and docks),
  /// or nil when there is no display to ask.
  public static func usableDisplaySize() -> (width: Int, height: Int)? {
    guard let system = try? SDLSystem(video: true) else { return nil }
    defer { _ = system }
    var bounds = SDL_Rect()
    guard SDL_GetDisplayUsableBounds(0, &bounds) == 0, bounds.w > 0, bounds.h > 0 else { return nil }
    return (Int(bounds.w), Int(bounds.h))
  }

  /// True when the machine has a GPU render node (Linux: /dev/dri/renderD*); elsewhere assumed.
  public static var hasGPU: Bool {
    #if os(Linux)
      let nodes = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/dri")) ?? []
      return nodes.contains { $0.hasPrefix("renderD") }
    #else
      return true
    #endif
  }

  /// Logical pixels per window point; changing it rescales the whole UI from the next frame on.
  public var zoom: Float {
    get { translator.zoom }
    set {
      translator.zoom = max(0.5, min(4, newValue))
      refreshGeometry()
    }
  }

  /// The measurer to give the `UIContext`: real font metrics at the current scale.
  public var measurer: any TextMeasurer { fonts }

  /// Starts a frame: clears last frame's events and folds in every pending SDL event. With
  /// `waitMilliseconds` > 0 it first sleeps until an event arrives or the time passes (an idle
  /// app then uses no CPU).
  public func pollInput(waitMilliseconds: Int32 = 0) -> UIInput {
    input.startFrame()
    var event = SDL_Event()
    // A frame takes at most one mouse-button release: the rest wait in SDL's queue for the next
    // frame, so two clicks during one long frame stay two clicks (not one press and one release).
    var released = false
    if waitMilliseconds > 0, SDL_WaitEventTimeout(&event, waitMilliseconds) == 1 {
      translator.apply(event, to: &input)
      released = event.type == SDL_MOUSEBUTTONUP.rawValue
    }
    while !released, SDL_PollEvent(&event) == 1 {
      translator.apply(event, to: &input)
      released = event.type == SDL_MOUSEBUTTONUP.rawValue
    }
    refreshGeometry()
    return input
  }

  /// Turns platform text input (IME, on-screen keyboards) on while a text field is focused.
  public func setTextInputActive(_ active: Bool) {
    let isActive = SDL_IsTextInputActive() == SDL_TRUE
    if active && !isActive { SDL_StartTextInput() }
    if !active && isActive { SDL_StopTextInput() }
  }

  /// Clears to `background`, paints `list` and shows the frame.
  public func present(_ list: DrawList, background: Color = Theme.light.windowBackground) throws {
    if !drawer.coversTarget(list, scale: translator.scaleFactor) { renderer.clear(background) }
    try drawer.render(list, scale: translator.scaleFactor)
    renderer.present()
  }

  /// Paints `list` without presenting and returns the pixels (screenshots, e2e checks).
  public func snapshot(_ list: DrawList, background: Color = Theme.light.windowBackground) throws -> Raster {
    if !drawer.coversTarget(list, scale: translator.scaleFactor) { renderer.clear(background) }
    try drawer.render(list, scale: translator.scaleFactor)
    return try renderer.readPixels()
  }

  /// Re-reads the high-DPI factor and window size, which change on resize or a move between screens.
  private func refreshGeometry() {
    let points = window.size
    let pixels = renderer.outputSize
    if points.width > 0 { translator.pixelsPerPoint = Float(pixels.width) / Float(points.width) }
    input.windowSize = Size(Float(points.width) / translator.zoom, Float(points.height) / translator.zoom)
    input.scaleFactor = translator.scaleFactor
    fonts.scale = translator.scaleFactor
  }
}
