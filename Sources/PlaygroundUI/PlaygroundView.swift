import ImmediateUI
import PlaygroundCore

/// A request only the window can carry out (files, clipboard, the process).
public enum FrontendCommand: Equatable, Sendable {
  case screenshot
  case copyToClipboard(String)
  case save
  case open
  case quit
}

/// What one frame asks for: actions for the reducer, commands for the front end.
public struct FrameResult: Equatable, Sendable {
  public var actions: [Action]
  public var commands: [FrontendCommand]

  public init(actions: [Action] = [], commands: [FrontendCommand] = []) {
    self.actions = actions
    self.commands = commands
  }
}

/// The 2-D playground window: each frame draws `AppState` with the immediate-mode UI and returns
/// what the learner did as actions. It never changes the state.
///
/// It keeps only derived data between frames (the input grid, every neuron's outputs for the last
/// seen revision, the rasters made from them, the dataset thumbnails) plus one piece of widget
/// state the UI context cannot hold: which weight or bias the open number editor belongs to.
///
/// Per frame: `ui.begin(input)`, `view.frame(state, ui)`, `ui.end()` → DrawList, then
/// `reduce(&state, action)` for each action and the front end runs the commands.
public final class PlaygroundView {
  let cache = VisualCache()
  /// The weight or bias being typed into, and where its box sits.
  var editor: ParameterEditor?
  /// The links painted as one picture, and what they were painted from.
  var linkLayer = Raster(width: 0, height: 0)
  var linkLayerKey: LinkLayerKey?

  public init() {}

  /// Where everything goes for a window of `size` (logical pixels) showing `state`.
  public func layout(for size: Size, state: AppState) -> Layout {
    Layout(size: size, state: state)
  }

  /// Draws one frame into `ui` and returns the learner's actions and the window commands.
  public func frame(_ state: AppState, _ ui: UIContext) -> FrameResult {
    let layout = layout(for: ui.input.windowSize, state: state)
    cache.update(state: state, layout: layout, scale: ui.input.scaleFactor)
    var f = FrameBuilder(state: state, ui: ui, layout: layout)
    ui.draw.fillRect(layout.window, ui.theme.windowBackground)
    drawTopBar(&f)
    drawBanner(&f)
    drawDataPanel(&f)
    drawNetworkPanel(&f)
    drawOutputPanel(&f)
    if state.showHelp {
      // The overlay is modal: what the panels underneath reported is dropped.
      f.actions.removeAll()
      f.commands.removeAll()
      drawHelp(&f)
    }
    handleKeys(&f)
    if ui.input.quitRequested { f.commands.append(.quit) }
    return FrameResult(actions: f.actions, commands: f.commands)
  }
}

/// What one frame's drawing code reads, and what it collects.
struct FrameBuilder {
  let state: AppState
  let ui: UIContext
  let layout: Layout
  var actions: [Action] = []
  var commands: [FrontendCommand] = []
  /// The neuron under the mouse this frame (sent as `.focusNeuron` when it changes).
  var hoveredNeuron: NeuronRef?

  init(state: AppState, ui: UIContext, layout: Layout) {
    self.state = state
    self.ui = ui
    self.layout = layout
  }

  var theme: Theme { ui.theme }
}
