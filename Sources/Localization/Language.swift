import Foundation
import Localization

/// Which language the program speaks: `--lang`, else the environment's locale, else English.
public enum Language {
  /// The shipped language named by `flag` (`en`, `es`, `de`; case-insensitive, `es_ES` and
  /// `de-DE` accepted), else the first of LC_ALL, LC_MESSAGES and LANG that is set (POSIX order),
  /// mapped to a shipped language or English (`C`, `POSIX` and unknown locales).
  public static func choose(flag: String?, environment: [String: String]) throws(LanguageError) -> String {
    if let flag {
      guard let code = shipped(flag) else { throw LanguageError(value: flag) }
      return code
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty { return shipped(value) ?? "en" }
    }
    return "en"
  }

  /// The shipped language code a locale or flag value names, if any (`es_ES.UTF-8` → `es`).
  public static func shipped(_ value: String) -> String? {
    let code = value.lowercased().prefix { $0.isLetter }
    return Catalog.shipped.contains(String(code)) ? String(code) : nil
  }

  /// The value of `--lang` in `arguments` (`--lang de` or `--lang=de`), read before the command
  /// line is parsed so that parsing errors already speak the language.
  public static func flag(in arguments: [String]) -> String? {
    var found: String?
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--" { break }
      if a == "--lang", i + 1 < arguments.count {
        found = arguments[i + 1]
        i += 1
      } else if a.hasPrefix("--lang=") {
        found = String(a.dropFirst("--lang=".count))
      }
      i += 1
    }
    return found
  }

  /// `arguments` without `--lang X` / `--lang=X` (before `--`): the language is chosen before
  /// parsing, so the flag may stand anywhere, before or after the subcommand.
  public static func withoutFlag(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--" {
        out += arguments[i...]
        break
      }
      if a == "--lang", i + 1 < arguments.count {
        i += 2
        continue
      }
      if !a.hasPrefix("--lang=") { out.append(a) }
      i += 1
    }
    return out
  }

  /// Chooses the language from the arguments and environment and makes its catalog current.
  /// A catalog missing beside the program is an error when `--lang` asked for it, and English
  /// when only the locale did (the program must still start).
  public static func start(arguments: [String], environment: [String: String]) throws -> String {
    let flag = flag(in: arguments)
    let code = try choose(flag: flag, environment: environment)
    do {
      Localization.use(try Catalog.load(code))
    } catch {
      if flag != nil { throw error }
      Localization.use(.english)
      return "en"
    }
    return code
  }
}

/// `--lang` named a language the program does not ship.
public struct LanguageError: Error, CustomStringConvertible, Sendable {
  public var value: String
  public init(value: String) { self.value = value }
  public var description: String {
    tr("Unknown language '{1}'; the languages are: {2}", value, Catalog.shipped.joined(separator: ", "))
  }
}
