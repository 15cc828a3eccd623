import Foundation

/// Structural checks on a session's JSON before JSONDecoder reads it: no object may repeat a key
/// (JSONDecoder would silently keep one of the two values, so a file could say two things), and
/// nesting stops at `maximumDepth` (a session nests 6 deep; a file of 100 MB of `[` must not
/// recurse the decoder into the ground). One linear pass over the bytes.
enum JSONShape {
  /// Objects and arrays nested deeper than this are refused.
  static let maximumDepth = 64

  /// Why `bytes` is not shaped like a session, or nil (syntax errors are left to JSONDecoder).
  static func problem(_ bytes: [UInt8]) -> String? {
    var keys: [Set<[UInt8]>?] = []  // one entry per open container; nil for arrays
    var expectingKey = false
    var i = 0
    let n = bytes.count
    while i < n {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if keys.count >= maximumDepth {
          return "the JSON nests deeper than \(maximumDepth) levels; a session nests a few"
        }
        keys.append(byte == UInt8(ascii: "{") ? [] : nil)
        expectingKey = byte == UInt8(ascii: "{")
        i += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if !keys.isEmpty { keys.removeLast() }
        expectingKey = false
        i += 1
      case UInt8(ascii: ","):
        expectingKey = keys.last.map { $0 != nil } ?? false
        i += 1
      case UInt8(ascii: "\""):
        var j = i + 1
        var escaped = false
        while j < n && bytes[j] != UInt8(ascii: "\"") {
          if bytes[j] == UInt8(ascii: "\\") {
            escaped = true
            j += 1
          }
          j += 1
        }
        if expectingKey, keys[keys.count - 1] != nil {
          var key = Array(bytes[(i + 1)..<min(j, n)])
          if escaped, let decoded = try? JSONDecoder().decode(String.self, from: Data(bytes[i...min(j, n - 1)])) {
            key = Array(decoded.utf8)
          }
          if keys[keys.count - 1]?.insert(key).inserted == false {  // in place: no copy of the set
            let name = String(decoding: key.prefix(80), as: UTF8.self)
            return "the key \"\(name)\" appears twice in one object; which value is meant is unclear"
          }
          expectingKey = false
        }
        i = j + 1
      default:
        i += 1
      }
    }
    return nil
  }
}
