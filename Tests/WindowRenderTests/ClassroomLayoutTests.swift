import Datasets
import Engine
import Foundation
import ImmediateUI
import LessonKit
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Testing
import Training

/// Every page at the window sizes a classroom uses, built with the real font and audited: no text
/// shortened with "…", clipped or dropped, no control on top of another (`LayoutReport`).
@Suite(.serialized) @MainActor struct ClassroomLayoutTests {
  static let screens = [
    Screen(width: 800, height: 600, zoom: 1), Screen(width: 1024, height: 640, zoom: 1),
    Screen(width: 1280, height: 800, zoom: 1), Screen(width: 1280, height: 800, zoom: 1.5),
    Screen(width: 1920, height: 1080, zoom: 2),
  ]

  var measurers = AuditMeasurers()

  mutating func measurer(zoom: Float) throws -> any TextMeasurer { try measurers.measurer(zoom: zoom) }

  /// The audit of one frame of `state` on `screen`, as lines naming what is wrong.
  mutating func problems(
    _ state: AppState, on screen: Screen, lesson: GuidedLesson? = nil, page: CNNPage = .results
  ) throws -> [String] {
    let measurer = try measurer(zoom: screen.zoom)
    let view = PlaygroundView()
    view.lesson = lesson
    var state = state
    reduce(&state, .cnn(.showPage(page)))
    view.settleInsidePage(state)
    let report = view.auditedFrame(state, size: screen.logical, measurer: measurer)
    return report.truncated.map { "cut (\($0.how)): '\($0.text)'" }
      + (report.overlaps() + report.textOverlaps).map { "overlap: \($0.first.name) × \($0.second.name)" }
  }

  mutating func expectClean(_ name: String, _ state: AppState, lesson: GuidedLesson? = nil, page: CNNPage = .results) throws {
    for screen in Self.screens {
      let found = try problems(state, on: screen, lesson: lesson, page: page)
      #expect(found.isEmpty, "\(name) at \(screen): \(found.prefix(6).joined(separator: "; "))")
    }
  }

  @Test mutating func twoDPagesFitEveryClassroomSize() throws {
    var state = try AppState()
    try expectClean("2-D start", state)
    reduce(&state, .train(epochs: 20))
    reduce(&state, .showSidePanel(.data))
    try expectClean("2-D, DATA tab", state)
    reduce(&state, .showSidePanel(.output))
    try expectClean("2-D, OUTPUT tab", state)
    reduce(&state, .showBanner(Banner(.warning, String(repeating: "Training diverged: try a smaller learning rate. ", count: 3))))
    try expectClean("2-D with a long banner", state)
    reduce(&state, .dismissBanner)
    // Explain a step: every stage, with the network tab and the output tab showing.
    var explained = state
    reduce(&explained, .explain(.enter(example: 4)))
    for stage in ExplainStage.all(layerCount: explained.experiment.network.layerCount) {
      reduce(&explained, .explain(.show(stage)))
      for panel in [SidePanel.network, .output] {
        reduce(&explained, .showSidePanel(panel))
        try expectClean("explain a step, \(stage), \(panel) tab", explained)
      }
    }
    reduce(&state, .toggleHelp)
    try expectClean("help", state)
    var deep = try AuditStates.deepSpiral()
    try expectClean("2-D spiral, six layers", deep)
    reduce(&deep, .explain(.enter(example: 0)))
    reduce(&deep, .explain(.show(.backward(layer: 1))))
    try expectClean("explain a step, six layers", deep)
    var plane = PlaygroundConfig()
    plane.problem = .regression
    plane.dataset = .regPlane
    try expectClean("2-D regression", try AppState(config: plane))
    var blobs = PlaygroundConfig()
    blobs.dataset = .blobs3
    let three = try AppState(config: blobs)
    try expectClean("2-D three classes", three)
  }

  @Test mutating func cnnPagesFitEveryClassroomSize() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    try expectClean("CNN results", state)
    try expectClean("CNN class pictures", state, page: .classPictures)
    reduce(&state, .train(epochs: 1))
    for page in [CNNPage.attack, .units, .embedding] { try expectClean("CNN \(page)", state, page: page) }
    // Every class, four conv layers: the longest class names, the most layer buttons.
    var all = CNNConfig()
    all.shapes = ShapeKind.allCases
    all.convLayers = [4, 4, 4, 4]
    var big = try AppState()
    reduce(&big, .configureCNN(all))
    reduce(&big, .cnn(.inside(.setAttack(AttackSettings(method: .pgd, epsilon: 0.2, target: 7)))))
    reduce(&big, .cnn(.inside(.setEmbedding(layer: 2, method: .tsne))))
    for page in [CNNPage.attack, .units, .embedding] { try expectClean("CNN \(page), 12 classes, 4 layers", big, page: page) }
    // "Explain a step", every stage: two conv layers, then every class and four layers.
    for (name, start) in [("", state), (", 12 classes, 4 layers", big)] {
      for stage in ExplainStage.all(layerCount: start.cnn!.stepLayerCount) {
        var shown = start
        reduce(&shown, .cnn(.inside(.step(.show(stage)))))
        try expectClean("CNN step \(stage)\(name)", shown, page: .step)
      }
    }
  }

  @Test mutating func everyLessonStepFitsEveryClassroomSize() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Lessons").path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(files.count >= 19)
    for file in files {
      let lesson = try Lesson.load(path: folder + "/" + file)
      var state = try lesson.startingState()
      var session = GuidedLesson(lesson: lesson, state: &state)
      while true {
        try expectClean("\(file) step \(session.stepNumber)", state, lesson: session)
        // Where a narrow window folds panels behind tabs, the others too (first and last step).
        if session.isFirstStep || session.isLastStep {
          for panel in [SidePanel.data, .output] {
            var shown = state
            reduce(&shown, .showSidePanel(panel))
            try expectClean("\(file) step \(session.stepNumber), \(panel) tab", shown, lesson: session)
          }
        }
        if session.isLastStep { break }
        session.showMe(&state)
        _ = session.next(&state)
      }
    }
  }

  /// The report is truthful: a window far too small for the playground reports what it cuts.
  @Test mutating func aTinyWindowReportsWhatItCuts() throws {
    let state = try AppState()
    let found = try problems(state, on: Screen(width: 320, height: 240, zoom: 1))
    #expect(found.contains { $0.hasPrefix("cut") })
  }
}
