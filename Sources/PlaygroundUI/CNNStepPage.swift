import Datasets
import Engine
import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

/// The explained step of the shown network, image and filters, computed once per change (the
/// engine's forward, backward, checks and update on one image).
final class CNNStepCache {
  private var key: (revision: Int, example: Int, filters: [Int?], train: Int)?
  private var step: CNNExplainedStep?

  func step(_ cnn: CNNAppState) -> CNNExplainedStep? {
    let now = (cnn.revision, cnn.stepExample, cnn.inside.step.filters, cnn.experiment.train.count)
    if let key, key == now { return step }
    key = now
    step = cnn.explainedStep
    return step
  }
}

extension PlaygroundView {
  /// "Explain a step" for the CNN: Back and Next through the stages, − and + through the training
  /// images, the stage's explanation with its numbers, and its figure (maps, gradients, scores).
  func drawStepPage(_ c: inout CNNFrame) {
    let (ui, t, cnn) = (c.ui, c.theme, c.cnn)
    var r = c.layout.stepArea
    guard r.width > 40, r.height > 80 else { return }
    ui.pushID("cnn.step")
    defer { ui.popID() }
    let e = cnn.experiment
    let stages = ExplainStage.all(layerCount: cnn.stepLayerCount)
    let stage = cnn.stepStage
    let k = stages.firstIndex(of: stage) ?? 0
    let h = Metrics.controlHeight - 4
    func fit(_ label: String, _ symbol: String, _ r: Rect) -> String {
      ui.measure(label, size: t.bodySize).width <= r.width - 2 * t.padding ? label : verbatim(symbol)
    }
    var nav = r.cutTop(h, spacing: 8)
    // A wide page puts the image picker at the right of the stage row; otherwise it has its own.
    var pick = r.width >= 700 ? nav.cutRight(min(340, (nav.width * 0.45).rounded(.down)), spacing: 12) : r.cutTop(h, spacing: 8)
    let buttonWidth = min(90, ((nav.width - 16) / 4).rounded(.down))
    let back = nav.cutLeft(buttonWidth, spacing: 6)
    let next = nav.cutLeft(buttonWidth, spacing: 10)
    if ui.button(fit(tr("Back"), "‹", back), in: back, enabled: k > 0) { c.actions.append(.cnn(.inside(.step(.back)))) }
    hint(ui, back, tr("The stage before (←)"))
    if ui.button(fit(tr("Next"), "›", next), in: next, enabled: k < stages.count - 1, style: .primary) {
      c.actions.append(.cnn(.inside(.step(.next))))
    }
    hint(ui, next, tr("The next stage (→)"))
    let name = CNNStepText.stageName(stage, layerCount: cnn.stepLayerCount)
    let short = ExplainText.shortStageName(stage)
    let titles = [
      tr("{1} of {2}: {3}", k + 1, stages.count, name), tr("{1}/{2} {3}", k + 1, stages.count, name), name,
      tr("{1}/{2} {3}", k + 1, stages.count, short), short,
    ]
    let title = titles.first { ui.measure($0, size: t.bodySize, weight: .bold).width <= nav.width } ?? short
    ui.label(title, in: nav, size: ui.shrinkingSize(title, width: nav.width, from: t.bodySize, weight: .bold), weight: .bold)

    let count = e.train.count
    let example = cnn.stepExample
    if ui.iconButton(tr("Previous image"), icon: .minus, in: pick.cutLeft(h, spacing: 6)) {
      c.actions.append(.cnn(.inside(.step(.pick(example: example - 1)))))
    }
    if ui.iconButton(tr("Next image"), icon: .plus, in: pick.cutLeft(h, spacing: 10)) {
      c.actions.append(.cnn(.inside(.step(.pick(example: example + 1)))))
    }
    guard count > 0, let s = stepCache.step(cnn) else {
      ui.paragraph(tr("There is no step to explain: the network has diverged or has no training images. Press Reset."), in: r, size: TypeSize.caption)
      return
    }
    let className = e.shownClassName(s.explanation.label)
    let picked = [
      tr("Training image {1} of {2}: {3}", example + 1, count, className), tr("Image {1}/{2}: {3}", example + 1, count, className),
      tr("{1}/{2}: {3}", example + 1, count, className),
    ]
    let pickText = picked.first { ui.measure($0, size: TypeSize.caption).width <= pick.width } ?? verbatim("\(example + 1)/\(count)")
    ui.label(pickText, in: pick, size: TypeSize.caption, color: t.text)

    // The whole text at the largest size that leaves the figure 120 px; on a page too short for
    // that, the brief text (the stage's numbers only) at the largest size that fits half of it.
    var text = ""
    var size = TypeSize.caption
    var lines = 0
    var lineHeight: Float = 0
    search: for (brief, room) in [(false, r.height - 120), (true, r.height * 0.5)] {
      text = CNNStepText.text(s, stage: stage, cnn: cnn, brief: brief)
      for candidate in [TypeSize.caption, 13, 12] as [Float] {
        size = candidate
        lineHeight = (ui.measure("Ag", size: size).height * 1.1).rounded()
        lines = ui.wrap(text, toWidth: r.width, size: size).count
        if Float(lines) * lineHeight <= room { break search }
      }
    }
    let textRect = r.cutTop(min(r.height, Float(lines) * lineHeight + 1), spacing: 10)
    // Every sentence of it came through the catalog; joined, it is shown as it is.
    ui.paragraph(verbatim(text), in: textRect, size: size)
    guard r.height >= 48 else { return }
    drawStepFigure(&c, s, stage: stage, in: r)
  }

  /// The stage's picture: a conv layer's maps or their gradients beside the followed filter, the
  /// class scores and probabilities, or the followed filters before and after the update.
  private func drawStepFigure(_ c: inout CNNFrame, _ s: CNNExplainedStep, stage: ExplainStage, in area: Rect) {
    let cnn = c.cnn
    let shape = cnn.experiment.network.shape
    let conv = shape.convs.count
    let x = s.explanation
    switch stage {
    case .forward(let k) where k <= conv:
      let f = s.filters[k - 1]
      let size = shape.mapSize(stage: k - 1)
      let input: StepTile =
        k == 1
        ? .gray(s.image, ShapeImages.size, tr("Image"))
        : .gray(x.forward.pooledMap(stage: k - 2, channel: f.input), shape.pooledSize(stage: k - 2).width, tr("Map {1}", f.input + 1))
      let weights = filterWeights(s.parametersBefore, shape, layer: k - 1, f)
      let maps = (0..<shape.convs[k - 1].filters).map { x.forward.featureMap(stage: k - 1, channel: $0) }
      layFigure(
        &c, area, layer: k,
        detail: [
          input,
          .diverging(
            weights, shape.convs[k - 1].kernel, FilterImage.normalizer(weights),
            k == 1 ? tr("Filter {1}", f.output + 1) : tr("Filter {1} on map {2}", f.output + 1, f.input + 1),
            short: tr("Filter {1}", f.output + 1)),
          .gray(maps[f.output], size.width, tr("Map {1}", f.output + 1)),
        ],
        grid: maps.map { .gray($0, size.width, "") }, gridTitle: tr("Layer {1}'s maps (after ReLU)", k), followed: f.output)
    case .backward(let k) where k <= conv:
      let f = s.filters[k - 1]
      let side = shape.pooledSize(stage: k - 1).width
      let n = side * side
      let all = x.pooledGradients[k - 1]
      let big = FilterImage.normalizer(all)
      let grads = (0..<shape.convs[k - 1].filters).map { Array(all[$0 * n..<($0 + 1) * n]) }
      let dw = filterWeights(s.explanation.parameterGradients, shape, layer: k - 1, f)
      layFigure(
        &c, area, layer: k,
        detail: [
          .diverging(grads[f.output], side, big, tr("∂L/∂ map {1}", f.output + 1)),
          .diverging(
            dw, shape.convs[k - 1].kernel, FilterImage.normalizer(dw),
            k == 1 ? tr("∂L/∂w filter {1}", f.output + 1) : tr("∂L/∂w filter {1} on map {2}", f.output + 1, f.input + 1),
            short: tr("∂L/∂w filter {1}", f.output + 1)),
        ],
        grid: grads.map { .diverging($0, side, big, "") }, gridTitle: tr("∂L/∂ layer {1}'s pooled maps", k), followed: f.output)
    case .update:
      var detail: [StepTile] = []
      for l in 0..<conv {
        let f = s.filters[l]
        let before = filterWeights(s.parametersBefore, shape, layer: l, f)
        let after = filterWeights(s.parametersAfter, shape, layer: l, f)
        let change = zip(after, before).map { $0 - $1 }
        let big = FilterImage.normalizer(before + after)
        let side = shape.convs[l].kernel
        detail += [
          .diverging(before, side, big, tr("L{1} filter {2}", l + 1, f.output + 1)),
          .diverging(change, side, FilterImage.normalizer(change), tr("Change")),
          .diverging(after, side, big, tr("After")),
        ]
      }
      layFigure(&c, area, layer: 0, detail: detail, grid: [], gridTitle: "", followed: nil, columns: 3)
    default:
      var rest = drawClassTable(&c, s, stage: stage, in: area)
      _ = rest.cutTop(10)
      let last = shape.pooledSize(stage: conv - 1).width
      let n = last * last
      let maps = shape.convs[conv - 1].filters
      if stage == .forward(layer: conv + 1) {
        let tiles = (0..<maps).map { StepTile.gray(x.forward.pooledMap(stage: conv - 1, channel: $0), last, "") }
        layFigure(
          &c, rest, layer: conv, detail: [], grid: tiles, gridTitle: tr("The inputs x: layer {1}'s pooled maps", conv), followed: nil,
          clickable: false)
      } else if case .backward = stage {
        let start = shape.denseWeightIndex(class: x.label, feature: 0)
        let g = Array(x.parameterGradients[start..<(start + shape.featureCount)])
        let big = FilterImage.normalizer(g)
        let tiles = (0..<maps).map { StepTile.diverging(Array(g[$0 * n..<($0 + 1) * n]), last, big, "") }
        layFigure(
          &c, rest, layer: conv, detail: [], grid: tiles,
          gridTitle: tr("∂L/∂w of the weights into {1}, on the maps they read", cnn.experiment.shownClassName(x.label)), followed: nil,
          clickable: false)
      }
    }
  }

  /// Conv layer `layer`'s weights of filter `f` (its output, from its followed input), row-major,
  /// read from canonical-order `values`.
  private func filterWeights(_ values: [Float], _ shape: CNNShape, layer: Int, _ f: (output: Int, input: Int)) -> [Float] {
    let k = shape.convs[layer].kernel
    let start = shape.weightIndex(stage: layer, output: f.output, input: f.input, ky: 0, kx: 0)
    return Array(values[start..<(start + k * k)])
  }
}

/// One picture of the step's figure: gray (a map or the image, auto-contrast) or diverging
/// (weights and gradients: blue positive, orange negative, white 0, full colour at `scale`).
enum StepTile {
  case gray([Float], Int, String)
  case diverging([Float], Int, Float, String, short: String? = nil)

  var caption: String {
    switch self {
    case .gray(_, _, let c), .diverging(_, _, _, let c, _): c
    }
  }

  /// The value under `point` in a tile drawn in `rect`, with its column and row from 1.
  func value(at point: Point, in rect: Rect) -> (column: Int, row: Int, value: Float)? {
    let (values, side): ([Float], Int) =
      switch self {
      case .gray(let v, let s, _): (v, s)
      case .diverging(let v, let s, _, _, _): (v, s)
      }
    guard side > 0, rect.width > 0 else { return nil }
    let rows = values.count / side
    let x = Int((point.x - rect.x) / rect.width * Float(side))
    let y = Int((point.y - rect.y) / rect.height * Float(rows))
    guard (0..<side).contains(x), (0..<rows).contains(y) else { return nil }
    return (x + 1, y + 1, values[y * side + x])
  }

  /// A shorter caption for a narrow tile (nil: none).
  var shortCaption: String? {
    if case .diverging(_, _, _, _, let short) = self { return short }
    return nil
  }

  var raster: Raster {
    switch self {
    case .gray(let v, let side, _):
      return CNNPictures.grayscale(v, width: side, height: v.count / max(1, side), scale: 1, autoContrast: true)
    case .diverging(let v, let side, let big, _, _):
      // Every diverging picture here is square (a filter, a pooled map); a NaN is drawn as 0.
      return FilterImage.raster(v.map { $0.isFinite ? $0 : 0 }, side: side, scale: 1, normalizer: big)
    }
  }
}
