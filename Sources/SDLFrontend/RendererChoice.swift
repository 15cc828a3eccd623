import CSDL2
import Foundation

/// Which of SDL's renderers draws the window: `--renderer software|opengl|auto`.
///
/// Software is SDL's CPU renderer (byte-identical frames on every machine). OpenGL is what a
/// desktop with a GPU uses (Mesa's CPU rasterizer without one). Auto takes SDL_RENDER_DRIVER when
/// it is set, else OpenGL where the machine has a GPU render node, else software.
public enum RendererChoice: String, CaseIterable, Sendable {
  case software
  case opengl
  case auto

  /// The SDL render driver to open: a driver by name ("software", "opengl", "opengles2", …), or
  /// nil for SDL's first accelerated driver.
  public struct Driver: Equatable, Sendable {
    /// SDL's driver name, or nil to let SDL pick an accelerated one.
    public var name: String?
    /// True when a failure falls back to the software renderer (auto) instead of an error.
    public var fallsBack: Bool

    public init(name: String?, fallsBack: Bool) {
      self.name = name
      self.fallsBack = fallsBack
    }

    public var isSoftware: Bool { name == "software" }
  }

  /// The driver this choice opens on a machine with (or without) a GPU render node, given the
  /// environment's SDL_RENDER_DRIVER.
  public func driver(
    environment: [String: String] = ProcessInfo.processInfo.environment, hasGPU: Bool = AppWindow.hasGPU
  ) -> Driver {
    switch self {
    case .software: return Driver(name: "software", fallsBack: false)
    case .opengl: return Driver(name: "opengl", fallsBack: false)
    case .auto:
      if let named = environment["SDL_RENDER_DRIVER"], !named.isEmpty {
        return Driver(name: named.lowercased(), fallsBack: true)
      }
      return hasGPU ? Driver(name: nil, fallsBack: true) : Driver(name: "software", fallsBack: false)
    }
  }

  /// SDL's render drivers compiled into the SDL library in use ("opengl", "opengles2", "software", …).
  public static var availableDrivers: [String] {
    (0..<max(0, SDL_GetNumRenderDrivers())).compactMap { index in
      var info = SDL_RendererInfo()
      guard SDL_GetRenderDriverInfo(index, &info) == 0, let name = info.name else { return nil }
      return String(cString: name)
    }
  }

  /// SDL's index of the driver named `name`, or nil when this SDL lacks it.
  static func driverIndex(named name: String) -> Int32? {
    availableDrivers.firstIndex(of: name).map { Int32($0) }
  }
}
