import Foundation
import LessonKit
import Localization

/// The window's language for a translated lesson.
enum LessonWindowLanguage {
  /// A lesson written in another language than the window's, opened without `--lang`, makes the
  /// window speak its language: its text names the controls as that language labels them
  /// ("Tasa de aprendizaje"). `--lang` always wins; an English lesson leaves the window as it is
  /// (English is the fallback where a lesson has no translation).
  static func adopt(_ lesson: Lesson, arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
    guard lesson.lang != "en", lesson.lang != Localization.catalog.language, Language.flag(in: arguments) == nil
    else { return }
    if let catalog = try? Catalog.load(lesson.lang) { Localization.use(catalog) }
  }
}
