import ImmediateUI
import Localization

/// What the learner chose in the quit prompt.
public enum QuitChoice: Sendable, Equatable {
  case save, discard, cancel
}

/// The dialog shown when the window is closed (Ctrl+Q, the close button) with unsaved work:
/// Save / Discard / Cancel. Keyboard: S or Enter saves, D discards, Esc or C cancels.
///
/// The front end draws it in a pass of its own after the frame, whose panels got no input, so
/// nothing underneath reacts while it is up.
public enum QuitPrompt {
  /// Draws the prompt over the whole window; the choice made this frame, or nil.
  public static func frame(_ ui: UIContext, sessionName: String) -> QuitChoice? {
    let t = ui.theme
    let window = Rect(origin: .zero, size: ui.input.windowSize)
    ui.draw.fillRect(window, Color(argb: 0x7020_2428))
    let card = window.centered(Size(min(540, window.width - 20), min(190, window.height - 20)))
    ui.draw.fillRoundedRect(card, radius: 10, t.panel)
    ui.draw.strokeRoundedRect(card, radius: 10, width: 1.5, t.panelBorder)
    var inner = card.inset(20)
    let title = inner.cutTop(30, spacing: 6)
    ui.draw.text(
      tr("Save your work before quitting?"), at: Point(title.x, title.midY), size: 20, t.text, alignment: .left,
      weight: .bold)
    let message = inner.cutTop(24, spacing: 4)
    ui.draw.text(
      ui.truncated(tr("This session has changes not saved to {1}.", sessionName), toWidth: message.width, size: TypeSize.body),
      at: Point(message.x, message.midY), size: TypeSize.body, t.text, alignment: .left)
    let keys = inner.cutTop(20)
    ui.draw.text(
      tr("S or Enter: Save · D: Discard · Esc: Cancel"), at: Point(keys.x, keys.midY), size: TypeSize.caption,
      t.mutedText, alignment: .left)
    var row = inner.cutBottom(36)
    let width = min(130, (row.width - 20) / 3)
    var choice: QuitChoice?
    if ui.button(tr("Cancel"), in: row.cutRight(width, spacing: 10)) { choice = .cancel }
    if ui.button(tr("Discard"), in: row.cutRight(width, spacing: 10)) { choice = .discard }
    if ui.button(tr("Save"), in: row.cutRight(width, spacing: 10), style: .primary) { choice = .save }
    for press in ui.input.keys where press.modifiers.isEmpty || press.modifiers == .shift {
      switch press.key {
      case .enter, .character("s"), .character("S"): choice = choice ?? .save
      case .character("d"), .character("D"): choice = choice ?? .discard
      case .escape, .character("c"), .character("C"): choice = choice ?? .cancel
      default: break
      }
    }
    return choice
  }

  /// `input` with nothing for the panels underneath to act on (the mouse away, no clicks, keys,
  /// text, wheel or close request): their pass of the frame only draws.
  public static func inert(_ input: UIInput) -> UIInput {
    var quiet = input
    quiet.mouse = UIInput.offscreen
    quiet.pressed = []
    quiet.released = []
    quiet.buttonsDown = []
    quiet.keys = []
    quiet.text = ""
    quiet.wheel = .zero
    quiet.quitRequested = false
    return quiet
  }
}
