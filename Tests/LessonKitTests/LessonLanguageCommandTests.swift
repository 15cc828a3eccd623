import Foundation
import Testing
import _TestSupport

/// `playground lesson list` and `--lesson` in a language, run as a real process.
@Suite(.enabled(if: playgroundBinaryPath != nil, "the playground binary is not built"))
struct LessonLanguageCommandTests {
  static let plain: [String: String?] = ["LANG": "C", "LC_ALL": nil, "LC_MESSAGES": nil]

  /// The ids of a `lesson list` table (the first column after the header).
  static func ids(_ out: String) -> [String] {
    out.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
  }

  @Test func listInALanguageListsExactlyItsLessons() throws {
    let es = try runPlayground(["lesson", "list", "--lang", "es", "--dir", lessonsDirectory], environment: Self.plain)
    #expect(es.status == 0, "\(es.stderr)")
    #expect(Self.ids(es.stdout) == ["reading-the-playground-es", "feature-crosses-es", "learning-rate-es"], "\(es.stdout)")
    #expect(es.stdout.hasPrefix("ID") && es.stdout.contains("TÍTULO") && es.stdout.contains("Cruces de entradas"))
    #expect(es.stdout.contains("/es/03-feature-crosses-es.yaml") && es.stdout.contains("inicial"))
    // The English lessons are named on stderr (the window falls back to them).
    let english = lessonFileNames().filter { !$0.contains("/") }.count
    #expect(es.stderr.contains("\(english) lecciones más en inglés"), "\(es.stderr)")
    let de = try runPlayground(["lesson", "list", "--json", "--dir", lessonsDirectory], environment: ["LANG": "de_DE.UTF-8", "LC_ALL": nil])
    #expect(de.status == 0)
    let lines = de.stdout.split(separator: "\n")
    #expect(lines.count == 3 && lines.allSatisfy { $0.contains("\"lang\":\"de\"") && $0.contains("-de\"") }, "\(de.stdout)")
  }

  @Test func plainListStaysEnglishAndAllLanguagesListsEveryLesson() throws {
    let en = try runPlayground(["lesson", "list", "--dir", lessonsDirectory], environment: Self.plain)
    #expect(en.status == 0 && en.stderr.isEmpty, "\(en.stderr)")
    let english = Self.ids(en.stdout)
    #expect(english.count == lessonFileNames().filter { !$0.contains("/") }.count)
    #expect(!english.contains { $0.hasSuffix("-es") || $0.hasSuffix("-de") })
    #expect(en.stdout.hasPrefix("ID") && en.stdout.contains("TITLE") && en.stdout.contains("beginner") && en.stdout.contains("8 min"))
    let all = try runPlayground(["lesson", "list", "--all-languages", "--dir", lessonsDirectory], environment: Self.plain)
    #expect(all.status == 0)
    #expect(Self.ids(all.stdout).count == lessonFileNames().count)
    let none = try runPlayground(["lesson", "list", "--lang", "es", "--dir", lessonsDirectory + "/de"], environment: Self.plain)
    #expect(none.status == 0 && none.stderr.contains("no hay lecciones en el idioma «es»"), "\(none.stderr)")
  }

  @Test func validateRunsTheTranslations() throws {
    let r = try runPlayground(["lesson", "validate", "--quiet", lessonsDirectory + "/es", lessonsDirectory + "/de"], environment: Self.plain)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix("6 lessons: 6 passed, 0 with unmet expectations, 0 invalid\n"), "\(r.stdout)")
  }

  /// The neurons the window draws, from `--layout-json`'s control list.
  static func neurons(_ json: String) -> Int {
    json.components(separatedBy: "\"name\":\"neuron ").count - 1
  }

  /// `--lesson ID` opens the translation in the window's language, English the fallback; a
  /// translated lesson opened without `--lang` makes the window speak its language; `--lang` wins.
  @Test func theWindowOpensTheLessonInItsLanguage() throws {
    // A lessons folder whose Spanish "translation" has a hidden layer of 3 (the English one has
    // none), so the window's layout tells which file opened.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("es"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let english = try String(contentsOfFile: lessonsDirectory + "/06-learning-rate.yaml", encoding: .utf8)
    try english.write(to: dir.appendingPathComponent("06-learning-rate.yaml"), atomically: true, encoding: .utf8)
    let spanish = english.replacingOccurrences(of: "id: learning-rate\n", with: "id: learning-rate-es\nlang: es\n")
      .replacingOccurrences(of: "  hiddenLayers: []\n  learningRate", with: "  hiddenLayers: [3]\n  learningRate")
    #expect(spanish != english)
    try spanish.write(to: dir.appendingPathComponent("es/06-learning-rate-es.yaml"), atomically: true, encoding: .utf8)
    var environment = Self.plain
    environment["NEURALPLAYGROUND_LESSONS"] = dir.path
    func open(_ arguments: [String]) throws -> (Int32, String) {
      let r = try runPlayground(["--layout-json", "--size", "1280x800"] + arguments, in: URL(fileURLWithPath: "/"), environment: environment)
      #expect(r.status == 0, "\(arguments): \(r.stderr)")
      return (r.status, r.stdout)
    }
    #expect(Self.neurons(try open(["--lesson", "learning-rate"]).1) == 1)
    let es = try open(["--lang", "es", "--lesson", "learning-rate"]).1
    #expect(Self.neurons(es) == 4 && es.contains("Tasa de aprendizaje"), "\(es.prefix(400))")
    #expect(Self.neurons(try open(["--lang", "es", "--lesson", "06-learning-rate"]).1) == 4)
    // No German translation there: the English lesson, in a German window.
    let de = try open(["--lang", "de", "--lesson", "learning-rate"]).1
    #expect(Self.neurons(de) == 1 && de.contains("Lernrate"))
    // The shipped German lesson opened by path, without --lang: the window speaks German.
    let byPath = try open(["--lesson", lessonsDirectory + "/de/06-learning-rate-de.yaml"]).1
    #expect(byPath.contains("\"Lernrate\"") && byPath.contains("\"truncated\":[]"), "\(byPath.prefix(600))")
    let flag = try open(["--lang", "en", "--lesson", lessonsDirectory + "/de/06-learning-rate-de.yaml"]).1
    #expect(flag.contains("\"Learning rate\"") && !flag.contains("Lernrate"), "\(flag.prefix(600))")
  }
}
