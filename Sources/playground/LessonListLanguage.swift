import Foundation
import LessonKit
import Localization

/// `lesson list` in the learner's language: the level in words, and a note on stderr naming the
/// lessons a language listing leaves out (the English ones, which the window offers as the fallback).
extension LessonCommand {
  /// `beginner` in the current language (the JSON keeps the lesson's own key).
  static func levelWords(_ level: LessonKit.Lesson.Level) -> String {
    switch level {
    case .beginner: tr("beginner")
    case .intermediate: tr("intermediate")
    case .advanced: tr("advanced")
    }
  }

  /// Outside English, says how many English lessons there are besides the listed ones (stdout
  /// stays the list alone); in any language, says so when the folder has none in it.
  static func noteOtherLanguages(
    _ entries: [LessonLibrary.Entry], shown: [LessonLibrary.Entry], language: String, folder: String
  ) {
    let valid = shown.filter { if case .success = $0.lesson { true } else { false } }
    if valid.isEmpty {
      printError(tr("no lessons in the language '{1}' in {2}; --all-languages lists every lesson", language, folder))
    }
    guard language != "en" else { return }
    let english = LessonLibrary.entries(entries, in: "en").filter { if case .success = $0.lesson { true } else { false } }
    if !english.isEmpty {
      printError(tr("{1} more lessons in English: playground lesson list --lang en", english.count))
    }
  }
}
