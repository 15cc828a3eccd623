import Datasets
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

extension PlaygroundView {
  /// Features, hidden layers and output neurons with their live tiles, the weighted links between
  /// them, the +/− buttons, and hover / click-to-edit for every weight and bias.
  func drawNetworkPanel(_ f: inout FrameBuilder) {
    let (ui, l, t, state) = (f.ui, f.layout, f.theme, f.state)
    let config = state.config
    ui.panel(l.networkPanel)
    if let bar = l.explainBar { drawExplainBar(&f, bar) }
    if l.explainBar == nil, let first = l.featureTiles.first?.rect {
      let left = l.networkPanel.x + Metrics.margin
      let row = Rect(
        x: left, y: l.layerCountLabel.y, width: max(first.maxX, l.addLayerButton.minX - 8) - left,
        height: Metrics.headingRow)
      let size = ui.fittingSize(tr("FEATURES"), width: row.width, from: TypeSize.heading, weight: .bold)
      ui.label(tr("FEATURES"), in: row, size: size, color: t.mutedText, weight: .bold)
    }
    let editorBefore = runEditor(&f)

    // Layer +/− and the count (where the walk-through's bar is while it is open).
    let layerCount = config.hiddenLayers.count
    if l.explainBar == nil {
    if ui.iconButton(
      "Add layer", icon: .plus, in: l.addLayerButton,
      enabled: layerCount < PlaygroundConfig.Limits.windowLayers)
    {
      f.actions.append(.addLayer)
    }
    if ui.iconButton("Remove layer", icon: .minus, in: l.removeLayerButton, enabled: layerCount > 0) {
      f.actions.append(.removeLayer)
    }
    // Narrow windows (a lesson panel beside the network) shrink the heading, then shorten it to
    // "2 LAYERS", rather than cut it.
    let one = layerCount == 1
    let full = one ? tr("1 HIDDEN LAYER") : tr("{1} HIDDEN LAYERS", layerCount)
    let fullSize = ui.fittingSize(full, width: l.layerCountLabel.width, from: TypeSize.heading, weight: .bold)
    let fits = ui.measure(full, size: fullSize, weight: .bold).width <= l.layerCountLabel.width
    let layersText = fits ? full : (one ? tr("1 LAYER") : tr("{1} LAYERS", layerCount))
    let layersSize = ui.fittingSize(
      layersText, width: l.layerCountLabel.width, from: TypeSize.heading, weight: .bold)
    // Still too wide (a long language): regular weight before any cut.
    let bold = ui.measure(layersText, size: layersSize, weight: .bold).width <= l.layerCountLabel.width
    ui.label(layersText, in: l.layerCountLabel, size: layersSize, color: t.mutedText, weight: bold ? .bold : .regular)
    }

    // Links under the tiles; the hovered one is found after the tiles claim the mouse.
    let links = NetworkGeometry.links(state, l).map { link in
      var thick = link
      thick.thickness = t.visualScale
      return thick
    }
    let phase = Float(state.experiment.epoch % 100_000) * 0.4
    // Explain a step: the stage's links (gradient flows, new weights) and numbers on the tiles.
    let explained = ExplainFigures(state).map { ($0, state.explainStage ?? .loss) }
    let shownLinks = explained.map { Self.explainLinks(links, $0.0, stage: $0.1) }
      ?? state.linkGradients.map { Self.gradientLinks(links, $0) } ?? links
    drawLinks(shownLinks, phase: phase, in: l.networkPanel, scale: max(1, ui.input.scaleFactor), ui: ui)

    // After the links, whose opaque picture would cover it.
    ui.label(tr("Output"), in: l.outputCaption, size: TypeSize.caption, color: t.mutedText, alignment: .center)
    var overTile = false
    drawFeatureTiles(&f, overTile: &overTile)
    let outputs = cache.outputs?.widths ?? []
    for (i, layer) in l.hiddenLayers.enumerated() {
      ui.withID("layer \(i)") {
        if ui.iconButton(
          "add", icon: .plus, in: layer.addNeuron,
          enabled: layer.tiles.count < PlaygroundConfig.Limits.windowNeurons)
        {
          f.actions.append(.addNeuron(layer: i))
        }
        if ui.iconButton("remove", icon: .minus, in: layer.removeNeuron, enabled: layer.tiles.count > 1) {
          f.actions.append(.removeNeuron(layer: i))
        }
      }
      let n = layer.tiles.count
      let long = n == 1 ? tr("1 neuron") : tr("{1} neurons", n)
      let text = ui.measure(long, size: TypeSize.caption).width <= layer.neuronsLabel.width ? long : "\(n)"
      ui.label(text, in: layer.neuronsLabel, size: TypeSize.caption, color: t.text, alignment: .center)
      if outputs.count > i + 1 { drawNeuronTiles(&f, layer: i + 1, tiles: layer.tiles, overTile: &overTile) }
    }
    if layerCount == 0 {
      let x = l.layerCountLabel.x - 2 * Metrics.smallButton
      let right = (l.outputNeuronTiles.first?.minX ?? l.networkPanel.maxX) - 12
      let hint = Rect(x: x, y: l.addLayerButton.maxY + 16, width: max(0, right - x), height: 120)
      ui.paragraph(tr("No hidden layers: a linear model"), in: hint, size: TypeSize.caption, color: t.mutedText)
    }
    if outputs.count >= 2 {
      drawNeuronTiles(&f, layer: outputs.count - 1, tiles: l.outputNeuronTiles, overTile: &overTile)
    }
    if let (figures, stage) = explained { drawExplainNumbers(&f, figures, stage: stage) } else { drawExplainButton(&f) }
    drawGradientToggle(&f)

    // The hovered weight or bias: tooltip, and a press opens its editor.
    var hovered: Parameter?
    let overEditor = editor.map { $0.card.contains(ui.input.mouse) } ?? false
    if !overTile && !overEditor && ui.isMouseOver(l.networkPanel) && ui.activeID == nil {
      hovered = hoveredBias(f) ?? shownLinks.last(where: { $0.isNear(ui.input.mouse) })?.parameter
    }
    if let hovered {
      if case .weight = hovered, let link = shownLinks.first(where: { $0.parameter == hovered }) {
        ui.draw.bezier(link.curve, width: link.width + 2, link.color)
      }
      let v = hovered.value(in: state.experiment.network)
      if editor == nil, let (figures, stage) = explained {
        ui.tooltip(Self.explainCard(hovered, figures, stage: stage))
      } else if editor == nil, let gradients = state.linkGradients, let card = Self.gradientCard(hovered, value: v, gradients) {
        ui.tooltip(card)
      } else if editor == nil {
        ui.tooltip(tr("{1} {2} — click to edit", hovered.title, Format.parameter(v)))
      }
      if ui.input.pressed.contains(.left) && editor?.parameter != hovered {
        openEditor(hovered, bounds: l.networkPanel, mouse: ui.input.mouse)
      }
    }
    var editorDrawing = editorBefore
    if editorBefore.isEmpty, editor != nil { editorDrawing = runEditor(&f) }
    ui.overlay.append(contentsOf: editorDrawing)

    if f.hoveredNeuron != state.focusedNeuron { f.actions.append(.focusNeuron(f.hoveredNeuron)) }
  }

  /// The seven feature tiles: captions, pictures, active ones at full strength; a click toggles.
  private func drawFeatureTiles(_ f: inout FrameBuilder, overTile: inout Bool) {
    let ui = f.ui
    let t = f.theme
    let features = f.state.config.features
    for (k, tile) in f.layout.featureTiles.enumerated() {
      let feature = tile.tag
      let r = tile.rect
      let active = features.contains(feature)
      let region = ui.region("feature \(feature.rawValue)", r)
      if cache.featureTiles.indices.contains(k) {
        ui.draw.image(
          cache.featureTiles[k], in: r, smooth: true, key: textureKey("feature.\(feature.rawValue)"))
      }
      if !active { ui.draw.fillRect(r, Color.white.withAlpha(Float(0.72))) }
      ui.draw.strokeRect(
        r, width: active ? 2 : 1, region.hovered ? t.accent : (active ? t.text : t.panelBorder))
      let captions = f.layout.featureCaptions
      let caption = captions.indices.contains(k) ? captions[k] : Rect(x: r.midX - 60, y: r.y - 21, width: 120, height: 20)
      let beside = caption.maxX <= r.minX
      ui.label(
        feature.shownName, in: caption, size: TypeSize.body, color: active ? t.text : t.mutedText,
        alignment: beside ? TextAlignment(.right, .middle) : .center, weight: active ? .bold : .regular)
      if region.hovered {
        overTile = true
        if let index = features.firstIndex(of: feature) {
          f.hoveredNeuron = NeuronRef(layer: 0, index: index)
        }
        if ui.activeID == nil {
          ui.tooltip(
            active ? tr("Click to stop using {1}", feature.displayName) : tr("Click to use {1}", feature.displayName))
        }
      }
      if region.clicked { f.actions.append(.toggleFeature(feature)) }
    }
  }

  /// A layer's neuron tiles (network layer `layer`: 1… hidden, last the output) and their biases.
  private func drawNeuronTiles(_ f: inout FrameBuilder, layer: Int, tiles: [Rect], overTile: inout Bool) {
    let ui = f.ui
    let t = f.theme
    let rasters = cache.tiles.indices.contains(layer) ? cache.tiles[layer] : []
    let network = f.state.experiment.network
    for (i, r) in tiles.enumerated() {
      if rasters.indices.contains(i) {
        ui.draw.image(rasters[i], in: r, smooth: true, key: textureKey("tile.\(layer).\(i)"))
      }
      let ref = NeuronRef(layer: layer, index: i)
      ui.noteControl("neuron \(layer).\(i + 1)", r)
      // The keyboard's ring on a tile shows that neuron in the output, as hovering does.
      let hovered = ui.keyboardStop("neuron \(layer).\(i + 1)", r) || ui.isMouseOver(r)
      let focused = f.state.focusedNeuron == ref
      ui.draw.strokeRect(r, width: hovered || focused ? 2.5 : 1, hovered || focused ? t.text : t.panelBorder)
      let bias = NetworkGeometry.biasRect(for: r)
      let b = layer - 1 < network.layerCount ? network.bias(layer: layer - 1, neuron: i) : 0
      ui.draw.fillRect(bias, Link.color(b))
      ui.draw.strokeRect(bias, width: 1, t.mutedText)
      if hovered {
        overTile = true
        f.hoveredNeuron = ref
        if ui.isMouseOver(r), ui.activeID == nil, let card = explainNeuronCard(f, layer: layer, index: i) {
          ui.tooltip(card)
        }
      }
    }
  }

  /// The bias square under the mouse, if any.
  private func hoveredBias(_ f: FrameBuilder) -> Parameter? {
    let m = f.ui.input.mouse
    for (i, layer) in f.layout.hiddenLayers.enumerated() {
      for (j, tile) in layer.tiles.enumerated()
      where NetworkGeometry.biasRect(for: tile).inset(-2).contains(m) {
        return .bias(layer: i, neuron: j)
      }
    }
    for (j, tile) in f.layout.outputNeuronTiles.enumerated()
    where NetworkGeometry.biasRect(for: tile).inset(-2).contains(m) {
      return .bias(layer: f.layout.hiddenLayers.count, neuron: j)
    }
    return nil
  }
}

extension PlaygroundView {
  /// Paints every link into one opaque raster over the panel's color (our own anti-aliased stroker)
  /// and draws it as an image: hundreds of dashed curves cost a millisecond or two this way
  /// instead of tens as triangles. See `NetworkLinkLayer`.
  func drawLinks(_ links: [Link], phase: Float, in panel: Rect, scale: Float, ui: UIContext) {
    guard let (raster, rect) = linkLayer.paint(links, phase: phase, panel: panel, scale: scale, background: ui.theme.panel)
    else { return }
    ui.draw.image(raster, in: rect, smooth: scale != 1, key: Int(truncatingIfNeeded: WidgetID.fnv1a("PlaygroundUI.links")))
  }
}
