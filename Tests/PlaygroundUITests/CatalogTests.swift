import Foundation
import Localization
import Testing

/// The shipped catalogs against the code: every `tr("…")` key in Sources/ is translated in every
/// shipped language with the same placeholders, and no catalog keeps a key the code no longer uses.
@Suite struct CatalogTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every literal key passed to `tr` in Sources/, with a file that uses it.
  static func keysInSources() throws -> [String: String] {
    let sources = repository.appendingPathComponent("Sources")
    let pattern = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_.])tr\(\s*"((?:[^"\\\n]|\\.)*)""#)
    var keys: [String: String] = [:]
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    for file in files.sorted() {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        guard let range = Range(match.range(at: 1), in: text) else { continue }
        let key = String(text[range]).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        if keys[key] == nil { keys[key] = file }
      }
    }
    return keys
  }

  static func catalog(_ language: String) throws -> Catalog {
    try Catalog.load(path: repository.appendingPathComponent("Assets/lang/\(language).yaml").path, language: language)
  }

  @Test func theCodeHasKeys() throws {
    let keys = try Self.keysInSources()
    #expect(keys.count > 300)
    #expect(keys["Learning rate"] != nil && keys["Step {1} of {2}"] != nil)
  }

  @Test(arguments: ["es", "de"]) func everyKeyIsTranslatedWithItsPlaceholders(_ language: String) throws {
    let keys = try Self.keysInSources()
    let catalog = try Self.catalog(language)
    let missing = keys.keys.filter { catalog.entries[$0] == nil }.sorted()
    #expect(missing.isEmpty, "\(language) lacks \(missing.count): \(missing.prefix(20).map { "'\($0)' (\(keys[$0]!))" }.joined(separator: ", "))")
    let unused = catalog.entries.keys.filter { keys[$0] == nil }.sorted()
    #expect(unused.isEmpty, "\(language) has keys no code uses: \(unused.prefix(20).joined(separator: " | "))")
    let mismatched = catalog.entries.filter { Catalog.placeholders($0.key) != Catalog.placeholders($0.value) }.keys.sorted()
    #expect(mismatched.isEmpty, "\(language): placeholders differ in \(mismatched.prefix(20).joined(separator: " | "))")
    let empty = catalog.entries.filter { $0.value.isEmpty }.keys.sorted()
    #expect(empty.isEmpty, "\(language): empty translations for \(empty.prefix(10).joined(separator: " | "))")
  }

  @Test func placeholdersAreFoundAndCompared() {
    #expect(Catalog.placeholders("Epoch {1} of {2}") == ["{1}", "{2}"])
    #expect(Catalog.placeholders("{2} von {1}") == ["{1}", "{2}"])
    #expect(Catalog.placeholders("{x} {} {12}") == ["{12}"])
  }

  @Test func aCatalogWithARepeatedKeyOrNonTextIsRefused() {
    #expect(throws: CatalogError.self) { try Catalog.parse("\"Play\": \"Start\"\n\"Play\": \"Los\"\n", language: "de") }
    #expect(throws: CatalogError.self) { try Catalog.parse("\"Play\": [1, 2]\n", language: "de") }
    #expect(throws: CatalogError.self) { try Catalog.parse("- Play\n", language: "de") }
  }

  @Test func trTranslatesFillsAndFallsBackToEnglish() throws {
    let de = Catalog(language: "de", entries: ["Step {1} of {2}": "Schritt {1} von {2}", "Epoch": "Epoche"])
    Localization.withCatalog(de) {
      #expect(tr("Step {1} of {2}", 3, 7) == "Schritt 3 von 7")
      #expect(tr("Epoch") == "Epoche")
      #expect(tr("Not in the catalog {1}", 5) == "Not in the catalog 5")
    }
    #expect(tr("Epoch") == "Epoch")
  }

  @Test func theLanguageComesFromTheFlagThenTheLocale() throws {
    #expect(try Language.choose(flag: "de", environment: ["LANG": "es_ES.UTF-8"]) == "de")
    #expect(try Language.choose(flag: nil, environment: ["LANG": "es_ES.UTF-8"]) == "es")
    #expect(try Language.choose(flag: nil, environment: ["LANG": "es_ES.UTF-8", "LC_ALL": "de_DE.UTF-8"]) == "de")
    #expect(try Language.choose(flag: nil, environment: ["LANG": "C"]) == "en")
    #expect(try Language.choose(flag: nil, environment: ["LANG": "POSIX"]) == "en")
    #expect(try Language.choose(flag: nil, environment: ["LANG": "fr_FR.UTF-8"]) == "en")
    #expect(try Language.choose(flag: nil, environment: [:]) == "en")
    #expect(throws: LanguageError.self) { try Language.choose(flag: "fr", environment: [:]) }
    #expect(Language.flag(in: ["train", "--lang", "es", "--epochs", "3"]) == "es")
    #expect(Language.flag(in: ["--lang=de"]) == "de")
    #expect(Language.flag(in: ["--", "--lang", "de"]) == nil)
    #expect(Language.withoutFlag(["--lang", "de", "train", "--lang=es", "--epochs", "3", "--", "--lang"]) == ["train", "--epochs", "3", "--", "--lang"])
  }
}
