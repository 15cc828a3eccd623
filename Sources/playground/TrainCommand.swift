import ArgumentParser
import Datasets
import Engine
import Foundation
import Localization
import PlaygroundCore
import SessionKit
import Training

/// `playground train`: trains headless and reports progress and the result.
struct Train: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train a network without a window and print the result.")

  @OptionGroup var config: ConfigOptions
  @Option(help: "Epochs to train (0 or more).")
  var epochs: Int = 500
  @Option(help: "Write the decision boundary with the points as a PNG.")
  var png: String?
  @Flag(help: "Print one JSON object per line; the last one is the result.")
  var json = false
  @Option(help: "Continue from a saved session (its settings, data, weights and epoch).")
  var load: String?
  @Option(help: "After training, save the session to this file (written atomically).")
  var save: String?
  /// The flags of `--dataset shapes`.
  @OptionGroup var shapes: ShapesOptions
  @OptionGroup var imports: ImportOptions

  func run() throws {
    let result = try execute(quiet: false)
    print(result)
  }

  /// Trains as the flags say; prints progress unless `quiet`; returns the result line.
  func execute(quiet: Bool) throws -> String {
    guard epochs >= 0 && epochs <= 10_000_000 else {
      throw UsageError(message: tr("--epochs must be from 0 to 10000000, got {1}", epochs))
    }
    let cnnFlags = config.isShapes || shapes.isSet || imports.isSet
    var loaded: SessionFile?
    if let load {
      if cnnFlags {
        throw UsageError(
          message: "--load takes the settings and data from the file; remove --dataset shapes and its flags")
      }
      loaded = try SessionCLI.read(load, settings: config)
    }
    if case .cnn(let session) = loaded, let load {  // continue a CNN session: CNNTrain.swift
      if png != nil { throw UsageError(message: tr("--png does not apply to a CNN session")) }
      var train = try CNNTrain(session: session, path: load, epochs: epochs, json: json, save: save)
      train.quiet = quiet
      return try train.execute()
    }
    if cnnFlags {  // a CNN on shape images: CNNTrain.swift
      var train = try CNNTrain(
        options: config, shapes: shapes, imports: imports, epochs: epochs,
        json: json, save: save, unsupported: [(flag: "--png", given: png != nil)]
      )
      train.quiet = quiet
      return try train.execute()
    }
    if let save { try SessionCLI.checkWritable(save, flag: "--save") }
    if let png { try SessionCLI.checkWritable(png, flag: "--png") }
    // Training goes through the run's timeline, so a saved session records its history.
    var run = try SessionCLI.startRun(loaded: loaded, path: load, settings: config)
    if let note = EpochLimit.note(epochs: epochs, from: run.session.epoch) { Playground.report("note: \(note)") }
    let epochs = EpochLimit.room(for: epochs, from: run.session.epoch)
    try TrainingBudget.check(run.session, epochs: epochs)
    let progress = ProgressReporter(total: epochs, json: json)
    progress.quiet = quiet
    progress.offset = run.session.epoch
    var done = 0
    while done < epochs && run.session.divergence == nil {
      let slice = progress.nextSlice(done: done)
      run.advance(epochs: slice)
      done += slice
      if run.session.divergence != nil { break }
      let evaluation = run.session.measure()
      run.history.record(epoch: run.session.epoch, evaluation: evaluation)
      progress.report(epoch: run.session.epoch, evaluation: evaluation, classCount: run.session.classCount)
    }
    let evaluation = run.session.measure()
    run.noteDivergence()
    progress.finish()
    let experiment = run.session
    if let png {
      try BoundaryPNG.write(experiment: experiment, to: png)
    }
    if let save { try SessionCLI.save(run, to: save, flag: "--save") }
    return Train.resultLine(experiment: experiment, evaluation: evaluation, json: json)
  }

  /// The result: a JSON object with --json, otherwise a readable summary.
  static func resultLine(experiment: Experiment, evaluation: Evaluation, json: Bool) -> String {
    let classification = experiment.classCount > 0
    if json {
      var line = JSONLine()
      line.add("epoch", experiment.epoch)
      line.add("trainLoss", evaluation.train.loss)
      line.add("testLoss", evaluation.test.loss)
      if classification {
        line.add("trainAccuracy", evaluation.train.accuracy)
        line.add("testAccuracy", evaluation.test.accuracy)
      }
      line.add("diverged", experiment.divergence != nil)
      if let reason = experiment.divergence { line.add("divergence", reason) }
      line.add("weightsChecksum", experiment.network.checksum)
      line.add("dataset", experiment.config.dataset.rawValue)
      line.add("trainPoints", experiment.train.count)
      line.add("testPoints", experiment.test.count)
      return line.text
    }
    var text = "epoch \(experiment.epoch)  train loss \(format(evaluation.train.loss))  test loss \(format(evaluation.test.loss))"
    if classification {
      text += "  train accuracy \(format(evaluation.train.accuracy))  test accuracy \(format(evaluation.test.accuracy))"
    }
    if let reason = experiment.divergence {
      text += "\nTraining diverged: \(reason). Try a smaller learning rate."
    }
    return text + "\nweights checksum \(experiment.network.checksum)"
  }

  static func format(_ x: Float) -> String {
    x.isFinite ? String(format: "%.4f", Double(x)) : "NaN"
  }
}

/// Progress while training: a live bar on a terminal, otherwise a line per 10% of the epochs.
final class ProgressReporter {
  let total: Int
  let json: Bool
  let interactive: Bool
  var lastDraw = Date.distantPast
  /// The epoch training started from (a loaded session's); reports count from it.
  var offset = 0
  /// Prints nothing (`compare` prints only results).
  var quiet = false

  init(total: Int, json: Bool) {
    self.total = total
    self.json = json
    interactive = !json && isatty(STDOUT_FILENO) != 0
  }

  /// Epochs to train before the next report: a tenth of the run, or less for a live bar.
  func nextSlice(done: Int) -> Int {
    let tenth = max(1, (total + 9) / 10)
    let slice = interactive ? max(1, min(tenth, 50)) : tenth
    return min(slice, total - done)
  }

  func report(epoch: Int, evaluation: Evaluation, classCount: Int) {
    if quiet { return }
    if interactive {
      guard Date().timeIntervalSince(lastDraw) > 0.05 || epoch == offset + total else { return }
      lastDraw = Date()
      let width = 30
      let filled = total == 0 ? width : width * (epoch - offset) / total
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      print("\r[\(bar)] epoch \(epoch)/\(offset + total)  loss \(Train.format(evaluation.train.loss)) ", terminator: "")
      fflush(nil)
    } else if json {
      var line = JSONLine()
      line.add("epoch", epoch)
      line.add("trainLoss", evaluation.train.loss)
      line.add("testLoss", evaluation.test.loss)
      print(line.text)
    } else {
      print("epoch \(epoch)/\(offset + total)  train loss \(Train.format(evaluation.train.loss))  test loss \(Train.format(evaluation.test.loss))")
    }
  }

  func finish() {
    if interactive && !quiet { print("") }
  }
}
