import Foundation
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SDLFrontend

/// The window's speed, measured offscreen with the software renderer at 1280×800, with the
/// window's own frame: training on the worker thread (`BackgroundTrainer`) while the main thread
/// builds and draws the UI, then the hand-over.
@MainActor
enum UIBench {
  /// Milliseconds for one full frame on the main thread: every visual refreshed from a freshly
  /// trained state, the UI built and drawn, and the hand-over of the training slice that ran on
  /// the worker meanwhile (asked to stop when drawing is done). The best of `frames` frames.
  static func frameMilliseconds(config: PlaygroundConfig, frames: Int = 30) throws -> Double {
    var state = try AppState(config: config)
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    var draw = 10.0
    var best = Double.infinity
    for _ in 0..<frames {
      let start = FramePacer.now()
      trainer.start(state, limit: nil, deadline: start + draw / 1000)
      ui.begin(idleInput())
      _ = view.frame(state, ui)
      _ = try canvas.render(ui.end())
      draw = (FramePacer.now() - start) * 1000
      if let trained = trainer.finish(stopNow: true) {
        state = trained.state
        if let prepared = trained.prepared { view.prime(prepared) }
      }
      best = min(best, (FramePacer.now() - start) * 1000)
    }
    return best
  }

  /// Epochs per second while drawing at 60 frames per second, with the window's loop: the worker
  /// trains during each frame for `WindowApp.trainingMilliseconds` (or as long as drawing usually
  /// takes, if longer; stopped at once when a frame draws longer still), the main thread draws,
  /// takes the trained state and waits for the next 60 Hz tick.
  static func epochsPerSecondWhileDrawing(config: PlaygroundConfig, seconds: Double = 2) throws -> Double {
    var state = try AppState(config: config)
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    let trainer = BackgroundTrainer()
    defer { trainer.shutDown() }
    var pacer = FramePacer()
    var draw = 10.0
    let start = FramePacer.now()
    while FramePacer.now() - start < seconds {
      let frameStart = FramePacer.now()
      let deadline = frameStart + max(WindowApp.trainingMilliseconds, draw) / 1000
      trainer.start(state, limit: nil, deadline: deadline)
      ui.begin(idleInput())
      _ = view.frame(state, ui)
      _ = try canvas.render(ui.end())
      draw = draw * 0.8 + (FramePacer.now() - frameStart) * 1000 * 0.2
      if let trained = trainer.finish(stopNow: FramePacer.now() > deadline) {
        state = trained.state
        if let prepared = trained.prepared { view.prime(prepared) }
      }
      pacer.wait()
    }
    return Double(state.experiment.epoch) / (FramePacer.now() - start)
  }

  static func idleInput() -> UIInput {
    var input = UIInput()
    input.windowSize = Size(1280, 800)
    input.mouse = Point(-100, -100)
    return input
  }
}
