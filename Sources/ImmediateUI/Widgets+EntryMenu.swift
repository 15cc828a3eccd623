/// What a dropdown that also takes a typed value reports.
public enum EntryMenuEvent: Hashable, Sendable {
  /// A listed option was chosen (its index).
  case chosen(Int)
  /// A value was typed and Enter pressed (or the user clicked elsewhere): the text, unchecked.
  case typed(String)
}

extension UIContext {
  /// A dropdown whose list ends with an `other` row ("Other…"): choosing it turns the closed box
  /// into an empty text field (the current value greyed in it); Enter or a click elsewhere reports the typed
  /// text, Escape goes back to the menu unchanged. The caller validates the text (a menu of
  /// rates cannot know the allowed range).
  public func entryMenu(
    _ label: String, options: [String], selected: Int, in rect: Rect, other: String = "Other…"
  ) -> EntryMenuEvent? {
    let entry = id(label + ".entry")
    let editing = focusedID == entry || pendingCommit?.id == entry
    if editing {
      let current = options.indices.contains(selected) ? options[selected] : ""
      let event = textField(id: label + ".entry", text: "", in: rect)
      // Until something is typed the current value shows greyed behind the caret.
      if focusedID == entry, case .editing(let draft, _, _) = focus, draft.isEmpty {
        draw.text(
          current, at: Point(rect.x + theme.padding + 4, rect.midY), size: theme.bodySize, theme.disabledText,
          alignment: .left)
      }
      switch event {
      case .committed(let text)? where !text.allSatisfy(\.isWhitespace): return .typed(text)
      default: return nil
      }
    }
    guard let i = dropdown(label, options: options + [other], selected: selected, in: rect) else {
      return nil
    }
    if i < options.count { return .chosen(i) }
    // "Other…": an empty box in place of the menu (the current value shows greyed until typing);
    // Enter with nothing typed changes nothing.
    setFocus(entry, .editing(draft: "", caret: 0, box: rect))
    return nil
  }
}
