import ArgumentParser
import Datasets
import Foundation
import PlaygroundCore

/// `playground export`: the session as a PyTorch or numpy script, or its points as CSV.
struct Export: ParsableCommand {
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

  func run() throws {
    let outputs = [("--pytorch", pytorch), ("--numpy", numpy), ("--save-csv", saveCsv)].compactMap {
      flag, path in
      path.map { (flag: flag, path: $0) }
    }
    guard !outputs.isEmpty else {
      throw UsageError(message: "export needs at least one of --pytorch FILE, --numpy FILE, --save-csv FILE")
    }
    guard epochs >= 0 && epochs <= 10_000_000 else {
      throw UsageError(message: "--epochs must be from 0 to 10000000, got \(epochs)")
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
    var (experiment, _) = try SessionCLI.start(load: load, settings: settings)
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
      print("wrote \(output.path)")
    }
  }
}

/// `--load FILE` and `--save FILE` for the commands: messages name the flag, exit code 2.
enum SessionCLI {
  /// The experiment and its charts from `--load`, or from the config flags when there is none.
  static func start(load: String?, settings: ConfigOptions) throws -> (Experiment, TrainingHistory) {
    if let load { return try self.load(load, settings: settings) }
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

  /// Reads a 2-D session; the file supplies every setting, so config flags are refused.
  static func load(_ path: String, settings: ConfigOptions) throws -> (Experiment, TrainingHistory) {
    let session = try read(path, settings: settings)
    do {
      return (try Experiment(restoring: session), session.history)
    } catch {
      throw UsageError(message: "--load: \(SessionError(path: path, error.message))")
    }
  }

  /// The window's state for `--load`.
  static func loadState(_ path: String, settings: ConfigOptions) throws -> AppState {
    let session = try read(path, settings: settings)
    do {
      return try AppState(session: session)
    } catch {
      throw UsageError(message: "--load: \(SessionError(path: path, error.message))")
    }
  }

  static func read(_ path: String, settings: ConfigOptions) throws -> DenseSession {
    let given = settings.flagsGiven()
    if !given.isEmpty {
      throw UsageError(
        message: "--load takes the settings and data from the file; remove \(given.joined(separator: ", "))")
    }
    do {
      switch try SessionFile.read(path) {
      case .dense2d(let dense): return dense
      }
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

  /// Saves a session atomically.
  static func save(_ experiment: Experiment, history: TrainingHistory, to path: String, flag: String) throws {
    do {
      try SessionFile.write(.dense2d(DenseSession(experiment: experiment, history: history)), to: path)
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
