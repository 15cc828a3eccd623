import CSDL2

/// The system clipboard (text only).
public enum Clipboard {
  /// Puts `text` on the clipboard; false when the platform refuses (e.g. no display).
  @discardableResult
  public static func set(_ text: String) -> Bool {
    SDL_SetClipboardText(text) == 0
  }

  /// The clipboard's text, if any.
  public static func get() -> String? {
    guard SDL_HasClipboardText() == SDL_TRUE, let raw = SDL_GetClipboardText() else { return nil }
    defer { SDL_free(raw) }
    return String(cString: raw)
  }
}
