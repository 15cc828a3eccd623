import Engine
import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import Training

/// The words of the CNN's "Explain a step": each stage's explanation with the engine's numbers
/// (`CNNExplainedStep`), and its headline.
enum CNNStepText {
  /// "Forward: layer 2", "Forward: dense layer", "Loss", "Backward: layer 1", "Update".
  static func stageName(_ stage: ExplainStage, layerCount: Int) -> String {
    ExplainText.stageName(stage) { k in k == layerCount ? tr("dense layer") : tr("layer {1}", k) }
  }

  typealias N = ExplainText

  /// A pixel position as people read it: (column, row) from 1.
  static func place(_ i: Int, width: Int) -> String { verbatim("(\(i % width + 1), \(i / width + 1))") }

  /// The explanation of `stage` with its numbers; `brief` keeps the numbers only (the equation,
  /// the check, the update's rule and loss), for a page too short for the whole text beside its figure.
  static func text(_ s: CNNExplainedStep, stage: ExplainStage, cnn: CNNAppState, brief: Bool = false) -> String {
    let e = cnn.experiment
    let x = s.explanation
    let shape = e.network.shape
    let conv = shape.convs.count
    let name = e.shownClassName(x.label)
    switch stage {
    case .forward(let k) where k <= conv:
      let spec = shape.convs[k - 1]
      let size = shape.mapSize(stage: k - 1)
      let pooled = shape.pooledSize(stage: k - 1)
      let f = s.filters[k - 1].output
      let map = x.forward.featureMap(stage: k - 1, channel: f)
      let best = map.indices.max { map[$0] < map[$1] } ?? 0
      let input = k == 1 ? tr("the image") : tr("the {1} maps of layer {2}", shape.convs[k - 2].filters, k - 1)
      var out = brief ? "" : tr(
        "Layer {1}: each of its {2} filters ({3}×{3}) slides over {4}: at every pixel z = b + Σ w·x and a = max(0, z) (ReLU); each {5}×{5} block keeps its largest a (max pool), {6}×{6} → {7}×{7}.",
        k, spec.filters, spec.kernel, input, spec.pool, size.width, pooled.width)
      let b = s.parametersBefore[shape.canonicalOffsets(stage: k - 1).biases + f]
      if map[best] > 0 {
        out += (brief ? "" : " ") + tr(
          "Filter {1} is strongest at {2}: z = b + Σ w·x = {3} + {4} = {5}, a = {5}.", f + 1,
          place(best, width: size.width), N.precise(b), N.precise(map[best] - b), N.precise(map[best]))
      } else {
        out += (brief ? "" : " ") + tr("Filter {1} has z ≤ 0 everywhere on this image: its map is all 0.", f + 1)
      }
      return out
    case .forward:
      let last = shape.pooledSize(stage: conv - 1)
      let p = x.forward.probabilities
      let top = p.indices.max { p[$0] < p[$1] } ?? 0
      return tr(
        "The dense layer flattens the {1} maps of {2}×{2} into {3} numbers x and gives each class a score z = b + Σ w·x ({3} weights per class). Softmax turns the scores into probabilities p = eᶻ / Σ eᶻ: {4} is likeliest at {5}.",
        shape.convs[conv - 1].filters, last.width, shape.featureCount, e.shownClassName(top),
        NumberFormat.fixed(p[top] * 100, decimals: 1) + "%")
    case .loss:
      let p = x.forward.probabilities[x.label]
      let equation = verbatim("L = −log p = −log " + N.precise(p) + " = " + N.precise(x.loss))
      if brief { return equation + "." }
      return tr("The image is a {1}. The loss is how unlikely the network found the right answer:", name) + " "
        + equation + ". "
        + tr("A sure right answer costs 0; a sure wrong one costs a lot.")
    case .backward(let k) where k > conv:
      let check = s.checks.first { $0.layer == k }.map { checkText($0, s, cnn: cnn) }
      if brief, let check { return check }
      var out = tr(
        "Backward starts at the scores: ∂L/∂z = p − y, where y is 1 for {1} and 0 for the other classes. The right class's score should go up (negative), the others down (positive). Each dense weight gets ∂L/∂w = ∂L/∂z · x.",
        name)
      if let check { out += " " + check }
      return out
    case .backward(let k):
      let f = s.filters[k - 1]
      let from = k == conv ? tr("the dense layer") : tr("layer {1}", k + 1)
      let check = s.checks.first { $0.layer == k }.map { checkText($0, s, cnn: cnn) }
      if brief, let check { return check }
      var out = tr(
        "∂L/∂ each pooled value of layer {1} comes back from {2} (blue: more would raise the loss; orange: lower it). Max pool passes it to the pixel that won, ReLU where z > 0; filter {3}'s weights collect ∂L/∂w = Σ ∂L/∂z · x.",
        k, from, f.output + 1)
      if let check { out += " " + check }
      return out
    case .update:
      let optimizer = cnn.config.optimizer
      var out = tr("{1}, learning rate η = {2}:", LearningChoices.name(optimizer), N.precise(s.learningRate)) + " "
        + N.rule(optimizer) + ". "
      let moved = zip(s.parametersAfter, s.parametersBefore).map { abs($0 - $1) }
      if !brief, let k = moved.indices.max(by: { moved[$0] < moved[$1] }) {
        out += tr(
          "The largest change is {1}: {2} → {3}.", parameterName(k, cnn: cnn), N.exact(s.parametersBefore[k]),
          N.exact(s.parametersAfter[k])) + " "
      }
      out += tr(
        "This image's loss goes from {1} to {2}. Training takes such a step for every batch of images.",
        N.precise(x.loss), N.precise(s.lossAfter))
      return out
    }
  }

  /// "Check: nudging w by ±h gives (L₊ − L₋) / 2h = …; the backward pass says …".
  static func checkText(_ c: GradientCheck, _ s: CNNExplainedStep, cnn: CNNAppState) -> String {
    let gap = abs(c.estimate - c.gradient) / max(abs(c.gradient), 1e-12)
    let agreement =
      gap < 0.001
      ? tr("They agree.")
      : tr(
        "They differ by {1}%: a nudge can flip a max pool or a ReLU.",
        NumberFormat.fixed(gap * 100, decimals: gap < 0.1 ? 1 : 0))
    return tr(
      "Check: nudging {1} by ±{2} moves the loss from {3} to {4}, so ∂L/∂w ≈ ({4} − {3}) / {5} = {6}; backward says {7}.",
      parameterName(c.parameter, cnn: cnn), N.precise(c.h), N.exact(c.lossMinus), N.exact(c.lossPlus), N.precise(2 * c.h),
      N.precise(c.estimate), N.precise(c.gradient)) + " " + agreement
  }

  /// Which weight or bias parameter `index` (canonical order) is, in words.
  static func parameterName(_ index: Int, cnn: CNNAppState) -> String {
    let shape = cnn.experiment.network.shape
    let dense = shape.denseOffsets
    if index >= dense.biases { return tr("the dense bias of {1}", cnn.experiment.shownClassName(index - dense.biases)) }
    if index >= dense.weights {
      let f = (index - dense.weights) % shape.featureCount
      let last = shape.pooledSize(stage: shape.convs.count - 1)
      let n = last.width * last.height
      return tr(
        "the dense weight from map {1} at {2} to {3}", f / n + 1, place(f % n, width: last.width),
        cnn.experiment.shownClassName((index - dense.weights) / shape.featureCount))
    }
    for l in shape.convs.indices.reversed() {
      let start = shape.canonicalOffsets(stage: l)
      guard index >= start.weights else { continue }
      if index >= start.biases { return tr("the bias of layer {1}'s filter {2}", l + 1, index - start.biases + 1) }
      let k = shape.convs[l].kernel
      let cin = shape.inputChannels(stage: l)
      let rest = index - start.weights
      let output = rest / (cin * k * k)
      let input = rest / (k * k) % cin
      let at = place(rest % (k * k), width: k)
      return l == 0
        ? tr("layer 1's filter {1} at {2}", output + 1, at)
        : tr("layer {1}'s filter {2} at {3} on map {4}", l + 1, output + 1, at, input + 1)
    }
    return verbatim("θ\(index)")
  }
}
