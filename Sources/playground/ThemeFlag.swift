import ImmediateUI

/// `--theme default|high-contrast` for the window, `--screenshot` and `record`.
enum ThemeFlag {
  static func theme(_ text: String?) throws -> Theme {
    switch text?.lowercased() {
    case nil, "default", "light": return .light
    case "high-contrast", "highcontrast", "contrast": return .highContrast
    default: throw UsageError(message: "--theme must be default or high-contrast, got '\(text ?? "")'")
    }
  }
}
