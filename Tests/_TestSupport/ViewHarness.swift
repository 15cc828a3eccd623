import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Training

/// Drives the whole `PlaygroundView` headlessly (`WidgetHarness` drives bare widgets): frames, clicks and keys, collecting what it returns.
public final class ViewHarness {
  public var state: AppState
  public let view = PlaygroundView()
  public let ui = UIContext(measurer: ApproximateTextMeasurer())
  public var size: Size
  /// The draw list of the last frame.
  public var lastList = DrawList()

  public init(config: PlaygroundConfig = PlaygroundConfig(), size: Size = Size(1280, 800)) throws {
    state = try AppState(config: config)
    self.size = size
  }

  public var layout: Layout { view.layout(for: size, state: state) }

  /// One frame with `input` (its window size set to ours).
  @discardableResult
  public func frame(_ input: UIInput = UIInput()) -> FrameResult {
    var input = input
    input.windowSize = size
    ui.begin(input)
    let result = view.frame(state, ui)
    lastList = ui.end()
    return result
  }

  /// Press and release at `point` over two frames; everything both frames returned.
  public func click(_ point: Point, button: MouseButtons = .left, modifiers: Modifiers = []) -> FrameResult {
    frame(UIInput(mouse: point, modifiers: modifiers))
    let press = frame(UIInput(mouse: point, buttonsDown: button, pressed: button, modifiers: modifiers))
    let release = frame(UIInput(mouse: point, released: button, modifiers: modifiers))
    return FrameResult(actions: press.actions + release.actions, commands: press.commands + release.commands)
  }

  /// One frame in which `keys` are pressed (and `text` typed).
  public func keys(_ keys: [KeyPress], text: String = "") -> FrameResult {
    frame(UIInput(keys: keys, text: text))
  }

  /// Applies actions through the reducer, as the front end does.
  public func apply(_ actions: [Action]) {
    for action in actions { reduce(&state, action) }
  }

  /// Every text command of the last frame: (string, size).
  public var texts: [(String, Float)] {
    lastList.commands.compactMap {
      if case .text(let s, _, let size, _, _, _) = $0 { return (s, size) }
      return nil
    }
  }

  /// The image drawn exactly in `rect` in the last frame.
  public func image(in rect: Rect) -> (raster: Raster, key: Int)? {
    for command in lastList.commands {
      if case .image(let raster, let r, _, let key) = command, r == rect { return (raster, key) }
    }
    return nil
  }
}
