import AssetPaths
import Foundation
import PlaygroundCore

/// The result of running a lesson headless.
public struct LessonValidation: Sendable {
  public var lesson: Lesson
  public var reports: [StepReport]
  /// Problems that make the lesson invalid (an action that cannot apply, a CNN lesson in 2-D).
  public var errors: [LessonError]

  /// Unmet goals and expectations, and wrong answers, in step order.
  public var failures: [LessonError] { reports.flatMap(\.failures) }
  /// Every step ran and applied its actions.
  public var isValid: Bool { errors.isEmpty }
  /// Valid, and every goal and expectation held.
  public var passed: Bool { isValid && failures.isEmpty }

  /// One line per step with the metrics it saw and each check.
  public var lines: [String] { reports.map { $0.line(of: lesson.steps.count) } }
}

/// Runs lessons headless: the validation behind `playground lesson validate` and the tests.
public enum LessonRunner {
  /// Runs every step in order through a `GuidedLesson`: applies `set`, `setWeight`, `reset`,
  /// `regenerate` and `addPoints`, trains `train` steps, applies each task's solution, answers each
  /// question with its answer, and checks every goal and expectation. Deterministic: the same lesson
  /// gives the same numbers every time.
  public static func validate(_ lesson: Lesson) -> LessonValidation {
    var state: AppState
    do {
      state = try lesson.startingState()
    } catch {
      return LessonValidation(lesson: lesson, reports: [], errors: [error])
    }
    var guide = GuidedLesson(lesson: lesson, state: &state)
    var reports: [StepReport] = []
    var errors: [LessonError] = []
    while true {
      if guide.status == .waiting { guide.showMe(&state) }
      if let report = guide.report {
        reports.append(report)
        errors += report.errors + report.evaluationErrors
      }
      if !guide.next(&state) { break }
    }
    return LessonValidation(lesson: lesson, reports: reports, errors: errors)
  }

  /// Parses and runs a file: the parse errors, or the run.
  public static func validate(path: String) -> Result<LessonValidation, LessonErrors> {
    do {
      return .success(validate(try Lesson.load(path: path)))
    } catch {
      return .failure(error)
    }
  }
}

/// The lessons in a folder, and where the shipped Lessons/ folder is.
public enum LessonLibrary {
  /// A lesson file in a listing: the parsed lesson or its errors.
  public struct Entry: Sendable {
    public var path: String
    public var lesson: Result<Lesson, LessonErrors>
  }

  /// The `.yaml`/`.yml` files of `directory`, sorted by name (number them to order a curriculum),
  /// then the translations in its language folders (`es/`, `de/`; LessonLanguage.swift).
  public static func files(in directory: String) throws -> [String] {
    try filesDirectlyIn(directory) + translatedFiles(in: directory)
  }

  /// Every lesson of `directory`, parsed.
  public static func load(directory: String) throws -> [Entry] {
    try files(in: directory).map(entry)
  }

  static func entry(_ path: String) -> Entry {
    do {
      return Entry(path: path, lesson: .success(try Lesson.load(path: path)))
    } catch {
      return Entry(path: path, lesson: .failure(error))
    }
  }

  /// Lesson ids used by more than one file: (id, paths).
  public static func duplicateIDs(_ entries: [Entry]) -> [(id: String, paths: [String])] {
    var order: [String] = []
    var paths: [String: [String]] = [:]
    for entry in entries {
      guard case .success(let lesson) = entry.lesson else { continue }
      if paths[lesson.id] == nil { order.append(lesson.id) }
      paths[lesson.id, default: []].append(entry.path)
    }
    return order.compactMap { id in paths[id]!.count > 1 ? (id, paths[id]!) : nil }
  }

  /// Folders to look for Lessons/ in, in order: $NEURALPLAYGROUND_LESSONS; Lessons/ in the
  /// executable's folder and each folder above it (found like the fonts); the current directory's.
  public static func candidateDirectories(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePaths: [String] = defaultExecutablePaths(),
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> [String] {
    var dirs: [String] = []
    if let dir = environment["NEURALPLAYGROUND_LESSONS"], !dir.isEmpty { dirs.append(dir) }
    dirs += AssetPaths.folders(
      named: "Lessons", executablePaths: executablePaths, currentDirectory: currentDirectory)
    return AssetPaths.unique(dirs)
  }

  /// argv[0] made absolute with symlinks resolved, and /proc/self/exe's target.
  public static func defaultExecutablePaths() -> [String] { AssetPaths.executablePaths() }

  /// The first candidate folder holding at least one lesson file.
  public static func defaultDirectory(candidates: [String] = candidateDirectories()) -> String? {
    candidates.first { dir in ((try? files(in: dir)) ?? []).isEmpty == false }
  }
}
