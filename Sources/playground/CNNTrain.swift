import ArgumentParser
import Datasets
import Engine
import Foundation
import Localization
import PlaygroundCore
import SessionKit
import Training

extension ShapeVariation: ExpressibleByArgument {}

/// The flags of a shapes (CNN) session, shared by `train --dataset shapes` and `cam`.
struct ShapesOptions: ParsableArguments {
  @Option(
    help:
      "With --dataset shapes: comma-separated classes from \(ShapeKind.allNames) (default: circle,square,triangle,cross)."
  )
  var shapes: String?
  @Option(
    help: """
      With --dataset shapes: filters per conv layer, e.g. 8,16. Each layer is a 5×5 convolution, \
      ReLU and a 2×2 max pool; the last layer pools 3×3 (8,16 is the reference CNN).
      """)
  var convLayers: String?
  @Option(
    help: "With --dataset shapes: how much images of a class differ: none, low, moderate (default), strong.")
  var variation: ShapeVariation?
  @Option(
    parsing: .unconditional,
    help: "With --dataset shapes: adversarial training, the share (0 to 1) of each batch replaced by FGSM images.")
  var adversarialShare: Double?
  @Option(
    parsing: .unconditional,
    help: "With --dataset shapes: the FGSM ε of adversarial training, 0 to 1 (default 0.1).")
  var adversarialEpsilon: Double?

  /// True when any shapes flag was given.
  var isSet: Bool {
    shapes != nil || convLayers != nil || variation != nil || adversarialShare != nil || adversarialEpsilon != nil
  }

  /// The session settings from these flags and the shared ones; throws a UsageError naming the flag.
  func makeConfig(seed: UInt64, trainRatio: Int, learningRate: Double, batchSize: Int) throws -> CNNConfig {
    var config = CNNConfig()
    config.seed = seed
    config.trainRatio = trainRatio
    config.learningRate = learningRate
    config.batchSize = batchSize
    if let variation { config.variation = variation }
    if let shapes {
      config.shapes = try shapes.split(separator: ",", omittingEmptySubsequences: false).map {
        let name = $0.trimmingCharacters(in: .whitespaces)
        guard let kind = ShapeKind(rawValue: name) else {
          throw UsageError(message: tr("--shapes: unknown shape '{1}'; allowed: {2}", name, ShapeKind.allNames))
        }
        return kind
      }
    }
    if let convLayers {
      config.convLayers = try convLayers.split(separator: ",", omittingEmptySubsequences: false).map {
        guard let n = Int($0.trimmingCharacters(in: .whitespaces)) else {
          throw UsageError(message: tr("--conv-layers: '{1}' is not a whole number of filters; use e.g. 8,16", $0))
        }
        return n
      }
    }
    config.adversarialTraining = try adversarialTraining()
    do {
      try config.validate()
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    return config
  }

  /// The adversarial-training setting from its two flags (nil when off).
  func adversarialTraining() throws -> AdversarialTraining? {
    if let share = adversarialShare, !(share.isFinite && AdversarialTraining.shareRange.contains(share)) {
      throw UsageError(message: tr("--adversarial-share must be a number from 0 to 1, got {1}", share))
    }
    if let eps = adversarialEpsilon, !(eps.isFinite && AdversarialTraining.epsilonRange.contains(eps)) {
      throw UsageError(message: tr("--adversarial-epsilon must be a number from 0 to 1, got {1}", eps))
    }
    guard let share = adversarialShare else {
      if adversarialEpsilon != nil { throw UsageError(message: tr("--adversarial-epsilon needs --adversarial-share")) }
      return nil
    }
    return share > 0 ? AdversarialTraining(share: share, epsilon: adversarialEpsilon ?? 0.1) : nil
  }
}

/// `playground train --dataset shapes`: trains a CNN on shape images and prints the same result
/// line as a 2-D run, plus the test accuracy of every class. Also `train --load` of a CNN session.
struct CNNTrain {
  var experiment: CNNExperiment
  var history: TrainingHistory
  /// A loaded session's run (its recorded history continues).
  var loaded: TrainingRun<CNNExperiment>?
  /// The canvas of a loaded session, saved back unchanged.
  var drawing = CNNSessionFile.blankDrawing
  var epochs: Int
  var json: Bool
  var save: String?
  /// Prints no progress (`compare` prints only results).
  var quiet = false

  /// A new session from the flags.
  init(
    options: ConfigOptions, shapes: ShapesOptions, imports: ImportOptions, epochs: Int,
    json: Bool, save: String?, unsupported: [(flag: String, given: Bool)]
  ) throws {
    experiment = try CNNTrain.experiment(
      options: options, shapes: shapes, imports: imports, unsupported: unsupported, save: save)
    history = TrainingHistory()
    history.record(epoch: experiment.epoch, evaluation: experiment.measure())
    self.epochs = epochs
    self.json = json
    self.save = save
  }

  /// A saved session, to train on (`train --load FILE`).
  init(session: CNNSessionFile, path: String, epochs: Int, json: Bool, save: String?) throws {
    if let save { try SessionCLI.checkWritable(save, flag: "--save") }
    do {
      let run = try session.run()
      loaded = run
      experiment = run.session
    } catch {
      throw UsageError(message: "--load: \(SessionError(path: path, error.message))")
    }
    history = session.history
    drawing = session.drawing
    self.epochs = epochs
    self.json = json
    self.save = save
  }

  /// The experiment the shapes flags describe. Checks the flags: `--dataset shapes` must be
  /// given, and 2-D-only flags must not be; every imported PNG is read and checked, and `save`
  /// must be writable, before any training.
  static func experiment(
    options: ConfigOptions, shapes: ShapesOptions, imports: ImportOptions,
    unsupported: [(flag: String, given: Bool)], save: String? = nil
  ) throws -> CNNExperiment {
    guard options.isShapes else {
      let given: [(String, Bool)] = [
        ("--shapes", shapes.shapes != nil), ("--conv-layers", shapes.convLayers != nil),
        ("--variation", shapes.variation != nil), ("--import-pngs", !imports.folders.isEmpty),
        ("--adversarial-share", shapes.adversarialShare != nil),
        ("--adversarial-epsilon", shapes.adversarialEpsilon != nil),
      ]
      let flag = given.first(where: { $0.1 })?.0 ?? "--class-name"
      throw UsageError(message: tr("{1} needs --dataset shapes", flag))
    }
    let twoD: [(String, Bool)] = [
      ("--problem", options.problem != nil), ("--noise", options.noise != 0),
      ("--features", options.features != "x1,x2"),
      ("--hidden-layers", options.hiddenLayers != "4,2"), ("--activation", options.activation != .tanh),
      ("--regularization", options.regularization != .none),
      ("--regularization-rate", options.regularizationRate != 0),
      ("--init", options.initialization != .playground), ("--csv", options.csv != nil),
    ]
    if let bad = (twoD + unsupported.map { ($0.flag, $0.given) }).first(where: { $0.1 }) {
      throw UsageError(message: tr("{1} does not apply to --dataset shapes", bad.0))
    }
    if imports.folders.isEmpty && !imports.className.isEmpty {
      throw UsageError(message: tr("--class-name names an --import-pngs folder; give the folder too"))
    }
    var config = try shapes.makeConfig(
      seed: options.seed, trainRatio: options.trainRatio, learningRate: options.learningRate,
      batchSize: options.batchSize)
    config.learningSettings = try options.learningSettings()
    if let save { try SessionCLI.checkWritable(save, flag: "--save") }
    let imported = try imports.load()
    do {
      return try CNNExperiment(config: config, imported: imported)
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
  }

  func run() throws {
    print(try execute())
  }

  /// Trains, printing progress unless `quiet`; returns the result line.
  func execute() throws -> String {
    // Training goes through the run's timeline, so a saved session records its history.
    var run = loaded ?? TrainingRun(experiment, speed: .cnnDefault, history: history)
    if let note = EpochLimit.note(epochs: epochs, from: run.session.epoch) { Playground.report("note: \(note)") }
    let epochs = EpochLimit.room(for: epochs, from: run.session.epoch)
    try TrainingBudget.check(run.session, epochs: epochs)
    let tenth = max(1, (epochs + 9) / 10)
    var done = 0
    while done < epochs && run.session.divergence == nil {
      let slice = min(tenth, epochs - done)
      run.advance(epochs: slice)
      done += slice
      if run.session.divergence != nil { break }
      let evaluation = run.session.measure()
      run.history.record(epoch: run.session.epoch, evaluation: evaluation)
      if json && !quiet {
        var line = JSONLine()
        line.add("epoch", run.session.epoch)
        line.add("trainLoss", evaluation.train.loss)
        line.add("testLoss", evaluation.test.loss)
        print(line.text)
      } else if !quiet {
        print(
          "epoch \(run.session.epoch)/\(epochs)  train loss \(Train.format(evaluation.train.loss))  "
            + "test loss \(Train.format(evaluation.test.loss))")
      }
      fflush(nil)
    }
    let evaluation = run.session.measure()
    run.noteDivergence()
    let experiment = run.session
    if let save {
      let session = CNNSessionFile(run: run, drawing: drawing)
      do {
        try SessionFile.write(.cnn(session), to: save)
      } catch {
        throw UsageError(message: "--save: \(error.description)")
      }
    }
    return CNNTrain.resultLine(experiment: experiment, evaluation: evaluation, json: json)
  }

  /// The result: the 2-D run's keys, the session's shape settings and per-class test accuracy.
  static func resultLine(experiment: CNNExperiment, evaluation: CNNEvaluation, json: Bool) -> String {
    let names = experiment.classNames
    if json {
      var line = JSONLine()
      line.add("epoch", experiment.epoch)
      line.add("trainLoss", evaluation.train.loss)
      line.add("testLoss", evaluation.test.loss)
      line.add("trainAccuracy", evaluation.train.accuracy)
      line.add("testAccuracy", evaluation.test.accuracy)
      line.add("diverged", experiment.divergence != nil)
      if let reason = experiment.divergence { line.add("divergence", reason) }
      line.add("weightsChecksum", experiment.network.checksum)
      line.add("dataset", "shapes")
      line.add("shapes", raw: "[" + names.map(JSONLine.quote).joined(separator: ",") + "]")
      line.add(
        "convLayers", raw: "[" + experiment.config.convLayers.map(String.init).joined(separator: ",") + "]")
      line.add("variation", experiment.config.variation.rawValue)
      if let adversarial = experiment.config.adversarialTraining {
        line.add("adversarialTraining", raw: "{\"share\":\(adversarial.share),\"epsilon\":\(adversarial.epsilon)}")
      }
      if !experiment.imported.isEmpty {
        let imported = experiment.imported.map { JSONLine.quote($0.name) }
        line.add("importedClasses", raw: "[" + imported.joined(separator: ",") + "]")
      }
      line.add("trainImages", experiment.train.count)
      line.add("testImages", experiment.test.count)
      var perClass = JSONLine()
      for (name, accuracy) in zip(names, evaluation.test.classAccuracy) { perClass.add(name, accuracy) }
      line.add("classAccuracy", raw: perClass.text)
      return line.text
    }
    var text =
      "epoch \(experiment.epoch)  train loss \(Train.format(evaluation.train.loss))  test loss "
      + "\(Train.format(evaluation.test.loss))  train accuracy \(Train.format(evaluation.train.accuracy))  "
      + "test accuracy \(Train.format(evaluation.test.accuracy))"
    text +=
      "\ntest accuracy per class: "
      + zip(names, evaluation.test.classAccuracy).map { "\($0) \(Train.format($1))" }.joined(separator: ", ")
    if let reason = experiment.divergence {
      text += "\nTraining diverged: \(reason). Try a smaller learning rate."
    }
    return text + "\nweights checksum \(experiment.network.checksum)"
  }
}
