import ArgumentParser
import Datasets
import Engine
import Foundation
import Localization
import PlaygroundCore
import SafeIO
import SDLFrontend
import Training
import Visualization

extension CNNObjective: ExpressibleByArgument {}
extension CAMStart: ExpressibleByArgument {}

/// `playground cam`: trains a CNN on shape images, then makes, for every class, the image that
/// class likes best (class activation maximization), writes it as a PNG and prints a JSON line.
///
/// Numeric flags parse `.unconditional`ly, as in `ConfigOptions`: `--jitter -1` reports the range.
struct Cam: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train a CNN on shape images and draw the image each class likes best.",
    discussion: """
      For every class, gradient ascent on the input image raises the class's score; the result \
      is written to DIR/cam-CLASS.png (auto-contrast grayscale) and one JSON line per class gives \
      its final probability and |Pearson r| similarity to the class's clean template. \
      ShapeShop's ascent is --l2-decay 0 --blur-every 0 --jitter 0 --edge-fade 0 --stop-probability 0.99.
      """)

  @Option(help: "The dataset (cam works on shapes).")
  var dataset: DatasetChoice = .shapes
  @OptionGroup var shapeFlags: ShapesOptions
  @Option(parsing: .unconditional, help: "Epochs to train before the ascent (0 or more).")
  var epochs = 20
  @OptionGroup var training: CNNTrainingFlags
  @Option(help: "Folder for the PNGs (created if missing).")
  var out: String

  @Option(help: "The score to raise: probability (as ShapeShop) or logit.")
  var objective = CAMSettings().objective
  @Option(help: "The start image: zeros, gray or noise.")
  var start = CAMSettings().start
  @Option(
    parsing: .unconditional,
    help: "Step size: each step moves pixels by about this much (gradient / RMS · step).")
  var stepSize = CAMSettings().stepSize
  @Option(parsing: .unconditional, help: "L2 decay per step, 0 to below 1.")
  var l2Decay = CAMSettings().l2Decay
  @Option(parsing: .unconditional, help: "Blur every this many steps (0 = never).")
  var blurEvery = CAMSettings().blurEvery
  @Option(parsing: .unconditional, help: "Jitter in pixels, 0 to 8.")
  var jitter = CAMSettings().jitter
  @Option(parsing: .unconditional, help: "Iteration cap, 1 to 100000.")
  var maxSteps = CAMSettings().maxSteps
  @Option(
    parsing: .unconditional, help: "With --objective probability: stop once p exceeds this (ShapeShop: 0.99)."
  )
  var stopProbability: Float?
  @Option(parsing: .unconditional, help: "Starts run side by side, the clearest winner kept, 1 to 16.")
  var starts = CAMSettings().starts
  @Option(parsing: .unconditional, help: "Jittered copies averaged per step, 1 to 16.")
  var jitterSamples = CAMSettings().jitterSamples
  @Option(parsing: .unconditional, help: "Steps at half resolution first (0 or more).")
  var coarseSteps = CAMSettings().coarseSteps
  @Option(parsing: .unconditional, help: "Total-variation weight, 0 to 10.")
  var tvWeight = CAMSettings().tvWeight
  @Option(parsing: .unconditional, help: "Centre the picture every this many steps (0 = never).")
  var centerEvery = CAMSettings().centerEvery
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(tr("How much the pixels away from the middle fade each step, 0 (never) to 1.")))
  var edgeFade = CAMSettings().edgeFade
  @Flag(help: "Let pixels leave [0, 1].")
  var noClamp = false
  @Option(parsing: .unconditional, help: "PNG enlargement, 1 to 32.")
  var scale = 8

  func run() throws {
    guard dataset == .shapes else {
      throw UsageError(message: tr("--dataset: cam works on shapes only, got '{1}'", dataset.name))
    }
    try CNNRunOptions.checkEpochs(epochs)
    guard (1...32).contains(scale) else {
      throw UsageError(message: tr("--scale must be from 1 to 32, got {1}", scale))
    }
    let config = try training.config(shapeFlags)
    let settings = try camSettings()
    try CNNRunOptions.checkNotAFile(out)
    var experiment = try CNNRunOptions.newExperiment(config, epochs: epochs)
    try CNNRunOptions.makeFolder(out)
    for kind in config.shapes {  // before training: a read-only folder must not cost the run
      try SessionCLI.checkWritable(CNNRunOptions.path(out, "cam-\(kind.rawValue).png"), flag: "--out")
    }
    experiment.train(epochs: epochs)
    let evaluation = experiment.measure()
    for (c, kind) in config.shapes.enumerated() {
      let ascent = experiment.network.maximizeActivation(class: c, settings: settings)
      let path = CNNRunOptions.path(out, "cam-\(kind.rawValue).png")
      try PNGFile.save(
        CNNPictures.grayscale(ascent.image, width: ShapeImages.size, height: ShapeImages.size, scale: scale),
        to: path)
      var line = JSONLine()
      line.add("class", kind.rawValue)
      line.add("probability", ascent.probability)
      line.add("similarity", ascent.similarity(to: ShapeImages.template(kind)))
      line.add("steps", ascent.steps)
      line.add("stop", ascent.stop?.rawValue ?? "")
      if let problem = ascent.problem {  // the image is the last one with finite scores
        StandardStreams.writeError("warning: the \(kind.rawValue) picture stopped: \(problem)\n")
      }
      line.add(
        "maxOtherProbability",
        ascent.probabilities.enumerated().filter { $0.offset != c }.map(\.element).max() ?? 0)
      line.add("classAccuracy", evaluation.test.classAccuracy[c])
      line.add("diverged", experiment.divergence != nil)
      line.add("png", path)
      print(line.text)
    }
  }

  /// The ascent settings from the flags; throws a UsageError naming a bad flag.
  func camSettings() throws -> CAMSettings {
    var s = CAMSettings()
    s.objective = objective
    s.start = start
    s.stepSize = stepSize
    s.l2Decay = l2Decay
    s.blurEvery = blurEvery
    s.jitter = jitter
    s.maxSteps = maxSteps
    s.stopProbability = stopProbability
    s.clamp = !noClamp
    s.seed = training.seed
    s.starts = starts
    s.jitterSamples = jitterSamples
    s.coarseSteps = coarseSteps
    s.tvWeight = tvWeight
    s.centerEvery = centerEvery
    s.edgeFade = edgeFade
    let checks: [(String, Bool, String)] = [
      ("--step-size", stepSize > 0 && stepSize <= 10, "a number > 0 and at most 10"),
      ("--l2-decay", l2Decay >= 0 && l2Decay < 1, "a number from 0 to below 1"),
      ("--blur-every", blurEvery >= 0, "0 (never) or more steps"),
      ("--jitter", (0...8).contains(jitter), "0 to 8 pixels"),
      ("--max-steps", (1...100_000).contains(maxSteps), "1 to 100000"),
      ("--starts", (1...16).contains(starts), "1 to 16"),
      ("--jitter-samples", (1...16).contains(jitterSamples), "1 to 16"),
      ("--coarse-steps", coarseSteps >= 0, "0 or more steps"),
      ("--tv-weight", tvWeight >= 0 && tvWeight <= 10, "a number from 0 to 10"),
      ("--center-every", centerEvery >= 0, "0 (never) or more steps"),
      ("--edge-fade", edgeFade >= 0 && edgeFade <= 1, tr("a number from 0 to 1")),
      (
        "--stop-probability", stopProbability.map { $0 > 0 && $0 < 1 } ?? true,
        "a probability between 0 and 1"
      ),
    ]
    if let bad = checks.first(where: { !$0.1 }) {
      throw UsageError(message: tr("{1} must be {2}", bad.0, bad.2))
    }
    return s
  }
}
