/// How prominent a button is.
public enum ButtonStyle: Hashable, Sendable {
  /// Gray, for ordinary commands.
  case normal
  /// Filled with the accent color, for the one main action on screen (Play, Train).
  case primary
  /// No background until hovered, for icon rows.
  case plain
}

extension UIContext {
  /// A push button; true in the frame the mouse is released over it after being pressed on it.
  /// `textSize` (default the body size) lets a long word in a small button take smaller type.
  @discardableResult
  public func button(
    _ label: String, in rect: Rect, enabled: Bool = true, style: ButtonStyle = .normal, textSize: Float? = nil
  ) -> Bool {
    let state = interact(id(label), rect, enabled: enabled, name: label)
    let textColor = drawButtonFrame(rect, state: state, enabled: enabled, style: style)
    let size = textSize ?? theme.bodySize
    let text = truncated(label, toWidth: rect.width - 2 * theme.padding, size: size, rect: rect)
    draw.text(text, at: rect.center, size: size, textColor, alignment: .center)
    return state.clicked
  }

  /// A button showing a drawn symbol (play, pause, step, reset, +, −); `label` names it for its ID.
  @discardableResult
  public func iconButton(
    _ label: String, icon: Icon, in rect: Rect, enabled: Bool = true, style: ButtonStyle = .normal
  ) -> Bool {
    let state = interact(id(label), rect, enabled: enabled, name: label)
    let color = drawButtonFrame(rect, state: state, enabled: enabled, style: style)
    let side = min(rect.width, rect.height) * 0.6
    draw.icon(icon, in: rect.centered(Size(side, side)), color)
    return state.clicked
  }

  /// A checkbox followed by `label`; returns the new value (`!isOn`) in the frame it is clicked.
  public func toggle(_ label: String, isOn: Bool, in rect: Rect, enabled: Bool = true) -> Bool? {
    let state = interact(id(label), rect, enabled: enabled, name: label)
    let side = min(rect.height, 24)
    let box = Rect(x: rect.x, y: rect.midY - side / 2, width: side, height: side)
    let t = theme
    if isOn {
      let fill =
        !enabled
        ? t.disabledText
        : (state.active && state.hovered
          ? t.accentPressed
          : state.hovered ? t.accentHover : t.accent)
      draw.fillRoundedRect(box, radius: 4, fill)
      draw.icon(.check, in: box.inset(3), t.textOnAccent)
    } else {
      let fill = !enabled ? t.controlDisabled : (state.hovered ? t.controlHover : t.panel)
      draw.fillRoundedRect(box, radius: 4, fill)
      draw.strokeRoundedRect(box, radius: 4, width: 2, enabled ? t.controlBorder : t.separator)
    }
    let textRect = rect.splitLeft(side + t.spacing).rest
    let size = t.bodySize
    let text = truncated(label, toWidth: textRect.width, size: size, rect: textRect)
    draw.text(
      text, at: Point(textRect.x, rect.midY), size: size, enabled ? t.text : t.disabledText,
      alignment: .left)
    return state.clicked ? !isOn : nil
  }

  /// Paints a button's background and border for its state; returns the color for its content.
  func drawButtonFrame(_ rect: Rect, state: Interaction, enabled: Bool, style: ButtonStyle) -> Color {
    let t = theme
    let down = state.active && state.hovered
    switch style {
    case .primary:
      let fill =
        !enabled ? t.controlDisabled : down ? t.accentPressed : state.hovered ? t.accentHover : t.accent
      draw.fillRoundedRect(rect, radius: t.cornerRadius, fill)
      return enabled ? t.textOnAccent : t.disabledText
    case .normal:
      let fill =
        !enabled ? t.controlDisabled : down ? t.controlPressed : state.hovered ? t.controlHover : t.control
      draw.fillRoundedRect(rect, radius: t.cornerRadius, fill)
      draw.strokeRoundedRect(
        rect, radius: t.cornerRadius, width: t.borderWidth, enabled ? t.controlBorder : t.separator)
      return enabled ? t.text : t.disabledText
    case .plain:
      if enabled && (state.hovered || down) {
        draw.fillRoundedRect(rect, radius: t.cornerRadius, down ? t.controlPressed : t.controlHover)
      }
      return enabled ? t.text : t.disabledText
    }
  }
}
