import Datasets
import Foundation
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import SessionKit
import Training

/// The window's speed, measured offscreen with the software renderer at 1280×800, with the
/// window's own frame: training on the worker thread (`TrainingHandOver`) while the main thread
/// builds and draws the UI, then the hand-over and the frame's actions.
@MainActor
enum UIBench {
  /// The window figures' sessions.
  enum SessionFile: String, CaseIterable {
    /// The 2-D reference (`BenchmarkConfig.c2`).
    case c2
    /// The reference CNN (four classes, conv layers 8,16), results page.
    case cnn
    /// Every shape class and conv layers 8,16,16,16, results page: the heaviest net a class builds.
    case cnnHeavy = "cnn-heavy"
    /// The reference CNN with the embedding page open: t-SNE of the first conv layer (1,152 values
    /// per image, the widest layer), the map settling while the network trains.
    case cnnEmbedding = "cnn-embedding"
    /// The reference CNN with the units page open on layer 2 (16 filters growing their pictures).
    case cnnUnits = "cnn-units"
    /// The reference CNN training with the Explain page open at layer 1's backward stage (one
    /// image's forward, backward, checks and update again for every newly trained network).
    case cnnStep = "cnn-step"

    func state() throws -> AppState {
      var state = try AppState(config: BenchmarkConfig.c2.config)
      guard self != .c2 else { return state }
      var config = CNNConfig()
      if self == .cnnHeavy {
        config.shapes = ShapeKind.allCases
        config.convLayers = [8, 16, 16, 16]
      }
      reduce(&state, .setMode(.cnn))
      reduce(&state, .configureCNN(config))
      if self == .cnnEmbedding {
        reduce(&state, .cnn(.showPage(.embedding)))
        reduce(&state, .cnn(.inside(.setEmbedding(layer: 1, method: .tsne))))
      }
      if self == .cnnStep {
        reduce(&state, .cnn(.showPage(.step)))
        reduce(&state, .cnn(.inside(.step(.show(.backward(layer: 1))))))
      }
      if self == .cnnUnits {
        reduce(&state, .cnn(.showPage(.units)))
        reduce(&state, .cnn(.inside(.showUnits(layer: 2))))
      }
      return state
    }
  }

  /// Frame times in milliseconds: the median and the 95th percentile.
  struct FrameTimes {
    var median: Double
    var p95: Double
  }

  /// Milliseconds for full frames on the main thread while training: every visual refreshed from
  /// the freshest trained state, the UI built and drawn, the hand-over of what the worker trained
  /// meanwhile (asked to stop when drawing is done) and the frame's actions. The median and 95th
  /// percentile of `frames` frames, after `warmUp` frames (textures, first slices) not counted.
  static func frameTimes(
    _ session: SessionFile, frames: Int = 90, warmUp: Int = 10, handOver handOverWait: Double? = 2
  ) throws -> FrameTimes {
    var state = try session.state()
    // A CNN starts a few mini-batches before its first epoch ends, so the frames include the
    // end-of-epoch measurement of every image (the longest piece of work the worker does).
    if state.cnn != nil {
      reduce(&state, .trainSlice(units: max(0, state.active.units(untilEpoch: 1) - 8)))
    }
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    let handOver = TrainingHandOver(waitMilliseconds: handOverWait)
    defer { handOver.shutDown() }
    var draw = 10.0
    var times: [Double] = []
    for frame in 0..<(warmUp + frames) {
      let start = FramePacer.now()
      if let prepared = handOver.begin(&state, training: true, limit: nil, deadline: start + draw / 1000) {
        view.prime(prepared)
      }
      ui.begin(idleInput())
      let result = view.frame(state, ui)
      _ = try canvas.render(ui.end())
      draw = (FramePacer.now() - start) * 1000
      if let prepared = handOver.end(&state, actions: result.actions, stopNow: true) { view.prime(prepared) }
      if frame >= warmUp { times.append((FramePacer.now() - start) * 1000) }
    }
    handOver.settle(&state)
    times.sort()
    return FrameTimes(median: times[times.count / 2], p95: times[min(times.count - 1, times.count * 95 / 100)])
  }

  /// Epochs per second while drawing at 60 frames per second, with the window's loop: the worker
  /// trains during each frame for `WindowApp.trainingMilliseconds` (or as long as drawing usually
  /// takes, if longer), the main thread draws, takes the trained state if it is ready and waits
  /// for the next 60 Hz tick.
  static func epochsPerSecondWhileDrawing(config: PlaygroundConfig, seconds: Double = 2) throws -> Double {
    var state = try AppState(config: config)
    reduce(&state, .play)
    let canvas = try OffscreenCanvas(width: 1280, height: 800)
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    let handOver = TrainingHandOver()
    defer { handOver.shutDown() }
    var pacer = FramePacer()
    var draw = 10.0
    let start = FramePacer.now()
    while FramePacer.now() - start < seconds {
      let frameStart = FramePacer.now()
      let deadline = frameStart + max(WindowApp.trainingMilliseconds, draw) / 1000
      if let prepared = handOver.begin(&state, training: true, limit: nil, deadline: deadline) { view.prime(prepared) }
      ui.begin(idleInput())
      _ = view.frame(state, ui)
      _ = try canvas.render(ui.end())
      draw = draw * 0.8 + (FramePacer.now() - frameStart) * 1000 * 0.2
      if let prepared = handOver.end(&state, actions: [], stopNow: FramePacer.now() > deadline) {
        view.prime(prepared)
      }
      pacer.wait()
    }
    handOver.settle(&state)
    return Double(state.experiment.epoch) / (FramePacer.now() - start)
  }

  static func idleInput() -> UIInput {
    var input = UIInput()
    input.windowSize = Size(1280, 800)
    input.mouse = Point(-100, -100)
    return input
  }
}
