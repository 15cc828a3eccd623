import ArgumentParser
import Foundation
import LessonKit
import Localization
import PlaygroundCore
import SafeIO

/// `playground lesson list|validate`: the lesson scripts without a window.
///
/// (Named `LessonCommand`, not `Lesson`, so LessonKit's `Lesson` type is not shadowed in this module.)
struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "List guided lessons or validate lesson files headless.",
    subcommands: [List.self, Validate.self])

  /// The folder to read: --dir, else the Lessons/ folder found near the executable or here.
  static func directory(_ dir: String?) throws -> String {
    if let dir {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue
      else {
        throw UsageError(message: tr("--dir: '{1}' is not a folder", dir))
      }
      return dir
    }
    guard let found = LessonLibrary.defaultDirectory() else {
      let tried = LessonLibrary.candidateDirectories().map { "  " + $0 }.joined(separator: "\n")
      throw UsageError(
        message: "no Lessons/ folder found; pass --dir or set NEURALPLAYGROUND_LESSONS. Tried:\n\(tried)")
    }
    return found
  }

  static func printError(_ text: String) {
    StandardStreams.writeError(TerminalText.escaped(text, keepingNewlines: true) + "\n")
  }

  struct List: ParsableCommand {
    @OptionGroup var language: LanguageOption
    static let configuration = CommandConfiguration(
      abstract: "List the lessons: id, title, level, minutes, file (invalid files are reported, exit 2). `playground --lesson ID` opens one.",
      discussion: """
        Lists the lessons written in the current language (--lang, else LANG): `lesson list --lang es` \
        lists the Spanish translations in Lessons/es/. --all-languages lists every lesson.
        """)
    @Option(help: "The folder of lesson files (default: the Lessons/ folder that ships with the app).")
    var dir: String?
    @Flag(help: "One JSON object per lesson.")
    var json = false
    @Flag(help: "List the lessons of every language, not only those of the current one.")
    var allLanguages = false

    func run() throws {
      let folder = try LessonCommand.directory(dir)
      let entries: [LessonLibrary.Entry]
      do {
        entries = try LessonLibrary.load(directory: folder)
      } catch {
        throw UsageError(message: tr("cannot read '{1}': {2}", folder, error.localizedDescription))
      }
      var invalid = false
      var rows: [[String]] = []
      let language = Localization.catalog.language
      let shown = allLanguages ? entries : LessonLibrary.entries(entries, in: language)
      for entry in shown {
        switch entry.lesson {
        case .success(let lesson):
          if json {
            var line = JSONLine()
            line.add("id", lesson.id)
            line.add("title", lesson.title)
            line.add("level", lesson.level?.rawValue ?? "")
            line.add("minutes", lesson.minutes ?? 0)
            line.add("summary", lesson.summary ?? "")
            line.add("steps", lesson.steps.count)
            line.add("file", entry.path)
            line.add("lang", lesson.lang)
            print(line.text)
          } else {
            rows.append([
              lesson.id, lesson.title, lesson.level.map(LessonCommand.levelWords) ?? "-",
              lesson.minutes.map { tr("{1} min", $0) } ?? "-", entry.path,
            ])
          }
        case .failure(let errors):
          invalid = true
          LessonCommand.printError(errors.description)
        }
      }
      for duplicate in LessonLibrary.duplicateIDs(entries) {
        invalid = true
        LessonCommand.printError(
          "lesson id '\(duplicate.id)' is used by \(duplicate.paths.joined(separator: " and "))")
      }
      if !json {
        let header = [tr("ID"), tr("TITLE"), tr("LEVEL"), tr("TIME"), tr("FILE")]
        let widths = (0..<5).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        for row in [header] + rows {
          let cells = row.enumerated().map { c, cell in
            c == 4 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
          }
          Playground.say(cells.joined(separator: "  "))
        }
      }
      if !allLanguages { LessonCommand.noteOtherLanguages(entries, shown: shown, language: language, folder: folder) }
      if invalid { throw ExitCode(2) }
    }
  }

  struct Validate: ParsableCommand {
    @OptionGroup var language: LanguageOption
    static let configuration = CommandConfiguration(
      abstract: "Run lessons headless: one line per step with the metrics seen.",
      discussion: """
        Applies every step in order (set, setWeight, task solutions, train, …) and checks every goal \
        and expectation. Exit code 0 when every file is valid and every expectation holds, 1 when an \
        expectation fails, 2 when a file is invalid (FILE:LINE:COLUMN: step N: message on stderr). \
        With no files, validates every lesson of --dir.
        """)
    @Argument(help: "Lesson files or folders of them (default: every lesson in --dir).")
    var files: [String] = []
    @Option(help: "The folder whose lessons are validated when no file is given.")
    var dir: String?
    @Flag(help: "Print only problems and the summary.")
    var quiet = false

    func run() throws {
      var paths: [String] = []
      if files.isEmpty {
        let folder = try LessonCommand.directory(dir)
        paths = (try? LessonLibrary.files(in: folder)) ?? []
      }
      // A folder stands for its lesson files.
      for file in files {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
          paths += (try? LessonLibrary.files(in: file)) ?? []
        } else {
          paths.append(file)
        }
      }
      var invalid = 0
      var failed = 0
      for path in paths {
        switch LessonRunner.validate(path: path) {
        case .failure(let errors):
          invalid += 1
          if !quiet { Playground.say("\(path): invalid") }
          LessonCommand.printError(errors.description)
        case .success(let run):
          if !quiet { Playground.say("\(path): \(run.lesson.id) (\(run.lesson.steps.count) steps)") }
          if !quiet { for line in run.lines { Playground.say("  " + line) } }
          for error in run.errors { LessonCommand.printError(error.description) }
          for failure in run.failures { LessonCommand.printError(failure.description) }
          if !run.isValid {
            invalid += 1
          } else if !run.passed {
            failed += 1
          }
        }
      }
      let ok = paths.count - invalid - failed
      print(
        "\(paths.count) lesson\(paths.count == 1 ? "" : "s"): \(ok) passed, \(failed) with unmet expectations, \(invalid) invalid"
      )
      if invalid > 0 { throw ExitCode(2) }
      if failed > 0 { throw ExitCode(1) }
    }
  }
}
