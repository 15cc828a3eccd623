import ArgumentParser
import Datasets
import Foundation
import Localization
import PlaygroundCore
import SessionKit
import Training

/// `playground export`: the session as a PyTorch or numpy script, or its points as CSV.
struct Export: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Write a session as a PyTorch or numpy script, or its points as CSV.",
    discussion: """
      Start from a saved session (--load FILE) or from the train flags (--dataset, --epochs, …). \
      `python3 OUT.py --check` compares the script's predictions on the test points with the \
      playground's; `python3 OUT.py --train N` (PyTorch) trains on with the playground's SGD. \
      Nothing is written when an input is bad.
      """)

  @OptionGroup var settings: ConfigOptions
  @Option(help: "Start from a saved session instead of the train flags.")
  var load: String?
  @Option(help: "Epochs to train before exporting (0 or more; with --load, more epochs).")
  var epochs: Int = 0
  @Option(help: "Write a standalone PyTorch script (python3 FILE --check | --train N).")
  var pytorch: String?
  @Option(help: "Write a forward-only numpy script (python3 FILE --check).")
  var numpy: String?
  @Option(help: "Write the points as CSV (x,y,label): the training points, then the test points.")
  var saveCsv: String?
  /// The flags of `--dataset shapes`.
  @OptionGroup var shapes: ShapesOptions
  @OptionGroup var imports: ImportOptions

  func run() throws {
    let outputs = [("--pytorch", pytorch), ("--numpy", numpy), ("--save-csv", saveCsv)].compactMap {
      flag, path in
      path.map { (flag: flag, path: $0) }
    }
    guard !outputs.isEmpty else {
      throw UsageError(message: tr("export needs at least one of --pytorch FILE, --numpy FILE, --save-csv FILE"))
    }
    guard epochs >= 0 && epochs <= 10_000_000 else {
      throw UsageError(message: tr("--epochs must be from 0 to 10000000, got {1}", epochs))
    }
    var seen: [String: String] = [:]
    if let load { seen[SessionCLI.identity(load)] = "--load" }
    for output in outputs {
      if let other = seen[SessionCLI.identity(output.path)] {
        throw UsageError(
          message: "\(output.flag): '\(output.path)' is also the \(other) file; give another name")
      }
      seen[SessionCLI.identity(output.path)] = output.flag
      try SessionCLI.checkWritable(output.path, flag: output.flag)
    }
    let cnnFlags = settings.isShapes || shapes.isSet || imports.isSet
    var loaded: SessionFile?
    if let load {
      if cnnFlags {
        throw UsageError(
          message: "--load takes the settings and data from the file; remove --dataset shapes and its flags")
      }
      loaded = try SessionCLI.read(load, settings: settings)
    }
    var cnn: CNNExperiment?
    if case .cnn(let session) = loaded, let load {
      do {
        cnn = try CNNExperiment(restoring: session)
      } catch {
        throw UsageError(message: "--load: \(SessionError(path: load, error.message))")
      }
    } else if cnnFlags {
      cnn = try CNNTrain.experiment(
        options: settings, shapes: shapes, imports: imports, unsupported: [])
    }
    if var cnn {
      if saveCsv != nil {
        throw UsageError(
          message:
            "--save-csv writes 2-D points; a CNN session has images (export it with --pytorch or --numpy)")
      }
      try TrainingBudget.check(cnn, epochs: epochs)
      cnn.train(epochs: epochs)
      _ = cnn.measure()
      for output in outputs {
        let name = (output.path as NSString).lastPathComponent
        let script =
          output.flag == "--pytorch"
          ? PythonExport.pytorch(cnn, scriptName: name) : PythonExport.numpy(cnn, scriptName: name)
        try SessionCLI.write(script, to: output.path, flag: output.flag, mode: 0o755)
        Playground.say("wrote \(output.path)")
      }
      return
    }
    var (experiment, _) = try SessionCLI.start(loaded: loaded, path: load, settings: settings)
    try TrainingBudget.check(experiment, epochs: epochs)
    experiment.train(epochs: epochs)
    _ = experiment.measure()
    for output in outputs {
      let name = (output.path as NSString).lastPathComponent
      switch output.flag {
      case "--pytorch":
        try SessionCLI.write(
          PythonExport.pytorch(experiment, scriptName: name), to: output.path, flag: output.flag, mode: 0o755)
      case "--numpy":
        try SessionCLI.write(
          PythonExport.numpy(experiment, scriptName: name), to: output.path, flag: output.flag, mode: 0o755)
      default:
        try SessionCLI.write(DatasetCSV.text(experiment), to: output.path, flag: output.flag, mode: 0o644)
      }
      Playground.say("wrote \(output.path)")
    }
  }
}

/// `--load FILE` and `--save FILE` for the commands: messages name the flag, exit code 2.
enum SessionCLI {
  /// The experiment and its charts from a loaded 2-D session, or from the config flags when there
  /// is none.
  static func start(loaded: SessionFile?, path: String?, settings: ConfigOptions) throws
    -> (Experiment, TrainingHistory)
  {
    if let loaded, let path { return try restore(loaded, path: path) }
    let (config, points) = try settings.makeConfig()
    var experiment: Experiment
    do {
      experiment = try Experiment(config: config, customPoints: points)
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    var history = TrainingHistory()
    history.record(epoch: 0, evaluation: experiment.measure())
    return (experiment, history)
  }

  /// The 2-D run `train` continues: a loaded session's (its history included) or a new one from
  /// the flags.
  static func startRun(loaded: SessionFile?, path: String?, settings: ConfigOptions) throws -> TrainingRun<Experiment> {
    if case .dense2d(let dense) = loaded, let path {
      do {
        return try dense.run()
      } catch {
        throw UsageError(message: "--load: \(path): \(error.message)")
      }
    }
    let (experiment, _) = try start(loaded: loaded, path: path, settings: settings)
    return TrainingRun(experiment, speed: .denseDefault)
  }

  /// A 2-D session's experiment and charts.
  static func restore(_ session: SessionFile, path: String) throws -> (Experiment, TrainingHistory) {
    switch session {
    case .dense2d(let dense):
      do {
        return (try Experiment(restoring: dense), dense.history)
      } catch {
        throw UsageError(message: "--load: \(SessionError(path: path, error.message))")
      }
    case .cnn:
      throw UsageError(message: tr("--load: {1} holds a CNN session, which this command cannot use", path))
    }
  }

  /// The window's state for `--load`: a 2-D session, or a CNN session shown in CNN mode.
  static func loadState(_ path: String, settings: ConfigOptions) throws -> AppState {
    let session = try read(path, settings: settings)
    do {
      switch session {
      case .dense2d(let dense): return try AppState(session: dense)
      case .cnn(let cnn): return try AppState(cnnSession: cnn)
      }
    } catch {
      throw UsageError(message: "--load: \(SessionError(path: path, error.message))")
    }
  }

  /// Reads a session; the file supplies every setting, so config flags are refused.
  static func read(_ path: String, settings: ConfigOptions) throws -> SessionFile {
    let given = settings.flagsGiven()
    if !given.isEmpty {
      throw UsageError(
        message: "--load takes the settings and data from the file; remove \(given.joined(separator: ", "))")
    }
    do {
      return try SessionFile.read(path)
    } catch {
      throw UsageError(message: "--load: \(error.description)")
    }
  }

  /// Fails before any work when `path` cannot be written.
  static func checkWritable(_ path: String, flag: String) throws {
    do {
      try SessionFile.checkWritable(path)
    } catch {
      throw UsageError(message: "\(flag): \(error.description)")
    }
  }

  /// Saves a 2-D run (its history included) atomically.
  static func save(_ run: TrainingRun<Experiment>, to path: String, flag: String) throws {
    do {
      try SessionFile.write(.dense2d(DenseSessionFile(run: run)), to: path)
    } catch {
      throw UsageError(message: "\(flag): \(error.description)")
    }
  }

  /// Saves a session atomically.
  static func save(_ experiment: Experiment, history: TrainingHistory, to path: String, flag: String) throws {
    do {
      try SessionFile.write(.dense2d(DenseSessionFile(experiment: experiment, history: history)), to: path)
    } catch {
      throw UsageError(message: "\(flag): \(error.description)")
    }
  }

  /// Writes text atomically.
  static func write(_ text: String, to path: String, flag: String, mode: mode_t) throws {
    do {
      try SessionFile.writeAtomically(Array(text.utf8), to: path, mode: mode)
    } catch {
      throw UsageError(message: "\(flag): \(error.description)")
    }
  }

  /// A path with `.`, `..` and symbolic links resolved, to tell whether two names are one file.
  static func identity(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}

extension ConfigOptions {
  /// The config flags on the command line (`--dataset`, `--seed`, …), in the order declared.
  func flagsGiven(in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> [String] {
    let words = arguments.prefix { $0 != "--" }
    return Mirror(reflecting: self).children.compactMap { child -> String? in
      guard let label = child.label else { return nil }
      let flag = ConfigOptions.flag(for: label.hasPrefix("_") ? String(label.dropFirst()) : label)
      return words.contains { $0 == flag || $0.hasPrefix(flag + "=") } ? flag : nil
    }
  }
}
