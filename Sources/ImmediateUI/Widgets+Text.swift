extension UIContext {
  /// One line of text placed in `rect` by `alignment` (`.baseline` puts the baseline on the
  /// rect's bottom edge), shortened with "…" if it does not fit. Defaults: body size, text color.
  public func label(
    _ text: String, in rect: Rect, size: Float? = nil, color: Color? = nil,
    alignment: TextAlignment = .left, weight: FontWeight = .regular
  ) {
    let size = size ?? theme.bodySize
    let x: Float =
      switch alignment.horizontal {
      case .left: rect.minX
      case .center: rect.midX
      case .right: rect.maxX
      }
    let y: Float =
      switch alignment.vertical {
      case .top: rect.minY
      case .middle: rect.midY
      case .baseline: rect.maxY
      }
    let shown = truncated(text, toWidth: rect.width, size: size, weight: weight, rect: rect)
    draw.text(shown, at: Point(x, y), size: size, color ?? theme.text, alignment: alignment, weight: weight)
  }

  /// Word-wrapped text from the top of `rect` (lesson instructions, explanations); returns the
  /// height used. Lines that fall below the rect are not drawn.
  @discardableResult
  public func paragraph(
    _ text: String, in rect: Rect, size: Float? = nil, color: Color? = nil, weight: FontWeight = .regular
  ) -> Float {
    let size = size ?? theme.bodySize
    let lineHeight = (measure("Ag", size: size, weight: weight).height * 1.1).rounded()
    var y = rect.minY
    for line in wrap(text, toWidth: rect.width, size: size, weight: weight) {
      if y + lineHeight <= rect.maxY + 0.5 {
        draw.text(line, at: Point(rect.minX, y), size: size, color ?? theme.text, weight: weight)
      } else if !line.isEmpty {
        noteTruncation(line, in: Rect(x: rect.minX, y: y, width: rect.width, height: lineHeight), how: "lines dropped")
      }
      y += lineHeight
    }
    return y - rect.minY
  }

  /// A white card with a border and an optional bold title; returns the padded content area.
  @discardableResult
  public func panel(_ rect: Rect, title: String? = nil) -> Rect {
    let t = theme
    draw.fillRoundedRect(rect, radius: t.cornerRadius + 2, t.panel)
    draw.strokeRoundedRect(rect, radius: t.cornerRadius + 2, width: 1, t.panelBorder)
    var content = rect.inset(t.padding + 2)
    if let title {
      let header = content.cutTop(t.headingSize * 1.3, spacing: t.spacing)
      label(title, in: header, size: t.headingSize, color: t.text, alignment: .left, weight: .bold)
    }
    return content
  }

  /// A thin horizontal rule across the middle of `rect`.
  public func separator(in rect: Rect) {
    draw.fillRect(
      Rect(x: rect.minX, y: (rect.midY - 0.5).rounded(), width: rect.width, height: 1), theme.separator)
  }

  /// True while the mouse is over `rect` (and not blocked by a popup); marks `id` hot.
  @discardableResult
  public func hoverRegion(_ id: String, _ rect: Rect) -> Bool {
    let hovered = isMouseOver(rect)
    if hovered && activeID == nil { hotID = self.id(id) }
    return hovered
  }

  /// A dark box with `text` near the mouse, painted on top of everything this frame.
  public func tooltip(_ text: String) {
    let t = theme
    let size = t.smallSize
    let pad = t.padding
    let lines = wrap(text, toWidth: 360, size: size)
    let lineHeight = (measure("Ag", size: size).height * 1.1).rounded()
    let width = (lines.map { measure($0, size: size).width }.max() ?? 0) + 2 * pad
    let height = lineHeight * Float(lines.count) + 2 * pad - (lineHeight - measure("Ag", size: size).height)
    let m = input.mouse
    let window = input.windowSize
    var x = m.x + 14
    var y = m.y + 22
    if x + width > window.width { x = max(0, window.width - width - 4) }
    if y + height > window.height { y = max(0, m.y - height - 8) }
    let box = Rect(x: x, y: y, width: width, height: height)
    overlay.fillRoundedRect(
      box.offset(dx: 0, dy: 2).inset(-1), radius: t.cornerRadius + 1, Color(argb: 0x1800_0000))
    overlay.fillRoundedRect(box, radius: t.cornerRadius, t.tooltipBackground)
    for (i, line) in lines.enumerated() {
      overlay.text(line, at: Point(x + pad, y + pad + Float(i) * lineHeight), size: size, t.tooltipText)
    }
  }
}
