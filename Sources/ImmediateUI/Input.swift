/// A key the UI reacts to. Printable keys arrive as `.character` (lowercase, unshifted); the text
/// they type arrives separately in `UIInput.text`.
public enum Key: Hashable, Sendable {
  case space, enter, escape, backspace, tab, left, right, up, down, delete, home, end
  case character(Character)
  /// F1 is `.function(1)`.
  case function(Int)
}

/// Modifier keys held down.
public struct Modifiers: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let shift = Modifiers(rawValue: 1 << 0)
  public static let ctrl = Modifiers(rawValue: 1 << 1)
  public static let alt = Modifiers(rawValue: 1 << 2)
}

/// A key pressed this frame together with the modifiers held at that moment.
public struct KeyPress: Hashable, Sendable {
  public var key: Key
  public var modifiers: Modifiers

  public init(_ key: Key, modifiers: Modifiers = []) {
    self.key = key
    self.modifiers = modifiers
  }
}

/// A set of mouse buttons.
public struct MouseButtons: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let left = MouseButtons(rawValue: 1 << 0)
  public static let right = MouseButtons(rawValue: 1 << 1)
  public static let middle = MouseButtons(rawValue: 1 << 2)
}

/// Everything the UI needs to know about one frame of input, in logical pixels.
///
/// Held state (`mouse`, `buttonsDown`, `modifiers`, `windowSize`, `scaleFactor`) carries over
/// between frames; per-frame events (`pressed`, `released`, `wheel`, `keys`, `text`) are cleared by
/// `startFrame()` before the next frame's events are applied.
public struct UIInput: Hashable, Sendable {
  /// Mouse position in logical pixels; far off-screen when the mouse left the window.
  public var mouse: Point
  /// Buttons held down at the end of the frame.
  public var buttonsDown: MouseButtons
  /// Buttons that went down during this frame.
  public var pressed: MouseButtons
  /// Buttons that went up during this frame.
  public var released: MouseButtons
  /// Scroll amount this frame; positive y scrolls up (away from the user).
  public var wheel: Point
  /// Keys pressed this frame, in order (key repeats included).
  public var keys: [KeyPress]
  /// Modifier keys held down.
  public var modifiers: Modifiers
  /// Text typed this frame (already composed by the platform, so shift and dead keys are applied).
  public var text: String
  /// The window's size in logical pixels.
  public var windowSize: Size
  /// Physical pixels per logical pixel (2 on a Retina screen, or a teacher's zoom factor).
  public var scaleFactor: Float
  /// The user asked to close the window.
  public var quitRequested: Bool

  /// The position used when the mouse is outside the window: nothing is hovered there.
  public static let offscreen = Point(-100_000, -100_000)

  public init(
    mouse: Point = UIInput.offscreen, buttonsDown: MouseButtons = [], pressed: MouseButtons = [],
    released: MouseButtons = [], wheel: Point = .zero, keys: [KeyPress] = [], modifiers: Modifiers = [],
    text: String = "", windowSize: Size = Size(1280, 800), scaleFactor: Float = 1,
    quitRequested: Bool = false
  ) {
    self.mouse = mouse
    self.buttonsDown = buttonsDown
    self.pressed = pressed
    self.released = released
    self.wheel = wheel
    self.keys = keys
    self.modifiers = modifiers
    self.text = text
    self.windowSize = windowSize
    self.scaleFactor = scaleFactor
    self.quitRequested = quitRequested
  }

  /// Clears the per-frame events and keeps the held state.
  public mutating func startFrame() {
    pressed = []
    released = []
    wheel = .zero
    keys.removeAll(keepingCapacity: true)
    text = ""
    quitRequested = false
  }

  /// True when `key` was pressed this frame (with any modifiers).
  public func wasPressed(_ key: Key) -> Bool { keys.contains { $0.key == key } }
}
