import Datasets
import Engine
import ImmediateUI
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// The class pictures page: the ascent settings, then per class the growing picture, its
  /// reference (a shape's clean template, an imported class's mean training image), |r| and p.
  func drawCAM(_ c: inout CNNFrame) {
    let ui = c.ui
    let t = c.theme
    let l = c.layout
    let cnn = c.cnn
    var s = cnn.camSettings
    var changed = false
    ui.pushID("cnn.cam")
    func caption(_ text: String, _ r: Rect) {
      ui.label(text, in: Rect(x: r.x, y: r.y - 20, width: r.width, height: 19), size: TypeSize.caption, color: t.mutedText)
    }
    let r = l.camControls
    if r.count == 7 {
      caption("Objective", r[0])
      let objectives: [CNNObjective] = [.probability, .logit]
      if let i = ui.segmented("objective", options: ["Prob.", "Logit"], selected: objectives.firstIndex(of: s.objective) ?? 0, in: r[0]) {
        s.objective = objectives[i]
        changed = true
      }
      caption("Start", r[1])
      let starts: [CAMStart] = [.zeros, .gray, .noise]
      if let i = ui.dropdown("start", options: ["Black", "Gray", "Noise"], selected: starts.firstIndex(of: s.start) ?? 0, in: r[1]) {
        s.start = starts[i]
        changed = true
      }
      caption("Step size", r[2])
      if let i = ui.dropdown(
        "step", options: CNNChoices.stepSizes.map { NumberFormat.compact($0) },
        selected: CNNChoices.nearest(CNNChoices.stepSizes, s.stepSize), in: r[2])
      {
        s.stepSize = CNNChoices.stepSizes[i]
        changed = true
      }
      caption("L2 decay", r[3])
      if let i = ui.dropdown(
        "l2", options: CNNChoices.l2Decays.map { NumberFormat.compact($0) },
        selected: CNNChoices.nearest(CNNChoices.l2Decays, s.l2Decay), in: r[3])
      {
        s.l2Decay = CNNChoices.l2Decays[i]
        changed = true
      }
      caption("Blur every", r[4])
      if let i = ui.dropdown(
        "blur", options: CNNChoices.blurs.map { $0 == 0 ? "Never" : "\($0) steps" },
        selected: CNNChoices.nearest(CNNChoices.blurs, s.blurEvery), in: r[4])
      {
        s.blurEvery = CNNChoices.blurs[i]
        changed = true
      }
      caption("Jitter", r[5])
      if let i = ui.dropdown(
        "jitter", options: CNNChoices.jitters.map { "\($0) px" }, selected: CNNChoices.nearest(CNNChoices.jitters, s.jitter),
        in: r[5])
      {
        s.jitter = CNNChoices.jitters[i]
        changed = true
      }
      caption("Step cap", r[6])
      if let i = ui.dropdown(
        "cap", options: CNNChoices.caps.map(String.init), selected: CNNChoices.nearest(CNNChoices.caps, s.maxSteps), in: r[6])
      {
        s.maxSteps = CNNChoices.caps[i]
        changed = true
      }
    }
    if ui.button("Restart", in: l.camRestart) { c.actions.append(.cnn(.restartCAM)) }
    hint(ui, l.camRestart, "Grow every class picture again from the current network")
    ui.popID()
    if changed { c.actions.append(.cnn(.setCAMSettings(s))) }
    // Per class: the growing picture, the reference, |r| (shapes only) and p.
    let e = cnn.experiment
    ui.label(
      "Network's picture · shape · |r|", in: l.camCaption, size: TypeSize.caption, color: t.mutedText)
    hint(
      ui, l.camCaption,
      "|r|: how much the grown picture looks like the clean shape (1 = the same pattern); "
        + "an imported class shows its mean image and no |r|"
    )
    for (k, cell) in l.camCells.enumerated() where k < e.classCount {
      let name = e.className(k)
      let reference = c.cache.referencePixels(k, of: e)
      if k < cnn.cams.count {
        let cam = cnn.cams[k]
        ui.draw.image(
          CNNPictures.grayscale(cam.image, width: ShapeImages.size, height: ShapeImages.size, scale: 1), in: cell.image,
          key: textureKey("cnn.cam.\(k)"))
        // A shape's |r| compares with its clean template; an imported class has none (a dash).
        let rValue: Float? = e.shapeKind(k) != nil ? reference.map { cam.similarity(to: $0) } : nil
        let rText = rValue.map { NumberFormat.fixed($0, decimals: 2) } ?? "–"
        let wide = cell.text.width >= 110
        let lines = wide ? [name, "|r| \(rText)", "p \(Format.percent(cam.probability))"] : [rText]
        for (j, line) in lines.enumerated() {
          ui.label(
            line, in: Rect(x: cell.text.x, y: cell.text.y + Float(j) * 21, width: cell.text.width, height: 20),
            size: TypeSize.caption, color: j == 0 && wide ? t.text : t.mutedText, weight: j == 0 && wide ? .bold : .regular)
        }
        if ui.isMouseOver(cell.image) {
          let similarity =
            rValue.map { "|r| with the template \(NumberFormat.fixed($0, decimals: 2))" }
            ?? "beside it the mean of its imported images"
          ui.tooltip(
            "What the network thinks a \(name) looks like: step \(cam.steps) of \(cam.settings.maxSteps), "
              + "p = \(Format.percent(cam.probability)), \(similarity)")
        }
      } else {
        ui.draw.fillRect(cell.image, t.control)
      }
      if case let (raster, key)? = c.cache.classIcon(k, of: e) {
        ui.draw.image(raster, in: cell.template, key: key)
      }
      if e.shapeKind(k) == nil && ui.isMouseOver(cell.template) {
        ui.tooltip("The mean of the \(name) class's imported images (it has no clean template)")
      }
      ui.draw.strokeRect(cell.image, width: 1, t.separator)
      ui.draw.strokeRect(cell.template, width: 1, t.separator)
    }
  }
}
