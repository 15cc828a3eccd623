import Datasets
import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

/// Menus of the CNN mode.
enum CNNChoices {
  static let batchSizes = [1, 5, 10, 20, 50, 100]
  static let stepSizes: [Float] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
  static let l2Decays: [Float] = [0, 0.005, 0.01, 0.02, 0.05, 0.1]
  static let blurs = [0, 2, 4, 8]
  static let jitters = [0, 1, 2, 3]
  static let caps = [50, 100, 200, 500, 1000]

  /// The index of the value nearest `v`.
  static func nearest<T: BinaryFloatingPoint>(_ values: [T], _ v: T) -> Int {
    values.indices.min { abs(values[$0] - v) < abs(values[$1] - v) } ?? 0
  }
  static func nearest(_ values: [Int], _ v: Int) -> Int {
    values.indices.min { abs(values[$0] - v) < abs(values[$1] - v) } ?? 0
  }
}

/// Colours of filter weights: blue positive, orange negative, white 0 (as the 2-D links).
enum CNNColors {
  static let positive = (r: Float(0x08), g: Float(0x77), b: Float(0xBD))
  static let negative = (r: Float(0xF5), g: Float(0x93), b: Float(0x22))

  /// The image in gray with the saliency on top in red (brighter = more influence).
  static func saliencyRaster(_ image: [Float], _ saliency: [Float], side: Int) -> Raster {
    let big = max(saliency.max() ?? 0, 1e-9)
    var r = Raster(width: side, height: side)
    for i in 0..<(side * side) {
      let g = min(max(image[i], 0), 1) * 0.6
      let s = min(saliency[i] / big, 1)
      let red = UInt32(min(1, g + s) * 255)
      let other = UInt32(g * (1 - s) * 255)
      r.pixels[i] = 0xFF00_0000 | red << 16 | other << 8 | other
    }
    return r
  }
}

extension PlaygroundView {
  // MARK: Top bar

  /// The CNN top bar: the parts both modes share (`drawTopBarFrame`), then batch size and the
  /// test accuracy and loss, large for the back row.
  func drawCNNTopBar(_ c: inout CNNFrame, _ l: Layout) {
    let (ui, t, cnn) = (c.ui, c.theme, c.cnn)
    ui.pushID("cnn")
    defer { ui.popID() }
    drawTopBarFrame(ui, l, c.state, into: &c.actions)
    let batches = CNNChoices.batchSizes
    if let i = topBarMenu(
      ui, tr("Batch size"), batches.map(String.init), CNNChoices.nearest(batches, cnn.config.batchSize), c.layout.batchSize,
      short: tr("Batch size::short"))
    {
      c.actions.append(.setBatchSize(batches[i]))
    }
    // Test accuracy and loss: captions above, values in the box's place.
    let s = c.layout.summary
    if s.width > 0 {
      let cols = s.columns(2, spacing: 12)
      for (col, (caption, value)) in zip(
        cols, [
          ([tr("Test accuracy"), tr("Test accuracy::short")], Format.percent(cnn.evaluation.test.accuracy)),
          ([tr("Test loss"), tr("Test loss::short")], Format.loss(cnn.evaluation.test.loss)),
        ])
      {
        let r = TopBarPlan.caption(for: col)
        let fitting = caption.first { ui.measure($0, size: TypeSize.caption).width <= r.width } ?? caption[caption.count - 1]
        ui.label(fitting, in: r, size: TypeSize.caption, color: t.mutedText)
        ui.label(value, in: col.inset(dx: 0, dy: -4), size: TypeSize.counter, color: t.text, weight: .bold)
      }
    }
  }

  // MARK: Classes and network size

  func drawCNNControls(_ c: inout CNNFrame) {
    let (ui, t, l) = (c.ui, c.theme, c.layout)
    let config = c.cnn.config
    ui.panel(l.controlsPanel)
    let head = l.controlsPanel.inset(12).splitTop(Metrics.headingRow).top
    ui.label(tr("CLASSES"), in: head, size: TypeSize.heading, color: t.mutedText, weight: .bold)
    ui.pushID("cnn.classes")
    for tile in l.classTiles {
      let on = config.shapes.contains(tile.tag)
      let hovered = ui.isMouseOver(tile.rect)
      // An invisible hit area: the picture is the control.
      if ui.region(tile.tag.rawValue, tile.rect).clicked {
        c.actions.append(.cnn(.toggleClass(tile.tag)))
      }
      if let raster = c.cache.templates[tile.tag] {
        ui.draw.image(raster, in: tile.rect, key: textureKey("cnn.class.\(tile.tag.rawValue)"))
      }
      if !on { ui.draw.fillRect(tile.rect, Color(argb: 0xC8FF_FFFF)) }
      ui.draw.strokeRoundedRect(
        tile.rect.inset(-2), radius: 4, width: on ? 3 : (hovered ? 2 : 1),
        on ? t.accent : (hovered ? t.controlBorder : t.separator))
      if hovered {
        ui.tooltip(
          on
            ? tr("{1}: click to remove this class (at least 2)", tile.tag.shownName)
            : tr("{1}: click to add this class (at least 2)", tile.tag.shownName))
      }
    }
    ui.popID()
    drawImportedClasses(&c)
    let info = Rect(x: l.controlsPanel.x + 12, y: l.removeLayerButton.y - Metrics.headingRow - 4, width: l.controlsPanel.width - 24, height: Metrics.headingRow)
    // A narrow column takes the heading a size smaller rather than cut it.
    let convHeading = tr("CONV LAYERS")
    let fits = ui.measure(convHeading, size: TypeSize.heading, weight: .bold).width <= info.width
    ui.label(
      convHeading, in: info, size: fits ? TypeSize.heading : TypeSize.caption, color: t.mutedText, weight: .bold)
    ui.pushID("cnn.layers")
    if ui.iconButton("remove layer", icon: .minus, in: l.removeLayerButton, enabled: config.convLayers.count > 1) {
      c.actions.append(.cnn(.removeConvLayer))
    }
    if ui.iconButton(
      "add layer", icon: .plus, in: l.addLayerButton,
      enabled: config.convLayers.count < CNNConfig.Limits.convLayerCount.upperBound)
    {
      c.actions.append(.cnn(.addConvLayer))
    }
    // The count in words where they fit, else the number alone.
    let count = config.convLayers.count
    let words = count == 1 ? tr("1 layer") : tr("{1} layers", count)
    ui.label(
      ui.measure(words, size: TypeSize.body, weight: .bold).width <= l.layerCountLabel.width ? words : "\(count)",
      in: l.layerCountLabel, size: TypeSize.body, weight: .bold)
    for (i, r) in l.filterSteppers.enumerated() {
      let (stepper, label) = r.splitRight(min(100, r.width / 2))
      let name = tr("Layer {1}", i + 1)
      let size = ui.fittingSize(name, width: label.width, from: TypeSize.body)
      let fits = ui.measure(name, size: size).width <= label.width
      ui.label(fits ? name : "\(i + 1).", in: label, size: fits ? size : TypeSize.body, color: t.text)
      if let v = ui.stepper(
        "filters \(i)", value: config.convLayers[i], range: CNNConfig.Limits.filters, in: stepper)
      {
        c.actions.append(.cnn(v > config.convLayers[i] ? .addFilter(layer: i) : .removeFilter(layer: i)))
      }
    }
    ui.popID()
    // What the network is, under the controls.
    if let last = l.filterSteppers.last {
      let text = Rect(x: last.x, y: last.maxY + 14, width: last.width, height: l.controlsPanel.maxY - last.maxY - 24)
      // The whole sentence where it fits, else the counts alone (never a cut paragraph).
      let counts = tr("{1} training · {2} test images.", c.cnn.experiment.train.count, c.cnn.experiment.test.count)
      let full = verbatim(counts + " " + tr("Each layer: 5×5 filters, ReLU, max pool."))
      let lineWidth = ui.measure(full, size: TypeSize.caption).width
      let lines = (lineWidth / max(1, text.width - 20)).rounded(.up) + 1
      if text.height >= lines * 20 {
        ui.paragraph(full, in: text, size: TypeSize.caption, color: t.mutedText)
      } else if text.height >= 44 {
        ui.paragraph(counts, in: text, size: TypeSize.caption, color: t.mutedText)
      }
    }
  }

  /// The imported image classes under the shape tiles: mean-image icon and name. They are always
  /// trained (they came from the command line or the session file), so they take no click.
  private func drawImportedClasses(_ c: inout CNNFrame) {
    let ui = c.ui
    let t = c.theme
    let l = c.layout
    let e = c.cnn.experiment
    guard !l.importedRows.isEmpty else { return }
    ui.label(tr("IMPORTED"), in: l.importedHeading, size: TypeSize.caption, color: t.mutedText, weight: .bold)
    for (j, row) in l.importedRows.enumerated() where j < e.imported.count {
      let index = e.config.shapes.count + j
      var r = row
      let icon = r.cutLeft(row.height, spacing: 8)
      if case let (raster, key)? = c.cache.classIcon(index, of: e) { ui.draw.image(raster, in: icon, key: key) }
      ui.draw.strokeRect(icon.inset(-1), width: 2, t.accent)
      ui.label(verbatim(e.imported[j].name), in: r, size: TypeSize.caption, color: t.text, weight: .bold)
      if ui.isMouseOver(row) {
        let n = e.imported[j].images.count
        ui.tooltip(
          n == 1
            ? tr("{1}: 1 imported image (icon: the image), always trained", e.imported[j].name)
            : tr("{1}: {2} imported images (icon: their mean), always trained", e.imported[j].name, n))
      }
    }
  }

  // MARK: Filters, feature maps, mistakes

  func drawCNNNetwork(_ c: inout CNNFrame) {
    let (ui, t, l, cnn) = (c.ui, c.theme, c.layout, c.cnn)
    // The class pictures page takes this column.
    guard l.networkPanel.width > 0 else { return }
    ui.panel(l.networkPanel)
    let head = l.networkPanel.inset(12).splitTop(Metrics.headingRow).top
    let what = cnn.inspectDrawing ? tr("your drawing") : tr("test image {1}", cnn.selectedTestImage + 1)
    let layersHeading = cnn.inspectDrawing ? tr("LAYERS: filters, maps of drawing") : tr("LAYERS: filters, maps of image")
    ui.label(
      layersHeading, in: head, size: ui.fittingSize(layersHeading, width: head.width, from: TypeSize.heading, weight: .bold),
      color: t.mutedText, weight: .bold)
    let activations = c.cache.activations
    // Whole weight blocks as large as the tiles (the renderer scales them on, nearest neighbour).
    let kernels = cnn.config.shape.convs.map(\.kernel)
    let scales = zip(l.layers, kernels).map { layer, k in
      max(1, Int((layer.filterTiles.first?.width ?? 0) / Float(k)))
    }
    let filterPictures = c.cache.filters(cnn, scales: scales)
    ui.pushID("cnn.network")
    for (stage, layer) in l.layers.enumerated() {
      let filters = cnn.config.convLayers[stage]
      ui.label(
        filters == 1 ? tr("Layer {1} · 1 filter", stage + 1) : tr("Layer {1} · {2} filters", stage + 1, filters), in: layer.header, size: TypeSize.body,
        weight: .bold)
      if ui.iconButton("minus \(stage)", icon: .minus, in: layer.removeFilter, enabled: filters > 1) {
        c.actions.append(.cnn(.removeFilter(layer: stage)))
      }
      if ui.iconButton(
        "plus \(stage)", icon: .plus, in: layer.addFilter, enabled: filters < CNNConfig.Limits.filters.upperBound)
      {
        c.actions.append(.cnn(.addFilter(layer: stage)))
      }
      if let first = layer.filterTiles.first {
        ui.label(tr("Filters"), in: Rect(x: layer.header.x, y: first.y, width: 62, height: min(first.height, 22)), size: TypeSize.caption, color: t.mutedText)
      }
      if let first = layer.mapTiles.first {
        ui.label(tr("Maps"), in: Rect(x: layer.header.x, y: first.y, width: 62, height: min(first.height, 22)), size: TypeSize.caption, color: t.mutedText)
      }
      let pictures = stage < filterPictures.count ? filterPictures[stage] : []
      for (o, rect) in layer.filterTiles.enumerated() where o < filters && o < pictures.count {
        // Crisp weight blocks, each filter scaled to its own largest |w| (white = 0).
        ui.draw.image(pictures[o], in: rect, key: textureKey("cnn.filter.\(stage).\(o)"))
        ui.draw.strokeRect(rect, width: 1, t.separator)
        if ui.isMouseOver(rect) {
          ui.tooltip(
            stage > 0
              ? tr(
                "Filter {1} of layer {2} (mean over its inputs): blue weights add, orange subtract, white ≈ 0 (scaled to its largest weight)",
                o + 1, stage + 1)
              : tr(
                "Filter {1} of layer {2}: blue weights add, orange subtract, white ≈ 0 (scaled to its largest weight)", o + 1,
                stage + 1))
        }
      }
      if let a = activations {
        let size = cnn.config.shape.mapSize(stage: stage)
        for (o, rect) in layer.mapTiles.enumerated() where o < filters {
          let map = a.featureMap(stage: stage, channel: o)
          ui.draw.image(
            CNNPictures.grayscale(map, width: size.width, height: size.height, scale: 1), in: rect,
            key: textureKey("cnn.map.\(stage).\(o)"))
          ui.draw.strokeRect(rect, width: 1, t.separator)
          if ui.isMouseOver(rect) {
            ui.tooltip(tr("What filter {1} of layer {2} finds in {3} (white = strong)", o + 1, stage + 1, what))
          }
        }
      }
    }
    // The gallery of mistakes.
    let mistakes = c.cache.mistakes
    let count = cnn.experiment.test.count - Int((cnn.evaluation.test.accuracy * Float(cnn.experiment.test.count)).rounded())
    if l.galleryHeading.width > 0 {
      ui.label(
        count == 0 ? tr("No test image misclassified") : tr("MISTAKES ({1}): click to inspect", count),
        in: l.galleryHeading, size: TypeSize.body, color: t.mutedText, weight: .bold)
    }
    for (i, rect) in l.galleryTiles.enumerated() where i < mistakes.count {
      let m = mistakes[i]
      if ui.region("mistake \(i)", rect).clicked {
        c.actions.append(.cnn(.selectTestImage(m.testIndex)))
      }
      ui.draw.image(
        CNNPictures.grayscale(m.image.pixels, width: 28, height: 28, scale: 1, autoContrast: false), in: rect,
        key: textureKey("cnn.mistake.\(i)"))
      let selected = !cnn.inspectDrawing && cnn.selectedTestImage == m.testIndex
      ui.draw.strokeRect(rect, width: selected ? 3 : 1, selected ? t.accent : t.separator)
      if ui.isMouseOver(rect) {
        let e = cnn.experiment
        ui.tooltip(
          tr(
            "A {1} taken for a {2} ({3})", e.shownClassName(m.image.label), e.shownClassName(m.predicted),
            Format.percent(m.probability)))
      }
    }
    ui.popID()
  }

  // MARK: Drawing canvas and prediction

  func drawCNNImage(_ c: inout CNNFrame) {
    let (ui, t, l, cnn) = (c.ui, c.theme, c.layout, c.cnn)
    // Folded into the pages' panel ("Draw") and another page showing.
    guard l.imagePanel.width > 0 else { return }
    ui.panel(l.imagePanel)
    let head = l.imagePanel.inset(12).splitTop(Metrics.headingRow).top
    let e = cnn.experiment
    let k = e.classCount
    let testName = e.test.isEmpty ? "" : e.shownClassName(e.test[min(cnn.selectedTestImage, e.test.count - 1)].label).uppercased()
    let drawing = cnn.inspectDrawing || e.test.isEmpty
    let title = drawing ? tr("DRAW A SHAPE") : tr("TEST: {1}", testName)
    let short = drawing ? title : testName
    // A narrow panel drops "TEST: ", then takes a smaller size, rather than cut the class name.
    let fitting = [title, short].first {
      ui.measure($0, size: TypeSize.heading, weight: .bold).width <= head.width
    }
    ui.label(
      fitting ?? short, in: head,
      size: fitting == nil ? TypeSize.caption : TypeSize.heading, color: t.mutedText, weight: .bold)
    let image = cnn.inspectedImage
    let raster: Raster =
      if cnn.showSaliency, let s = c.cache.saliency {
        CNNColors.saliencyRaster(image, s, side: ShapeImages.size)
      } else {
        CNNPictures.grayscale(image, width: ShapeImages.size, height: ShapeImages.size, scale: 1, autoContrast: false)
      }
    ui.draw.image(raster, in: l.canvas, key: textureKey("cnn.canvas"))
    ui.draw.strokeRect(l.canvas.inset(-1), width: 2, ui.isMouseOver(l.canvas) ? t.accent : t.controlBorder)
    handleCanvas(&c)
    if ui.isMouseOver(l.canvas) {
      ui.tooltip(tr("Draw with the left mouse button, erase with the right (drawing on a test image edits a copy)"))
    }
    ui.pushID("cnn.image")
    // The word where it fits the small button, else the × symbol (a long language at a large zoom).
    let clear = tr("Clear")
    let clearFits = ui.measure(clear, size: ui.theme.bodySize).width <= l.clearButton.width - 2 * ui.theme.padding
    if clearFits ? ui.button(clear, in: l.clearButton) : ui.iconButton(clear, icon: .close, in: l.clearButton) {
      c.actions.append(.cnn(.clearDrawing))
    }
    hint(ui, l.clearButton, tr("Start a new drawing on an empty canvas"))
    if let on = ui.toggle(tr("Saliency"), isOn: cnn.showSaliency, in: l.saliencyToggle) {
      c.actions.append(.cnn(.setSaliency(on)))
    }
    hint(ui, l.saliencyToggle, tr("Red: the pixels that most change the predicted class's score"))
    let predicted = c.cache.activations?.predictedClass ?? 0
    let chosen = min(cnnCache.addClass, k - 1)
    let names = (0..<k).map(e.shownClassName)
    if let i = ui.dropdown("add class", options: names, selected: chosen, in: l.addClassMenu) {
      cnnCache.addClass = i
    }
    // "Hinzufügen als" in a button sized for "Add as" takes smaller type rather than be cut.
    let addLabel = tr("Add as")
    let addSize = ui.shrinkingSize(addLabel, width: l.addButton.width - 2 * t.padding, from: t.bodySize)
    if ui.button(addLabel, in: l.addButton, enabled: cnn.inspectDrawing, textSize: addSize) {
      // A shape is named by kind (as lessons name it); an imported class by its index.
      c.actions.append(.cnn(e.shapeKind(chosen).map { .addDrawing($0) } ?? .addDrawingToClass(chosen)))
    }
    hint(ui, l.addButton, tr("Add to training set as {1}", names[chosen]))
    ui.popID()
    // Probability bars, the predicted class in blue.
    if let first = l.probabilityRows.first {
      ui.label(
        tr("Prediction"), in: Rect(x: first.x, y: first.y - 26, width: first.width, height: 22), size: TypeSize.caption,
        color: t.mutedText)
    }
    let p = c.cache.activations?.probabilities ?? []
    guard p.count == names.count else { return }
    // When not every class has a row, the likeliest take the rows and the last row counts the rest.
    let rows = l.probabilityRows
    let shown: [Int] =
      rows.count >= names.count
      ? Array(names.indices)
      // One row only: the likeliest class, the others in its tooltip.
      : Array(names.indices.sorted { p[$0] > p[$1] }.prefix(max(1, rows.count - 1))).sorted()
    // The names column fits the longest shown name; where the bars get too short, the bar lies
    // under the name instead (a tinted row as long as the probability).
    let widest = shown.map { ui.measure(names[$0], size: TypeSize.caption, weight: .bold).width }.max() ?? 0
    let beside = rows.first.map { $0.width - 56 - 12 - (widest + 2).rounded(.up) >= 40 } ?? true
    for (row, k) in zip(rows, shown) {
      var r = row
      if beside {
        let name = r.cutLeft((widest + 2).rounded(.up), spacing: 6)
        let value = r.cutRight(56, spacing: 6)
        ui.label(names[k], in: name, size: TypeSize.caption, color: t.text, weight: k == predicted ? .bold : .regular)
        let bar = r.inset(dx: 0, dy: max(2, (r.height - 14) / 2))
        ui.draw.fillRect(bar, t.control)
        ui.draw.fillRect(
          Rect(x: bar.x, y: bar.y, width: bar.width * min(max(p[k], 0), 1), height: bar.height),
          k == predicted ? t.accent : t.track)
        ui.label(Format.percent(p[k]), in: value, size: TypeSize.caption, color: t.text, alignment: .right)
      } else {
        let bar = r.inset(dx: 0, dy: 1)
        ui.draw.fillRect(bar, t.control)
        ui.draw.fillRect(
          Rect(x: bar.x, y: bar.y, width: bar.width * min(max(p[k], 0), 1), height: bar.height),
          k == predicted ? Color(rgb: 0xA9D2EE) : Color(rgb: 0xDADFE4))
        let value = r.cutRight(52, spacing: 4)
        let room = r.inset(dx: 4, dy: 0)
        let bold = k == predicted && ui.measure(names[k], size: TypeSize.caption, weight: .bold).width <= room.width
        ui.label(names[k], in: room, size: TypeSize.caption, color: t.text, weight: bold ? .bold : .regular)
        ui.label(Format.percent(p[k]), in: value, size: TypeSize.caption, color: t.text, alignment: .right)
      }
    }
    if shown.count < names.count, let last = rows.last {
      let rest = names.indices.filter { !shown.contains($0) }
      if rows.count > 1 {
        ui.label(
          tr("+ {1} more classes", rest.count), in: last.inset(dx: 4, dy: 0), size: TypeSize.caption, color: t.mutedText)
      }
      if ui.isMouseOver(last) {
        ui.tooltip(rest.map { "\(names[$0]) \(Format.percent(p[$0]))" }.joined(separator: " · "))
      }
    }
  }

  /// Left button paints, right button erases; a stroke joins this frame's point to the last one.
  private func handleCanvas(_ c: inout CNNFrame) {
    let ui = c.ui
    let l = c.layout
    let down = ui.input.buttonsDown.intersection([.left, .right])
    let pressed = ui.input.pressed.intersection([.left, .right])
    // A stroke starts with a press on the canvas and goes on while the button is held.
    let starts = !pressed.isEmpty && ui.isMouseOver(l.canvas)
    guard starts || (cnnCache.lastBrush != nil && !down.isEmpty) else {
      cnnCache.lastBrush = nil
      return
    }
    let scale = l.canvas.width / Float(ShapeImages.size)
    let m = ui.input.mouse
    let p = Point(
      min(max((m.x - l.canvas.x) / scale, 0), Float(ShapeImages.size)),
      min(max((m.y - l.canvas.y) / scale, 0), Float(ShapeImages.size)))
    let erase = down.contains(.right) || pressed.contains(.right)
    let value: Float = erase ? 0 : 1
    let radius: Float = erase ? 2.2 : 1.3
    let from = cnnCache.lastBrush ?? p
    let steps = max(1, Int((from.distance(to: p) / 0.5).rounded(.up)))
    for s in 1...steps {
      let q = from + (p - from) * (Float(s) / Float(steps))
      c.actions.append(.cnn(.paint(x: q.x, y: q.y, radius: radius, value: value)))
    }
    cnnCache.lastBrush = down.isEmpty ? nil : p
  }

  // MARK: Results and class pictures

  func drawCNNResults(_ c: inout CNNFrame) {
    let (ui, t, l) = (c.ui, c.theme, c.layout)
    ui.panel(l.resultsPanel)
    // Narrow windows add "Layers" (the network column folded into this panel) on the left.
    let narrow = l.layersTab.width > 0
    let pages: [CNNPage] =
      l.drawingFolded
      ? [.drawing, .layers, .results, .classPictures]
      : (narrow ? [.layers, .results, .classPictures] : [.results, .classPictures])
    let shown = pages.contains(c.cnn.page) || c.cnn.page.looksInside ? c.cnn.page : CNNPage.results
    if l.drawingFolded {
      // Two rows of two: Draw | Layers above Results | Class pictures (one selection between them).
      let top: [CNNPage] = [.drawing, .layers]
      let bottom: [CNNPage] = [.results, .classPictures]
      if let i = ui.segmented("cnn.page.more", options: [tr("Draw"), tr("Layers")], selected: top.firstIndex(of: shown) ?? -1, in: l.layersTab) {
        c.actions.append(.cnn(.showPage(top[i])))
      }
      if let i = ui.segmented(
        "cnn.page", options: [tr("Results"), tr("Class pictures")], selected: bottom.firstIndex(of: shown) ?? -1, in: l.pageSwitch)
      {
        c.actions.append(.cnn(.showPage(bottom[i])))
      }
    } else if let i = ui.segmented(
      "cnn.page", options: narrow ? [tr("Layers"), tr("Results"), tr("Pictures")] : [tr("Results"), tr("Class pictures")],
      selected: pages.firstIndex(of: shown) ?? -1, in: narrow ? l.layersTab.union(l.pageSwitch) : l.pageSwitch)
    {
      c.actions.append(.cnn(.showPage(pages[i])))
    }
    _ = t
    drawInsideSwitch(&c, shown: shown)
    if c.cnn.page != .classPictures { cnnCache.enlarged = nil }
    switch shown {
    case .results: drawCNNCharts(&c)
    case .classPictures: drawCAM(&c)
    case .attack: drawAttackPage(&c)
    case .units: drawUnitsPage(&c)
    case .embedding: drawEmbeddingPage(&c)
    case .step: drawStepPage(&c)
    case .layers, .drawing: break
    }
  }

  private func drawCNNCharts(_ c: inout CNNFrame) {
    let ui = c.ui
    let t = c.theme
    let l = c.layout
    let cnn = c.cnn
    // The shared chart (axes, ticks, legend); its header row takes the caption strip above each
    // rect. The latest values are in the top bar, so the titles stay short and the legend fits beside.
    func chart(_ spec: ChartSpec, _ r: Rect) {
      ui.chart(spec, in: Rect(x: r.x, y: r.y - 22, width: r.width, height: r.height + 22))
    }
    if l.resultsTabs.width > 0 {
      let tabs: [CNNResultsTab] = [.curves, .confusion]
      if let i = ui.segmented(
        "cnn.results.tab", options: [tr("Curves"), tr("Confusion")], selected: tabs.firstIndex(of: cnnCache.resultsTab) ?? 0,
        in: l.resultsTabs)
      {
        cnnCache.resultsTab = tabs[i]
      }
    }
    guard l.accuracyChart.width > 0 else {
      drawConfusion(&c)
      return
    }
    chart(
      ChartSpec(
        title: tr("Test accuracy"),
        lines: [ChartLine(series: cnn.run.history.testAccuracy, name: tr("Test"), color: t.accent)], fixedRange: 0...1, percent: true),
      l.accuracyChart)
    chart(
      ChartSpec(
        title: tr("Loss"),
        lines: [
          ChartLine(series: cnn.run.history.trainLoss, name: tr("Training"), color: ChartColors.train, width: 2),
          ChartLine(series: cnn.run.history.testLoss, name: tr("Test"), color: ChartColors.test),
        ]), l.lossChart)
    drawConfusion(&c)
  }
}
