import Foundation

/// The user-visible text of the window and the command line, in the learner's language.
///
/// Every string a learner reads is written in English at its call site and passed through `tr`;
/// the English text is the key into the language's string catalog. Placeholders `{1}`, `{2}`…
/// are filled with the arguments after translation, so a language can reorder them.
public func tr(_ english: String, _ arguments: any CustomStringConvertible...) -> String {
  Localization.fill(english, arguments)
}

/// The catalog machinery behind `tr`.
public enum Localization {
  /// `text` with `{1}`, `{2}`… replaced by the arguments' descriptions.
  public static func fill(_ text: String, _ arguments: [any CustomStringConvertible]) -> String {
    var result = text
    for (index, argument) in arguments.enumerated() {
      result = result.replacingOccurrences(of: "{\(index + 1)}", with: argument.description)
    }
    return result
  }
}
