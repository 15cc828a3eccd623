import Datasets
import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// The class pictures page: the ascent settings, then per class the growing picture, its
  /// reference (a shape's clean template, an imported class's mean training image), |r| and p.
  func drawCAM(_ c: inout CNNFrame) {
    let (ui, t, l, cnn) = (c.ui, c.theme, c.layout, c.cnn)
    var s = cnn.camSettings
    var changed = false
    ui.pushID("cnn.cam")
    func caption(_ text: String, _ r: Rect) {
      ui.label(text, in: Rect(x: r.x, y: r.y - 20, width: r.width, height: 19), size: TypeSize.caption, color: t.mutedText)
    }
    let r = l.camControls
    if r.count == 7 {
      caption(tr("Objective"), r[0])
      let objectives: [CNNObjective] = [.probability, .logit]
      if let i = ui.segmented("objective", options: [tr("Prob."), tr("Logit")], selected: objectives.firstIndex(of: s.objective) ?? 0, in: r[0]) {
        s.objective = objectives[i]
        changed = true
      }
      /// A captioned menu for one ascent setting; a choice writes its value into `s`.
      func menu<V>(_ id: String, _ text: String, _ values: [V], _ names: [String], _ selected: Int,
        _ key: WritableKeyPath<CAMSettings, V>, _ rect: Rect
      ) {
        caption(text, rect)
        if let i = ui.dropdown(id, options: names, selected: selected, in: rect) {
          s[keyPath: key] = values[i]
          changed = true
        }
      }
      let starts: [CAMStart] = [.zeros, .gray, .noise]
      menu("start", tr("Start"), starts, [tr("Black"), tr("Gray"), tr("Noise")], starts.firstIndex(of: s.start) ?? 0, \.start, r[1])
      let steps = CNNChoices.stepSizes
      menu(
        "step", tr("Step size"), steps, steps.map { NumberFormat.compact($0) }, CNNChoices.nearest(steps, s.stepSize),
        \.stepSize, r[2])
      let decays = CNNChoices.l2Decays
      menu(
        "l2", tr("L2 decay"), decays, decays.map { NumberFormat.compact($0) }, CNNChoices.nearest(decays, s.l2Decay),
        \.l2Decay, r[3])
      let blurs = CNNChoices.blurs
      menu(
        "blur", tr("Blur every"), blurs, blurs.map { $0 == 0 ? tr("Never") : tr("{1} steps", $0) },
        CNNChoices.nearest(blurs, s.blurEvery), \.blurEvery, r[4])
      let jitters = CNNChoices.jitters
      menu("jitter", tr("Jitter"), jitters, jitters.map { tr("{1} px", $0) }, CNNChoices.nearest(jitters, s.jitter), \.jitter, r[5])
      let caps = CNNChoices.caps
      menu("cap", tr("Step cap"), caps, caps.map(String.init), CNNChoices.nearest(caps, s.maxSteps), \.maxSteps, r[6])
    }
    if l.camRestart.width > 0 {
      if ui.button(tr("Restart"), in: l.camRestart) { c.actions.append(.cnn(.restartCAM)) }
      hint(ui, l.camRestart, tr("Grow every class picture again from the current network"))
    }
    if l.camSettingsToggle.width > 0 {
      let open = c.cache.camSettingsOpen
      if ui.button(open ? tr("Back to the pictures") : tr("Ascent settings…"), in: l.camSettingsToggle) {
        c.cache.camSettingsOpen.toggle()
      }
    }
    ui.popID()
    guard l.camCaption.width > 0 else {
      if changed { c.actions.append(.cnn(.setCAMSettings(s))) }
      return
    }
    if changed { c.actions.append(.cnn(.setCAMSettings(s))) }
    // Per class: the growing picture, the reference, |r| (shapes only) and p.
    let e = cnn.experiment
    // Small windows show the pictures without words: the numbers are a click away.
    let compact = l.camCells.first.map { $0.text.width == 0 } ?? false
    let caption = compact ? tr("Network's picture · shape (click one for |r| and p)") : tr("Network's picture (click to enlarge) · shape · |r|")
    let fits = ui.measure(caption, size: TypeSize.caption).width <= l.camCaption.width
    ui.label(
      fits ? caption : tr("Click a picture to enlarge it"), in: l.camCaption, size: TypeSize.caption, color: t.mutedText)
    hint(
      ui, l.camCaption,
      tr("|r|: how much the grown picture looks like the clean shape (1 = the same pattern); an imported class shows its mean image and no |r|")
    )
    if let k = c.cache.enlarged, k < e.classCount, l.camGrid.width > 0 {
      drawEnlargedCAM(&c, k)
      return
    }
    c.cache.enlarged = nil
    ui.pushID("cnn.cam.cells")
    for (k, cell) in l.camCells.enumerated() where k < e.classCount {
      let name = e.shownClassName(k)
      let reference = c.cache.referencePixels(k, of: e)
      let hit = ui.region("class picture \(k)", cell.image)
      if hit.clicked { c.cache.enlarged = k }
      if k < cnn.cams.count {
        let cam = cnn.cams[k]
        ui.draw.image(
          CNNPictures.grayscale(cam.image, width: ShapeImages.size, height: ShapeImages.size, scale: 1), in: cell.image,
          key: textureKey("cnn.cam.\(k)"))
        // A shape's |r| compares with its clean template; an imported class has none (a dash).
        let rValue: Float? = e.shapeKind(k) != nil ? reference.map { cam.similarity(to: $0) } : nil
        let rText = rValue.map { NumberFormat.fixed($0, decimals: 2) } ?? "–"
        let lines = [verbatim("|r| \(rText)"), verbatim("p \(Format.percent(cam.probability))")]
        for (j, line) in lines.enumerated() where Float(j + 1) * 21 <= cell.text.height + 1 {
          ui.label(
            line, in: Rect(x: cell.text.x, y: cell.text.y + Float(j) * 21, width: cell.text.width, height: 20),
            size: TypeSize.caption, color: t.mutedText)
        }
        if hit.hovered {
          let similarity =
            rValue.map { tr("|r| with the template {1}", NumberFormat.fixed($0, decimals: 2)) }
            ?? tr("beside it the mean of its imported images")
          ui.tooltip(
            tr(
              "What the network thinks a {1} looks like: step {2} of {3}, p = {4}, {5}. Click to enlarge", name, cam.steps,
              cam.settings.maxSteps, Format.percent(cam.probability), similarity))
        }
      } else {
        ui.draw.fillRect(cell.image, t.control)
      }
      if cell.name.width > 0 { ui.label(name, in: cell.name, size: TypeSize.caption, color: t.text, weight: .bold) }
      if case let (raster, key)? = c.cache.classIcon(k, of: e) {
        ui.draw.image(raster, in: cell.template, key: key)
      }
      if e.shapeKind(k) == nil && ui.isMouseOver(cell.template) {
        ui.tooltip(tr("The mean of the {1} class's imported images (it has no clean template)", name))
      }
      ui.draw.strokeRect(cell.image, width: hit.hovered ? 2 : 1, hit.hovered ? t.accent : t.separator)
      ui.draw.strokeRect(cell.template, width: 1, t.separator)
    }
    ui.popID()
  }

  /// One class's picture large, beside its reference at the same size; a click on it or Esc closes.
  private func drawEnlargedCAM(_ c: inout CNNFrame, _ k: Int) {
    let ui = c.ui
    let t = c.theme
    let cnn = c.cnn
    let e = cnn.experiment
    let area = c.layout.camGrid
    let side = max(40, min(((area.width - 16) / 2).rounded(.down), area.height - 2 * 24 - 12).rounded(.down))
    let picture = Rect(x: area.x, y: area.y, width: side, height: side)
    let template = Rect(x: picture.maxX + 16, y: area.y, width: side, height: side)
    let close = ui.region("cnn.cam.enlarged", Rect(x: area.x, y: area.y, width: template.maxX - area.x, height: side))
    if close.clicked || ui.input.keys.contains(where: { $0.key == .escape }) {
      c.cache.enlarged = nil
    }
    if k < cnn.cams.count {
      ui.draw.image(
        CNNPictures.grayscale(cnn.cams[k].image, width: ShapeImages.size, height: ShapeImages.size, scale: 1), in: picture,
        key: textureKey("cnn.cam.\(k)"))
    } else {
      ui.draw.fillRect(picture, t.control)
    }
    if case let (raster, key)? = c.cache.classIcon(k, of: e) { ui.draw.image(raster, in: template, key: key) }
    ui.draw.strokeRect(picture, width: 2, t.accent)
    ui.draw.strokeRect(template, width: 1, t.separator)
    var text = Rect(x: area.x, y: picture.maxY + 8, width: area.width, height: 22)
    var line = e.shownClassName(k)
    if k < cnn.cams.count {
      let cam = cnn.cams[k]
      line += verbatim(" · p \(Format.percent(cam.probability))")
      if e.shapeKind(k) != nil, let reference = c.cache.referencePixels(k, of: e) {
        line += verbatim(" · |r| \(NumberFormat.fixed(cam.similarity(to: reference), decimals: 2))")
      }
    }
    ui.label(line, in: text, size: TypeSize.body, color: t.text, weight: .bold)
    text.y += 24
    ui.label(
      e.shapeKind(k) != nil
        ? tr("Left: the network's picture · right: the clean shape. Click or Esc closes.")
        : tr("Left: the network's picture · right: the mean image. Click or Esc closes."),
      in: text, size: TypeSize.caption, color: t.mutedText)
    if close.hovered { ui.tooltip(tr("Click to go back to every class")) }
  }
}
