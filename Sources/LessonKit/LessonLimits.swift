/// Caps on what a lesson file may ask for, checked before the work they bound (README,
/// "Reliability", lists each). Lessons are a few KB; these leave room while keeping a hostile or
/// broken file from taking minutes or gigabytes.
public enum LessonLimits {
  /// The largest lesson file read (the biggest shipped lesson is about 5 KB).
  public static let fileBytes = 1 << 20
  /// YAML nodes after every alias is expanded (the biggest shipped lesson has about 600).
  public static let expandedNodes = 100_000
  /// Nodes in one mapping key after alias expansion: keys are names, so one scalar.
  public static let keyNodes = 1
  /// Characters of a lesson's title (one line in the lesson list and the panel's header).
  public static let titleCharacters = 200
  /// Characters of any other text: summary, `say:`, goals, hints, expectation texts.
  public static let textCharacters = 4_000

  /// The cap on the text named `what` ("title", "say", …).
  public static func characters(for what: String) -> Int {
    what == "title" ? titleCharacters : textCharacters
  }
}
