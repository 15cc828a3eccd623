import ArgumentParser
import Engine
import Foundation
import Localization
import PlaygroundCore
import SessionKit
import Training

/// `playground explain`: one training step on one training point, every number printed: the
/// forward pass, the loss, the backward pass and the weights after the optimizer's update.
struct Explain: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Explain one training step on one training point or image.",
    discussion: """
      Trains --epochs first (default 0), then shows for training point --example N (counting
      from 1): each neuron's weighted sum z and activation a, the loss, each neuron's ∂L/∂a and
      ∂L/∂z, each weight's and bias's ∂L/∂w, and every weight after one update on this point
      alone with the chosen optimizer (its state included) and regularization; dropout is off.

      With --dataset shapes (or a CNN session's --load) it explains training image N through
      the CNN: each conv layer's maps, the scores and probabilities, the loss, ∂L/∂ of each
      layer's pooled maps and of every parameter, finite-difference checks of the dense layer
      and of one filter per conv layer (--filter), and every parameter after the update.
      """)

  @OptionGroup var config: ConfigOptions
  @Option(help: "Epochs to train before the explained step (0 or more).")
  var epochs: Int = 0
  @Option(help: "The training point to explain, counting from 1.")
  var example: Int
  @Flag(help: "Print one JSON object.")
  var json = false
  @Option(help: "Start from a saved session (its settings, data, weights and epoch).")
  var load: String?
  @OptionGroup var shapes: ShapesOptions
  @OptionGroup var imports: ImportOptions
  @Option(help: "With shapes: the filter the checks follow per conv layer, from 1 (e.g. 3,5); default: the largest gradient.")
  var filter: String?

  func run() throws {
    guard epochs >= 0 && epochs <= 1_000_000 else {
      throw UsageError(message: tr("--epochs must be from 0 to 1000000, got {1}", epochs))
    }
    var loaded: SessionFile?
    if let load { loaded = try SessionCLI.read(load, settings: config) }
    if config.isShapes || shapes.isSet || imports.isSet {
      if load != nil {
        throw UsageError(message: "--load takes the settings and data from the file; remove --dataset shapes and its flags")
      }
      try explainCNN(try CNNTrain.experiment(options: config, shapes: shapes, imports: imports, unsupported: []))
      return
    }
    if case .cnn(let session) = loaded, let load {
      do {
        try explainCNN(try session.run().session)
      } catch let error as SessionError {
        throw UsageError(message: "--load: \(SessionError(path: load, error.message))")
      }
      return
    }
    var (experiment, _) = try SessionCLI.start(loaded: loaded, path: load, settings: config)
    try TrainingBudget.check(experiment, epochs: epochs)
    experiment.train(epochs: epochs)
    guard let step = experiment.explainStep(example: example - 1) else {
      throw UsageError(message: tr("--example must be from 1 to {1} (the training points), got {2}", experiment.train.count, example))
    }
    print(json ? Explain.json(step, experiment, example: example) : Explain.text(step, experiment, example: example))
  }

  static func number(_ f: Float) -> String { f.isFinite ? "\(Double(f))" : "null" }
  static func list(_ values: [Float]) -> String { "[" + values.map(number).joined(separator: ",") + "]" }

  /// One JSON object: settings, forward, loss, backward and update.
  static func json(_ step: ExplainedStep, _ e: Experiment, example: Int) -> String {
    let x = step.explanation
    var line = JSONLine()
    line.add("example", example)
    line.add("epoch", e.epoch)
    line.add("optimizer", e.config.optimizer.rawValue)
    line.add("learningRate", step.learningRate)
    line.add("features", raw: "[" + e.config.features.map { JSONLine.quote($0.rawValue) }.joined(separator: ",") + "]")
    line.add("inputs", raw: list(x.inputs))
    line.add("target", x.target)
    let layers = x.layers.enumerated().map { l, neurons in
      let items = neurons.map { n in
        "{\"z\":\(number(n.z)),\"a\":\(number(n.a)),\"dLda\":\(n.dLda.map(number) ?? "null"),\"dLdz\":\(number(n.dLdz))}"
      }
      return "{\"layer\":\(l + 1),\"neurons\":[" + items.joined(separator: ",") + "]}"
    }
    line.add("forward", raw: "[" + layers.joined(separator: ",") + "]")
    line.add("loss", x.loss)
    var weights: [String] = []
    var biases: [String] = []
    var k = 0
    var m = 0
    for l in 0..<e.network.layerCount {
      let (nIn, nOut) = e.network.layerSize(l)
      for j in 0..<nOut {
        for i in 0..<nIn {
          weights.append(
            "{\"layer\":\(l + 1),\"from\":\(i),\"to\":\(j),\"w\":\(number(step.weightsBefore[k])),"
              + "\"dLdw\":\(number(x.weightGradients[k])),\"updated\":\(number(step.weightsAfter[k]))}")
          k += 1
        }
        biases.append(
          "{\"layer\":\(l + 1),\"neuron\":\(j),\"b\":\(number(step.biasesBefore[m])),"
            + "\"dLdb\":\(number(x.biasGradients[m])),\"updated\":\(number(step.biasesAfter[m]))}")
        m += 1
      }
    }
    line.add("weights", raw: "[" + weights.joined(separator: ",") + "]")
    line.add("biases", raw: "[" + biases.joined(separator: ",") + "]")
    return line.text
  }

  /// The same for people, layer by layer.
  static func text(_ step: ExplainedStep, _ e: Experiment, example: Int) -> String {
    let x = step.explanation
    func f(_ v: Float) -> String { String(format: "%.6g", Double(v)) }
    var out = "Training point \(example) at epoch \(e.epoch): inputs "
    out += zip(e.config.features, x.inputs).map { "\($0.rawValue)=\(f($1))" }.joined(separator: ", ")
    out += ", target \(f(x.target))\n\nForward (z = b + Σ w·a, a = f(z)):\n"
    for (l, neurons) in x.layers.enumerated() {
      let name = l == x.layers.count - 1 ? "output" : "hidden layer \(l + 1)"
      for (j, n) in neurons.enumerated() { out += "  \(name) neuron \(j + 1): z = \(f(n.z)), a = \(f(n.a))\n" }
    }
    out += "\nLoss: \(f(x.loss))\n\nBackward:\n"
    for (l, neurons) in x.layers.enumerated().reversed() {
      let name = l == x.layers.count - 1 ? "output" : "hidden layer \(l + 1)"
      for (j, n) in neurons.enumerated() {
        out += "  \(name) neuron \(j + 1): ∂L/∂a = \(n.dLda.map(f) ?? "—"), ∂L/∂z = \(f(n.dLdz))\n"
      }
    }
    out += "\nUpdate (\(e.config.optimizer.rawValue), learning rate \(f(step.learningRate))): w, ∂L/∂w → new w\n"
    var k = 0
    for l in 0..<e.network.layerCount {
      let (nIn, nOut) = e.network.layerSize(l)
      for j in 0..<nOut {
        for i in 0..<nIn {
          out += "  layer \(l + 1) \(i + 1)→\(j + 1): \(f(step.weightsBefore[k])), \(f(x.weightGradients[k])) → \(f(step.weightsAfter[k]))\n"
          k += 1
        }
      }
    }
    return out
  }
}
