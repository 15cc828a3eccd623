import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Testing
import Training
import _TestSupport

@Suite struct InteractionTests {
  @Test func playButtonTogglesPlay() throws {
    let h = try ViewHarness()
    let result = h.click(h.layout.playButton.center)
    #expect(result.actions.contains(.togglePlay))
    h.apply(result.actions)
    #expect(h.state.isPlaying)
  }

  @Test func topBarButtons() throws {
    let h = try ViewHarness()
    #expect(h.click(h.layout.stepButton.center).actions.contains(.step))
    #expect(h.click(h.layout.resetButton.center).actions.contains(.reset))
    #expect(h.click(h.layout.helpButton.center).actions.contains(.toggleHelp))
  }

  @Test func learningRateDropdownOffersThePlaygroundValues() throws {
    let h = try ViewHarness()
    let box = h.layout.learningRate
    _ = h.click(box.center)  // opens the list below the box
    // Rows are 38 px tall from 4 px below the box (+4 inset); 0.3 is the 8th entry.
    let row = box.maxY + 4 + 4 + 38 * 7 + 19
    let result = h.click(Point(box.midX, row))
    // Once the list closes the mouse may rest on a neuron of the panel below (it then gets focus).
    #expect(result.actions.filter { if case .focusNeuron = $0 { false } else { true } } == [.setLearningRate(0.3)])
  }

  @Test func datasetThumbnailSelectsTheDataset() throws {
    let h = try ViewHarness()
    let rect = try #require(h.layout.datasetTile(.xor))
    let result = h.click(rect.center)
    #expect(result.actions.contains(.selectDataset(.xor)))
    h.apply(result.actions)
    #expect(h.state.config.dataset == .xor)
  }

  @Test func regressionOffersTheRegressionDatasets() throws {
    var config = PlaygroundConfig()
    config.problem = .regression
    config.dataset = .regPlane
    let h = try ViewHarness(config: config)
    #expect(h.layout.datasetTiles.map(\.tag) == [.regPlane, .regGauss])
    #expect(h.layout.classButtons.isEmpty)
    #expect(h.layout.legend != nil)
  }

  @Test func layerAndNeuronButtons() throws {
    let h = try ViewHarness()
    #expect(h.click(h.layout.addLayerButton.center).actions.contains(.addLayer))
    #expect(h.click(h.layout.removeLayerButton.center).actions.contains(.removeLayer))
    #expect(h.click(h.layout.hiddenLayers[1].addNeuron.center).actions.contains(.addNeuron(layer: 1)))
    #expect(h.click(h.layout.hiddenLayers[0].removeNeuron.center).actions.contains(.removeNeuron(layer: 0)))
  }

  @Test func featureTileTogglesTheFeature() throws {
    let h = try ViewHarness()
    let rect = try #require(h.layout.featureTile(.x1sq))
    let result = h.click(rect.center)
    #expect(result.actions.contains(.toggleFeature(.x1sq)))
    h.apply(result.actions)
    #expect(h.state.config.features == [.x1, .x2, .x1sq])
  }

  @Test func hoveringATileFocusesItsNeuron() throws {
    let h = try ViewHarness()
    let tile = h.layout.hiddenLayers[0].tiles[2]
    let result = h.frame(UIInput(mouse: tile.center))
    #expect(result.actions == [.focusNeuron(NeuronRef(layer: 1, index: 2))])
    h.apply(result.actions)
    #expect(h.frame(UIInput(mouse: tile.center)).actions.isEmpty)
    #expect(h.frame(UIInput(mouse: h.layout.epoch.center)).actions == [.focusNeuron(nil)])
  }

  @Test func plotClicksAddAndRemovePoints() throws {
    let h = try ViewHarness()
    let plot = h.layout.plot
    // A quarter of the way in from the right and top edges is (3, 3) on the −6…6 plane.
    let at = Point(plot.x + plot.width * 0.75, plot.y + plot.height * 0.25)
    let left = h.click(at).actions
    guard
      case .addPoint(let x, let y, let label)? = left.first(where: {
        if case .addPoint = $0 { true } else { false }
      })
    else {
      Issue.record("no addPoint in \(left)")
      return
    }
    #expect(abs(x - 3) < 1e-3 && abs(y - 3) < 1e-3)
    #expect(label == Double(h.state.selectedClass))
    let right = h.click(at, button: .right).actions
    #expect(right.contains(.addPoint(x: x, y: y, label: Double(1 - h.state.selectedClass))))
    let shift = h.click(at, modifiers: .shift).actions
    #expect(shift.contains(.removePointNear(x: x, y: y)))
  }

  @Test func classSwatchSelectsTheClass() throws {
    let h = try ViewHarness()
    #expect(h.state.selectedClass == 1)
    #expect(h.click(h.layout.classButtons[0].center).actions.contains(.selectClass(0)))
  }

  @Test func togglesAndCopyConfig() throws {
    let h = try ViewHarness()
    #expect(h.click(h.layout.showTestToggle.center).actions.contains(.setShowTestData(true)))
    #expect(h.click(h.layout.discretizeToggle.center).actions.contains(.setDiscretize(true)))
    let copy = h.click(h.layout.copyConfigButton.center)
    #expect(copy.commands == [.copyToClipboard(h.state.config.shareString)])
  }

  @Test func bannerShowsAndDismisses() throws {
    let h = try ViewHarness()
    reduce(&h.state, .showBanner(Banner(.warning, "Training diverged — try a smaller learning rate")))
    h.frame()
    #expect(h.texts.contains { $0.0.hasPrefix("Training diverged") })
    let close = try #require(h.layout.bannerClose)
    #expect(h.click(close.center).actions.contains(.dismissBanner))
  }

  @Test func warpPickerShowsALayer() throws {
    let h = try ViewHarness()
    let picker = try #require(h.layout.warpPicker)
    _ = h.click(picker.center)
    // The list opens above the picker near the window's bottom; find the "layer 1" row by text.
    h.frame()
    let rows = h.lastList.commands.compactMap { command -> Point? in
      if case .text("Warp: layer 1", let at, _, _, _, _) = command { return at }
      return nil
    }
    let row = try #require(rows.last)
    let result = h.click(Point(row.x + 20, row.y))
    #expect(result.actions.contains(.showWarp(LayerWarpChoice(layer: 0, first: 0, second: 1))))
    h.apply(result.actions)
    #expect(h.layout.warpView != nil)
    h.frame()
  }
}
