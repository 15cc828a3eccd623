/// The immediate-mode UI: call `begin(input)`, call widgets that draw themselves and return what
/// the user did, then `end()` to get the frame's DrawList.
///
/// The UI is rebuilt every frame from the caller's data. Widgets never mutate app state; they
/// return values (`Bool`, `Float?`, `Int?`) the caller turns into actions. The context keeps only
/// which widget is hot (under the mouse), active (being pressed or dragged) and focused (a text
/// field being edited or an open dropdown, together with that widget's draft text or popup box).
public final class UIContext {
  /// Colors, type sizes and metrics every widget uses.
  public var theme: Theme
  /// Measures text for layout; the SDL back end supplies the real font.
  public var measurer: any TextMeasurer
  /// The frame's input, as given to `begin` (minus any click an open popup swallowed).
  public internal(set) var input = UIInput()
  /// The main layer; draw custom visuals here with `ui.draw.fillRect(…)`.
  public var draw = DrawList()
  /// Painted after `draw`: open popups and tooltips.
  public var overlay = DrawList()

  /// The widget under the mouse this frame (the last one that claimed it).
  public internal(set) var hotID: WidgetID?
  /// The widget the left button went down on; it stays active until the button goes up.
  public internal(set) var activeID: WidgetID?
  /// The widget receiving keys (text field) or showing a popup (dropdown).
  public internal(set) var focusedID: WidgetID?

  /// The control with the keyboard focus ring (Tab / Shift+Tab; see UIContext+Keyboard.swift).
  public internal(set) var keyboardFocusID: WidgetID?
  /// This frame's keyboard state: the focusable controls in reading order, the Tab moves asked
  /// for, and the keys held back for the focused control.
  var keyboard = KeyboardFocus()

  /// What the focused widget keeps between frames.
  enum Focus {
    /// A text field's draft, caret (a count of Characters from the start) and box.
    case editing(draft: String, caret: Int, box: Rect)
    /// An open dropdown: the box it hangs from and the box of its list.
    case popup(anchor: Rect, list: Rect)
  }
  var focus: Focus?
  /// A text field's draft committed by a click elsewhere, delivered when that field is drawn.
  var pendingCommit: (id: WidgetID, text: String)?
  /// Set when the focused widget was drawn this frame; focus is dropped when it disappears.
  var focusSeen = false
  /// True while drawing the popup itself, which is exempt from the popup's input block.
  var insidePopup = false
  /// This frame's shortened text and laid-out controls (see `LayoutReport`).
  public internal(set) var report = LayoutReport()
  /// Where the overlay begins in the list `end()` returned.
  public private(set) var overlayStart = 0
  /// Areas that something drawn later covers (a floating banner): the mouse over them reaches
  /// only widgets drawn while `aboveOccluders` is true. Cleared by `begin`.
  /// Kept in the frame's report, which needs them to tell covered from overlapping.
  public var occluders: [Rect] {
    get { report.occluders }
    set { report.occluders = newValue }
  }
  /// True while drawing what floats over the `occluders`.
  public var aboveOccluders = false {
    didSet { if aboveOccluders && report.floatingFrom == nil { report.floatingFrom = draw.commands.count } }
  }
  private var idStack: [WidgetID] = [.root]
  private var clipStack: [Rect] = []

  public init(theme: Theme = .light, measurer: any TextMeasurer = ApproximateTextMeasurer()) {
    self.theme = theme
    self.measurer = measurer
  }

  // MARK: Frame

  /// Starts a frame: clears the draw lists and takes this frame's input.
  public func begin(_ input: UIInput) {
    self.input = input
    draw.removeAll()
    overlay.removeAll()
    report = LayoutReport()
    aboveOccluders = false
    idStack = [.root]
    clipStack = []
    hotID = nil
    focusSeen = false
    insidePopup = false
    beginKeyboardFocus()
    // A click outside an open popup closes it and is used up, so it cannot also press whatever
    // lies underneath.
    if case .popup(let anchor, let list) = focus, self.input.pressed.contains(.left),
      !anchor.contains(input.mouse), !list.contains(input.mouse)
    {
      clearFocus()
      self.input.pressed.remove(.left)
    }
    // A click outside the text field being edited commits its draft.
    if case .editing(let draft, _, let box) = focus, let id = focusedID, input.pressed.contains(.left),
      !box.contains(input.mouse)
    {
      pendingCommit = (id, draft)
      clearFocus()
    }
  }

  /// Ends the frame and returns everything to paint: the main layer, then the overlay.
  public func end() -> DrawList {
    if !focusSeen { clearFocus() }
    endKeyboardFocus()
    pendingCommit = nil
    if !input.buttonsDown.contains(.left) { activeID = nil }
    overlayStart = draw.commands.count
    var list = draw
    list.append(contentsOf: overlay)
    return list
  }

  /// True while a text field is focused: the front end should deliver typed text.
  public var wantsTextInput: Bool {
    if case .editing = focus { return true }
    return false
  }

  // MARK: IDs

  /// The ID of `label` in the current scope.
  public func id(_ label: String) -> WidgetID { idStack[idStack.count - 1].child(label) }

  /// Opens an ID scope: widgets labelled alike in different scopes get different IDs.
  public func pushID(_ label: String) { idStack.append(id(label)) }

  /// Closes the innermost ID scope.
  public func popID() {
    precondition(idStack.count > 1, "popID without a matching pushID")
    idStack.removeLast()
  }

  /// Runs `body` inside the ID scope `label`.
  public func withID<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    pushID(label)
    defer { popID() }
    return try body()
  }

  // MARK: Clipping

  /// Clips drawing and mouse hits to `rect` (within any enclosing clip) until `popClip`.
  public func pushClip(_ rect: Rect) {
    let clipped = clipStack.last.map { $0.intersection(rect) } ?? rect
    clipStack.append(clipped)
    draw.pushClip(clipped)
  }

  /// Ends the innermost clip.
  public func popClip() {
    precondition(!clipStack.isEmpty, "popClip without a matching pushClip")
    clipStack.removeLast()
    draw.popClip()
  }

  // MARK: Interaction

  /// What the mouse did to one widget this frame.
  struct Interaction {
    var hovered = false
    /// The left button went down on the widget this frame.
    var pressed = false
    /// The widget is active (pressed earlier or now) and the button is still down.
    var held = false
    /// Pressed and released inside: a click.
    var clicked = false
    var active = false
  }

  /// True when the mouse is over `rect`, inside the current clip, and not blocked by a popup.
  public func isMouseOver(_ rect: Rect) -> Bool {
    let m = input.mouse
    guard rect.contains(m) else { return false }
    if let clip = clipStack.last, !clip.contains(m) { return false }
    // An open popup list is drawn over everything, floating banners included.
    if !aboveOccluders && !insidePopup && occluders.contains(where: { $0.contains(m) }) { return false }
    if !insidePopup, case .popup(_, let list) = focus, list.contains(m) { return false }
    return true
  }

  /// The shared press/drag/click state machine behind every widget.
  func interact(_ id: WidgetID, _ rect: Rect, enabled: Bool = true, name: String = "") -> Interaction {
    // An unnamed widget is an invisible hit area its caller records under its own name.
    if !insidePopup && !name.isEmpty { noteControl(name, rect) }
    var result = Interaction()
    guard enabled else { return result }
    if !insidePopup && takeKeyboardActivation(id, rect) { result.clicked = true }
    result.hovered = isMouseOver(rect)
    if result.hovered && (activeID == nil || activeID == id) { hotID = id }
    if result.hovered && input.pressed.contains(.left) && activeID == nil {
      activeID = id
      result.pressed = true
    }
    result.active = activeID == id
    if result.active {
      result.held = input.buttonsDown.contains(.left)
      result.clicked = input.released.contains(.left) && result.hovered
    }
    return result
  }

  /// Gives keyboard or popup focus to `id`.
  func setFocus(_ id: WidgetID, _ state: Focus) {
    focusedID = id
    focus = state
    focusSeen = true
  }

  /// Drops focus from whichever widget has it.
  public func clearFocus() {
    focusedID = nil
    focus = nil
  }

  // MARK: Text helpers

  /// The size of `text` at `size` points, in logical pixels.
  public func measure(_ text: String, size: Float, weight: FontWeight = .regular) -> Size {
    measurer.measure(text, size: size, weight: weight)
  }

  /// Records a clickable area drawn by the caller rather than by a widget (a tile, a plot), so the
  /// layout report can tell when controls overlap.
  public func noteControl(_ name: String, _ rect: Rect) {
    report.controls.append(LayoutReport.Control(name: name, rect: rect, floating: aboveOccluders))
  }

  /// Records text that could not be shown whole (the caller dropped or cut it itself).
  public func noteTruncation(_ text: String, in rect: Rect, how: String) {
    report.truncated.append(LayoutReport.Truncation(text: text, rect: rect, how: how))
  }

  /// `text` shortened with a trailing "…" so it fits in `width` (unchanged when it fits). A
  /// shortening is recorded in `report` (`rect`, when given, says where the text was going).
  public func truncated(
    _ text: String, toWidth width: Float, size: Float, weight: FontWeight = .regular, rect: Rect? = nil
  )
    -> String
  {
    if measure(text, size: size, weight: weight).width <= width { return text }
    if !insidePopup {
      noteTruncation(text, in: rect ?? Rect(x: 0, y: 0, width: width, height: size), how: "ellipsis")
    }
    var chars = Array(text)
    while !chars.isEmpty {
      chars.removeLast()
      let candidate = String(chars) + "…"
      if measure(candidate, size: size, weight: weight).width <= width { return candidate }
    }
    return ""
  }

  /// Greedy word wrap: lines of `text` no wider than `width` (a single over-long word gets its own
  /// line). Explicit newlines start new paragraphs.
  public func wrap(_ text: String, toWidth width: Float, size: Float, weight: FontWeight = .regular)
    -> [String]
  {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if line.isEmpty || measure(candidate, size: size, weight: weight).width <= width {
          line = candidate
        } else {
          lines.append(line)
          line = String(word)
        }
      }
      lines.append(line)
    }
    return lines
  }
}
