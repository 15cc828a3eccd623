import Datasets
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Testing
import _TestSupport

@Suite struct CNNModeTests {
  static func cnnHarness() throws -> ViewHarness {
    let h = try ViewHarness()
    h.apply([.setMode(.cnn)])
    h.frame()
    return h
  }

  static func layout(_ h: ViewHarness) -> CNNLayout { h.view.cnnLayout(for: h.size, state: h.state) }

  /// The centre of segment `i` of `n` in a segmented control.
  static func segment(_ i: Int, of n: Int, in rect: Rect) -> Point {
    rect.inset(3).columns(n, spacing: 2)[i].center
  }

  /// Actions except the per-frame CAM advance.
  static func clicked(_ r: FrameResult) -> [Action] {
    r.actions.filter { if case .cnn(.advanceCAM) = $0 { return false } else { return true } }
  }

  @Test func modeSwitchInBothTopBars() throws {
    let h = try ViewHarness()
    let toCNN = h.click(Self.segment(1, of: 2, in: h.layout.modeSwitch))
    #expect(toCNN.actions == [.setMode(.cnn)])
    h.apply(toCNN.actions)
    #expect(h.state.mode == .cnn && h.state.cnn != nil)
    let back = h.click(Self.segment(0, of: 2, in: h.layout.modeSwitch))
    #expect(Self.clicked(back) == [.setMode(.dense)])
    h.apply(back.actions)
    #expect(h.state.mode == .dense)
  }

  @Test func playStepResetAndKeysActOnTheCNN() throws {
    let h = try Self.cnnHarness()
    let play = h.click(h.layout.playButton.center)
    #expect(Self.clicked(play) == [.togglePlay])
    h.apply(play.actions)
    #expect(h.state.cnn?.isPlaying == true && h.state.isPlaying)
    h.apply([.train(epochs: 1)])
    #expect(h.state.cnn?.experiment.epoch == 1)
    let space = h.keys([KeyPress(.space)])
    #expect(space.actions.contains(.togglePlay))
    #expect(Self.clicked(h.click(h.layout.stepButton.center)) == [.step])
    #expect(Self.clicked(h.click(h.layout.resetButton.center)) == [.reset])
  }

  @Test func filterAndLayerButtons() throws {
    let h = try Self.cnnHarness()
    let l = Self.layout(h)
    #expect(l.layers.count == 2)
    let plus = h.click(l.layers[0].addFilter.center)
    #expect(Self.clicked(plus) == [.cnn(.addFilter(layer: 0))])
    h.apply(plus.actions)
    #expect(h.state.cnn?.config.convLayers == [9, 16])
    h.frame()
    #expect(Self.layout(h).layers[0].filterTiles.count == 9)
    #expect(Self.clicked(h.click(l.layers[1].removeFilter.center)) == [.cnn(.removeFilter(layer: 1))])
    #expect(Self.clicked(h.click(l.addLayerButton.center)) == [.cnn(.addConvLayer)])
    #expect(Self.clicked(h.click(l.removeLayerButton.center)) == [.cnn(.removeConvLayer)])
  }

  @Test func classTilesToggleClasses() throws {
    let h = try Self.cnnHarness()
    let l = Self.layout(h)
    #expect(l.classTiles.count == ShapeKind.allCases.count)
    let star = try #require(l.classTiles.first { $0.tag == .star })
    let result = h.click(star.rect.center)
    #expect(Self.clicked(result) == [.cnn(.toggleClass(.star))])
    h.apply(result.actions)
    #expect(h.state.cnn?.config.shapes.contains(.star) == true)
    h.frame()
    #expect(Self.layout(h).probabilityRows.count == 5)
  }

  @Test func drawingOnTheCanvasPaintsAndErases() throws {
    let h = try Self.cnnHarness()
    h.apply([.cnn(.clearDrawing)])
    let c = Self.layout(h).canvas
    let a = Point(c.x + c.width * 0.3, c.midY)
    let b = Point(c.x + c.width * 0.7, c.midY)
    h.frame(UIInput(mouse: a))
    var actions = h.frame(UIInput(mouse: a, buttonsDown: .left, pressed: .left)).actions
    actions += h.frame(UIInput(mouse: b, buttonsDown: .left)).actions
    actions += h.frame(UIInput(mouse: b, released: .left)).actions
    h.apply(actions)
    let drawing = try #require(h.state.cnn?.drawing)
    #expect(drawing[14 * 28 + 14] > 0.9, "the stroke is continuous from 30% to 70% of the width")
    #expect(drawing[14 * 28 + 10] > 0.9 && drawing[14 * 28 + 18] > 0.9)
    #expect(drawing[2 * 28 + 2] == 0)
    // Right button erases.
    var erase = h.frame(UIInput(mouse: c.center, buttonsDown: .right, pressed: .right)).actions
    erase += h.frame(UIInput(mouse: c.center, released: .right)).actions
    h.apply(erase)
    #expect(h.state.cnn?.drawing[14 * 28 + 14] == 0)
    // Clear, then the drawing can be added to the training set.
    let before = h.state.cnn?.experiment.train.count ?? 0
    h.apply(actions)
    let add = h.click(Self.layout(h).addButton.center)
    #expect(Self.clicked(add) == [.cnn(.addDrawing(.circle))])
    h.apply(add.actions)
    #expect(h.state.cnn?.experiment.train.count == before + 1)
    let clear = h.click(Self.layout(h).clearButton.center)
    #expect(Self.clicked(clear) == [.cnn(.clearDrawing)])
    h.apply(clear.actions)
    #expect(h.state.cnn?.drawing.allSatisfy { $0 == 0 } == true)
  }

  @Test func camGrowsFrameByFrameOnTheClassPicturesPage() throws {
    let h = try Self.cnnHarness()
    h.apply([.train(epochs: 1), .pause])
    #expect(h.state.classPicturesAdvance == nil, "the results page does not grow the pictures")
    let page = h.click(Self.segment(1, of: 2, in: Self.layout(h).pageSwitch))
    #expect(Self.clicked(page) == [.cnn(.showPage(.classPictures))])
    h.apply(page.actions)
    #expect(h.state.cnn?.page == .classPictures)
    let l = Self.layout(h)
    #expect(l.camCells.count == 4 && l.camControls.count == 7)
    // The view is no clock: the window loop adds the advance each frame the page shows.
    for _ in 0..<3 {
      let r = h.frame()
      #expect(!r.actions.contains { if case .cnn(.advanceCAM) = $0 { return true } else { return false } })
      let advance = try #require(h.state.classPicturesAdvance)
      #expect(advance == .cnn(.advanceCAM(steps: 4)), "paused: 4 steps a frame")
      h.apply(r.actions + [advance])
    }
    let steps = try #require(h.state.cnn?.cams.first?.steps)
    #expect(steps >= 3)
    h.frame()
    #expect(h.image(in: l.camCells[0].image) != nil && h.image(in: l.camCells[0].template) != nil)
    #expect(Self.clicked(h.click(l.camRestart.center)) == [.cnn(.restartCAM)])
  }

  @Test func mistakesGalleryClickSelectsTheImage() throws {
    let h = try Self.cnnHarness()
    h.frame()
    let l = Self.layout(h)
    // Untrained, most test images are wrong: the gallery fills.
    let result = h.click(l.galleryTiles[0].center)
    let select = Self.clicked(result).first
    guard case .cnn(.selectTestImage(let index)) = select else {
      Issue.record("expected a selection, got \(result.actions)")
      return
    }
    h.apply(result.actions)
    #expect(h.state.cnn?.selectedTestImage == index && h.state.cnn?.inspectDrawing == false)
  }

  @Test func saliencyToggle() throws {
    let h = try Self.cnnHarness()
    let r = h.click(Self.layout(h).saliencyToggle.center)
    #expect(Self.clicked(r) == [.cnn(.setSaliency(true))])
    h.apply(r.actions)
    h.frame()
    #expect(h.image(in: Self.layout(h).canvas) != nil)
  }

  @Test(arguments: [false, true]) func readableAndNothingOverlapsAt1280x800(allClasses: Bool) throws {
    let h = try Self.cnnHarness()
    if allClasses {
      h.apply(ShapeKind.allCases.filter { !ShapeKind.defaultClasses.contains($0) }.map { .cnn(.toggleClass($0)) })
      h.apply([.cnn(.addConvLayer), .cnn(.addConvLayer)])
      #expect(h.state.cnn?.config.shapes.count == 12 && h.state.cnn?.config.convLayers.count == 4)
    }
    h.apply([.train(epochs: 1)])
    for page in 0..<2 {
      h.apply(h.click(Self.segment(page, of: 2, in: Self.layout(h).pageSwitch)).actions)
      h.frame()
      #expect(h.texts.allSatisfy { $0.1 >= 15 }, "\(h.texts.filter { $0.1 < 15 })")
      let l = Self.layout(h)
      let panels = [l.controlsPanel, l.networkPanel, l.imagePanel, l.resultsPanel]
      for (i, a) in panels.enumerated() {
        #expect(a.minY >= 78 && a.maxY <= 800 && a.minX >= 0 && a.maxX <= 1280)
        for b in panels[(i + 1)...] { #expect(a.intersection(b).width <= 0 || a.intersection(b).height <= 0) }
      }
      let inResults = [l.accuracyChart, l.lossChart, l.confusion] + l.camControls + l.camCells.map(\.template)
      for r in inResults where r.width > 0 {
        #expect(r.maxY <= l.resultsPanel.maxY && r.maxX <= l.resultsPanel.maxX, "\(r)")
      }
      for row in l.probabilityRows { #expect(row.maxY <= l.imagePanel.maxY) }
      for cell in l.camCells { #expect(cell.text.width >= 40 && cell.image.width >= 30) }
      for layer in l.layers {
        for t in layer.filterTiles + layer.mapTiles { #expect(t.maxY <= l.galleryHeading.minY && t.maxX <= l.networkPanel.maxX) }
      }
    }
  }
}
