/// Text made safe for a terminal: control characters from file names, lesson keys or arguments
/// are shown as escapes (`\e`, `\a`, `\x7f`, `\u{9b}`) instead of reaching the terminal, where ESC
/// sequences could move the cursor, recolor or retitle it, and BEL rings it.
public enum TerminalText {
  /// `text` with every C0 and C1 control character, DEL and the bidirectional overrides escaped.
  /// Line feeds stay when `keepingNewlines` (a message of several lines).
  public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepingNewlines: keepingNewlines) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\u{1B}": out += "\\e"
      case "\u{07}": out += "\\a"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\n": out += "\\n"
      case "\u{08}": out += "\\b"
      default:
        let hex = String(scalar.value, radix: 16)
        out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
      }
    }
    return out
  }

  /// True for the scalars a terminal acts on rather than shows.
  static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
    let v = scalar.value
    if v == 0x0A { return !keepingNewlines }
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }
}
