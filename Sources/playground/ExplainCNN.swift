import ArgumentParser
import Engine
import Foundation
import Localization
import PlaygroundCore
import Training

/// `playground explain --dataset shapes`: one training step of the CNN on one training image.
extension Explain {
  func explainCNN(_ start: CNNExperiment) throws {
    var experiment = start
    try TrainingBudget.check(experiment, epochs: epochs)
    experiment.train(epochs: epochs)
    let convs = experiment.config.convLayers
    var filters: [Int?] = []
    if let filter {
      let parts = filter.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count <= convs.count, parts.allSatisfy({ $0 != nil }) else {
        throw UsageError(message: "--filter lists one filter number per conv layer (at most \(convs.count)), like 3,5; got '\(filter)'")
      }
      for (l, f) in parts.enumerated() {
        guard let f, (1...convs[l]).contains(f) else {
          throw UsageError(message: "--filter: conv layer \(l + 1) has filters 1 to \(convs[l]), got \(parts[l].map(String.init) ?? "?")")
        }
        filters.append(f - 1)
      }
    }
    let count = experiment.train.count
    guard (1...max(1, count)).contains(example), count > 0 else {
      throw UsageError(message: tr("--example must be from 1 to {1} (the training images), got {2}", count, example))
    }
    guard let step = experiment.explainStep(example: example - 1, filters: filters) else {
      throw UsageError(message: "the network has diverged (a weight is NaN or infinite): there is no step to explain")
    }
    print(json ? Explain.cnnJSON(step, experiment) : Explain.cnnText(step, experiment))
  }

  /// One JSON object: the image, the forward pass per layer, the loss, the backward pass, every
  /// parameter with its gradient and updated value, and the finite-difference checks.
  static func cnnJSON(_ s: CNNExplainedStep, _ e: CNNExperiment) -> String {
    let x = s.explanation
    let shape = e.network.shape
    var line = JSONLine()
    line.add("example", s.example + 1)
    line.add("epoch", e.epoch)
    line.add("label", x.label)
    line.add("class", e.className(x.label))
    line.add("optimizer", e.config.optimizer.rawValue)
    line.add("learningRate", s.learningRate)
    var forward: [String] = []
    for (l, spec) in shape.convs.enumerated() {
      let size = shape.mapSize(stage: l)
      let channels = (0..<spec.filters).map { c in
        let map = x.forward.featureMap(stage: l, channel: c)
        let active = Float(map.filter { $0 > 0 }.count) / Float(max(1, map.count))
        return "{\"max\":\(number(map.max() ?? 0)),\"mean\":\(number(map.reduce(0, +) / Float(max(1, map.count)))),\"active\":\(number(active))}"
      }
      forward.append(
        "{\"layer\":\(l + 1),\"kind\":\"conv\",\"filters\":\(spec.filters),\"kernel\":\(spec.kernel),\"pool\":\(spec.pool),"
          + "\"size\":[\(size.width),\(size.height)],\"maps\":[" + channels.joined(separator: ",") + "]}")
    }
    forward.append(
      "{\"layer\":\(shape.convs.count + 1),\"kind\":\"dense\",\"inputs\":\(shape.featureCount),\"logits\":\(list(x.forward.logits)),"
        + "\"probabilities\":\(list(x.forward.probabilities))}")
    line.add("forward", raw: "[" + forward.joined(separator: ",") + "]")
    line.add("loss", x.loss)
    let pooled = x.pooledGradients.enumerated().map { "{\"layer\":\($0 + 1),\"dLdPooled\":\(list($1))}" }
    line.add("backward", raw: "{\"dLdz\":\(list(x.logitGradients)),\"layers\":[" + pooled.joined(separator: ",") + "]}")
    func group(_ range: Range<Int>) -> String {
      "{\"w\":\(list(Array(s.parametersBefore[range]))),\"dLdw\":\(list(Array(x.parameterGradients[range]))),"
        + "\"updated\":\(list(Array(s.parametersAfter[range])))}"
    }
    var parameters: [String] = []
    for (l, spec) in shape.convs.enumerated() {
      let o = shape.canonicalOffsets(stage: l)
      let cin = shape.inputChannels(stage: l)
      parameters.append(
        "{\"layer\":\(l + 1),\"kind\":\"conv\",\"shape\":[\(spec.filters),\(cin),\(spec.kernel),\(spec.kernel)],"
          + "\"weights\":\(group(o.weights..<o.biases)),\"biases\":\(group(o.biases..<(o.biases + spec.filters)))}")
    }
    let d = shape.denseOffsets
    parameters.append(
      "{\"layer\":\(shape.convs.count + 1),\"kind\":\"dense\",\"shape\":[\(shape.classes),\(shape.featureCount)],"
        + "\"weights\":\(group(d.weights..<d.biases)),\"biases\":\(group(d.biases..<(d.biases + shape.classes)))}")
    line.add("parameters", raw: "[" + parameters.joined(separator: ",") + "]")
    let followed = s.filters.enumerated().map { "{\"layer\":\($0 + 1),\"filter\":\($1.output + 1),\"input\":\($1.input + 1)}" }
    line.add("followed", raw: "[" + followed.joined(separator: ",") + "]")
    let checks = s.checks.map { c in
      "{\"layer\":\(c.layer),\"parameter\":\(c.parameter),\"dLdw\":\(number(c.gradient)),\"h\":\(number(c.h)),"
        + "\"lossPlus\":\(number(c.lossPlus)),\"lossMinus\":\(number(c.lossMinus)),\"estimate\":\(number(c.estimate))}"
    }
    line.add("checks", raw: "[" + checks.joined(separator: ",") + "]")
    line.add("lossAfter", s.lossAfter)
    return line.text
  }

  /// The same for people, stage by stage.
  static func cnnText(_ s: CNNExplainedStep, _ e: CNNExperiment) -> String {
    let x = s.explanation
    let shape = e.network.shape
    func f(_ v: Float) -> String { String(format: "%.6g", Double(v)) }
    var out = "Training image \(s.example + 1) at epoch \(e.epoch): a \(e.className(x.label))\n\nForward:\n"
    for (l, spec) in shape.convs.enumerated() {
      let maxima = (0..<spec.filters).map { x.forward.featureMap(stage: l, channel: $0).max() ?? 0 }
      out += "  conv layer \(l + 1) (\(spec.filters) filters \(spec.kernel)×\(spec.kernel), ReLU, pool \(spec.pool)): strongest a per map "
        + maxima.map(f).joined(separator: ", ") + "\n"
    }
    out += "  dense layer (\(shape.featureCount) inputs):\n"
    for k in 0..<shape.classes {
      out += "    \(e.className(k)): z = \(f(x.forward.logits[k])), p = \(f(x.forward.probabilities[k]))\n"
    }
    out += "\nLoss: −log p = \(f(x.loss))\n\nBackward:\n"
    for k in 0..<shape.classes { out += "  \(e.className(k)): ∂L/∂z = \(f(x.logitGradients[k]))\n" }
    out += "\nChecks against finite differences (L(θ + h) − L(θ − h)) / 2h:\n"
    for c in s.checks {
      let what = c.layer > shape.convs.count ? "dense layer" : "conv layer \(c.layer) filter \(s.filters[c.layer - 1].output + 1)"
      out += "  \(what), parameter \(c.parameter): ∂L/∂w = \(f(c.gradient)), estimate \(f(c.estimate)) (h \(f(c.h)))\n"
    }
    out += "\nUpdate (\(e.config.optimizer.rawValue), learning rate \(f(s.learningRate))): loss on this image \(f(x.loss)) → \(f(s.lossAfter))\n"
    let moved = zip(s.parametersAfter, s.parametersBefore).map { abs($0 - $1) }
    if let k = moved.indices.max(by: { moved[$0] < moved[$1] }) {
      out += "  largest change: parameter \(k): \(f(s.parametersBefore[k])) → \(f(s.parametersAfter[k]))\n"
    }
    return out
  }
}
