import CSDL2
import CSDL2Image
import CSDL2TTF
import Foundation

/// Keeps SDL (and SDL_ttf, SDL_image) initialized for as long as an instance lives.
///
/// Safe to create any number of times in one process: SDL counts SDL_InitSubSystem calls and
/// SDL_ttf counts TTF_Init calls, and each instance's deinit undoes exactly its own init, so the
/// libraries shut down when the last owner goes. We never call SDL_Quit, which would ignore the
/// counts. Windows, renderers and fonts each hold one, so SDL outlives them.
public final class SDLSystem {
  private let video: Bool

  /// Initializes SDL_ttf, SDL_image's PNG support and, when `video`, SDL's video subsystem.
  /// With no display (no DISPLAY or WAYLAND_DISPLAY) and no SDL_VIDEODRIVER, Linux uses the
  /// `dummy` video driver so headless runs and tests need no X server.
  public init(video: Bool = true) throws {
    if video {
      SDLSystem.preferDummyVideoWhenHeadless()
      guard SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 else { throw SDLError.last("SDL_InitSubSystem(VIDEO)") }
    }
    guard TTF_Init() == 0 else {
      if video { SDL_QuitSubSystem(SDL_INIT_VIDEO) }
      throw SDLError.last("TTF_Init")
    }
    let png = Int32(IMG_INIT_PNG.rawValue)
    if IMG_Init(png) & png == 0 {
      TTF_Quit()
      if video { SDL_QuitSubSystem(SDL_INIT_VIDEO) }
      throw SDLError.last("IMG_Init(PNG)")
    }
    self.video = video
  }

  deinit {
    TTF_Quit()
    if video { SDL_QuitSubSystem(SDL_INIT_VIDEO) }
  }

  /// True when no display server is reachable and no video driver was chosen explicitly.
  public static var isHeadless: Bool {
    #if os(Linux)
      let env = ProcessInfo.processInfo.environment
      return env["SDL_VIDEODRIVER"] == nil && env["DISPLAY"] == nil && env["WAYLAND_DISPLAY"] == nil
    #else
      return false
    #endif
  }

  /// Sets SDL's video-driver hint to `dummy` when `isHeadless`.
  public static func preferDummyVideoWhenHeadless() {
    if isHeadless { SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy") }
  }

  /// The name of the video driver in use, or nil before video is initialized.
  public static var videoDriver: String? {
    SDL_GetCurrentVideoDriver().map { String(cString: $0) }
  }
}
