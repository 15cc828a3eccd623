import Foundation
import LessonKit
import Localization
import PlaygroundCore
import Testing

/// The translated lessons in Lessons/es and Lessons/de: each is its English original in another
/// language — the same setup, steps, actions and checks, reaching the same numbers headless —
/// with `lang:` and an id ending in `-<lang>`.
@Suite struct TranslatedLessonTests {
  /// (language, file path) of every shipped translation.
  static func translations() -> [(String, String)] {
    LessonLibrary.languageFolders.flatMap { language in
      let folder = lessonsDirectory + "/" + language
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }
      return names.sorted().map { (language, folder + "/" + $0) }
    }
  }

  /// The English lesson a translation translates: the same number and id without `-<lang>`.
  static func original(of path: String, language: String) -> String {
    let name = URL(fileURLWithPath: path).lastPathComponent
    return lessonsDirectory + "/" + name.replacingOccurrences(of: "-\(language).yaml", with: ".yaml")
  }

  @Test func threeLessonsShipInEachLanguage() {
    for language in ["es", "de"] {
      #expect(Self.translations().filter { $0.0 == language }.count == 3, "\(language)")
    }
  }

  @Test(arguments: translations().map(\.1))
  func translationMatchesItsOriginal(_ path: String) throws {
    let language = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
    let lesson = try Lesson.load(path: path)
    let english = try Lesson.load(path: Self.original(of: path, language: language))
    #expect(lesson.lang == language)
    #expect(english.lang == "en")
    #expect(lesson.id == english.id + "-" + language)
    #expect(lesson.title != english.title && lesson.summary != english.summary)
    #expect(lesson.level == english.level && lesson.minutes == english.minutes)
    #expect(lesson.setup == english.setup && lesson.controls == english.controls)
    #expect(lesson.steps.count == english.steps.count)
    for (step, original) in zip(lesson.steps, english.steps) {
      let at = "\(path) step \(step.number)"
      #expect(step.action?.key == original.action?.key, "\(at)")
      #expect(step.highlight == original.highlight, "\(at)")
      #expect((step.say == nil) == (original.say == nil), "\(at)")
      if let say = step.say, let english = original.say { #expect(say != english, "\(at): not translated") }
      #expect(step.expectations.map(\.condition.source) == original.expectations.map(\.condition.source), "\(at)")
      for (e, o) in zip(step.expectations, original.expectations) {
        // Every text the English step shows is there in the translation, and translated.
        #expect((e.text == nil) == (o.text == nil) && (e.met == nil) == (o.met == nil) && (e.missed == nil) == (o.missed == nil), "\(at)")
        for (t, u) in [(e.text, o.text), (e.met, o.met), (e.missed, o.missed)] where t != nil { #expect(t != u, "\(at)") }
      }
      switch (step.action, original.action) {
      case (.task(let t)?, .task(let o)?):
        #expect(t.goal.source == o.goal.source, "\(at)")
        #expect((t.hint == nil) == (o.hint == nil) && (t.goalText == nil) == (o.goalText == nil), "\(at)")
        #expect(t.solution.count == o.solution.count, "\(at)")
      case (.ask(let q)?, .ask(let o)?):
        #expect(q.answer == o.answer && q.choices.count == o.choices.count, "\(at)")
        #expect(q.question != o.question && (q.explain == nil) == (o.explain == nil), "\(at)")
        for (c, d) in zip(q.choices, o.choices) { #expect(c != d, "\(at)") }
      default: break
      }
    }
    // The same claims: run headless, every step reads the same numbers and checks as the original's.
    let run = LessonRunner.validate(lesson)
    for error in run.errors + run.failures { Issue.record("\(error)") }
    #expect(run.passed)
    #expect(run.lines == LessonRunner.validate(english).lines)
  }

  @Test func langIsParsedAndChecked() throws {
    let body = "format: 1\nid: x-es\nLANG\ntitle: x\nsteps:\n  - say: hola\n"
    #expect(try Lesson.parse(body.replacingOccurrences(of: "LANG\n", with: "")).lang == "en")
    #expect(try Lesson.parse(body.replacingOccurrences(of: "LANG", with: "lang: es")).lang == "es")
    #expect(try Lesson.parse(body.replacingOccurrences(of: "LANG", with: "lang: de")).lang == "de")
    do {
      _ = try Lesson.parse(body.replacingOccurrences(of: "LANG", with: "lang: fr"), file: "x.yaml")
      Issue.record("lang: fr was accepted")
    } catch {
      #expect(error.description.hasPrefix("x.yaml:3:7: "), "\(error)")
      #expect(error.description.contains("'fr'") && error.description.contains("en, es, de"), "\(error)")
    }
    do {
      _ = try Lesson.parse(body.replacingOccurrences(of: "LANG", with: "lang: ES"), file: "x.yaml")
      Issue.record("lang: ES was accepted")
    } catch {
      #expect(error.description.contains("did you mean es?"), "\(error)")
    }
  }

  @Test func theLibraryListsTranslationsAfterTheCurriculum() throws {
    let files = try LessonLibrary.files(in: lessonsDirectory)
    let top = files.prefix { !$0.contains("/es/") && !$0.contains("/de/") }
    #expect(top.count >= 28 && top.allSatisfy { URL(fileURLWithPath: $0).deletingLastPathComponent().path == lessonsDirectory })
    #expect(Array(files.dropFirst(top.count)) == Self.translations().map(\.1))
    let entries = try LessonLibrary.load(directory: lessonsDirectory)
    #expect(LessonLibrary.duplicateIDs(entries).isEmpty)
    let spanish = LessonLibrary.entries(entries, in: "es").compactMap { try? $0.lesson.get().id }
    #expect(spanish == ["reading-the-playground-es", "feature-crosses-es", "learning-rate-es"])
    #expect(LessonLibrary.entries(entries, in: "en").count == top.count)
  }

  /// `--lesson NAME` in a language: the translation when there is one, else the English lesson.
  @Test func lessonsResolveInTheLearnersLanguage() {
    func found(_ name: String, _ language: String) -> String? {
      guard case .success(let path) = LessonLibrary.resolve(name, directory: lessonsDirectory, language: language) else { return nil }
      return String(path.dropFirst(lessonsDirectory.count + 1))
    }
    #expect(found("feature-crosses", "es") == "es/03-feature-crosses-es.yaml")
    #expect(found("06-learning-rate", "de") == "de/06-learning-rate-de.yaml")
    #expect(found("06-learning-rate.yaml", "de") == "de/06-learning-rate-de.yaml")
    #expect(found("learning-rate-es", "es") == "es/06-learning-rate-es.yaml")
    #expect(found("feature-crosses", "en") == "03-feature-crosses.yaml")
    #expect(found("weights-by-hand", "es") == "02-weights-by-hand.yaml")
    #expect(found("reading-the-playground-de", "en") == "de/01-reading-the-playground-de.yaml")
    #expect(found("no-such-lesson", "es") == nil)
  }
}
