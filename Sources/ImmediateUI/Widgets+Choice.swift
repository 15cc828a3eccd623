extension UIContext {
  /// A row of mutually exclusive options (dataset kind, activation); returns the clicked index
  /// when it differs from `selected`. The ID comes from `id`, or from the options when nil.
  public func segmented(
    _ id: String? = nil, options: [String], selected: Int, in rect: Rect, enabled: Bool = true
  ) -> Int? {
    segmented(id, options: options, selected: selected, in: rect, enabled: enabled, textSize: nil)
  }

  /// `segmented` with its options written at `textSize` (a narrow row's smaller type).
  public func segmented(
    _ id: String? = nil, options: [String], selected: Int, in rect: Rect, enabled: Bool = true, textSize: Float?
  ) -> Int? {
    guard !options.isEmpty else { return nil }
    let size = textSize ?? theme.bodySize
    let t = theme
    let scope = self.id(id ?? options.joined(separator: "\u{1F}"))
    draw.fillRoundedRect(rect, radius: t.cornerRadius, enabled ? t.control : t.controlDisabled)
    draw.strokeRoundedRect(rect, radius: t.cornerRadius, width: t.borderWidth, t.controlBorder)
    var result: Int? = nil
    let cells = rect.inset(3).columns(options.count, spacing: 2)
    for (i, cell) in cells.enumerated() {
      let state = interact(scope.child(index: i), cell, enabled: enabled, name: options[i])
      let isSelected = i == selected
      if isSelected {
        draw.fillRoundedRect(cell, radius: t.cornerRadius - 2, enabled ? t.accent : t.disabledText)
      } else if state.hovered {
        draw.fillRoundedRect(
          cell, radius: t.cornerRadius - 2, state.active ? t.controlPressed : t.controlHover)
      }
      let color = isSelected ? t.textOnAccent : (enabled ? t.text : t.disabledText)
      let text = truncated(options[i], toWidth: cell.width - 8, size: size, rect: cell)
      draw.text(text, at: cell.center, size: size, color, alignment: .center)
      if state.clicked && !isSelected { result = i }
    }
    return result
  }

  /// A button showing the selected option that opens a list drawn on top of everything; returns
  /// the chosen index when it differs from `selected`. A click outside or Escape closes the list.
  public func dropdown(
    _ id: String? = nil, options: [String], selected: Int, in rect: Rect, enabled: Bool = true
  ) -> Int? {
    let t = theme
    let wid = self.id(id ?? options.joined(separator: "\u{1F}"))
    let current = options.indices.contains(selected) ? options[selected] : ""
    let anchor = interact(wid, rect, enabled: enabled, name: id ?? current)
    var isOpen = focusedID == wid
    if anchor.clicked {
      isOpen.toggle()
      if !isOpen { clearFocus() }
    }
    if isOpen && (!enabled || input.wasPressed(.escape)) {
      isOpen = false
      clearFocus()
    }
    // The keyboard: arrows pick the previous or next option, open or closed (Enter opens).
    let steps = takeArrowSteps(wid, downIsNext: true)
    if steps != 0, !options.isEmpty {
      let next = min(options.count - 1, max(0, selected + steps))
      if isOpen { clearFocus() }
      if next != selected { return next }
    }

    // The closed control: current choice and a chevron.
    let textColor = drawButtonFrame(rect, state: anchor, enabled: enabled, style: .normal)
    var inner = rect.inset(dx: t.padding, dy: 0)
    let chevron = inner.cutRight(min(18, inner.height), spacing: t.spacing)
    draw.text(
      truncated(current, toWidth: inner.width, size: t.bodySize, rect: rect), at: Point(inner.x, rect.midY),
      size: t.bodySize, textColor, alignment: .left)
    draw.icon(.chevronDown, in: chevron.centered(Size(16, 16)), textColor)

    guard isOpen, !options.isEmpty else { return nil }
    let list = popupRect(below: rect, options: options)
    setFocus(wid, .popup(anchor: rect, list: list))
    return drawPopupList(wid, options: options, selected: selected, list: list)
  }

  /// Where a dropdown's list goes: below the anchor, or above it when it would leave the window.
  private func popupRect(below anchor: Rect, options: [String]) -> Rect {
    let t = theme
    let rowHeight = t.controlHeight
    let widest = options.map { measure($0, size: t.bodySize).width }.max() ?? 0
    // Room for the text, the row's padding on both sides, the check mark (18) and the list's inset (2 × 4).
    let width = max(anchor.width, widest + 2 * t.padding + 18 + 8 + 2)
    let height = rowHeight * Float(options.count) + 8
    var y = anchor.maxY + 4
    if y + height > input.windowSize.height, anchor.minY - 4 - height >= 0 {
      y = anchor.minY - 4 - height
    }
    let x = min(anchor.x, max(0, input.windowSize.width - width))
    return Rect(x: x, y: y, width: width, height: height)
  }

  /// Paints the open list into the overlay and returns the clicked row, closing the popup.
  private func drawPopupList(_ wid: WidgetID, options: [String], selected: Int, list: Rect) -> Int? {
    let t = theme
    insidePopup = true
    defer { insidePopup = false }
    overlay.fillRoundedRect(
      list.offset(dx: 0, dy: 2).inset(-1), radius: t.cornerRadius + 1, Color(argb: 0x1800_0000))
    overlay.fillRoundedRect(list, radius: t.cornerRadius, t.panel)
    overlay.strokeRoundedRect(list, radius: t.cornerRadius, width: t.borderWidth, t.panelBorder)
    var result: Int? = nil
    let rows = list.inset(4).rows(options.count)
    for (i, row) in rows.enumerated() {
      let state = interact(wid.child(index: i), row)
      if i == selected {
        overlay.fillRoundedRect(row, radius: 4, t.accentSoft)
      }
      if state.hovered {
        overlay.fillRoundedRect(row, radius: 4, state.active ? t.controlPressed : t.controlHover)
      }
      var textRect = row.inset(dx: t.padding, dy: 0)
      let mark = textRect.cutRight(18)
      if i == selected { overlay.icon(.check, in: mark.centered(Size(16, 16)), t.accent) }
      overlay.text(
        truncated(options[i], toWidth: textRect.width, size: t.bodySize), at: Point(textRect.x, row.midY),
        size: t.bodySize, t.text, alignment: .left, weight: i == selected ? .bold : .regular)
      if state.clicked {
        clearFocus()
        if i != selected { result = i }
      }
    }
    return result
  }
}
