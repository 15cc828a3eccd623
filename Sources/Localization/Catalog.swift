import AssetPaths
import Foundation
import Localization
import Yams

/// One language's translations: English text → the text shown.
public struct Catalog: Sendable, Equatable {
  /// The language code (`en`, `es`, `de`).
  public var language: String
  /// English key → translation; a missing key shows in English.
  public var entries: [String: String]

  public init(language: String, entries: [String: String]) {
    self.language = language
    self.entries = entries
  }

  /// English: every key shows as itself.
  public static let english = Catalog(language: "en", entries: [:])

  /// The languages the app ships, English first.
  public static let shipped = ["en", "es", "de"]

  /// The text shown for `english`. A key may end in `::context` (`"Loss::narrow"`): a second
  /// translation of the same English words for a tighter place; English shows the words alone.
  public func text(for english: String) -> String { entries[english] ?? Catalog.withoutContext(english) }

  /// `key` without a trailing `::context`.
  public static func withoutContext(_ key: String) -> String {
    guard let range = key.range(of: "::", options: .backwards) else { return key }
    return String(key[..<range.lowerBound])
  }

  /// A catalog file: a YAML mapping of double-quoted English keys to their translations.
  /// Throws on anything else (a repeated key, a non-string value, broken YAML).
  public static func parse(_ yaml: String, language: String, file: String = "catalog") throws(CatalogError) -> Catalog {
    let root: Node?
    do { root = try Yams.compose(yaml: yaml) } catch { throw CatalogError(message: "\(file): \(error)") }
    guard let root else { return Catalog(language: language, entries: [:]) }
    guard case .mapping(let mapping) = root else { throw CatalogError(message: "\(file): not a mapping of English text to translations") }
    var entries: [String: String] = [:]
    for (key, value) in mapping {
      guard case .scalar(let k) = key, case .scalar(let v) = value else {
        throw CatalogError(message: "\(file) line \(key.mark?.line ?? 0): every key and value must be a string")
      }
      if entries[k.string] != nil { throw CatalogError(message: "\(file) line \(key.mark?.line ?? 0): '\(k.string)' appears twice") }
      entries[k.string] = v.string
    }
    return Catalog(language: language, entries: entries)
  }

  /// The shipped catalog of `language` from `Assets/lang` (English needs no file): in
  /// $NEURALPLAYGROUND_ASSETS/lang first (as the fonts), then beside the program.
  public static func load(_ language: String) throws(CatalogError) -> Catalog {
    if language == "en" { return .english }
    var folders: [String] = []
    if let assets = ProcessInfo.processInfo.environment["NEURALPLAYGROUND_ASSETS"], !assets.isEmpty {
      folders.append(assets + "/lang")
    }
    folders += AssetPaths.unique(
      AssetPaths.folders(
        named: "Assets/lang", executablePaths: AssetPaths.executablePaths(),
        currentDirectory: FileManager.default.currentDirectoryPath))
    for folder in folders {
      let path = folder + "/" + language + ".yaml"
      if FileManager.default.fileExists(atPath: path) { return try load(path: path, language: language) }
    }
    throw CatalogError(message: "the \(language) catalog (Assets/lang/\(language).yaml) is missing beside the program")
  }

  /// A catalog file at `path`.
  public static func load(path: String, language: String) throws(CatalogError) -> Catalog {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw CatalogError(message: "cannot read \(path): \(error.localizedDescription)")
    }
    guard data.count < 4 << 20, let text = String(data: data, encoding: .utf8) else {
      throw CatalogError(message: "\(path) is not a UTF-8 text file under 4 MB")
    }
    return try parse(text, language: language, file: path)
  }

  /// The placeholders (`{1}`, `{2}`…) a text uses, sorted; a translation must use the same.
  public static func placeholders(_ text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let inner = after[..<close]
      if !inner.isEmpty, inner.allSatisfy(\.isNumber) { found.append("{\(inner)}") }
      rest = after[after.index(after: close)...]
    }
    return found.sorted()
  }
}

/// A catalog that cannot be read.
public struct CatalogError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
