/// Keyboard-only use: Tab and Shift+Tab move a visible focus ring through every enabled control
/// in the order the frame draws them (reading order: the top bar left to right, then each panel);
/// with a control focused, Enter or Space activates it as a click would, and the arrows change
/// sliders and menus. Esc drops the focus (and still closes a banner or a menu). Without focus
/// every key reaches the app's shortcuts as before. A mouse click drops the focus too.
///
/// The ring moves at the end of a frame, over the controls that frame drew, so it never lands on
/// a control that no longer exists; it shows from the next frame.
struct KeyboardFocus {
  /// Enabled controls drawn this frame, in order, with their boxes.
  var order: [(id: WidgetID, rect: Rect)] = []
  /// Net Tab presses this frame (+1 Tab, −1 Shift+Tab).
  var move = 0
  /// Keys held back from the shortcuts for the focused control: Enter, Space, arrows.
  var keys: [KeyPress] = []
  /// The focused control was drawn this frame.
  var seen = false
}

extension UIContext {
  /// Takes this frame's Tab presses, and the keys a focused control uses, out of `input.keys`.
  func beginKeyboardFocus() {
    keyboard = KeyboardFocus()
    if !input.pressed.isEmpty { keyboardFocusID = nil }
    guard !wantsTextInput else { return }
    var rest: [KeyPress] = []
    for press in input.keys {
      let plain = !press.modifiers.contains(.ctrl) && !press.modifiers.contains(.alt)
      switch press.key {
      case .tab where plain:
        keyboard.move += press.modifiers.contains(.shift) ? -1 : 1
      case .escape where keyboardFocusID != nil:
        // A menu open on the focused control closes first (the dropdown sees the key); else the
        // ring goes, and the key still closes a banner.
        if case .popup = focus {} else { keyboardFocusID = nil }
        rest.append(press)
      case .enter, .space, .left, .right, .up, .down:
        if keyboardFocusID != nil && plain { keyboard.keys.append(press) } else { rest.append(press) }
      default:
        rest.append(press)
      }
    }
    input.keys = rest
  }

  /// Moves the ring for this frame's Tab presses over the controls this frame drew.
  func endKeyboardFocus() {
    if keyboardFocusID != nil && !keyboard.seen { keyboardFocusID = nil }
    guard keyboard.move != 0, !keyboard.order.isEmpty else { return }
    let n = keyboard.order.count
    var index: Int
    if let current = keyboardFocusID, let i = keyboard.order.firstIndex(where: { $0.id == current }) {
      index = i + keyboard.move
    } else {
      index = keyboard.move > 0 ? keyboard.move - 1 : n + keyboard.move
    }
    index = ((index % n) + n) % n
    keyboardFocusID = keyboard.order[index].id
  }

  /// Registers a control in the focus order, draws the ring on the focused one, and returns true
  /// when Enter or Space activates it this frame.
  func takeKeyboardActivation(_ id: WidgetID, _ rect: Rect) -> Bool {
    keyboard.order.append((id, rect))
    guard id == keyboardFocusID else { return false }
    keyboard.seen = true
    let ring = rect.inset(-3)
    overlay.strokeRoundedRect(ring, radius: theme.cornerRadius + 3, width: theme.focusWidth, theme.focusRing)
    let before = keyboard.keys.count
    keyboard.keys.removeAll { $0.key == .enter || $0.key == .space }
    return keyboard.keys.count != before
  }

  /// For the focused control `id`: the arrow presses this frame, +1 for → and ↑, −1 for ← and ↓
  /// (a list going down: `downIsNext` makes ↓ +1 and ↑ −1), used up so they reach no shortcut.
  func takeArrowSteps(_ id: WidgetID, downIsNext: Bool = false) -> Int {
    guard id == keyboardFocusID else { return 0 }
    var steps = 0
    keyboard.keys.removeAll { press in
      switch press.key {
      case .right: steps += 1
      case .left: steps -= 1
      case .up: steps += downIsNext ? -1 : 1
      case .down: steps += downIsNext ? 1 : -1
      default: return false
      }
      return true
    }
    return steps
  }

  /// The controls this frame offered to the keyboard, in focus order (for tests and tools).
  public var keyboardOrder: [WidgetID] { keyboard.order.map(\.id) }

  /// A stop for the ring that is not a widget (a neuron tile the mouse hovers to inspect): true
  /// while it has the keyboard focus, which the caller treats as hovering.
  public func keyboardStop(_ label: String, _ rect: Rect) -> Bool {
    let wid = id(label)
    _ = takeKeyboardActivation(wid, rect)
    return wid == keyboardFocusID
  }

  /// Where the focused control was drawn this frame (nil without focus).
  public var keyboardFocusRect: Rect? {
    keyboard.order.first { $0.id == keyboardFocusID }?.rect
  }

  /// Puts the ring on `id` (nil drops it), as Tab would.
  public func setKeyboardFocus(_ id: WidgetID?) { keyboardFocusID = id }
}
