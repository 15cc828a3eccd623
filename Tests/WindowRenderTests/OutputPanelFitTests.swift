import Foundation
import ImmediateUI
import LessonKit
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Testing
import Training

/// The OUTPUT panel at every classroom window size and zoom, measured with the real font: no text
/// shortened or cut and nothing on top of anything else inside the panel, and a plot big enough
/// to read.
@Suite(.serialized) @MainActor struct OutputPanelFitTests {
  /// Window pixels and zoom; the UI is laid out in width/zoom × height/zoom logical pixels.
  static let sizes: [(Int, Int, Float)] = [
    (800, 600, 1), (1024, 640, 1), (1280, 800, 1), (1280, 800, 1.5), (1920, 1080, 1.5), (1920, 1080, 2),
    (2560, 1440, 2),
  ]

  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Lessons").standardized

  /// One frame audited as `playground --layout-json` audits it, and its layout.
  func audit(_ state: AppState, lesson: GuidedLesson? = nil, size: (Int, Int, Float)) throws -> (
    LayoutReport, Layout
  ) {
    let zoom = size.2
    let logical = Size(Float(size.0) / zoom, Float(size.1) / zoom)
    let view = PlaygroundView()
    view.lesson = lesson
    let canvas = try OffscreenCanvas(
      width: Int(logical.width.rounded(.up)), height: Int(logical.height.rounded(.up)), scale: zoom)
    let report = view.auditedFrame(state, size: logical, measurer: canvas.measurer)
    return (report, view.layout(for: logical, state: state))
  }

  /// Expects nothing shortened and nothing overlapping inside the output panel.
  func expectFits(_ state: AppState, lesson: GuidedLesson? = nil, _ name: String) throws {
    // A narrow window folds the panels behind tabs: show OUTPUT.
    var state = state
    reduce(&state, .showSidePanel(.output))
    for size in Self.sizes {
      let (report, layout) = try audit(state, lesson: lesson, size: size)
      let panel = layout.outputPanel
      let context = "\(name) at \(size.0)x\(size.1)@\(size.2)"
      // The panel's own parts: inside it. (When the window's columns do not fit, other panels
      // run into this one; that is the column split's business, checked elsewhere.)
      func mine(_ r: Rect) -> Bool {
        r.minX >= panel.minX - 1 && r.maxX <= panel.maxX + 1 && r.minY >= panel.minY - 1
          && r.maxY <= panel.maxY + 1
      }
      for cut in report.truncated where mine(cut.rect) {
        Issue.record("\(context): “\(cut.text)” \(cut.how) at \(cut.rect)")
      }
      for o in report.overlaps() + report.textOverlaps
      where mine(o.first.rect) && mine(o.second.rect) {
        Issue.record("\(context): \(o.first.name) \(o.first.rect) overlaps \(o.second.name) \(o.second.rect)")
      }
      guard !state.chart.expanded else { continue }
      print(
        "PLOTSIZE \(context): \(layout.plot.width) in a \(layout.outputPanel.width)×\(layout.outputPanel.height) panel, network \(layout.networkPanel.width)"
      )
      #expect(mine(layout.plot))
      // A lesson beside the playground in an 800 × 600 window leaves OUTPUT a 486 × 454 tab; three
      // classes with the warp menu then leave a 150 px plot (still readable at zoom 1).
      let smallest: Float = lesson != nil && layout.window.width <= 800 ? 150 : 200
      #expect(layout.plot.width >= smallest, "\(context): plot \(layout.plot.width)")
    }
  }

  func trained(_ configure: (inout PlaygroundConfig) -> Void = { _ in }) throws -> AppState {
    var config = PlaygroundConfig()
    configure(&config)
    var state = try AppState(config: config)
    reduce(&state, .train(epochs: 120))
    return state
  }

  @Test func twoClassesFitEverySize() throws {
    try expectFits(try trained(), "circle")
  }

  @Test func threeClassesWithWarpFitEverySize() throws {
    let state = try trained {
      $0.dataset = .spiral3
      $0.hiddenLayers = [16, 3]
    }
    try expectFits(state, "spiral3")
  }

  @Test func regressionFitsEverySize() throws {
    let state = try trained {
      $0.problem = .regression
      $0.dataset = .regGauss
    }
    try expectFits(state, "regression")
  }

  @Test func explainAStepFitsEverySize() throws {
    let configs: [(String, (inout PlaygroundConfig) -> Void)] = [
      ("circle", { _ in }), ("spiral3", { $0.dataset = .spiral3; $0.hiddenLayers = [16, 3] }),
      ("regression", { $0.problem = .regression; $0.dataset = .regGauss }),
    ]
    for (name, configure) in configs {
      var state = try trained(configure)
      reduce(&state, .explain(.enter(example: 2)))
      for stage in ExplainStage.all(layerCount: state.experiment.network.layerCount) {
        reduce(&state, .explain(.show(stage)))
        try expectFits(state, "explain \(name), \(stage)")
      }
    }
  }

  @Test func expandedChartWithLogScaleFitsEverySize() throws {
    var state = try trained()
    reduce(&state, .setChartExpanded(true))
    reduce(&state, .setChartLogScale(true))
    try expectFits(state, "expanded")
  }

  @Test(arguments: ["06-learning-rate.yaml", "14-regression.yaml", "15-three-classes.yaml"])
  func lessonsFitEverySize(_ file: String) throws {
    let lesson = try Lesson.load(path: Self.lessons.appendingPathComponent(file).path)
    var state = try lesson.startingState()
    var session = GuidedLesson(lesson: lesson, state: &state)
    try expectFits(state, lesson: session, file)
    while !session.isLastStep {
      session.showMe(&state)
      session.next(&state)
    }
    try expectFits(state, lesson: session, "\(file) last step")
  }
}
