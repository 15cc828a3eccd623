/// What a text field reports.
public enum TextFieldEvent: Hashable, Sendable {
  /// The draft changed while editing (for live validation); the caller's value is unchanged.
  case changed(String)
  /// Enter was pressed, or the user clicked elsewhere: adopt this text.
  case committed(String)
  /// Escape was pressed: the draft is discarded.
  case cancelled
}

extension UIContext {
  /// A one-line text box. A click focuses it; typed text, Backspace, Delete, ←/→, Home/End edit a
  /// draft; Enter (or clicking elsewhere) commits it and Escape cancels. The caller's `text` is
  /// shown when not editing.
  public func textField(
    id label: String, text: String, in rect: Rect, placeholder: String = "", enabled: Bool = true
  ) -> TextFieldEvent? {
    let t = theme
    let wid = id(label)
    let size = t.bodySize
    let inner = rect.inset(dx: t.padding, dy: 0)
    let state = interact(wid, rect, enabled: enabled, name: label)
    var event: TextFieldEvent? = nil

    if let pending = pendingCommit, pending.id == wid {
      pendingCommit = nil
      event = .committed(pending.text)
    }
    if focusedID == wid, case .editing(var draft, var caret, _) = focus {
      if !enabled {
        clearFocus()
        event = .cancelled
      } else {
        let before = draft
        if state.pressed { caret = caretIndex(in: draft, atX: input.mouse.x - inner.x, size: size) }
        event = edit(&draft, caret: &caret)
        if event == nil {
          setFocus(wid, .editing(draft: draft, caret: caret, box: rect))
          if draft != before { event = .changed(draft) }
        }
      }
    } else if state.pressed || (state.clicked && !state.active) {  // a click, or Enter with the focus ring
      setFocus(wid, .editing(draft: text, caret: text.count, box: rect))
    }

    // Paint: box, text scrolled so the caret stays visible, caret, focus ring.
    let editing: (draft: String, caret: Int)? =
      if focusedID == wid, case .editing(let d, let c, _) = focus { (d, c) } else { nil }
    draw.fillRoundedRect(rect, radius: t.cornerRadius, enabled ? t.panel : t.controlDisabled)
    let shown = editing?.draft ?? text
    pushClip(inner)
    if shown.isEmpty && editing == nil {
      draw.text(placeholder, at: Point(inner.x, rect.midY), size: size, t.disabledText, alignment: .left)
    }
    var offset: Float = 0
    if let editing {
      let caretX = measure(String(shown.prefix(editing.caret)), size: size).width
      offset = max(0, caretX - inner.width + 2)
      let x = inner.x + caretX - offset
      draw.line(
        from: Point(x, rect.midY - size * 0.65), to: Point(x, rect.midY + size * 0.65), width: 2, t.accent)
    }
    draw.text(
      shown, at: Point(inner.x - offset, rect.midY), size: size, enabled ? t.text : t.disabledText,
      alignment: .left)
    popClip()
    let focused = editing != nil
    draw.strokeRoundedRect(
      rect, radius: t.cornerRadius, width: focused ? t.focusWidth : t.borderWidth,
      focused ? t.focusRing : (state.hovered ? t.accent : t.controlBorder))
    return event
  }

  /// Applies this frame's typed text, then its editing keys; returns a final event on Enter/Escape.
  private func edit(_ draft: inout String, caret: inout Int) -> TextFieldEvent? {
    var chars = Array(draft)
    caret = min(max(0, caret), chars.count)
    let typed = input.text.filter { !$0.isNewline && $0 != "\t" }
    chars.insert(contentsOf: typed, at: caret)
    caret += typed.count
    for press in input.keys {
      switch press.key {
      case .backspace where caret > 0:
        chars.remove(at: caret - 1)
        caret -= 1
      case .delete where caret < chars.count:
        chars.remove(at: caret)
      case .left: caret = max(0, caret - 1)
      case .right: caret = min(chars.count, caret + 1)
      case .home, .up: caret = 0
      case .end, .down: caret = chars.count
      case .enter:
        clearFocus()
        return .committed(String(chars))
      case .escape:
        clearFocus()
        return .cancelled
      default: break
      }
    }
    draft = String(chars)
    return nil
  }

  /// The caret position closest to `x` logical pixels from the text's left edge.
  private func caretIndex(in text: String, atX x: Float, size: Float) -> Int {
    var best = 0
    var bestDistance = Float.infinity
    var prefix = ""
    for (i, ch) in ([""] + text.map { String($0) }).enumerated() {
      prefix += ch
      let d = abs(measure(prefix, size: size).width - x)
      if d < bestDistance {
        bestDistance = d
        best = i
      }
    }
    return best
  }
}
