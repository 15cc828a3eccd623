import Foundation

/// The user-visible text of the window and the command line, in the learner's language.
///
/// Every string a learner reads is written in English at its call site and passed through `tr`;
/// the English text is the key into the language's string catalog. Placeholders `{1}`, `{2}`…
/// are filled with the arguments' descriptions after translation, so a language can reorder them. A key the
/// catalog lacks shows in English.
public func tr(_ english: String, _ arguments: Any...) -> String {
  let text = Localization.fill(Localization.catalog.text(for: english), arguments)
  Localization.recorder?.note(text)
  return text
}

/// Text shown as it is, never translated: the learner's data, file names, lesson text, maths
/// notation. Marking it lets the window test tell data from a forgotten `tr`.
public func verbatim(_ text: String) -> String {
  Localization.recorder?.note(text)
  return text
}

/// The catalog machinery behind `tr`.
public enum Localization {
  /// `text` with `{1}`, `{2}`… replaced by the arguments' descriptions.
  public static func fill(_ text: String, _ arguments: [Any]) -> String {
    guard !arguments.isEmpty, text.contains("{") else { return text }
    var result = text
    for (index, argument) in arguments.enumerated() {
      result = result.replacingOccurrences(of: "{\(index + 1)}", with: String(describing: argument))
    }
    return result
  }

  /// The catalog `tr` reads: a task's own (tests that render one language while others run), or
  /// the process's, chosen once at startup.
  public static var catalog: Catalog { scoped ?? shared.value }

  /// Makes `catalog` the process's language (at startup, before any window or message).
  public static func use(_ catalog: Catalog) { shared.value = catalog }

  /// The language of `body` alone (and what it calls on this task), leaving the process's as it is.
  public static func withCatalog<T>(_ catalog: Catalog, _ body: () throws -> T) rethrows -> T {
    try $scoped.withValue(catalog, operation: body)
  }

  /// Collects every string `tr` and `verbatim` return inside `body` (the window test's oracle).
  public static func recording<T>(into recorder: Recorder, _ body: () throws -> T) rethrows -> T {
    try $recorder.withValue(recorder, operation: body)
  }

  @TaskLocal static var scoped: Catalog?
  @TaskLocal public static var recorder: Recorder?
  private static let shared = Locked(Catalog.english)
}

/// The strings `tr` and `verbatim` returned while recording.
public final class Recorder: @unchecked Sendable {
  private let lock = NSLock()
  private var seen = Set<String>()

  public init() {}

  func note(_ text: String) {
    lock.lock()
    seen.insert(text)
    lock.unlock()
  }

  /// Everything noted so far.
  public var strings: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return seen
  }
}

/// A value behind a lock, readable from any thread.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get {
      lock.lock()
      defer { lock.unlock() }
      return stored
    }
    set {
      lock.lock()
      stored = newValue
      lock.unlock()
    }
  }
}
