import ArgumentParser
import Foundation
import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore
import PlaygroundUI
import Recording
import SafeIO
import SDLFrontend

/// `playground record`: a clip of the window training, drawn offscreen (no display needed) by the
/// software renderer, as `--screenshot` draws one frame.
struct Record: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a clip of the window training, as a GIF or an MP4, without a display.",
    discussion: """
      Every flag of the window sets what is recorded: train flags (--dataset spiral …), --load FILE, \
      --lesson ID, --mode cnn, --speed, --size WxH, --zoom, --theme. Training runs at the chosen \
      speed (--speed; 60 epochs/s by default), so a 3-second clip shows 180 epochs; at --speed max \
      each frame trains for its own share of real time. A .gif is written through giflib; an .mp4 \
      through the ffmpeg program (Debian package ffmpeg).
      """)

  @Option(help: "The clip to write: FILE.gif or FILE.mp4.")
  var out: String
  @Option(help: "The clip's length in seconds (default 5 unless --epochs is given).")
  var seconds: Double?
  @Option(help: "Record until this many more epochs are trained (instead of --seconds).")
  var epochs: Int?
  @Option(help: "Frames per second (1 to 50).")
  var fps: Int = 20
  @Argument(parsing: .allUnrecognized, help: .hidden)
  var window: [String] = []

  /// The longest clip, in frames (ten minutes at 50 frames/s).
  static let maximumFrames = 30_000

  mutating func run() throws {
    guard ClipWriter.format(of: out) != nil else {
      throw UsageError(message: tr("--out must name a .gif or an .mp4 file, got '{1}'", out))
    }
    guard (1...50).contains(fps) else { throw UsageError(message: tr("--fps must be from 1 to 50, got {1}", fps)) }
    if seconds != nil && epochs != nil { throw UsageError(message: tr("give --seconds or --epochs, not both")) }
    if let seconds, !(seconds > 0 && seconds * Double(fps) <= Double(Record.maximumFrames)) {
      throw UsageError(message: tr("--seconds must be above 0 and at most {1} at {2} frames/s, got {3}", Record.maximumFrames / fps, fps, seconds))
    }
    if let epochs, !(1...1_000_000).contains(epochs) {
      throw UsageError(message: tr("--epochs must be from 1 to 1000000, got {1}", epochs))
    }
    let settings: Window
    do {
      settings = try Window.parse(window)
    } catch {
      throw UsageError(message: Window.message(for: error))
    }
    if settings.screenshot != nil || settings.layoutJson {
      throw UsageError(message: tr("record writes a clip; drop --screenshot"))
    }
    if settings.epochs != 0 { throw UsageError(message: tr("--epochs is the clip's length here")) }
    let (start, guide) = try settings.startingState()
    let size = try WindowSize.parse(settings.size, zoom: settings.zoom)
    let length: ClipLength = epochs.map { .epochs($0) } ?? .seconds(seconds ?? 5)
    let (out, fps, zoom) = (self.out, self.fps, settings.zoom)
    let theme = try ThemeFlag.theme(settings.theme)
    let summary = try MainActor.assumeIsolated {
      try ClipRecorder.record(
        state: start, lesson: guide, length: length, fps: fps, size: size, zoom: zoom, theme: theme, to: out)
    }
    Playground.say(summary)
  }
}

/// How long a recorded clip runs.
enum ClipLength {
  case seconds(Double)
  /// Until this many more epochs are trained.
  case epochs(Int)
}

/// Draws frames of the window offscreen while training at the run's speed, into a clip.
@MainActor
enum ClipRecorder {
  /// Records and returns one line saying what was written.
  static func record(
    state start: AppState, lesson: GuidedLesson?, length: ClipLength, fps: Int, size: WindowSize, zoom: Float,
    theme: Theme, to path: String
  ) throws -> String {
    var state = start
    var guide = lesson
    let logical = Size(Float(size.width) / zoom, Float(size.height) / zoom)
    let canvas = try OffscreenCanvas(
      width: Int(logical.width.rounded(.up)), height: Int(logical.height.rounded(.up)), scale: zoom)
    let ui = UIContext(theme: theme, measurer: canvas.measurer)
    let view = PlaygroundView()
    var input = UIInput()
    input.windowSize = logical
    input.mouse = Point(-100, -100)
    func frame() throws -> Raster {
      view.lesson = guide
      ui.begin(input)
      _ = view.frame(state, ui)
      return try canvas.render(ui.end(), background: theme.windowBackground)
    }
    let first = try frame()
    let writer: ClipWriter
    do {
      writer = try ClipWriter(path: path, width: first.width, height: first.height, framesPerSecond: fps)
    } catch {
      throw UsageError(message: "--out: \(error)")
    }
    try writer.add(first)
    reduce(&state, .play)
    let startEpoch = state.active.epoch
    var pace = TrainingPace()
    _ = TrainingSlice.frameLimit(allowance: nil, state: state, pace: &pace, now: 0)
    let frames: Int?
    switch length {
    case .seconds(let s): frames = max(1, Int((s * Double(fps)).rounded()))
    case .epochs: frames = nil
    }
    // The epochs the lesson's train step and --epochs still allow (nil: no limit).
    func allowance() -> Int? {
      var epochs = guide?.trainingAllowance(in: state)
      if case .epochs(let n) = length { epochs = min(epochs ?? Int.max, startEpoch + n - state.active.epoch) }
      return epochs
    }
    var k = 1
    while true {
      if let frames, k >= frames { break }
      if case .epochs(let n) = length, state.active.epoch >= startEpoch + n { break }
      if k >= Record.maximumFrames {
        throw UsageError(message: tr("the clip would pass {1} frames: train fewer epochs or raise --speed", Record.maximumFrames))
      }
      if state.active.speed.rate == nil {
        // Max: as much as this machine trains in the frame's share of real time.
        let until = FramePacer.now() + 1 / Double(fps)
        repeat {
          guard TrainingSlice.limit(epochs: allowance(), state: state) ?? 1 > 0 else { break }
          reduce(&state, .trainSlice(units: 1))
        } while FramePacer.now() < until
      } else {
        let now = Double(k) / Double(fps)
        if let limit = TrainingSlice.frameLimit(allowance: allowance(), state: state, pace: &pace, now: now), limit > 0 {
          reduce(&state, .trainSlice(units: limit))
          pace.spend(limit, cost: Double(state.active.speedUnitsPerUnit))
        }
      }
      if guide != nil {
        for action in guide!.observe(state) { reduce(&state, action) }
      }
      try writer.add(try frame())
      k += 1
    }
    do {
      try writer.finish()
    } catch {
      throw UsageError(message: "--out: \(error)")
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return "recorded \(path): \(writer.frameCount) frames of \(first.width)x\(first.height) at \(fps) frames/s, "
      + "epochs \(startEpoch) to \(state.active.epoch), \(bytes / 1024) KB"
  }
}
