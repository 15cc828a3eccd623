import CSDL2

/// A failure reported by SDL, SDL_ttf or SDL_image, or by our own checks around them.
public struct SDLError: Error, CustomStringConvertible, Sendable {
  /// What we were doing, followed by SDL's own explanation.
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  /// `context` plus SDL_GetError(), the thread's last SDL error (SDL_ttf and SDL_image share it).
  static func last(_ context: String) -> SDLError {
    let detail = SDL_GetError().map { String(cString: $0) } ?? ""
    return SDLError(detail.isEmpty ? context : "\(context): \(detail)")
  }

  public var description: String { "SDL error: \(message)" }
}
