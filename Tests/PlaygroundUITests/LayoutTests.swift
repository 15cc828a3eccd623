import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Testing
import Training
import _TestSupport

@Suite struct LayoutTests {
  /// No two rectangles of `rects` overlap (touching edges is fine).
  func assertDisjoint(_ rects: [(String, Rect)], _ context: String) {
    for i in rects.indices {
      for j in rects.indices where j > i {
        let overlap = rects[i].1.intersection(rects[j].1)
        #expect(
          overlap.width < 0.5 || overlap.height < 0.5, "\(context): \(rects[i].0) overlaps \(rects[j].0)")
      }
    }
  }

  /// `outer` contains `inner` up to float rounding.
  func encloses(_ outer: Rect, _ inner: Rect) -> Bool {
    inner.minX >= outer.minX - 0.01 && inner.minY >= outer.minY - 0.01 && inner.maxX <= outer.maxX + 0.01
      && inner.maxY <= outer.maxY + 0.01
  }

  func controls(_ l: Layout) -> [(String, Rect)] {
    var out: [(String, Rect)] = [
      ("reset", l.resetButton), ("play", l.playButton), ("step", l.stepButton), ("epoch", l.epoch),
      ("learningRate", l.learningRate), ("activation", l.activation), ("regularization", l.regularization),
      ("regularizationRate", l.regularizationRate), ("problemType", l.problemType), ("help", l.helpButton),
    ]
    out += l.datasetTiles.map { ("dataset \($0.tag)", $0.rect) }
    out += [
      ("trainRatio", l.trainRatioSlider), ("noise", l.noiseSlider), ("batch", l.batchSizeSlider),
      ("regenerate", l.regenerateButton),
    ]
    out += l.featureTiles.map { ("feature \($0.tag)", $0.rect) }
    out += [
      ("addLayer", l.addLayerButton), ("removeLayer", l.removeLayerButton), ("layerCount", l.layerCountLabel),
    ]
    for (i, layer) in l.hiddenLayers.enumerated() {
      out += [
        ("addNeuron \(i)", layer.addNeuron), ("removeNeuron \(i)", layer.removeNeuron),
        ("label \(i)", layer.neuronsLabel),
      ]
      out += layer.tiles.enumerated().map { ("tile \(i).\($0.offset)", $0.element) }
    }
    out += l.outputNeuronTiles.enumerated().map { ("output tile \($0.offset)", $0.element) }
    out += [
      ("stats", l.stats), ("plot", l.plot), ("showTest", l.showTestToggle),
      ("discretize", l.discretizeToggle), ("copyConfig", l.copyConfigButton),
    ]
    // A shown chart holds its own Log toggle and expand button; a folded one is that button.
    if let log = l.chartLogToggle {
      out += [("chartLog", log), ("chartExpand", l.chartExpandButton)]
    } else {
      out.append(("lossChart", l.lossChart))
    }
    out += l.classButtons.enumerated().map { ("class \($0.offset)", $0.element) }
    if let r = l.legend { out.append(("legend", r)) }
    if let r = l.warpPicker { out.append(("warpPicker", r)) }
    return out
  }

  func check(_ config: PlaygroundConfig, size: Size, banner: Bool = false) throws {
    let h = try ViewHarness(config: config, size: size)
    if banner {
      reduce(&h.state, .showBanner(Banner(.warning, "Training diverged — try a smaller learning rate")))
    }
    let l = h.layout
    // The banner floats over the panels on purpose; it stays in the window, under the top bar.
    if let b = l.banner {
      #expect(encloses(l.window, b) && b.minY >= l.topBar.maxY)
      #expect(l.bannerClose.map { encloses(b, $0) } ?? false)
    }
    let context = "\(Int(size.width))×\(Int(size.height)) \(config.dataset) \(config.hiddenLayers)"
    assertDisjoint(l.regions.enumerated().map { ("region \($0.offset)", $0.element) }, context)
    assertDisjoint(controls(l).filter { $0.1.intersects(l.window) }, context)
    // A folded window lays the panels its tabs hide out of sight: only what shows is checked.
    for (name, r) in controls(l) where r.intersects(l.window) {
      #expect(r.width > 0 && r.height > 0, "\(context): \(name) is empty")
      #expect(encloses(l.window, r), "\(context): \(name) leaves the window")
      let inside = l.regions.contains { encloses($0, r) }
      #expect(inside, "\(context): \(name) is not inside one panel")
    }
    h.frame()
    #expect(!h.lastList.isEmpty)
  }

  @Test func nothingOverlapsAtDefaultAndMinimumSizes() throws {
    var big = PlaygroundConfig()
    big.dataset = .spiral
    big.features = [.x1, .x2, .x1sq, .x2sq, .x1x2, .sinx1, .sinx2]
    big.hiddenLayers = [8, 8, 8, 8, 8, 8]
    for size in [Size(1280, 800), Size(1000, 640), Size(1920, 1080)] {
      for config in [PlaygroundConfig(), big, SampleConfigs.threeClasses, SampleConfigs.regression] {
        try check(config, size: size)
        try check(config, size: size, banner: true)
      }
    }
  }

  @Test func everyTextIsAtLeast15Points() throws {
    for size in [Size(1280, 800), Size(1000, 640)] {
      let h = try ViewHarness(size: size)
      reduce(&h.state, .showBanner(Banner(.error, "Something")))
      h.frame(UIInput(mouse: h.layout.playButton.center))
      #expect(!h.texts.isEmpty)
      for (text, size) in h.texts { #expect(size >= 15, "“\(text)” is \(size) pt") }
      reduce(&h.state, .toggleHelp)
      h.frame()
      for (text, size) in h.texts { #expect(size >= 15, "“\(text)” is \(size) pt") }
    }
  }

  @Test func epochCounterIsLarge() throws {
    let h = try ViewHarness()
    reduce(&h.state, .train(epochs: 123))
    h.frame()
    let counter = h.texts.first { $0.0 == "000,123" }
    #expect(counter != nil)
    #expect((counter?.1 ?? 0) >= 22)
  }
}
