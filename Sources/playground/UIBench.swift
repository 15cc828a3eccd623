import Foundation
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SDLFrontend

/// The window's speed, measured offscreen with the software renderer at 1280×800.
@MainActor
enum UIBench {
  /// Milliseconds for one full frame: a training slice of `slice` epochs, every visual refreshed,
  /// the UI built and drawn. The best of `frames` frames.
  static func frameMilliseconds(config: PlaygroundConfig, slice: Int = 10, frames: Int = 30) throws -> Double {
    var state = try AppState(config: config)
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    var best = Double.infinity
    for _ in 0..<frames {
      let t = Stopwatch.time {
        reduce(&state, .train(epochs: slice))
        ui.begin(idleInput())
        _ = view.frame(state, ui)
        _ = try? canvas.render(ui.end())
      }
      best = min(best, t)
    }
    return best * 1000
  }

  /// Epochs per second while drawing at 60 frames per second, as the window's loop does it
  /// (training gets what is left of each 16.7 ms frame after drawing).
  static func epochsPerSecondWhileDrawing(config: PlaygroundConfig, seconds: Double = 2) throws -> Double {
    var state = try AppState(config: config)
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    var clock = TrainingClock()
    let start = Date()
    var frames = 0
    while Date().timeIntervalSince(start) < seconds {
      let frameStart = Date()
      let slice = clock.epochsPerSlice
      let t = Stopwatch.time { reduce(&state, .train(epochs: slice)) }
      clock.record(milliseconds: t * 1000)
      let draw = try Stopwatch.time {
        ui.begin(idleInput())
        _ = view.frame(state, ui)
        _ = try canvas.render(ui.end())
      }
      // As the window does: training gets what drawing leaves of the frame.
      clock.budgetMilliseconds = min(12, max(2, 15 - draw * 1000))
      frames += 1
      let left = 1.0 / 60 - Date().timeIntervalSince(frameStart)
      if left > 0 { Thread.sleep(forTimeInterval: left) }
    }
    return Double(state.experiment.epoch) / Date().timeIntervalSince(start)
  }

  static func idleInput() -> UIInput {
    var input = UIInput()
    input.windowSize = Size(1280, 800)
    input.mouse = Point(-100, -100)
    return input
  }
}
