import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore
import SDLFrontend

/// `--renderer software|opengl|auto` (and `--software`, its short form) for the window and for
/// `--screenshot`.
@MainActor
enum RendererFlag {
  /// The choice the flags make, or nil when neither was given (the window then uses auto).
  nonisolated static func choice(_ text: String?, software: Bool) throws -> RendererChoice? {
    guard let text else { return software ? .software : nil }
    guard let choice = RendererChoice(rawValue: text.lowercased()) else {
      throw UsageError(message: tr("--renderer must be software, opengl or auto, got '{1}'", text))
    }
    if software && choice != .software {
      throw UsageError(message: tr("--software is --renderer software; drop one of them"))
    }
    return choice
  }

  /// One frame as `--screenshot` writes it: drawn offscreen by the software renderer (no display
  /// needed) unless `renderer` picks another driver, which draws in a hidden window and reads the
  /// frame back from it, as F12 does in the window.
  static func screenshot(
    state: AppState, epochs: Int, lesson: GuidedLesson?, size: WindowSize, zoom: Float,
    renderer: RendererChoice?, theme: Theme = .light
  ) throws -> Raster {
    // Auto without a display draws offscreen, as every headless screenshot does.
    let headlessAuto = renderer == .auto && SDLSystem.isHeadless
    if headlessAuto || (renderer ?? .software).driver().isSoftware {
      return try ScreenshotRenderer.render(
        state: state, epochs: epochs, lesson: lesson, width: size.width, height: size.height, zoom: zoom,
        theme: theme)
    }
    if SDLSystem.isHeadless {
      throw UsageError(
        message: "--renderer \(renderer!.rawValue) needs a display (DISPLAY or WAYLAND_DISPLAY); try xvfb-run, or --renderer software")
    }
    let trained = ScreenshotRenderer.trained(state, epochs: epochs)
    let window: AppWindow
    do {
      window = try AppWindow(
        title: "NeuralPlayground screenshot", width: size.width, height: size.height, zoom: zoom,
        renderer: renderer!, vsync: false, hidden: true)
    } catch {
      throw UsageError(message: "--renderer \(renderer!.rawValue): \(error)")
    }
    let ui = UIContext(theme: theme, measurer: window.measurer)
    let list = ScreenshotRenderer.frame(trained, lesson: lesson, logical: window.input.windowSize, ui: ui)
    return try window.snapshot(list, background: theme.windowBackground)
  }
}
