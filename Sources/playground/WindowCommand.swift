import ArgumentParser
import Datasets
import Foundation
import LessonKit
import Localization
import PlaygroundCore
import PlaygroundUI
import SafeIO
import SDLFrontend
import Training

/// `playground` with no subcommand: the window, or one frame of it as a PNG.
struct Window: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    commandName: "window", abstract: "Open the playground window (the default).")

  @OptionGroup var settings: ConfigOptions
  @Option(help: "Open a shared config string (from the window's Copy config button).")
  var config: String?
  @Option(help: "Render one frame to this PNG file and exit (no window needed).")
  var screenshot: String?
  @Option(help: "With --screenshot: epochs to train before the frame.")
  var epochs: Int = 0
  @Flag(help: "Use SDL's software renderer (short for --renderer software).")
  var software = false
  @Option(
    help:
      "The renderer: software, opengl or auto (the default: SDL_RENDER_DRIVER when set, else OpenGL on a machine with a GPU, else software). --screenshot uses software unless this is given."
  )
  var renderer: String?
  @Flag(help: .hidden)
  var layoutJson = false
  @Option(help: "Colours and strokes: default, or high-contrast for a projector (thicker links, larger points, stronger outlines).")
  var theme: String?
  @Option(help: "Enlarge the whole interface, e.g. 1.5 on a projector (0.5 to 3).")
  var zoom: Float = 1
  /// With --screenshot or --layout-json: the page to show (results, class-pictures, help, gradients).
  @Option(help: .hidden)
  var page: String?
  /// In a narrow window: the panel the tabs show first (data, network, output).
  @Option(help: .hidden)
  var panel: String?
  @Option(help: "The window's size in pixels, WIDTHxHEIGHT (default 1280x800; with --zoom 1.5 the window opens 1.5 times larger where the screen allows).")
  var size: String?
  @Option(help: "Open a saved session file (Ctrl+S saves back to it, Ctrl+O reopens it).")
  var load: String?
  @Option(help: "Open a lesson in guided mode: its id as `playground lesson list` shows it (e.g. learning-rate) or a lesson file.")
  var lesson: String?
  /// With --lesson: start at this step (1-based), doing the steps before it as "Show me" would.
  @Option(help: .hidden)
  var lessonStep: Int = 1
  /// With --lesson: also do that step as "Show me" would (to see its ✓/✗ sentences).
  @Flag(help: .hidden)
  var lessonShowMe = false
  @Option(help: "Start in this mode: dense (2-D points) or cnn (a CNN on shape images; also --dataset shapes).")
  var mode: String?
  @Option(
    help:
      "Training pace while playing: epochs per second in 2-D (1, 5, 20, 60, 300; default 60), images per second with --mode cnn (10, 50, 200, 1000; default 200), any whole number up to 10000, or max."
  )
  var speed: String?
  /// With --mode cnn: folders of 28×28 PNGs trained as more classes beside the shapes.
  @OptionGroup var imports: ImportOptions
  /// With --screenshot or --layout-json: open "Explain a step" on this training point (1-based),
  /// after --epochs, at --explain-stage.
  @Option(help: .hidden)
  var explain: Int?
  @Option(help: .hidden)
  var explainStage: String?

  mutating func run() throws {
    var (start, guide) = try startingState()
    let windowSize = try WindowSize.parse(size, zoom: zoom)
    let screenshot = self.screenshot
    var epochs = self.epochs
    if let explain { try ExplainFlag.open(&start, example: explain, stage: explainStage, epochs: &epochs) }
    let choice = try RendererFlag.choice(renderer, software: software)
    let zoom = self.zoom
    let load = self.load
    let theme = try ThemeFlag.theme(self.theme)
    if layoutJson {
      let text = try MainActor.assumeIsolated {
        try LayoutJSON.text(state: start, lesson: guide, size: windowSize, zoom: zoom)
      }
      print(text)
      return
    }
    try MainActor.assumeIsolated {
      if let screenshot {
        let raster = try RendererFlag.screenshot(
          state: start, epochs: epochs, lesson: guide, size: windowSize, zoom: zoom, renderer: choice,
          theme: theme)
        do {
          try PNGFile.save(raster, to: screenshot)
        } catch let problem as FileProblem {
          throw UsageError(message: "--screenshot: \(problem)")
        } catch {
          throw UsageError(message: tr("--screenshot: cannot write '{1}': {2}", screenshot, error))
        }
        return
      }
      TerminationSignal.block()  // before SDL starts threads: SIGTERM becomes an emergency save
      let app = try WindowApp(state: start, renderer: choice ?? .auto, zoom: zoom, size: windowSize, theme: theme)
      app.sessionPath = load
      app.lesson = guide
      try app.run()
    }
  }

  /// The state the flags describe (train flags, --config, --load or --lesson, --mode, --speed,
  /// --page, --panel), and the guided lesson when --lesson gave one. Also used by `record`.
  func startingState() throws -> (AppState, GuidedLesson?) {
    // `--dataset shapes` opens the window in its shapes mode, as `--mode cnn` does.
    let mode = self.mode ?? (settings.isShapes ? "cnn" : "dense")
    if settings.isShapes && mode != "cnn" {
      throw UsageError(message: tr("--dataset shapes opens the CNN mode; drop --mode {1}", mode))
    }
    var initial: PlaygroundConfig
    var points: [DataPoint] = []
    var sharedSpeed: TrainingSpeed?
    if let config {
      do {
        let shared = try SharedSetup(shareString: config)
        initial = shared.config
        sharedSpeed = shared.speed
      } catch {
        throw UsageError(message: "--config: \(error.message)")
      }
      // The string is the whole configuration: a config flag beside it would be silently lost.
      let flags = try settings.makeConfig()
      if flags.0 != PlaygroundConfig() || !flags.1.isEmpty {
        throw UsageError(message: tr("--config gives the whole configuration; drop the other config flags"))
      }
    } else {
      (initial, points) = try settings.makeConfig()
    }
    guard (0.5...3).contains(zoom) else { throw UsageError(message: tr("--zoom must be from 0.5 to 3, got {1}", zoom)) }
    _ = try WindowSize.parse(size, zoom: zoom)  // a bad --size is named before any work
    guard epochs >= 0 && epochs <= 1_000_000 else {
      throw UsageError(message: tr("--epochs must be from 0 to 1000000, got {1}", epochs))
    }
    // Imported classes are read (and every bad file named, exit 2) before any window opens.
    var imported: [ImageClass] = []
    if imports.isSet {
      if mode != "cnn" { throw UsageError(message: tr("--import-pngs adds CNN classes; add --mode cnn")) }
      if lesson != nil || load != nil || config != nil {
        throw UsageError(message: tr("--import-pngs starts a new CNN session; drop --lesson, --load and --config"))
      }
      imported = try imports.load()
    }
    var state: AppState
    var guided: GuidedLesson?
    if let lesson {
      if config != nil || load != nil { throw UsageError(message: tr("--lesson gives the starting state; drop --config and --load")) }
      let parsed: Lesson
      // An id as `lesson list` prints it (`learning-rate`, `06-learning-rate`) or a file's path.
      let path: String
      // In the learner's language when the lesson is translated (LessonLanguage.swift).
      switch LessonLibrary.resolve(lesson, directory: LessonLibrary.defaultDirectory(), language: Localization.catalog.language) {
      case .success(let found): path = found
      case .failure(let failure): throw UsageError(message: failure.message)
      }
      do {
        parsed = try Lesson.load(path: path)
        LessonWindowLanguage.adopt(parsed)
        state = try parsed.startingState()
      } catch let errors as LessonErrors {
        throw UsageError(message: errors.description)
      } catch let error as LessonError {
        throw UsageError(message: error.description)
      }
      var guide = GuidedLesson(lesson: parsed, state: &state)
      while guide.stepNumber < lessonStep && !guide.isLastStep {
        guide.showMe(&state)
        guide.next(&state)
      }
      if lessonShowMe { guide.showMe(&state) }
      guided = guide
    } else if let load {
      if config != nil { throw UsageError(message: tr("--load and --config both give the starting state; use one")) }
      state = try SessionCLI.loadState(load, settings: settings)
    } else {
      do {
        state = try AppState(config: initial, customPoints: points)
      } catch {
        let flag = config != nil ? "--config" : ConfigOptions.flag(for: error.key)
        throw UsageError(message: "\(flag): \(error.message)")
      }
    }
    // A shared string's speed is the 2-D run's, set while it shows.
    if let sharedSpeed { reduce(&state, .setSpeed(sharedSpeed)) }
    switch mode {
    case "dense": break
    case "cnn": reduce(&state, .setMode(.cnn))
    default: throw UsageError(message: tr("--mode must be dense or cnn, got '{1}'", mode))
    }
    // The CNN run starts from its own defaults: --optimizer, --dropout, … apply to it too.
    if mode == "cnn", case let learning = try settings.learningSettings(), learning != .standard {
      reduce(&state, .setLearning(learning))
    }
    if let speed {
      guard let pace = TrainingSpeed(text: speed) else {
        throw UsageError(message: tr("--speed must be {1}; got '{2}'", TrainingSpeed.allowed, speed))
      }
      reduce(&state, .setSpeed(pace))
    }
    if !imported.isEmpty {
      reduce(&state, .cnn(.importClasses(imported)))
      if let banner = state.banner, banner.kind == .error {
        throw UsageError(message: "--import-pngs: \(banner.text)")
      }
    }
    var cnnPage = CNNPage.results
    switch page {
    case nil, "results": break
    case "class-pictures": cnnPage = .classPictures
    case "layers": cnnPage = .layers
    case "draw": cnnPage = .drawing
    case "attack": cnnPage = .attack
    case "units": cnnPage = .units
    case "embedding": cnnPage = .embedding
    case "step": cnnPage = .step
    case "help": reduce(&state, .toggleHelp)
    case "gradients": reduce(&state, .showGradients(true))
    default: throw UsageError(message: "--page must be results, class-pictures, attack, units, embedding, step, help or gradients, got '\(page ?? "")'")
    }
    if let panel {
      guard let side = SidePanel(rawValue: panel) else {
        throw UsageError(message: tr("--panel must be data, network or output, got '{1}'", panel))
      }
      reduce(&state, .showSidePanel(side))
    }
    // The page is CNN state (ignored without a CNN session, where no CNN page shows).
    if cnnPage != .results { reduce(&state, .cnn(.showPage(cnnPage))) }
    return (state, guided)
  }

}

/// A window size in pixels, from `--size WIDTHxHEIGHT`.
struct WindowSize: Equatable, Sendable {
  var width: Int
  var height: Int
  /// True when `--size` was given (the window then opens at exactly that size).
  var explicit: Bool

  /// `text` ("1280x800"), or the default 1280×800 when nil.
  static func parse(_ text: String?, zoom: Float) throws -> WindowSize {
    guard let text else { return WindowSize(width: 1280, height: 800, explicit: false) }
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
      throw UsageError(message: tr("--size must be WIDTHxHEIGHT in pixels, e.g. 1280x800; got '{1}'", text))
    }
    guard (100...8192).contains(w) && (100...8192).contains(h) else {
      throw UsageError(message: tr("--size must be from 100x100 to 8192x8192 pixels, got '{1}'", text))
    }
    return WindowSize(width: w, height: h, explicit: true)
  }
}
