
/// One JSON object on one line, with keys in insertion order (for `--json` output).
public struct JSONLine: Sendable {
  private var parts: [String] = []
  public init() {}

  public mutating func add(_ key: String, _ value: String) {
    parts.append("\(JSONLine.quote(key)):\(JSONLine.quote(value))")
  }
  public mutating func add(_ key: String, _ value: Int) { parts.append("\(JSONLine.quote(key)):\(value)") }
  public mutating func add(_ key: String, _ value: Bool) { parts.append("\(JSONLine.quote(key)):\(value)") }
  /// Non-finite numbers (a diverged loss) become null, which JSON can carry.
  public mutating func add(_ key: String, _ value: Double) {
    parts.append("\(JSONLine.quote(key)):\(value.isFinite ? "\(value)" : "null")")
  }
  public mutating func add(_ key: String, _ value: Float) { add(key, Double(value)) }
  public mutating func add(_ key: String, raw: String) { parts.append("\(JSONLine.quote(key)):\(raw)") }

  public var text: String { "{" + parts.joined(separator: ",") + "}" }

  /// A JSON string literal.
  public static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {  // no raw DEL or C1 (CSI) either
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
