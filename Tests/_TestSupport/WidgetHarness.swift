import ImmediateUI

/// Drives a bare `UIContext` frame by frame with scripted input, the way the SDL loop would (the
/// widget tests; `ViewHarness` drives the whole playground view).
public struct WidgetHarness {
  public let ui = UIContext()
  public var input = UIInput(mouse: Point(0, 0), windowSize: Size(800, 600))

  public init() {}

  /// What happens to the mouse and keyboard during one frame.
  public enum Event {
    case move(Float, Float)
    case press
    case release
    case key(Key)
    /// A key with modifiers held (Shift+Tab).
    case keyPress(KeyPress)
    case type(String)
  }

  /// Applies `events`, runs `body` as one UI frame, and returns its result and draw list.
  @discardableResult
  public mutating func frame<T>(_ events: [Event] = [], _ body: (UIContext) -> T) -> (T, DrawList) {
    input.startFrame()
    for event in events {
      switch event {
      case .move(let x, let y): input.mouse = Point(x, y)
      case .press:
        input.pressed.insert(.left)
        input.buttonsDown.insert(.left)
      case .release:
        input.released.insert(.left)
        input.buttonsDown.remove(.left)
      case .key(let key): input.keys.append(KeyPress(key))
      case .keyPress(let press): input.keys.append(press)
      case .type(let text): input.text += text
      }
    }
    ui.begin(input)
    let result = body(ui)
    let list = ui.end()
    return (result, list)
  }

  /// One frame with no new input.
  @discardableResult
  public mutating func frame<T>(_ body: (UIContext) -> T) -> (T, DrawList) { frame([], body) }

  /// Clicks at (x, y) over two frames (press, then release) and returns both frames' results.
  public mutating func click<T>(_ x: Float, _ y: Float, _ body: (UIContext) -> T) -> [T] {
    [frame([.move(x, y), .press], body).0, frame([.release], body).0]
  }
}

/// Every text command in a draw list, in order.
public func texts(_ list: DrawList) -> [String] {
  list.commands.compactMap {
    if case .text(let s, _, _, _, _, _) = $0 { return s }
    return nil
  }
}
