import Localization

/// A recorded change's words in the learner's language. Run histories save their change
/// descriptions in English ("learning rate 0.03, batch size 10"), in files that must read the
/// same everywhere; the timeline translates them only where it shows them, part by part.
enum ChangeWords {
  /// `words` with each comma-separated part's leading English phrase translated; a part it does
  /// not know shows as saved.
  static func shown(_ words: String) -> String {
    words.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
      let text = part.trimmingCharacters(in: .whitespaces)
      for (english, shown) in phrases where text.hasPrefix(english) {
        let rest = String(text.dropFirst(english.count))
        return shown + verbatim(rest).replacingOccurrences(of: " set to ", with: " " + tr("set to") + " ")
      }
      return verbatim(text)
    }.joined(separator: ", ")
  }

  /// The phrases the histories' descriptions start with, longest first.
  static var phrases: [(String, String)] {
    [
      ("regularization rate", tr("regularization rate")),
      ("regularization", tr("regularization")),
      ("learning rate", tr("learning rate")),
      ("batch size", tr("batch size")),
      ("drawing added as", tr("drawing added as")),
      ("diverged", tr("diverged")),
      ("point added at", tr("point added at")),
      ("point removed near", tr("point removed near")),
      ("test data shown", tr("test data shown")),
      ("test data hidden", tr("test data hidden")),
      ("output discretized", tr("output discretized")),
      ("output smooth", tr("output smooth")),
      ("optimizer", tr("optimizer")),
      ("momentum", tr("momentum")),
      ("dropout", tr("dropout")),
      ("schedule", tr("schedule")),
      ("settings", tr("settings")),
      ("weight", tr("weight")),
      ("bias", tr("bias")),
    ]
  }
}
