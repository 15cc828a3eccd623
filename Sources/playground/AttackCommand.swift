import ArgumentParser
import Datasets
import Engine
import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import SafeIO
import SDLFrontend
import Training
import Visualization

extension AttackMethod: ExpressibleByArgument {}

/// `playground attack`: trains a CNN on shape images, then perturbs one test image until the
/// network is fooled (Adversarial Playground): FGSM or projected gradient steps, untargeted or
/// toward a class, at a given ε or the smallest ε that fools it.
struct Attack: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train a CNN on shape images and fool it with an adversarial image.",
    discussion: """
      ε is the most any pixel may change (pixels are in [0, 1]). Untargeted attacks push the \
      image away from the network's answer; --target CLASS pulls it toward a class. --search \
      finds the smallest ε that fools the network (bisection, 12 halvings). With --out, writes \
      original.png, perturbation.png (amplified: orange darker, blue brighter) and adversarial.png.
      """)

  @OptionGroup var session: CNNRunOptions
  @Option(parsing: .unconditional, help: "The test image to attack, from 1.")
  var image = 1
  @Option(help: "fgsm (one step) or pgd (projected gradient steps).")
  var method: AttackMethod = .fgsm
  @Option(help: "Steer toward this class (by name); without it any other answer fools.")
  var target: String?
  @Option(parsing: .unconditional, help: "The most any pixel may change, 0 to 1.")
  var epsilon: Float?
  @Flag(help: "Search for the smallest ε that fools the network.")
  var search = false
  @Option(parsing: .unconditional, help: "Projected gradient steps (pgd), 1 to 1000.")
  var steps = 20
  @Option(help: "Folder for the three PNGs (created if missing).")
  var out: String?
  @Option(parsing: .unconditional, help: "PNG enlargement, 1 to 32.")
  var scale = 8
  @Flag(help: "Print one JSON line.")
  var json = false

  /// A float as the double of its shortest decimal form (0.1, not 0.10000000149011612).
  static func short(_ x: Float) -> Double { Double(x.description) ?? Double(x) }

  func run() throws {
    if search && epsilon != nil { throw UsageError(message: tr("--epsilon and --search exclude each other")) }
    if let epsilon, !(epsilon.isFinite && epsilon >= 0 && epsilon <= 1) {
      throw UsageError(message: tr("--epsilon must be a number from 0 to 1, got {1}", epsilon))
    }
    guard (1...1000).contains(steps) else { throw UsageError(message: tr("--steps must be from 1 to 1000, got {1}", steps)) }
    guard (1...32).contains(scale) else { throw UsageError(message: tr("--scale must be from 1 to 32, got {1}", scale)) }
    if let out { try CNNRunOptions.makeFolder(out) }
    let experiment = try session.trainedExperiment(command: "attack")
    guard (1...max(1, experiment.test.count)).contains(image), !experiment.test.isEmpty else {
      throw UsageError(message: tr("--image must be from 1 to {1}, got {2}", experiment.test.count, image))
    }
    var settings = AttackSettings(method: method, epsilon: epsilon ?? 0.1, steps: steps)
    if let target { settings.target = try CNNRunOptions.classIndex(target, in: experiment, flag: "--target") }
    let pixels = experiment.test[image - 1].pixels
    let network = experiment.network
    let result: AdversarialExample
    if search {
      guard let found = network.smallestFoolingEpsilon(image: pixels, settings: settings) else {
        throw UsageError(message: tr("--search: even ε = 1 does not fool the network on image {1}", image))
      }
      result = found
    } else {
      result = network.attack(image: pixels, settings: settings)
    }
    let names = experiment.classNames
    var line = JSONLine()
    line.add("image", image)
    line.add("method", method.rawValue)
    if let t = settings.target { line.add("target", names[t]) }
    line.add("originalClass", names[result.originalClass])
    line.add("originalProbability", result.originalProbabilities[result.originalClass])
    line.add("adversarialClass", names[result.adversarialClass])
    line.add("adversarialProbability", result.adversarialProbabilities[result.adversarialClass])
    line.add("epsilon", Attack.short(result.settings.epsilon))
    line.add("linfDistance", Attack.short(result.linfDistance))
    line.add("l2Distance", Attack.short(result.l2Distance))
    line.add("fooled", result.fools)
    if let out {
      let size = ShapeImages.size
      let files: [(String, Raster)] = [
        ("original.png", CNNPictures.grayscale(result.original, width: size, height: size, scale: scale, autoContrast: false)),
        ("perturbation.png", FilterImage.raster(result.perturbation, side: size, scale: scale)),
        ("adversarial.png", CNNPictures.grayscale(result.adversarial, width: size, height: size, scale: scale, autoContrast: false)),
      ]
      for (name, raster) in files {
        let path = CNNRunOptions.path(out, name)
        do {
          try PNGFile.save(raster, to: path)
        } catch {
          throw UsageError(message: tr("--out: cannot write '{1}': {2}", path, error))
        }
      }
      line.add("out", out)
    }
    if json {
      print(line.text)
    } else {
      let p = { (x: Float) in String(format: "%.3f", x) }
      Playground.say(
        "image \(image): \(names[result.originalClass]) (p \(p(result.originalProbabilities[result.originalClass]))) → "
          + "\(names[result.adversarialClass]) (p \(p(result.adversarialProbabilities[result.adversarialClass]))) "
          + "at ε \(p(result.settings.epsilon)); L∞ \(p(result.linfDistance)), L2 \(p(result.l2Distance))"
          + (result.fools ? "; fooled" : "; not fooled"))
    }
  }
}
