import ArgumentParser
import Datasets
import Engine
import Foundation
import Localization
import Training

/// The flags that make and train a shapes session for a command that then looks inside it
/// (`attack`, `units`, `embed`): the shapes flags, the shared training flags and `--epochs`.
struct CNNRunOptions: ParsableArguments {
  @Option(help: "The dataset (works on shapes).")
  var dataset: DatasetChoice = .shapes
  @OptionGroup var shapeFlags: ShapesOptions
  @Option(parsing: .unconditional, help: "Epochs to train first (0 or more).")
  var epochs = 20
  @OptionGroup var training: CNNTrainingFlags

  /// The random seed (`--seed`), which the commands also give their own searches.
  var seed: UInt64 { training.seed }

  /// The session's config from the flags; throws a UsageError naming a bad flag.
  func config() throws -> CNNConfig { try training.config(shapeFlags) }

  /// The session these flags describe, trained `--epochs` epochs; throws a UsageError naming a
  /// bad flag.
  func trainedExperiment(command: String) throws -> CNNExperiment {
    guard dataset == .shapes else {
      throw UsageError(message: tr("--dataset: {1} works on shapes only, got '{2}'", command, dataset.name))
    }
    try CNNRunOptions.checkEpochs(epochs)
    var experiment = try CNNRunOptions.newExperiment(config(), epochs: epochs)
    experiment.train(epochs: epochs)
    _ = experiment.measure()
    return experiment
  }

  /// `--epochs` from 0 to 100000.
  static func checkEpochs(_ epochs: Int) throws {
    guard epochs >= 0 && epochs <= 100_000 else {
      throw UsageError(message: tr("--epochs must be from 0 to 100000, got {1}", epochs))
    }
  }

  /// A fresh session for `config` whose `epochs` fit the training budget; throws a UsageError
  /// naming the bad flag.
  static func newExperiment(_ config: CNNConfig, epochs: Int) throws -> CNNExperiment {
    let experiment: CNNExperiment
    do {
      experiment = try CNNExperiment(config: config)
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    try TrainingBudget.check(experiment, epochs: epochs)
    return experiment
  }

  /// Refuses an `--out` that names a file (a missing folder is fine: it is made later).
  static func checkNotAFile(_ out: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) && !isDirectory.boolValue {
      throw UsageError(message: tr("--out: '{1}' is a file, not a folder", out))
    }
  }

  /// The folder `--out` names, created; throws a UsageError when it is a file or cannot be made.
  static func makeFolder(_ out: String) throws {
    try checkNotAFile(out)
    do {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    } catch {
      throw UsageError(message: tr("--out: cannot create '{1}': {2}", out, error.localizedDescription))
    }
  }

  /// `folder/name`.
  static func path(_ folder: String, _ name: String) -> String {
    URL(fileURLWithPath: folder).appendingPathComponent(name).path
  }

  /// The class index of a class name of the session; throws a UsageError for `flag`.
  static func classIndex(_ name: String, in experiment: CNNExperiment, flag: String) throws -> Int {
    guard let i = experiment.classNames.firstIndex(of: name) else {
      throw UsageError(
        message: "\(flag): no class '\(name)'; this session has \(experiment.classNames.joined(separator: ", "))")
    }
    return i
  }

  /// A layer number (0 pixels, 1… conv, last dense) checked against the network.
  static func checkLayer(_ layer: Int, in shape: CNNShape, allowPixels: Bool) throws {
    let low = allowPixels ? 0 : 1
    guard (low...shape.denseLayer).contains(layer) else {
      throw UsageError(
        message:
          "--layer must be from \(low) to \(shape.denseLayer) (0 the pixels, 1…\(shape.convs.count) the conv layers, "
          + "\(shape.denseLayer) the dense layer), got \(layer)")
    }
  }
}

/// The training flags every shapes command shares, listed after `--epochs` in each help.
struct CNNTrainingFlags: ParsableArguments {
  @Option(
    parsing: .unconditional, help: "The random seed (an integer ≥ 0): the same seed gives the same run.")
  var seed: UInt64 = 0
  @Option(parsing: .unconditional, help: "Percent of the images used for training, 10 to 90.")
  var trainRatio = 50
  @Option(parsing: .unconditional, help: "Learning rate, > 0 and at most 10.")
  var learningRate = 0.03
  @Option(parsing: .unconditional, help: "Examples per weight update, 1 to 500.")
  var batchSize = 10

  /// The session's config from these and the shapes flags; throws a UsageError naming a bad flag.
  func config(_ shapes: ShapesOptions) throws -> CNNConfig {
    try shapes.makeConfig(seed: seed, trainRatio: trainRatio, learningRate: learningRate, batchSize: batchSize)
  }
}
