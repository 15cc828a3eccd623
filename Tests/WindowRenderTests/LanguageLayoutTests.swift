import Datasets
import Engine
import Foundation
import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Testing
import Training

/// The window in every shipped language: in English every word it draws came out of `tr` (or is
/// marked as data with `verbatim`), so a forgotten literal fails; in Spanish and German every page
/// fits the classroom sizes with nothing shortened, cut or overlapping.
@Suite(.serialized) @MainActor struct LanguageLayoutTests {
  static let screens = [
    Screen(width: 1280, height: 800, zoom: 1), Screen(width: 1280, height: 800, zoom: 1.5),
    Screen(width: 800, height: 600, zoom: 1),
  ]

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func catalog(_ language: String) throws -> Catalog {
    try Catalog.load(path: repository.appendingPathComponent("Assets/lang/\(language).yaml").path, language: language)
  }

  var measurers = AuditMeasurers()

  mutating func measurer(zoom: Float) throws -> any TextMeasurer { try measurers.measurer(zoom: zoom) }

  /// One page to render: a state, the lesson beside it (if any) and the CNN page shown.
  struct Page {
    var name: String
    var state: AppState
    var lesson: GuidedLesson? = nil
    var cnnPage: CNNPage = .results
  }

  /// The pages the layout audits render, with the states only this test adds (the timeline's
  /// past, Compare, a focused neuron, the warp view, the expanded chart).
  static func pages() throws -> [Page] {
    var pages: [Page] = []
    var state = try AppState()
    pages.append(Page(name: "2-D start", state: state))
    reduce(&state, .train(epochs: 20))
    for panel in SidePanel.allCases {
      var shown = state
      reduce(&shown, .showSidePanel(panel))
      pages.append(Page(name: "2-D, \(panel) tab", state: shown))
    }
    var banner = state
    reduce(&banner, .showBanner(Banner(.warning, tr("Training diverged ({1}) — try a smaller learning rate, then press Reset.", "NaN"))))
    pages.append(Page(name: "2-D with a banner", state: banner))
    var help = state
    reduce(&help, .toggleHelp)
    pages.append(Page(name: "help", state: help))
    var past = state
    reduce(&past, .setLearningRate(0.3))
    reduce(&past, .train(epochs: 5))
    reduce(&past, .seek(.back))
    pages.append(Page(name: "timeline in the past", state: past))
    var compare = state
    reduce(&compare, .compare(.open))
    pages.append(Page(name: "compare", state: compare))
    var focus = state
    reduce(&focus, .focusNeuron(NeuronRef(layer: 1, index: 0)))
    pages.append(Page(name: "focused neuron", state: focus))
    var warp = state
    reduce(&warp, .showWarp(LayerWarpChoice(layer: 0, first: 0, second: 1)))
    pages.append(Page(name: "warp", state: warp))
    var chart = state
    reduce(&chart, .setChartExpanded(true))
    pages.append(Page(name: "chart expanded", state: chart))
    let deep = try AuditStates.deepSpiral()
    pages.append(Page(name: "2-D spiral, six layers", state: deep))
    var plane = PlaygroundConfig()
    plane.problem = .regression
    plane.dataset = .regPlane
    pages.append(Page(name: "2-D regression", state: try AppState(config: plane)))
    var blobs = PlaygroundConfig()
    blobs.dataset = .blobs3
    pages.append(Page(name: "2-D three classes", state: try AppState(config: blobs)))
    var cnn = try AppState()
    reduce(&cnn, .setMode(.cnn))
    for page in [CNNPage.results, .classPictures, .layers, .drawing] {
      pages.append(Page(name: "CNN \(page)", state: cnn, cnnPage: page))
    }
    // The pages that look inside, worked out (a trained network: the attack fools it).
    reduce(&cnn, .train(epochs: 1))
    for page in [CNNPage.attack, .units, .embedding] {
      pages.append(Page(name: "CNN \(page)", state: cnn, cnnPage: page))
    }
    for stage in ExplainStage.all(layerCount: cnn.cnn!.stepLayerCount) {
      var shown = cnn
      reduce(&shown, .cnn(.inside(.step(.show(stage)))))
      pages.append(Page(name: "CNN step \(stage)", state: shown, cnnPage: .step))
    }
    reduce(&cnn, .cnn(.inside(.setAttack(AttackSettings(method: .pgd, epsilon: 0.01, target: 2)))))
    reduce(&cnn, .cnn(.inside(.showUnits(layer: 3))))
    reduce(&cnn, .cnn(.inside(.setEmbedding(layer: 0, method: .tsne))))
    for page in [CNNPage.attack, .units, .embedding] {
      pages.append(Page(name: "CNN \(page), targeted, dense, pixels", state: cnn, cnnPage: page))
    }
    return pages
  }

  /// Every step of every lesson, with the lesson panel; with a language, its translated lessons
  /// (Lessons/<language>/) too.
  static func lessonPages(language: String? = nil) throws -> [Page] {
    let folder = repository.appendingPathComponent("Lessons").path
    var pages: [Page] = []
    var files = try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".yaml") }).sorted()
    if let language {
      let translated = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + language).filter { $0.hasSuffix(".yaml") }
      #expect(translated.count >= 3, "\(language) lessons")
      files += translated.sorted().map { language + "/" + $0 }
    }
    for file in files {
      let lesson = try Lesson.load(path: folder + "/" + file)
      var state = try lesson.startingState()
      var session = GuidedLesson(lesson: lesson, state: &state)
      while true {
        pages.append(Page(name: "\(file) step \(session.stepNumber)", state: state, lesson: session))
        if session.isLastStep { break }
        session.showMe(&state)
        // After Show me the step has its report: the ✓/✗ sentences show too.
        pages.append(Page(name: "\(file) step \(session.stepNumber) shown", state: state, lesson: session))
        _ = session.next(&state)
      }
    }
    return pages
  }

  mutating func drawn(_ page: Page, on screen: Screen) throws -> (texts: [String], problems: [String]) {
    let view = PlaygroundView()
    view.lesson = page.lesson
    var state = page.state
    reduce(&state, .cnn(.showPage(page.cnnPage)))
    view.settleInsidePage(state)
    let (list, report) = view.drawnFrame(state, size: screen.logical, measurer: try measurer(zoom: screen.zoom))
    let texts = list.commands.compactMap { command -> String? in
      if case .text(let s, _, _, _, _, _) = command { return s }
      return nil
    }
    let problems =
      report.truncated.map { "cut (\($0.how)): '\($0.text)'" }
      + (report.overlaps() + report.textOverlaps).map { "overlap: \($0.first.name) × \($0.second.name)" }
    return (texts, problems)
  }

  /// Whether `text` has a word in it: two letters in a row (single letters are maths: x, p, e-3).
  static func hasWord(_ text: Substring) -> Bool {
    var run = 0
    for c in text {
      run = c.isLetter ? run + 1 : 0
      if run >= 2 { return true }
    }
    return false
  }

  /// The drawn strings that neither `tr` nor `verbatim` returned: not one of them, not part of one
  /// (a wrapped line, a shortened label) and not made only of them and numbers.
  static func unaccounted(_ texts: [String], known: Set<String>, cache: inout [String: Bool]) -> [String] {
    let pieces = known.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
    return texts.filter { text in
      if let ok = cache[text] { return !ok }
      var s = text
      if s.hasSuffix("…") { s.removeLast() }
      var ok = !hasWord(Substring(s)) || known.contains(s) || known.contains { $0.contains(s) }
      if !ok {
        for piece in pieces where s.contains(piece) { s = s.replacingOccurrences(of: piece, with: " ") }
        ok = !hasWord(Substring(s))
      }
      cache[text] = ok
      return !ok
    }
  }

  @Test mutating func everyWordTheWindowDrawsComesFromTheCatalog() throws {
    let recorder = Recorder()
    var missing: [String: String] = [:]
    var cache: [String: Bool] = [:]
    // The pages are made inside the recording too: their banners and lesson sentences are text.
    let all = try Localization.withCatalog(.english) {
      try Localization.recording(into: recorder) { try Self.pages() + Self.lessonPages() }
    }
    for page in all {
      for screen in [Self.screens[0], Self.screens[2]] {
        let texts = try Localization.withCatalog(.english) {
          try Localization.recording(into: recorder) { try drawn(page, on: screen).texts }
        }
        for text in Self.unaccounted(texts, known: recorder.strings, cache: &cache) where missing[text] == nil {
          missing[text] = "\(page.name) at \(screen)"
        }
      }
    }
    #expect(all.count > 40)
    #expect(missing.isEmpty, "drawn without tr or verbatim: \(missing.sorted { $0.key < $1.key }.prefix(30).map { "'\($0.key)' (\($0.value))" }.joined(separator: "; "))")
  }

  /// The recorder is a real oracle: a literal drawn past `tr` is caught.
  @Test func aForgottenLiteralIsCaught() {
    var cache: [String: Bool] = [:]
    let known: Set<String> = [tr("Learning rate"), verbatim("X₁"), "0.03"]
    #expect(Self.unaccounted(["Learning rate", "Learn…", "X₁ 0.03", "1.5e-3", "Learning rate 0.03"], known: known, cache: &cache).isEmpty)
    #expect(Self.unaccounted(["Batch size", "Learning rate and more"], known: known, cache: &cache) == ["Batch size", "Learning rate and more"])
  }

  @Test(arguments: ["es", "de"]) mutating func everyPageFitsInEachLanguage(_ language: String) throws {
    let catalog = try Self.catalog(language)
    // Each problem once, with the first page and screen that shows it.
    var found: [String: String] = [:]
    let all = try Localization.withCatalog(catalog) { try Self.pages() + Self.lessonPages(language: language) }
    for page in all {
      for screen in Self.screens {
        let problems = try Localization.withCatalog(catalog) { try drawn(page, on: screen).problems }
        for problem in problems where found[problem] == nil { found[problem] = "\(page.name) at \(screen)" }
      }
    }
    #expect(
      found.isEmpty,
      "\(language): \(found.count) problems: \(found.sorted { $0.key < $1.key }.prefix(60).map { "\($0.key) [\($0.value)]" }.joined(separator: " | "))")
  }
}
