import ArgumentParser
import Foundation
import PlaygroundCore
import SessionKit
import Training

/// `playground bench`: the speed figures of the engine on the reference configurations.
struct Bench: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Measure training and grid-evaluation speed (one thread, this build).")

  @Flag(help: "One JSON object per figure.")
  var json = false

  @Flag(help: "Skip the window figures (ui_frame_ms, ui_epochs_per_s).")
  var engineOnly = false

  @Flag(help: "Only the window figures.")
  var uiOnly = false

  @Flag(help: .hidden)
  var waitForSlices = false

  func run() throws {
    if !uiOnly { try engine() }
    if engineOnly { return }
    try MainActor.assumeIsolated {
      // nil: the frame waits for the worker's slice however long (the loop before the hand-over).
      let wait: Double? = waitForSlices ? nil : 2
      for session in UIBench.SessionFile.allCases {
        let times = try UIBench.frameTimes(session, handOver: wait)
        emit(name: session.rawValue, "ui_frame_ms", times.median, "ms for one full window frame while training (median of 90, software renderer)")
        emit(name: session.rawValue, "ui_frame_p95_ms", times.p95, "ms: the 95th percentile of the same frames")
      }
      let c2 = BenchmarkConfig.c2.config
      emit(.c2, "ui_epochs_per_s", try UIBench.epochsPerSecondWhileDrawing(config: c2), "training epochs/s while drawing at 60 frames/s")
    }
  }

  func engine() throws {
    for bench in BenchmarkConfig.allCases {
      var experiment = try Experiment(config: bench.config)
      let epochs = Stopwatch.epochsPerSecond(&experiment)
      emit(bench, "train_epochs_per_s", epochs, "training epochs/s (250 points, batch 10)")
      if bench.config.learning != nil { continue }  // the same network as C2: the same grid
      let grid = InputGrid(size: 100, features: experiment.config.features)
      let ms = Stopwatch.gridMilliseconds(experiment.network, grid: grid)
      emit(bench, "grid_ms", ms, "ms to evaluate every neuron over a 100×100 grid")
    }
    for figure in try CNNBenchmarks.figures() { emit(name: "cnn", figure.metric, figure.value, figure.label) }
    for figure in try CNNLookBenchmarks.figures() { emit(name: "cnn", figure.metric, figure.value, figure.label) }
    emit(.c2, "timeline_seek_ms", try TimelineBenchmarks.seekMilliseconds(), "ms: the slowest of 20 random seeks in a 10,000-epoch run")
    emit(.c2, "history_bytes", Double(try TimelineBenchmarks.historyBytes()), "bytes the history of a 100,000-epoch run keeps")
  }

  func emit(_ config: BenchmarkConfig, _ metric: String, _ value: Double, _ label: String) {
    emit(name: config.rawValue, metric, value, label)
  }

  func emit(name config: String, _ metric: String, _ value: Double, _ label: String) {
    if json {
      var line = JSONLine()
      line.add("config", config)
      line.add("metric", metric)
      line.add("value", (value * 1000).rounded() / 1000)
      print(line.text)
    } else {
      print("\(config.uppercased())  \(String(format: "%10.3f", value))  \(label)")
    }
    fflush(nil)
  }
}
