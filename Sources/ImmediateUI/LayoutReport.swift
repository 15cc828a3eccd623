/// What one frame showed badly: text that did not fit and controls drawn on top of each other.
///
/// The UI context records every shortening it makes (`truncated(_:toWidth:)`, paragraph lines
/// dropped below their box) and every control it lays out; `audit(_:window:)` adds text that a
/// clip rectangle or the window's edge cuts. A layout test asks for an empty report at every
/// window size a classroom uses.
public struct LayoutReport: Hashable, Sendable {
  /// A piece of text shown shortened, cut or not at all.
  public struct Truncation: Hashable, Sendable {
    /// The whole text that should have been shown.
    public var text: String
    /// Where it was meant to go, in logical pixels.
    public var rect: Rect
    /// How it was cut: "ellipsis", "clipped", "outside window", "lines dropped".
    public var how: String

    public init(text: String, rect: Rect, how: String) {
      self.text = text
      self.rect = rect
      self.how = how
    }
  }

  /// A control (anything that takes a click) and where it sits.
  public struct Control: Hashable, Sendable {
    public var name: String
    public var rect: Rect
    /// Drawn over the occluders (a floating banner's ×).
    public var floating: Bool

    public init(name: String, rect: Rect, floating: Bool = false) {
      self.name = name
      self.rect = rect
      self.floating = floating
    }
  }

  /// Two controls whose rectangles share more than a sliver.
  public struct Overlap: Hashable, Sendable {
    public var first: Control
    public var second: Control
  }

  public var truncated: [Truncation] = []
  public var controls: [Control] = []
  /// Text drawn across a control's edge or over other text (found by `audit`).
  public var textOverlaps: [Overlap] = []
  /// What floats over the layout (a banner), and where in the main draw list its drawing starts:
  /// what lies under it is covered on purpose, not overlapped.
  public var occluders: [Rect] = []
  public var floatingFrom: Int? = nil

  /// True when `rect` lies under something floating and was not drawn above it.
  func isCovered(_ rect: Rect, floating: Bool) -> Bool {
    !floating && occluders.contains { $0.intersects(rect) }
  }

  public init() {}

  /// Pairs of controls that overlap by more than `tolerance` logical pixels both ways (touching
  /// edges and rounding slivers do not count).
  public func overlaps(tolerance: Float = 1) -> [Overlap] {
    var result: [Overlap] = []
    let visible = controls.filter {
      $0.rect.width > 0 && $0.rect.height > 0 && !isCovered($0.rect, floating: $0.floating)
    }
    for i in visible.indices {
      for j in visible.indices where j > i {
        let a = visible[i].rect
        let b = visible[j].rect
        let w = min(a.maxX, b.maxX) - max(a.minX, b.minX)
        let h = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        if w > tolerance && h > tolerance && a != b { result.append(Overlap(first: visible[i], second: visible[j])) }
        // The very same rectangle twice is one control drawn twice (a hover twin), unless named apart.
        if a == b && visible[i].name != visible[j].name { result.append(Overlap(first: visible[i], second: visible[j])) }
      }
    }
    return result
  }

  /// Adds the text of `list` that its clip rectangle, or the window, cuts. Text is measured with
  /// `measurer` and placed as the renderer places it; horizontally it must fit within 1 pixel,
  /// vertically at least three quarters of its line height must show.
  ///
  /// It also finds text laid across a control's edge (inside a control is its caption) or over
  /// other text, and lists those in `textOverlaps`. The overlay (popups, tooltips) is not audited.
  public mutating func audit(_ list: DrawList, window: Rect, measurer: any TextMeasurer, overlayFrom: Int? = nil) {
    let end = overlayFrom ?? list.commands.count
    audit(list.commands[0..<end], window: window, measurer: measurer, againstControls: true, floatingFrom: floatingFrom)
    // The overlay (help, popups, tooltips) floats over the panels: its text is checked against
    // its own clip, the window and itself only.
    if end < list.commands.count {
      audit(list.commands[end...], window: window, measurer: measurer, againstControls: false, floatingFrom: nil)
    }
  }

  private mutating func audit(
    _ commands: ArraySlice<DrawCommand>, window: Rect, measurer: any TextMeasurer, againstControls: Bool,
    floatingFrom: Int?
  ) {
    var clips: [Rect] = []
    var boxes: [Control] = []
    // Text an opaque picture drawn later paints over is as good as cut.
    var texts: [(box: Rect, text: String)] = []
    for (index, command) in zip(commands.indices, commands) {
      let floating = floatingFrom.map { index >= $0 } ?? false
      switch command {
      case .pushClip(let r): clips.append(r)
      case .popClip: if !clips.isEmpty { clips.removeLast() }
      case .text(let string, let at, let size, let color, let alignment, let weight):
        guard color.a > 0, !string.isEmpty else { continue }
        let m = measurer.measure(string, size: size, weight: weight)
        let x: Float =
          switch alignment.horizontal {
          case .left: at.x
          case .center: at.x - m.width / 2
          case .right: at.x - m.width
          }
        let y: Float =
          switch alignment.vertical {
          case .top: at.y
          case .middle: at.y - m.height / 2
          case .baseline: at.y - m.height * 0.8
          }
        let box = Rect(x: x, y: y, width: m.width, height: m.height)
        // The ink, not the line box: a line's leading may touch its neighbours.
        let ink = Rect(x: box.x + 1, y: box.y + m.height * 0.15, width: max(0, box.width - 2), height: m.height * 0.7)
        let visibleInk = clips.last.map { ink.intersection($0) } ?? ink
        if visibleInk.width > 0 && visibleInk.height > 0 && (!againstControls || !isCovered(visibleInk, floating: floating)) {
          boxes.append(Control(name: "text '\(string)'", rect: visibleInk, floating: floating))
        }
        texts.append((ink, string))
        if let clip = clips.last, !LayoutReport.shows(box, within: clip) {
          truncated.append(Truncation(text: string, rect: box, how: "clipped"))
        } else if !LayoutReport.shows(box, within: window) {
          truncated.append(Truncation(text: string, rect: box, how: "outside window"))
        }
      case .image(_, let rect, _, _):
        for (i, t) in texts.enumerated().reversed() where LayoutReport.cross(t.box, rect) {
          truncated.append(Truncation(text: t.text, rect: t.box, how: "covered by a picture"))
          texts.remove(at: i)
        }
      default: continue
      }
    }
    for i in boxes.indices {
      let a = boxes[i].rect
      for j in boxes.indices where j > i {
        if LayoutReport.cross(a, boxes[j].rect) { textOverlaps.append(Overlap(first: boxes[i], second: boxes[j])) }
      }
      for control in controls
      where againstControls && control.rect.width > 0 && control.rect.height > 0
        && !isCovered(control.rect, floating: control.floating)
      {
        let c = control.rect
        let inside = a.minX >= c.minX - 1 && a.maxX <= c.maxX + 1 && a.minY >= c.minY - 1 && a.maxY <= c.maxY + 1
        if !inside && LayoutReport.cross(a, c) { textOverlaps.append(Overlap(first: boxes[i], second: control)) }
      }
    }
  }

  /// True when `a` and `b` share more than 2 pixels both ways.
  static func cross(_ a: Rect, _ b: Rect) -> Bool {
    min(a.maxX, b.maxX) - max(a.minX, b.minX) > 2 && min(a.maxY, b.maxY) - max(a.minY, b.minY) > 2
  }

  /// True when `box` shows whole inside `area`: every column, and three quarters of its rows.
  static func shows(_ box: Rect, within area: Rect) -> Bool {
    if box.minX < area.minX - 1 || box.maxX > area.maxX + 1 { return false }
    let visible = min(box.maxY, area.maxY) - max(box.minY, area.minY)
    return visible >= box.height * 0.75
  }
}
