import ArgumentParser
import Localization

/// `--lang`: the language of the window and of the messages. Read before parsing (see
/// `Language.start`); declared here so every command that speaks to a person accepts it.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of the window and messages: en, es or de (default: from LANG).")
  var lang: String?

  func validate() throws {
    if let lang, Language.shipped(lang) == nil { throw ValidationError(LanguageError(value: lang).description) }
  }
}
