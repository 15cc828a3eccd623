import CYaml

/// Measures a YAML text's size after alias expansion from libyaml's event stream, before Yams
/// builds (and hashes) a tree: a 564-byte "billion laughs" whose aliases are used as mapping keys
/// would otherwise keep Yams' duplicate-key check hashing an exponentially large key forever.
///
/// Each node counts 1 plus its children; an alias counts as the whole node it names. Counts stop
/// growing past the cap, so the measurement itself is linear in the text.
enum YAMLBudget {
  /// Why `text` expands beyond the caps, with the line of the offending node, or nil when it fits
  /// (a syntax error is left for Yams to report with its own words).
  static func problem(_ text: String, maximumNodes: Int, maximumKeyNodes: Int) -> (line: Int, message: String)? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      /// A sequence or mapping being read: its size so far and, for a mapping, how many children.
      struct Open {
        var size = 1
        var children = 0
        var isMapping: Bool
        var anchor: String?
      }
      var stack: [Open] = []
      var anchors: [String: Int] = [:]
      var total = 0
      func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
      }
      /// Adds a finished node of `size` to its parent; returns a problem when a cap is passed.
      func finish(_ size: Int, anchor: String?, line: Int) -> (line: Int, message: String)? {
        let size = min(size, maximumNodes + 1)
        if let anchor { anchors[anchor] = size }
        guard var parent = stack.popLast() else {
          total = size
          return size > maximumNodes ? (line, "the YAML expands to more than \(maximumNodes) nodes (aliases count as copies)") : nil
        }
        if parent.isMapping && parent.children % 2 == 0 && size > maximumKeyNodes {
          stack.append(parent)
          return (line, "a key expands to \(size) YAML nodes (an alias or a map used as a key); keys are names")
        }
        parent.children += 1
        parent.size = min(parent.size + size, maximumNodes + 1)
        stack.append(parent)
        if parent.size > maximumNodes {
          return (line, "the YAML expands to more than \(maximumNodes) nodes (aliases count as copies)")
        }
        return nil
      }
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        var found: (line: Int, message: String)?
        switch event.type {
        case YAML_STREAM_END_EVENT: return nil
        case YAML_SCALAR_EVENT: found = finish(1, anchor: name(event.data.scalar.anchor), line: line)
        case YAML_ALIAS_EVENT:
          let size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
          found = finish(size, anchor: nil, line: line)
        case YAML_SEQUENCE_START_EVENT:
          stack.append(Open(isMapping: false, anchor: name(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
          stack.append(Open(isMapping: true, anchor: name(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let done = stack.popLast() { found = finish(done.size, anchor: done.anchor, line: line) }
        default: break
        }
        if let found { return found }
      }
      _ = total
      return nil
    }
  }
}
