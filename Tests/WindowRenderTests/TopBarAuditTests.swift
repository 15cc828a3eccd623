import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Testing

/// The top bar at every classroom size, in both modes, with the real font: nothing shortened,
/// clipped or outside the window, nothing on top of anything else, and the panels below it.
@Suite(.serialized) @MainActor struct TopBarAuditTests {
  /// Window size and zoom → logical size (853 × 533 is 1280 × 800 at 1.5).
  static let sizes: [(Float, Float, Float)] = [
    (800, 600, 1), (1024, 640, 1), (1280, 800, 1), (1280, 800, 1.5), (1920, 1080, 1.5), (1920, 1080, 2),
    (2560, 1440, 2),
  ]

  func audit(_ state: AppState, _ w: Float, _ h: Float, _ zoom: Float) throws -> (LayoutReport, Layout) {
    let logical = Size(w / zoom, h / zoom)
    let canvas = try OffscreenCanvas(
      width: Int(logical.width.rounded(.up)), height: Int(logical.height.rounded(.up)), scale: zoom)
    let view = PlaygroundView()
    let report = view.auditedFrame(state, size: logical, measurer: canvas.measurer)
    return (report, view.layout(for: logical, state: state))
  }

  /// States whose top bar text is widest: typed rates, a speed off the menu, both modes.
  func states() throws -> [(String, AppState)] {
    var dense = try AppState()
    reduce(&dense, .train(epochs: 30))
    var typed = dense
    reduce(&typed, .setLearningRate(0.15))
    reduce(&typed, .setRegularization(.l2))
    reduce(&typed, .setRegularizationRate(0.0025))
    reduce(&typed, .setSpeed(.perSecond(10_000)))
    var regression = dense
    reduce(&regression, .selectProblem(.regression))
    reduce(&regression, .setSpeed(.max))
    var cnn = dense
    reduce(&cnn, .setMode(.cnn))
    var cnnTyped = cnn
    reduce(&cnnTyped, .setLearningRate(0.0025))
    reduce(&cnnTyped, .setSpeed(.perSecond(10_000)))
    return [
      ("2-D", dense), ("2-D typed", typed), ("regression", regression), ("CNN", cnn), ("CNN typed", cnnTyped),
    ]
  }

  @Test func nothingInTheTopBarIsCutOrOverlapsAtAnySize() throws {
    for (name, state) in try states() {
      for (w, h, zoom) in TopBarAuditTests.sizes {
        let (report, layout) = try audit(state, w, h, zoom)
        let bar = layout.topBar
        func inBar(_ r: Rect) -> Bool { r.minY < bar.maxY - 1 }
        let where_ = "\(name) at \(Int(w))x\(Int(h))@\(zoom)"
        let cut = report.truncated.filter { inBar($0.rect) }
        #expect(cut.isEmpty, "\(where_): \(cut.map { "\($0.text) (\($0.how))" })")
        let overlaps = (report.overlaps() + report.textOverlaps).filter {
          inBar($0.first.rect) || inBar($0.second.rect)
        }
        #expect(overlaps.isEmpty, "\(where_): \(overlaps.map { "\($0.first.name) × \($0.second.name)" })")
        // Every part of the bar is inside it and the window.
        let parts = [
          layout.resetButton, layout.playButton, layout.stepButton, layout.epoch, layout.speed,
          layout.learningRate,
          layout.modeSwitch, layout.helpButton,
        ]
        for part in parts {
          #expect(
            part.width > 0 && part.minX >= 0 && part.maxX <= bar.maxX && part.maxY <= bar.maxY, "\(where_)")
        }
        // The panels start below the bar, whatever its height.
        #expect(layout.dataPanel.minY >= bar.maxY, "\(where_)")
      }
    }
  }

  @Test func oneRowWhenItFitsTwoWhenItDoesNot() throws {
    let state = try AppState()
    // 1600 wide fits every menu in one row (1280 did before the optimizer and dropout menus).
    let (_, wide) = try audit(state, 1600, 900, 1)
    let (_, narrow) = try audit(state, 1280, 800, 1.5)
    #expect(wide.topBar.height == 78)
    #expect(narrow.topBar.height > 78 && narrow.topBar.height <= 150)
    // Speed and learning rate stay beside the play button; the rest wrap below, in order.
    #expect(narrow.speed.maxY <= 78 && narrow.learningRate.maxY <= 78)
    #expect(narrow.activation.minY > 78 && narrow.problemType.minY > 78)
    #expect(
      narrow.activation.minX < narrow.regularization.minX
        && narrow.regularization.minX < narrow.problemType.minX)
  }
}
