import Datasets
import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Visualization

extension PlaygroundView {
  /// "Attack | Units | Embedding": the pages that look inside the network.
  func drawInsideSwitch(_ c: inout CNNFrame, shown: CNNPage) {
    let l = c.layout
    guard l.insideSwitch.width > 0 else { return }
    let pages: [CNNPage] = [.attack, .units, .embedding, .step]
    // A narrow panel names the pages as the command line does ("Embed", "Explain") and, when even
    // those do not fit a quarter of the row, writes them smaller rather than cut them.
    let cell = (l.insideSwitch.width - 6) / 4 - 10
    func width(_ s: String, _ size: Float) -> Float { c.ui.measure(s, size: size).width }
    let body = c.theme.bodySize
    let embedding = width(tr("Embedding"), body) <= cell ? tr("Embedding") : tr("Embed")
    let step = width(tr("Explain a step"), body) <= cell ? tr("Explain a step") : tr("Explain")
    let names = [tr("Attack"), tr("Units"), embedding, step]
    let size = [body, TypeSize.caption, 13, 12].first { s in names.allSatisfy { width($0, s) <= cell } } ?? 12
    if let i = c.ui.segmented(
      "cnn.page.inside", options: names, selected: pages.firstIndex(of: shown) ?? -1, in: l.insideSwitch, textSize: size)
    {
      c.actions.append(.cnn(.showPage(pages[i])))
    }
    if shown.looksInside { insideCache.update(c.cnn, page: shown) }
  }

  /// A caption in muted caption type.
  private func caption(_ ui: UIContext, _ text: String, _ r: Rect, bold: Bool = false) {
    ui.label(text, in: r, size: TypeSize.caption, color: bold ? ui.theme.text : ui.theme.mutedText, weight: bold ? .bold : .regular)
  }

  /// The layer switch's options ("Pixels", "Layer 1"…, "Dense"); "L1"… when they do not fit `r`.
  private func layerNames(_ ui: UIContext, conv: Int, pixels: Bool, in r: Rect) -> [String] {
    let ends = (pixels ? [tr("Pixels")] : [], [tr("Dense")])
    let long = ends.0 + (1...conv).map { tr("Layer {1}", $0) } + ends.1
    let cell = (r.width - 6) / Float(long.count) - 10
    if long.allSatisfy({ ui.measure($0, size: ui.theme.bodySize).width <= cell }) { return long }
    return ends.0 + (1...conv).map { tr("L{1}", $0) } + ends.1
  }

  /// `text` when it fits `r` in bold caption type, else `short`.
  private func fitting(_ ui: UIContext, _ text: String, _ short: String, _ r: Rect) -> String {
    ui.measure(text, size: TypeSize.caption, weight: .bold).width <= r.width ? text : short
  }

  /// A 28×28 image in gray, framed.
  private func picture(_ ui: UIContext, _ pixels: [Float], _ r: Rect, key: String, autoContrast: Bool = false) {
    guard pixels.count == ShapeImages.size * ShapeImages.size else { return }
    ui.draw.image(
      CNNPictures.grayscale(pixels, width: ShapeImages.size, height: ShapeImages.size, scale: 1, autoContrast: autoContrast),
      in: r, key: textureKey(key))
    ui.draw.strokeRect(r, width: 1, ui.theme.separator)
  }

  // MARK: Attack

  /// The inspected image attacked (FGSM or PGD, untargeted or toward a class) at ε: the original,
  /// the change (blue brighter, orange darker, scaled to ε), the attacked image, and the class
  /// probabilities before and after.
  func drawAttackPage(_ c: inout CNNFrame) {
    let (ui, t, cnn) = (c.ui, c.theme, c.cnn)
    let l = c.layout.inside
    let e = cnn.experiment
    var settings = cnn.shownAttack
    var changed = false
    ui.pushID("cnn.attack")
    let methods: [AttackMethod] = [.fgsm, .pgd]
    if let i = ui.segmented("method", options: [verbatim("FGSM"), verbatim("PGD")], selected: methods.firstIndex(of: settings.method) ?? 0, in: l.attackMethod) {
      settings.method = methods[i]
      changed = true
    }
    hint(ui, l.attackMethod, tr("FGSM: one step of ε in the direction that hurts most. PGD: 20 smaller steps, each kept within ε"))
    let any = ui.measure(tr("Any other class"), size: t.bodySize).width <= l.attackTarget.width - 40 ? tr("Any other class") : tr("Any class")
    let targets = [any] + (0..<e.classCount).map { tr("Toward {1}", e.shownClassName($0)) }
    if let i = ui.dropdown("target", options: targets, selected: settings.target.map { $0 + 1 } ?? 0, in: l.attackTarget) {
      settings.target = i == 0 ? nil : i - 1
      changed = true
    }
    hint(ui, l.attackTarget, tr("Untargeted: any wrong answer will do. Targeted: push the answer toward one class"))
    caption(ui, l.epsilonCaption.width < 60 ? verbatim("ε") : tr("ε: the most a pixel may change (0 to 1)"), l.epsilonCaption)
    hint(ui, l.epsilonCaption, tr("Pixels go from 0 (black) to 1 (white); the attack may move each by at most ε"))
    if let v = ui.slider(
      "epsilon", value: settings.epsilon, range: 0...0.5, step: 0.005, in: l.epsilonSlider,
      format: { NumberFormat.fixed($0, decimals: 3) })
    {
      settings.epsilon = v
      changed = true
    }
    let find = ui.measure(tr("Find smallest ε"), size: t.bodySize).width <= l.searchButton.width - 2 * t.padding ? tr("Find smallest ε") : tr("Smallest ε")
    if ui.button(find, in: l.searchButton) { c.actions.append(.cnn(.inside(.findSmallestEpsilon))) }
    hint(ui, l.searchButton, tr("Search for the smallest ε that changes the network's answer (and set the slider to it)"))
    ui.popID()
    if changed { c.actions.append(.cnn(.inside(.setAttack(settings)))) }
    guard let a = insideCache.attack, l.attackImages.count == 3 else { return }
    let what = cnn.inspectDrawing ? tr("Drawing") : tr("Image {1}", cnn.selectedTestImage + 1)
    let change = tr("Change ×{1}", amplification(settings.epsilon))
    let fits = ui.measure(change, size: TypeSize.caption).width <= l.attackCaptions[1].width
    let titles = [what, fits ? change : tr("Change"), tr("Attacked")]
    for (i, r) in l.attackCaptions.enumerated() { caption(ui, titles[i], r) }
    picture(ui, a.original, l.attackImages[0], key: "cnn.attack.original")
    ui.draw.image(changeRaster(a.perturbation, epsilon: settings.epsilon), in: l.attackImages[1], key: textureKey("cnn.attack.change"))
    ui.draw.strokeRect(l.attackImages[1], width: 1, t.separator)
    picture(ui, a.adversarial, l.attackImages[2], key: "cnn.attack.adversarial")
    if ui.isMouseOver(l.attackImages[1]) {
      ui.tooltip(tr("Blue pixels got brighter, orange darker; full colour is a change of ε"))
    }
    let before = a.originalClass
    let after = a.adversarialClass
    let verdict =
      a.fools
      ? tr("Fooled: now {1} ({2})", e.shownClassName(after), Format.percent(a.adversarialProbabilities[after]))
      : tr("Not fooled: still {1} ({2})", e.shownClassName(after), Format.percent(a.adversarialProbabilities[after]))
    let short = a.fools ? tr("Fooled: {1}", e.shownClassName(after)) : tr("Not fooled: {1}", e.shownClassName(after))
    let verdictFits = ui.measure(verdict, size: TypeSize.body, weight: .bold).width <= l.attackVerdict.width
    ui.label(verdictFits ? verdict : short, in: l.attackVerdict, size: TypeSize.body, color: a.fools ? Color(rgb: 0xB3261E) : t.text, weight: .bold)
    var distances = tr("Largest change {1} · L2 {2}", NumberFormat.fixed(a.linfDistance, decimals: 3), NumberFormat.fixed(a.l2Distance, decimals: 2))
    if let s = cnn.currentSearch {
      distances = s.epsilon.map { tr("Smallest fooling ε: {1}", NumberFormat.fixed($0, decimals: 3)) } ?? tr("No ε up to 1 fools it")
    }
    caption(ui, distances, l.attackDistances)
    // Probabilities before and after, likeliest first.
    guard let header = Optional(l.probabilityHeader), header.width > 0 else { return }
    let columns = header.columns(weights: [0.4, 0.3, 0.3], spacing: 8)
    caption(ui, tr("Class"), columns[0])
    caption(ui, tr("Before"), columns[1])
    caption(ui, tr("After"), columns[2])
    let order = (0..<e.classCount).sorted {
      max(a.originalProbabilities[$0], a.adversarialProbabilities[$0]) > max(a.originalProbabilities[$1], a.adversarialProbabilities[$1])
    }
    for (row, k) in zip(l.probabilityRows, order) {
      let cells = row.columns(weights: [0.4, 0.3, 0.3], spacing: 8)
      let bold = k == before || k == after
      ui.label(e.shownClassName(k), in: cells[0], size: TypeSize.caption, color: t.text, weight: bold ? .bold : .regular)
      for (j, p) in [a.originalProbabilities[k], a.adversarialProbabilities[k]].enumerated() {
        var cell = cells[j + 1]
        let text = cell.cutRight(56, spacing: 4)
        let bar = Rect(x: cell.x, y: cell.midY - 5, width: cell.width, height: 10)
        ui.draw.fillRect(bar, t.control)
        ui.draw.fillRect(Rect(x: bar.x, y: bar.y, width: bar.width * min(max(p, 0), 1), height: bar.height), j == 0 ? t.mutedText : t.accent)
        ui.label(verbatim(Format.percent(p)), in: text, size: TypeSize.caption, color: t.mutedText, alignment: .right)
      }
    }
  }

  /// How much the change picture is scaled: full colour at ε.
  private func amplification(_ epsilon: Float) -> String {
    epsilon > 0 ? NumberFormat.compact(1 / epsilon) : verbatim("1")
  }

  /// A perturbation on the diverging scale: blue where a pixel got brighter, orange darker, white
  /// unchanged; full colour at ±ε.
  private func changeRaster(_ change: [Float], epsilon: Float) -> Raster {
    let side = ShapeImages.size
    var r = Raster(width: side, height: side)
    let scale = epsilon > 0 ? 1 / epsilon : 1
    for i in 0..<min(change.count, side * side) {
      let v = min(max(change[i] * scale, -1), 1)
      let c = v >= 0 ? CNNColors.positive : CNNColors.negative
      let f = abs(v)
      let red = UInt32(255 + (c.r - 255) * f)
      let green = UInt32(255 + (c.g - 255) * f)
      let blue = UInt32(255 + (c.b - 255) * f)
      r.pixels[i] = 0xFF00_0000 | red << 16 | green << 8 | blue
    }
    return r
  }

  // MARK: Units

  /// Every unit of a layer: the picture that excites it most (grown like the class pictures, one
  /// unit a frame), and the chosen unit's nine best test images with its strongest region.
  func drawUnitsPage(_ c: inout CNNFrame) {
    let (ui, t, cnn) = (c.ui, c.theme, c.cnn)
    let l = c.layout.inside
    let e = cnn.experiment
    let layer = cnn.shownUnitsLayer
    let conv = cnn.config.convLayers.count
    let names = layerNames(ui, conv: conv, pixels: false, in: l.unitsLayer)
    ui.pushID("cnn.units")
    if let i = ui.segmented("layer", options: names, selected: layer - 1, in: l.unitsLayer) {
      c.actions.append(.cnn(.inside(.showUnits(layer: i + 1))))
    }
    let dense = layer == cnn.denseLayer
    let wants = dense ? tr("What each class score wants to see") : tr("What layer {1}'s filters want to see", layer)
    let wantsFits = ui.measure(wants, size: TypeSize.caption).width <= l.unitsCaption.width
    caption(ui, wantsFits ? wants : tr("Favourite images"), l.unitsCaption)
    hint(ui, l.unitsCaption, tr("Each picture is grown to excite its unit most; click one to see the test images it likes best"))
    let unit = cnn.shownUnit
    for (i, r) in l.unitTiles.enumerated() {
      let hit = ui.region("unit \(i)", r)
      if hit.clicked { c.actions.append(.cnn(.inside(.selectUnit(i)))) }
      if i < insideCache.unitPictures.count, let p = insideCache.unitPictures[i] {
        picture(ui, p.image, r, key: "cnn.unit.\(layer).\(i)", autoContrast: true)
        if hit.hovered {
          ui.tooltip(
            dense
              ? tr("The picture that raises the {1} score most (it reaches {2})", e.shownClassName(i), NumberFormat.fixed(p.activation, decimals: 2))
              : tr("The picture that excites filter {1} most (mean activation {2})", i + 1, NumberFormat.fixed(p.activation, decimals: 2)))
        }
      } else {
        ui.draw.fillRect(r, t.control)
      }
      ui.draw.strokeRect(r, width: i == unit ? 3 : 1, i == unit ? t.accent : t.separator)
      let name = dense ? e.shownClassName(i) : verbatim(String(i + 1))
      ui.label(name, in: Rect(x: r.x, y: r.maxY + 1, width: r.width, height: 16), size: 13, color: t.mutedText, alignment: .center)
    }
    ui.popID()
    caption(
      ui, fitting(ui, dense ? tr("Top 9 for {1}", e.shownClassName(unit)) : tr("Top 9 for filter {1}", unit + 1), tr("Top 9"), l.topCaption),
      l.topCaption, bold: true)
    ui.pushID("cnn.units.top")
    for (j, r) in l.topTiles.enumerated() where j < insideCache.top.count {
      let (index, response) = insideCache.top[j]
      guard index < e.test.count else { continue }
      let hit = ui.region("top \(j)", r)
      if hit.clicked { c.actions.append(.cnn(.selectTestImage(index))) }
      picture(ui, e.test[index].pixels, r, key: "cnn.unit.top.\(j)")
      if let region = response.region {
        let s = r.width / Float(ShapeImages.size)
        ui.draw.strokeRect(
          Rect(x: r.x + Float(region.x) * s, y: r.y + Float(region.y) * s, width: Float(region.width) * s, height: Float(region.height) * s),
          width: 2, t.accent)
      }
      let selected = !cnn.inspectDrawing && cnn.selectedTestImage == index
      if selected { ui.draw.strokeRect(r.inset(-2), width: 2, t.text) }
      if hit.hovered {
        ui.tooltip(
          tr("Test image {1}, a {2}: activation {3}. Click to inspect it", index + 1, e.shownClassName(e.test[index].label), NumberFormat.fixed(response.activation, decimals: 2)))
      }
    }
    ui.popID()
  }

  // MARK: Embedding

  /// Every test image as a dot: its activations at the chosen layer projected to 2-D (PCA or
  /// t-SNE), coloured by class; the silhouette says how far apart the classes lie in the layer.
  func drawEmbeddingPage(_ c: inout CNNFrame) {
    let (ui, t, cnn) = (c.ui, c.theme, c.cnn)
    let l = c.layout.inside
    let e = cnn.experiment
    let layer = cnn.shownEmbeddingLayer
    let conv = cnn.config.convLayers.count
    let names = layerNames(ui, conv: conv, pixels: true, in: l.embeddingLayer)
    let methods: [ProjectionMethod] = [.pca, .tsne]
    ui.pushID("cnn.embedding")
    if let i = ui.segmented("layer", options: names, selected: layer, in: l.embeddingLayer) {
      c.actions.append(.cnn(.inside(.setEmbedding(layer: i, method: cnn.inside.projection))))
    }
    if let i = ui.segmented("method", options: [verbatim("PCA"), verbatim("t-SNE")], selected: methods.firstIndex(of: cnn.inside.projection) ?? 0, in: l.projection) {
      c.actions.append(.cnn(.inside(.setEmbedding(layer: layer, method: methods[i]))))
    }
    hint(ui, l.projection, tr("PCA: the two directions of largest spread. t-SNE: keeps neighbours together; it settles over a few seconds"))
    let separation = insideCache.silhouette.map { tr("Separation (silhouette): {1}", NumberFormat.fixed(Float($0), decimals: 2)) } ?? tr("Separation (silhouette): measuring")
    let short = insideCache.silhouette.map { tr("Separation: {1}", NumberFormat.fixed(Float($0), decimals: 2)) } ?? tr("Separation: measuring")
    if l.separation.height >= 40 {
      // The column beside the plot: up to two lines, the long form when it wraps into them.
      let lines = ui.wrap(separation, toWidth: l.separation.width, size: TypeSize.caption, weight: .bold).count
      ui.paragraph(lines <= 2 ? separation : short, in: l.separation, size: TypeSize.caption, color: t.text, weight: .bold)
    } else {
      let fits = ui.measure(separation, size: TypeSize.caption, weight: .bold).width <= l.separation.width
      let text = fits ? separation : short
      // "Separation: measuring" in a narrow row writes smaller rather than be cut.
      ui.label(
        text, in: l.separation, size: ui.shrinkingSize(text, width: l.separation.width, from: TypeSize.caption, weight: .bold),
        color: t.text, weight: .bold)
    }
    hint(ui, l.separation, tr("The silhouette of the classes at this layer, from −1 to 1: near 1 they lie apart, near 0 they overlap"))
    ui.popID()
    let r = l.scatter
    guard r.width > 20 else { return }
    let labels = insideCache.labels
    let normalized = insideCache.normalizedPoints
    let n = min(normalized.count, labels.count)
    guard n > 0 else { return }
    // The dots as one picture (as the 2-D plot draws its points); the hover and the ring on top.
    let side = Int(r.width.rounded(.down))
    ui.draw.image(insideCache.scatterPicture(side: side, background: t.panel.argb), in: r, smooth: true, key: textureKey("cnn.embedding.scatter"))
    ui.draw.strokeRect(r, width: 1, t.separator)
    let transform = PlotTransform(domain: CNNInsideCache.scatterDomain, width: r.width, height: r.height)
    func place(_ i: Int) -> Point {
      let p = transform.pixel(x: normalized[i].x, y: normalized[i].y)
      return Point(r.x + p.x, r.y + p.y)
    }
    let radius = CNNInsideCache.dotRadius(side: r.width)
    let palette = ClassPalette.standard
    var nearest: (index: Int, distance: Float)?
    let mouse = ui.input.mouse
    if ui.isMouseOver(r) {
      for i in 0..<n {
        let d = place(i).distance(to: mouse)
        if d <= radius + 4 && d < (nearest?.distance ?? .infinity) { nearest = (i, d) }
      }
    }
    // The selected test image ringed.
    if !cnn.inspectDrawing && cnn.selectedTestImage < n {
      let p = place(cnn.selectedTestImage)
      ui.draw.fillCircle(center: p, radius: radius + 4, t.text)
      ui.draw.fillCircle(center: p, radius: radius + 1, palette.hue(labels[cnn.selectedTestImage]))
    }
    let hit = ui.region("cnn.embedding.scatter", r)
    if let (i, _) = nearest, i < e.test.count {
      // The image beside the cursor, inside the plot.
      let side: Float = 84
      let x = min(max(mouse.x + 14, r.x), r.maxX - side)
      let y = min(max(mouse.y - side - 14, r.y), r.maxY - side)
      let box = Rect(x: x, y: y, width: side, height: side)
      picture(ui, e.test[i].pixels, box, key: "cnn.embedding.hover")
      ui.draw.strokeRect(box.inset(-2), width: 2, palette.hue(labels[i]))
      ui.tooltip(tr("Test image {1}, a {2}. Click to inspect it", i + 1, e.shownClassName(labels[i])))
      if hit.clicked { c.actions.append(.cnn(.selectTestImage(i))) }
    }
    // Which colour is which class: as many as fit, in rows of 24 px (one under the plot, or
    // as many as the column beside it holds).
    var rows = l.legend
    var legend = rows.cutTop(24, spacing: 2)
    for k in 0..<e.classCount {
      let name = e.shownClassName(k)
      let w = ui.measure(name, size: TypeSize.caption).width + 26
      if w > legend.width {
        guard rows.height >= 24, w <= rows.width else { break }
        legend = rows.cutTop(24, spacing: 2)
      }
      var item = legend.cutLeft(w, spacing: 10)
      let dot = item.cutLeft(16, spacing: 6)
      ui.draw.fillCircle(center: dot.center, radius: 6, palette.hue(k))
      ui.label(name, in: item, size: TypeSize.caption, color: t.text)
    }
  }
}
