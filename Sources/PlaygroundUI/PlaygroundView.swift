import ImmediateUI
import LessonKit
import PlaygroundCore

/// A request only the window can carry out (files, clipboard, the process).
public enum FrontendCommand: Equatable, Sendable {
  case screenshot
  case copyToClipboard(String)
  case save
  case open
  case quit
  /// F9: start or stop recording the window to a GIF.
  case toggleRecording
}

/// What one frame asks for: actions for the reducer, commands for the front end.
public struct FrameResult: Equatable, Sendable {
  public var actions: [Action]
  public var commands: [FrontendCommand]
  /// The lesson panel's buttons (guided mode only).
  public var lessonCommands: [LessonPanelCommand]

  public init(actions: [Action] = [], commands: [FrontendCommand] = [], lessonCommands: [LessonPanelCommand] = []) {
    self.actions = actions
    self.commands = commands
    self.lessonCommands = lessonCommands
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
  /// Run B's output picture while Compare is open.
  let compareCache = CompareCache()
  /// The weight or bias being typed into, and where its box sits.
  var editor: ParameterEditor?
  /// The links painted as one picture, with the geometry kept between frames.
  let linkLayer = NetworkLinkLayer()
  /// The CNN mode's derived pictures and view choices.
  let cnnCache = CNNViewCache()
  /// The attack, units and embedding pages' results.
  let insideCache = CNNInsideCache()
  /// The CNN's explained step.
  let stepCache = CNNStepCache()
  /// Guided mode: the lesson in progress (the window sets it before each frame). The lesson panel
  /// takes a strip on the right, and hidden and locked controls are honoured.
  public var lesson: GuidedLesson?

  public init() {}

  /// Gives the view the grid outputs of the state it is about to draw, evaluated on another
  /// thread (`OutputPreparer`); ignored unless they belong to that state.
  public func prime(_ outputs: PreparedOutputs) {
    if outputs.outputs != nil { cache.prime(outputs) }
    if let mistakes = outputs.mistakes { cnnCache.prime(mistakes) }
  }

  /// Where everything goes for a window of `size` (logical pixels) showing `state`.
  public func layout(for size: Size, state: AppState) -> Layout {
    guard lesson != nil else { return Layout(size: size, state: state) }
    // The lesson takes a strip on the right under the top bar, which keeps the whole width (a
    // narrower bar would wrap into more rows and take the plot's height).
    let strip = LessonPanelLayout.width(forWindow: size.width)
    return Layout(size: Size(max(1, size.width - strip), size.height), state: state, topBarWidth: size.width)
  }

  /// Draws one frame into `ui` and returns the learner's actions and the window commands.
  public func frame(_ state: AppState, _ ui: UIContext) -> FrameResult {
    if let cnn = state.showingCNN { return cnnFrame(state, cnn, ui) }
    let layout = layout(for: ui.input.windowSize, state: state)
    cache.pointScale = ui.theme.visualScale
    cache.update(state: state, layout: layout, scale: ui.input.scaleFactor)
    if let lesson, let masked = maskingFrozenControls(ui.input, layout: layout, controls: lesson.controls) {
      ui.begin(masked)
    }
    reserveBanner(ui, layout, state)
    var f = FrameBuilder(state: state, ui: ui, layout: layout)
    ui.draw.fillRect(layout.window, ui.theme.windowBackground)
    drawTopBar(&f)
    drawPanelTabs(&f)
    // A folded window draws only the panel its tab shows (the other lies off screen).
    if layout.dataPanel.intersects(layout.window) { drawDataPanel(&f) }
    if layout.networkPanel.intersects(layout.window) {
      if state.showingComparison != nil { drawComparePanel(&f, in: layout.networkPanel) } else { drawNetworkPanel(&f) }
    }
    if layout.outputPanel.intersects(layout.window) { drawOutputPanel(&f) }
    drawTimeline(&f)
    if let lesson {
      drawFrozenControls(&f, controls: lesson.controls)
      let pointer = lesson.step.highlight
        .flatMap { layout.rect(of: $0, features: state.config.features) }
        .flatMap { layout.pointerTarget($0) }
      drawLessonPanel(&f, guide: lesson, pointer: pointer)
    }
    return finishFrame(&f)
  }

  /// What every page ends its frame with, in either mode: the banner, the help overlay, the keys,
  /// the lesson's filter on what the learner did, and quitting.
  func finishFrame(_ f: inout FrameBuilder) -> FrameResult {
    drawBanner(&f)
    if f.state.showHelp {
      // The overlay is modal: what the panels underneath reported is dropped.
      f.actions.removeAll()
      f.commands.removeAll()
      drawHelp(&f)
    }
    handleKeys(&f)
    if let lesson { filterByLesson(&f, guide: lesson) }
    if f.ui.input.quitRequested { f.commands.append(.quit) }
    return FrameResult(actions: f.actions, commands: f.commands, lessonCommands: f.lessonCommands)
  }
}

/// What one frame's drawing code reads, and what it collects.
struct FrameBuilder {
  let state: AppState
  let ui: UIContext
  let layout: Layout
  var actions: [Action] = []
  var commands: [FrontendCommand] = []
  var lessonCommands: [LessonPanelCommand] = []
  /// The neuron under the mouse this frame (sent as `.focusNeuron` when it changes).
  var hoveredNeuron: NeuronRef?

  init(state: AppState, ui: UIContext, layout: Layout) {
    self.state = state
    self.ui = ui
    self.layout = layout
  }

  var theme: Theme { ui.theme }
}
