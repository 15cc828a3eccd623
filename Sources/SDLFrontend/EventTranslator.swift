import CSDL2
import ImmediateUI

/// Folds SDL events into an ImmediateUI `UIInput`, converting window points to logical pixels.
///
/// A value with no hidden state: `apply(_:to:)` depends only on its arguments, so tests can feed
/// synthetic events. Logical pixels are `zoom` window points (a teacher can zoom the whole UI
/// for a projector); `pixelsPerPoint` is the high-DPI factor (2 on Retina), and
/// `scaleFactor = zoom · pixelsPerPoint` is what the renderer multiplies by.
public struct EventTranslator: Sendable {
  public var zoom: Float
  public var pixelsPerPoint: Float

  public init(zoom: Float = 1, pixelsPerPoint: Float = 1) {
    self.zoom = zoom
    self.pixelsPerPoint = pixelsPerPoint
  }

  /// Physical pixels per logical pixel.
  public var scaleFactor: Float { zoom * pixelsPerPoint }

  /// Applies one event to this frame's input.
  public func apply(_ event: SDL_Event, to input: inout UIInput) {
    input.scaleFactor = scaleFactor
    switch SDL_EventType(event.type) {
    case SDL_QUIT:
      input.quitRequested = true
    case SDL_MOUSEMOTION:
      input.mouse = logical(event.motion.x, event.motion.y)
    case SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP:
      input.mouse = logical(event.button.x, event.button.y)
      guard let button = Self.button(event.button.button) else { return }
      if event.type == SDL_MOUSEBUTTONDOWN.rawValue {
        input.pressed.insert(button)
        input.buttonsDown.insert(button)
      } else {
        input.released.insert(button)
        input.buttonsDown.remove(button)
      }
    case SDL_MOUSEWHEEL:
      var dx = event.wheel.preciseX
      var dy = event.wheel.preciseY
      if event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED.rawValue {
        dx = -dx
        dy = -dy
      }
      input.wheel = input.wheel + Point(dx, dy)
    case SDL_KEYDOWN:
      input.modifiers = Self.modifiers(event.key.keysym.mod)
      if let key = Self.key(event.key.keysym.sym) {
        input.keys.append(KeyPress(key, modifiers: input.modifiers))
      }
    case SDL_KEYUP:
      input.modifiers = Self.modifiers(event.key.keysym.mod)
    case SDL_TEXTINPUT:
      input.text += withUnsafeBytes(of: event.text.text) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
    case SDL_WINDOWEVENT:
      applyWindowEvent(event.window, to: &input)
    default:
      break
    }
  }

  private func applyWindowEvent(_ w: SDL_WindowEvent, to input: inout UIInput) {
    switch SDL_WindowEventID(UInt32(w.event)) {
    case SDL_WINDOWEVENT_SIZE_CHANGED, SDL_WINDOWEVENT_RESIZED:
      input.windowSize = Size(Float(w.data1) / zoom, Float(w.data2) / zoom)
    case SDL_WINDOWEVENT_LEAVE:
      input.mouse = UIInput.offscreen
    case SDL_WINDOWEVENT_FOCUS_LOST:
      // A button released in another window never reaches us; let go of it now.
      input.released.formUnion(input.buttonsDown)
      input.buttonsDown = []
      input.modifiers = []
    case SDL_WINDOWEVENT_CLOSE:
      input.quitRequested = true
    default:
      break
    }
  }

  /// Window points to logical pixels.
  private func logical(_ x: Int32, _ y: Int32) -> Point {
    Point(Float(x) / zoom, Float(y) / zoom)
  }

  /// SDL's button number as a button set (left, right, middle; others are ignored).
  static func button(_ b: UInt8) -> MouseButtons? {
    switch Int32(b) {
    case SDL_BUTTON_LEFT: .left
    case SDL_BUTTON_RIGHT: .right
    case SDL_BUTTON_MIDDLE: .middle
    default: nil
    }
  }

  /// SDL's modifier bits as ImmediateUI modifiers (left and right keys count alike).
  public static func modifiers(_ mod: UInt16) -> Modifiers {
    var m: Modifiers = []
    let bits = UInt32(mod)
    if bits & KMOD_SHIFT.rawValue != 0 { m.insert(.shift) }
    if bits & KMOD_CTRL.rawValue != 0 { m.insert(.ctrl) }
    if bits & KMOD_ALT.rawValue != 0 { m.insert(.alt) }
    return m
  }

  /// The ImmediateUI key for an SDL keycode, or nil for keys the UI ignores.
  public static func key(_ sym: SDL_Keycode) -> Key? {
    let code = UInt32(bitPattern: sym)
    switch code {
    case SDLK_SPACE.rawValue: return .space
    case SDLK_RETURN.rawValue, SDLK_KP_ENTER.rawValue: return .enter
    case SDLK_ESCAPE.rawValue: return .escape
    case SDLK_BACKSPACE.rawValue: return .backspace
    case SDLK_TAB.rawValue: return .tab
    case SDLK_LEFT.rawValue: return .left
    case SDLK_RIGHT.rawValue: return .right
    case SDLK_UP.rawValue: return .up
    case SDLK_DOWN.rawValue: return .down
    case SDLK_DELETE.rawValue: return .delete
    case SDLK_HOME.rawValue: return .home
    case SDLK_END.rawValue: return .end
    case SDLK_F1.rawValue...SDLK_F12.rawValue: return .function(Int(code - SDLK_F1.rawValue) + 1)
    case 33...126: return .character(Character(Unicode.Scalar(UInt8(code))))
    default: return nil
    }
  }
}
