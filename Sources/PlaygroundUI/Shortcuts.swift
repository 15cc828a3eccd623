import ImmediateUI
import Localization
import PlaygroundCore

/// Every keyboard shortcut, as the help overlay lists them.
enum Shortcuts {
  static var list: [(keys: String, what: String)] {
    [
      (verbatim("Tab"), tr("Move the focus ring (Shift+Tab: back)")),
      (tr("Space"), tr("Play / pause training")),
      (verbatim("→"), tr("Train one epoch")),
      (verbatim("R"), tr("Reset the weights")),
      (tr("[ ] Home End"), tr("Timeline: back, forward, start, now")),
      (tr("H or ?"), tr("Show / hide this help")),
      (verbatim("← →, Esc"), tr("Explain a step: back, next, done")),
      (verbatim("Esc"), tr("Close this help or a message")),
      (verbatim("F12"), tr("Save a screenshot")),
      (verbatim("F9"), tr("Start / stop recording a GIF")),
      (tr("Ctrl+S"), tr("Save the session")),
      (tr("Ctrl+O"), tr("Open a session")),
      (tr("Ctrl+Q"), tr("Quit")),
    ]
  }

  static var mouse: [(keys: String, what: String)] {
    [
      (tr("Click plot"), tr("Add a point of the selected class")),
      (tr("Right click"), tr("Add a point of the other class")),
      (tr("Shift+click"), tr("Remove the nearest point")),
      (tr("Hover"), tr("A neuron: show it in the output; a link: its weight")),
      (tr("Click link"), tr("Type a new weight (or bias) and press Enter")),
    ]
  }
}

extension PlaygroundView {
  /// Turns this frame's keys into actions and commands (not while a text field has the keys).
  func handleKeys(_ f: inout FrameBuilder) {
    guard !f.ui.wantsTextInput else { return }
    for press in f.ui.input.keys {
      if f.state.showingCNN?.page == .step, press.modifiers.isEmpty, press.key == .left || press.key == .right {
        f.actions.append(.cnn(.inside(.step(press.key == .left ? .back : .next))))
        continue
      }
      if f.state.explain != nil, let action = Self.explainKey(press, helpOpen: f.state.showHelp) {
        f.actions.append(action)
        continue
      }
      let ctrl = press.modifiers.contains(.ctrl)
      switch (press.key, ctrl) {
      case (.space, false): f.actions.append(.togglePlay)
      case (.right, false): f.actions.append(.step)
      case (.character("r"), false): f.actions.append(.reset)
      case (.character("["), false): f.actions.append(.seek(.back))
      case (.character("]"), false): f.actions.append(.seek(.forward))
      case (.home, false): f.actions.append(.seek(.start))
      case (.end, false): f.actions.append(.seek(.end))
      case (.character("z"), true): f.actions.append(.undoBranch)
      case (.character("h"), false), (.character("?"), false): f.actions.append(.toggleHelp)
      case (.character("/"), false) where press.modifiers.contains(.shift): f.actions.append(.toggleHelp)
      case (.escape, _) where f.state.showHelp: f.actions.append(.toggleHelp)
      case (.escape, _) where f.state.banner != nil && f.ui.focusedID == nil: f.actions.append(.dismissBanner)
      case (.function(12), _): f.commands.append(.screenshot)
      case (.function(9), _): f.commands.append(.toggleRecording)
      case (.character("s"), true): f.commands.append(.save)
      case (.character("o"), true): f.commands.append(.open)
      case (.character("q"), true): f.commands.append(.quit)
      default: break
      }
    }
  }

  /// The shortcut list over a dimmed window; a click anywhere closes it.
  func drawHelp(_ f: inout FrameBuilder) {
    let ui = f.ui
    let t = f.theme
    let window = f.layout.window
    let o = ui.overlay
    ui.overlay = DrawList()
    ui.overlay.fillRect(window, Color(argb: 0x7020_2428))
    // Rows shrink (to 22 px, the type's own height) before anything is left out.
    let rows = Shortcuts.list.count + Shortcuts.mouse.count
    let chrome: Float = 48 + 40 + 10 + 32
    let rowHeight = max(22, min(30, (window.height - 20 - chrome) / Float(rows)))
    let height = min(window.height - 20, chrome + Float(rows) * rowHeight)
    let card = window.centered(Size(min(640, window.width - 40), height))
    ui.overlay.fillRoundedRect(card, radius: 10, t.panel)
    ui.overlay.strokeRoundedRect(card, radius: 10, width: 1.5, t.panelBorder)
    var inner = card.inset(24)
    let title = inner.cutTop(32, spacing: 8)
    ui.overlay.text(
      tr("Keyboard and mouse"), at: Point(title.x, title.midY), size: 22, t.text, alignment: .left, weight: .bold)
    let footer = inner.cutBottom(24)
    ui.overlay.text(
      tr("Press Esc or click anywhere to close"), at: Point(footer.x, footer.midY), size: TypeSize.caption,
      t.mutedText, alignment: .left)
    // The keys' column as wide as its widest entry (a longer language), at least 150.
    let entries = Shortcuts.list + Shortcuts.mouse
    let widestKey = entries.map { ui.measure($0.keys, size: TypeSize.body, weight: .bold).width }.max() ?? 0
    let keyWidth = min(max(150, (widestKey + 14).rounded(.up)), inner.width * 0.4)
    for (i, row) in entries.enumerated() {
      if i == Shortcuts.list.count { _ = inner.cutTop(10) }
      let line = inner.cutTop(rowHeight)
      guard line.maxY <= footer.minY + 1 else {
        ui.noteTruncation(row.keys + " " + row.what, in: line, how: "lines dropped")
        continue
      }
      ui.overlay.text(
        row.keys, at: Point(line.x, line.midY), size: TypeSize.body, t.accent, alignment: .left, weight: .bold
      )
      ui.overlay.text(
        ui.truncated(row.what, toWidth: line.width - keyWidth, size: TypeSize.body),
        at: Point(line.x + keyWidth, line.midY),
        size: TypeSize.body, t.text, alignment: .left)
    }
    // The help goes above any popup or tooltip drawn by the panels.
    var combined = o
    combined.append(contentsOf: ui.overlay)
    ui.overlay = combined
    if ui.input.pressed.contains(.left) || ui.input.pressed.contains(.right) {
      f.actions.append(.toggleHelp)
    }
  }
}
