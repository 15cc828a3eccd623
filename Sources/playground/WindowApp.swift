import Foundation
import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import SessionKit

/// The interactive playground: SDL input → UI frame → actions → reducer; training on a second thread
/// while each frame draws.
@MainActor
final class WindowApp {
  var state: AppState
  let view = PlaygroundView()
  let window: AppWindow
  let ui: UIContext
  /// Trains on a second thread while the frame draws; a frame never waits long for it (see
  /// `TrainingHandOver`).
  let handOver = TrainingHandOver()
  var pacer = FramePacer()
  /// Holds training to the chosen speed (epochs or images per second).
  var pace = TrainingPace()
  /// The main thread's time to build and present a frame, smoothed (milliseconds).
  var drawMilliseconds = 10.0
  var shownFirstFrame = false
  /// Frames presented and when the loop started, for the frame rate in the final state line.
  var framesShown = 0
  let started = Date()
  let screenshotDirectory: String
  /// The session file Ctrl+S writes and Ctrl+O reads: the --load file, then the last one saved.
  var sessionPath: String?
  /// What the last save or open recorded, to tell unsaved work (UnsavedWork.swift).
  var unsaved = UnsavedWork()
  /// The quit prompt (Save / Discard / Cancel) is showing.
  var askingToQuit = false
  /// Guided mode (`--lesson`): the lesson in progress; the view shows its panel.
  var lesson: GuidedLesson?
  /// F9's recording of the window, while one runs (WindowRecording.swift).
  var recording: WindowRecording?

  /// The worker's share of a 60 Hz frame (16.7 ms): what is left after the hand-over, the
  /// frame's actions and the pacing slack. When drawing takes longer, training runs as long as
  /// drawing usually does, and a frame that draws longer still stops it at once.
  static let trainingMilliseconds = 14.0

  /// Opens the window at `size` (without `--size`: 1280×800 times the zoom, as far as the screen
  /// allows, so a projector's zoom makes everything larger rather than the layout smaller).
  init(
    state: AppState, renderer: RendererChoice, zoom: Float,
    size: WindowSize = WindowSize(width: 1280, height: 800, explicit: false), theme: Theme = .light
  ) throws {
    self.state = state
    var width = size.width
    var height = size.height
    if !size.explicit {
      let usable = AppWindow.usableDisplaySize()
      width = Int((Float(width) * zoom).rounded())
      height = Int((Float(height) * zoom).rounded())
      if let usable {
        width = min(width, usable.width)
        height = min(height, usable.height)
      }
    }
    window = try AppWindow(title: "NeuralPlayground", width: width, height: height, zoom: zoom, renderer: renderer)
    ui = UIContext(theme: theme, measurer: window.measurer)
    screenshotDirectory =
      ProcessInfo.processInfo.environment["NEURALPLAYGROUND_SCREENSHOT_DIR"]
      ?? FileManager.default.currentDirectoryPath
  }

  /// Runs until the window closes.
  ///
  /// A frame: the worker starts training a copy of the state; the main thread builds and presents
  /// the UI of the state as it stands; then it takes the trained state back and applies the frame's
  /// actions to it through `reduce` (train, then what the learner did), and waits for the next
  /// 60 Hz tick.
  func run() throws {
    if sessionPath != nil { unsaved.markSaved(state) }
    while true {
      let input = window.pollInput(waitMilliseconds: state.isPlaying ? 0 : 15)
      if TerminationSignal.takePending() {
        handOver.settle(&state)
        saveEmergencyCopy()
        printFinalState()
        return
      }
      if input.quitRequested && !askingToQuit {
        handOver.settle(&state)
        if unsaved.isUnsaved(state) {
          askingToQuit = true
        } else {
          printFinalState()
          return
        }
      }
      let frameStart = FramePacer.now()
      // A lesson's train step stops exactly at its epochs.
      let allowance = lesson?.trainingAllowance(in: state)
      let playing = state.isPlaying && allowance != 0
      // Below max speed the pace decides how much this frame may train (often 0 at 1 epoch/s).
      let limit = TrainingSlice.frameLimit(allowance: allowance, state: state, pace: &pace, now: frameStart)
      let training = playing && limit != 0
      let cost = Double(state.active.speedUnitsPerUnit)
      let deadline = frameStart + max(WindowApp.trainingMilliseconds, drawMilliseconds) / 1000
      if let prepared = handOver.begin(&state, training: training, limit: limit, deadline: deadline) {
        view.prime(prepared)
      }
      ui.measurer = window.measurer
      ui.begin(askingToQuit ? QuitPrompt.inert(input) : input)
      view.lesson = lesson
      var result = view.frame(state, ui)
      var list = ui.end()
      var quitChoice: QuitChoice?
      if askingToQuit {  // modal: the panels only draw; the prompt gets the input (QuitPrompt.swift)
        result.actions.removeAll()
        result.commands.removeAll()
        result.lessonCommands.removeAll()
        ui.begin(input)
        quitChoice = QuitPrompt.frame(ui, sessionName: ((sessionPath ?? defaultSessionPath) as NSString).lastPathComponent)
        list.append(contentsOf: ui.end())
      }
      window.setTextInputActive(ui.wantsTextInput)
      try captureRecordingFrame(list)
      try window.present(list, background: ui.theme.windowBackground)
      drawMilliseconds = drawMilliseconds * 0.8 + (FramePacer.now() - frameStart) * 1000 * 0.2
      // Drawing ran past the worker's deadline: it stops after its slice. The frame's actions
      // follow the trained state (queued while the worker still runs a long slice); commands
      // read or replace the state, so they wait for it.
      var permitted = result.actions.filter { lesson?.permits($0) ?? true }
      // The loop is the clock: the class pictures grow a few steps each frame they show.
      if let advance = state.classPicturesAdvance { permitted.append(advance) }
      let settle = !result.commands.isEmpty || !result.lessonCommands.isEmpty
      if let prepared = handOver.end(
        &state, actions: permitted, stopNow: !training || FramePacer.now() > deadline, settle: settle)
      {
        view.prime(prepared)
      }
      // What the worker trained (collected this frame, whichever frame started it) uses up credit.
      pace.spend(handOver.takeTrainedUnits(), cost: cost)
      for command in result.lessonCommands { handle(command) }
      for command in result.commands {
        if try handle(command, list: list) == false {
          printFinalState()
          return
        }
      }
      if let quitChoice {
        askingToQuit = false
        if quitChoice != .cancel {
          handOver.settle(&state)
          if quitChoice == .save { saveSession() }
          // A failed save keeps the window open with its banner: the work is not lost.
          if quitChoice == .discard || !unsaved.isUnsaved(state) {
            printFinalState()
            return
          }
        }
      }
      if lesson != nil && !handOver.isBusy {
        for action in lesson!.observe(state) { reduce(&state, action) }
      }
      framesShown += 1
      if !shownFirstFrame {
        shownFirstFrame = true
        // Process start to the first presented frame (read by the end-to-end test).
        print("first frame after \(Int(ProcessClock.sinceLaunch() * 1000)) ms")
        fflush(nil)
      }
      // While playing, frames follow a steady 60 Hz (also between paced epochs); paused, input
      // paces the loop.
      if playing { pacer.wait() }
    }
  }

  /// One JSON line with what the session ended with (read by the end-to-end test).
  func printFinalState() {
    stopRecording()  // every way out passes here: a recording in progress is written first
    var line = JSONLine()
    line.add("event", "quit")
    line.add("dataset", state.config.dataset.rawValue)
    line.add("hiddenLayers", raw: "[" + state.config.hiddenLayers.map(String.init).joined(separator: ",") + "]")
    line.add("epoch", state.experiment.epoch)
    line.add("testLoss", state.evaluation.test.loss)
    line.add("config", state.shareString)
    line.add("speed", state.dense.speed.text)
    line.add("cnnSpeed", (state.cnn?.run.speed ?? .cnnDefault).text)
    line.add("mode", state.mode.rawValue)
    line.add("renderer", window.renderer.driverName)
    let timeline = state.active.timelineView
    line.add("timelineEnd", timeline.end)
    line.add("timelineEvents", timeline.markers.count)
    line.add("canUndo", timeline.canUndo)
    if let b = state.showingComparison?.run {
      line.add("compareEpoch", b.epoch)
      line.add("compareLearningRate", b.learningRate)
      line.add("compareTestLoss", b.latest.testLoss)
    }
    if let cnn = state.cnn {
      line.add("cnnEpoch", cnn.experiment.epoch)
      line.add("cnnTestAccuracy", cnn.evaluation.test.accuracy)
      line.add("cnnConvLayers", raw: "[" + cnn.config.convLayers.map(String.init).joined(separator: ",") + "]")
      if cnn.page == .step {
        line.add("cnnStepImage", cnn.stepExample + 1)
        line.add("cnnStepStage", cnn.stepStage.name)
      }
    }
    if let lesson {
      line.add("lesson", lesson.lesson.id)
      line.add("lessonStep", lesson.stepNumber)
    }
    line.add("framesPerSecond", (Double(framesShown) / max(0.001, Date().timeIntervalSince(started)) * 10).rounded() / 10)
    print(line.text)
    fflush(nil)
  }

  /// The lesson panel's buttons.
  func handle(_ command: LessonPanelCommand) {
    guard lesson != nil else { return }
    switch command {
    case .next: lesson!.next(&state)
    case .back: lesson!.back(&state)
    case .showMe: lesson!.showMe(&state)
    case .answer(let choice): lesson!.answer(choice, state: state)
    case .scroll(let offset): lesson!.textScroll = offset
    case .setUp: lesson!.setUpStep(&state)
    }
  }

  /// Carries out what only the front end can do; false means quit.
  func handle(_ command: FrontendCommand, list: DrawList) throws -> Bool {
    switch command {
    case .quit:
      if unsaved.isUnsaved(state) {  // Ctrl+Q with unsaved work asks first
        askingToQuit = true
        return true
      }
      return false
    case .screenshot:
      let raster = try window.snapshot(list, background: ui.theme.windowBackground)
      let stamp = Int(Date().timeIntervalSince1970 * 1000)
      let path = (screenshotDirectory as NSString).appendingPathComponent("playground-\(stamp).png")
      do {
        try PNGFile.save(raster, to: path)
        reduce(&state, .showBanner(Banner(.info, tr("Screenshot saved to {1}", path))))
        Playground.say("screenshot \(path)")
        fflush(nil)
      } catch {
        reduce(&state, .showBanner(Banner(.error, tr("Could not save the screenshot: {1}", error))))
      }
    case .copyToClipboard(let text):
      let ok = Clipboard.set(text)
      reduce(&state, .showBanner(Banner(ok ? .info : .error, ok ? tr("Config copied: open it with playground --config '…'") : tr("The clipboard is not available"))))
    case .toggleRecording:
      if recording != nil { stopRecording() } else { startRecording() }
    case .save:
      saveSession()
    case .open:
      openSession()
    }
    return true
  }

  /// Without --load or an earlier save, sessions go to this file in the current folder.
  var defaultSessionPath: String {
    (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("playground-session.json")
  }

  /// Ctrl+S: writes the whole session (atomically) to `sessionPath`, else `defaultSessionPath`.
  func saveSession() {
    let path = sessionPath ?? defaultSessionPath
    do {
      try SessionFile.write(SessionFile(showing: state), to: path)
      sessionPath = path
      unsaved.markSaved(state)
      reduce(&state, .showBanner(Banner(.info, tr("Saved to {1} (Ctrl+O reopens it)", path))))
      Playground.say("saved \(path)")
      fflush(nil)
    } catch {
      reduce(&state, .showBanner(Banner(.error, tr("Could not save: {1}", error.description))))
    }
  }

  /// Ctrl+O: replaces the state with the session in `sessionPath` (else `defaultSessionPath`);
  /// a missing, damaged or newer file changes nothing and says why.
  func openSession() {
    let path = sessionPath ?? defaultSessionPath
    guard FileManager.default.fileExists(atPath: path) else {
      reduce(&state, .showBanner(Banner(.info, tr("No saved session yet: Ctrl+S saves one to {1}", path))))
      return
    }
    do {
      let session = try SessionFile.read(path)
      // Checked here so the message names the file; then only the reducer replaces the state.
      try session.validate()
      reduce(&state, .restore(session))
      let epoch: Int
      switch session {
      case .dense2d: epoch = state.experiment.epoch
      case .cnn(let cnn): epoch = cnn.epoch
      }
      sessionPath = path
      unsaved.markSaved(state)
      reduce(&state, .showBanner(Banner(.info, tr("Opened {1} at epoch {2}", path, epoch))))
      Playground.say("opened \(path)")
      fflush(nil)
    } catch {
      reduce(&state, .showBanner(Banner(.error, tr("Could not open {1}. Your work is unchanged.", error.description))))
    }
  }
}

/// Renders one frame offscreen (software renderer) after `epochs` epochs and writes it as a PNG.
@MainActor
enum ScreenshotRenderer {
  /// A frame of a `width × height` pixel window at `zoom` (the UI laid out in width/zoom ×
  /// height/zoom logical pixels and painted `zoom` times larger).
  static func render(
    state: AppState, epochs: Int, lesson: GuidedLesson? = nil, width: Int = 1280, height: Int = 800,
    zoom: Float = 1, theme: Theme = .light
  ) throws -> Raster {
    let state = trained(state, epochs: epochs)
    let logical = Size(Float(width) / zoom, Float(height) / zoom)
    let canvas = try OffscreenCanvas(
      width: Int(logical.width.rounded(.up)), height: Int(logical.height.rounded(.up)), scale: zoom)
    let ui = UIContext(theme: theme, measurer: canvas.measurer)
    return try canvas.render(frame(state, lesson: lesson, logical: logical, ui: ui), background: theme.windowBackground)
  }

  /// `state` after `epochs` epochs of training (and its class pictures finished, on that page).
  static func trained(_ state: AppState, epochs: Int) -> AppState {
    var state = state
    // In up to 100 slices, as the window would, so the charts show the curve and not a line
    // between its ends (slicing does not change the bits).
    let slice = max(1, epochs / 100)
    var done = 0
    while done < epochs {
      let n = min(slice, epochs - done)
      reduce(&state, .train(epochs: n))
      done += n
    }
    // The class pictures as the window shows them a second later: grown to the step cap.
    while let advance = state.classPicturesAdvance { reduce(&state, advance) }
    return state
  }

  /// The draw list of one frame of `state` in a `logical`-sized window, the mouse outside it.
  static func frame(_ state: AppState, lesson: GuidedLesson?, logical: Size, ui: UIContext) -> DrawList {
    let view = PlaygroundView()
    view.lesson = lesson
    var input = UIInput()
    input.windowSize = logical
    input.mouse = Point(-100, -100)
    view.settleInsidePage(state)
    ui.begin(input)
    _ = view.frame(state, ui)
    return ui.end()
  }
}

/// Seconds since this process started (from /proc/self/stat's start time and the uptime).
enum ProcessClock {
  static func sinceLaunch() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // Field 22 (starttime, in clock ticks) is the 20th after the command name.
    guard fields.count > 19, let ticks = Double(fields[19]),
      let up = Double(uptime.split(separator: " ")[0])
    else { return 0 }
    return up - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}
