import ArgumentParser
import Localization

/// `--lang`: the language of the window and of the messages. `Playground.main` reads it and takes
/// it out before parsing (so it may stand before or after the subcommand); declared here so each
/// command's `--help` and the man page list it.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "Language of the window and messages: en, es or de (default: from LANG).")
  var lang: String?

  func validate() throws {
    if let lang, Language.shipped(lang) == nil { throw ValidationError(LanguageError(value: lang).description) }
  }
}
