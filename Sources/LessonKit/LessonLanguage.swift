import Foundation
import Localization
import Yams

/// Translated lessons: `lang:` in a lesson file, the Lessons/<lang>/ folders that hold the
/// translations, and finding a lesson in the learner's language with English as the fallback.
extension LessonParser {
  /// `lang:` — one of the languages the playground ships (the window's catalog speaks it too).
  func language(_ node: Node) throws(LessonError) -> String {
    let code = try reader.string(node, "lang")
    guard Catalog.shipped.contains(code) else {
      var message = "lang '\(code)' is not a language this playground ships; the languages are: "
        + Catalog.shipped.joined(separator: ", ")
      if let close = Language.shipped(code) { message += " (did you mean \(close)?)" }
      throw reader.error(node, message)
    }
    return code
  }
}

extension LessonLibrary {
  /// The subfolders of a lesson folder that hold translations, one per shipped language but
  /// English (`Lessons/es/03-feature-crosses-es.yaml`). Their files keep the number of the lesson
  /// they translate, so the curriculum order holds in every language.
  public static let languageFolders = Catalog.shipped.filter { $0 != "en" }

  /// The lesson files of `directory` itself, sorted by name.
  static func filesDirectlyIn(_ directory: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
      URL(fileURLWithPath: directory).appendingPathComponent($0).path
    }
  }

  /// The lesson files of the language folders of `directory` that exist, language by language.
  static func translatedFiles(in directory: String) -> [String] {
    languageFolders.flatMap { language -> [String] in
      let folder = URL(fileURLWithPath: directory).appendingPathComponent(language).path
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
      return (try? filesDirectlyIn(folder)) ?? []
    }
  }

  /// The entries a listing in `language` shows: the lessons written in it, and every file that
  /// does not parse (its errors are reported whatever the language).
  public static func entries(_ entries: [Entry], in language: String) -> [Entry] {
    entries.filter { entry in
      guard case .success(let lesson) = entry.lesson else { return true }
      return lesson.lang == language
    }
  }

  /// `resolve` in the learner's language: outside English, the translation of `name` first — the
  /// lesson in `language` whose id or file name is `name` or `name-<language>`
  /// (`learning-rate` → `learning-rate-es`, `06-learning-rate` → `es/06-learning-rate-es.yaml`) —
  /// and the lesson as `resolve` finds it (English) when there is none.
  public static func resolve(_ name: String, directory: String?, language: String) -> Result<String, LookupFailure> {
    guard language != "en", !name.contains("/"), let directory, !FileManager.default.fileExists(atPath: name) else {
      return resolve(name, directory: directory)
    }
    let stem =
      name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? String(name[..<name.lastIndex(of: ".")!]) : name
    let wanted: Set<String> = [stem, stem + "-" + language]
    let all = (try? files(in: directory)) ?? []
    // File names first (they are cheap), then the ids inside the files.
    let byName = all.filter { wanted.contains(fileStem($0)) }
    for path in byName + all.filter({ !wanted.contains(fileStem($0)) }) {
      guard case .success(let lesson) = entry(path).lesson, lesson.lang == language else { continue }
      if wanted.contains(fileStem(path)) || wanted.contains(lesson.id) { return .success(path) }
    }
    return resolve(name, directory: directory)
  }
}
