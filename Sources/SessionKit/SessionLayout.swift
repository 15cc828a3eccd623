/// Lays out compact JSON for people: one key per line, but short lists of numbers (a point), flat
/// lists of up to four values (an image: label and pixels) and short flat objects (a chart
/// bucket) on one line, and long lists of numbers (the weights) as
/// many to a line as fit.
///
/// The input is compact JSON as `JSONEncoder` writes it (no whitespace outside strings); the
/// output parses to the same value, with the keys in the same order.
enum JSONLayout {
  /// Flat lists and objects up to this many bytes stay on one line; longer lists wrap at it.
  static let inlineLimit = 120

  static func pretty(_ compact: [UInt8]) -> [UInt8] {
    var printer = Printer(bytes: compact)
    printer.value(indent: 0)
    printer.out.append(newline)
    return printer.out
  }

  static let newline = UInt8(ascii: "\n")
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let comma = UInt8(ascii: ",")
  static let colon = UInt8(ascii: ":")
  static let space = UInt8(ascii: " ")
  static func isOpen(_ c: UInt8) -> Bool { c == UInt8(ascii: "{") || c == UInt8(ascii: "[") }
  static func isClose(_ c: UInt8) -> Bool { c == UInt8(ascii: "}") || c == UInt8(ascii: "]") }

  struct Printer {
    let bytes: [UInt8]
    var i = 0
    var out: [UInt8] = []

    init(bytes: [UInt8]) {
      self.bytes = bytes
      out.reserveCapacity(bytes.count * 2)
    }

    /// The index just past the string starting at `start` (a quote).
    func endOfString(_ start: Int) -> Int {
      var k = start + 1
      while k < bytes.count && bytes[k] != quote {
        k += bytes[k] == backslash ? 2 : 1
      }
      return min(k + 1, bytes.count)
    }

    /// The index of the bracket closing the container at `start`, and whether it holds no container.
    func matching(_ start: Int) -> (end: Int, flat: Bool) {
      var depth = 0
      var flat = true
      var k = start
      while k < bytes.count {
        let c = bytes[k]
        if c == quote {
          k = endOfString(k)
          continue
        }
        if isOpen(c) {
          depth += 1
          if depth > 1 { flat = false }
        } else if isClose(c) {
          depth -= 1
          if depth == 0 { return (k, flat) }
        }
        k += 1
      }
      return (bytes.count - 1, flat)
    }

    /// Elements of the flat container from `start` to `end` (commas outside strings, plus one).
    /// A short tuple such as an image `[label, "pixels…"]` stays on one line however long.
    func elementCount(_ start: Int, _ end: Int) -> Int {
      var count = 1
      var k = start + 1
      while k < end {
        if bytes[k] == quote {
          k = endOfString(k)
          continue
        }
        if bytes[k] == comma { count += 1 }
        k += 1
      }
      return count
    }

    mutating func newlineAndIndent(_ indent: Int) {
      out.append(newline)
      out.append(contentsOf: repeatElement(space, count: indent))
    }

    /// Copies bytes[from...to] adding a space after each comma and colon outside strings.
    mutating func copyInline(from: Int, to end: Int) {
      var k = from
      while k <= end {
        let c = bytes[k]
        if c == quote {
          let stop = endOfString(k)
          out.append(contentsOf: bytes[k..<stop])
          k = stop
          continue
        }
        out.append(c)
        if c == comma || c == colon { out.append(space) }
        k += 1
      }
    }

    /// A long list of numbers or strings: as many per line as fit in `inlineLimit` bytes.
    mutating func wrap(indent: Int, end: Int) {
      out.append(bytes[i])
      i += 1
      var lineStart = out.count
      newlineAndIndent(indent + 2)
      lineStart += 1
      while i < end {
        let before = out.count
        value(indent: indent + 2)
        if out.count - lineStart > inlineLimit && before > lineStart + indent + 2 {
          // Move the element that overflowed to a new line.
          let element = Array(out[before...])
          out.removeSubrange(before...)
          while out.last == space { out.removeLast() }
          lineStart = out.count + 1
          newlineAndIndent(indent + 2)
          out += element
        }
        if i < end && bytes[i] == comma {
          out += [comma, space]
          i += 1
        } else if i < end {
          i += 1  // never loops on input that is not compact JSON
        }
      }
      while out.last == space { out.removeLast() }
      newlineAndIndent(indent)
      out.append(bytes[end])
      i = end + 1
    }

    mutating func value(indent: Int) {
      guard i < bytes.count else { return }
      let c = bytes[i]
      guard isOpen(c) else {
        // A scalar: copy up to the next comma or closing bracket outside a string.
        while i < bytes.count && bytes[i] != comma && !isClose(bytes[i]) {
          if bytes[i] == quote {
            let stop = endOfString(i)
            out.append(contentsOf: bytes[i..<stop])
            i = stop
          } else {
            out.append(bytes[i])
            i += 1
          }
        }
        return
      }
      let (end, flat) = matching(i)
      let isArray = c == UInt8(ascii: "[")
      if end == i + 1 || (flat && (end - i <= inlineLimit || (isArray && elementCount(i, end) <= 4))) {
        copyInline(from: i, to: end)
        i = end + 1
        return
      }
      if flat && isArray {
        wrap(indent: indent, end: end)
        return
      }
      out.append(c)
      i += 1
      while i < end {
        let before = i
        newlineAndIndent(indent + 2)
        if !isArray {
          let stop = endOfString(i)
          out.append(contentsOf: bytes[i..<stop])
          out.append(contentsOf: [colon, space])
          i = stop + 1  // past the colon
        }
        value(indent: indent + 2)
        if i < end && bytes[i] == comma {
          out.append(comma)
          i += 1
        }
        if i == before { i += 1 }  // never loops on input that is not compact JSON
      }
      newlineAndIndent(indent)
      out.append(bytes[end])
      i = end + 1
    }
  }
}
