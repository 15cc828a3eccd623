import ArgumentParser
import Foundation
import LessonKit
import Localization
import PlaygroundCore
import SessionKit

/// `playground grade --rubric RUBRIC.yaml FILE…`: replays each handed-in session and checks a
/// teacher's rubric on it.
struct Grade: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Grade handed-in sessions against a rubric.",
    discussion: """
      Replays each session (a file whose history does not reproduce it, e.g. weights edited by hand, \
      is "not reproducible" and scores 0), then checks the rubric's criteria on it. A rubric is YAML: \
      `criteria:` with a `name:`, a `check:` in the lesson condition language and `points:` \
      (default 1). Prints a table, or CSV with --csv, or one JSON object per file with --json. Exit \
      code 0 when every file was read and graded; 2 when the rubric is invalid or a file cannot be read.
      """)

  @Option(help: "The rubric (YAML).")
  var rubric: String
  @Argument(help: "Session files to grade.")
  var files: [String]
  @Flag(help: "Print CSV: file, reproducible, one column per criterion, score.")
  var csv = false
  @Flag(help: "Print one JSON object per file.")
  var json = false

  struct Row {
    var file: String
    var reproducible: Bool
    var met: [Bool]
    var score: Double
  }

  func run() throws {
    if csv && json { throw UsageError(message: tr("--csv and --json: choose one")) }
    guard !files.isEmpty else { throw UsageError(message: tr("give one or more session files to grade")) }
    let rubric: Rubric
    do {
      rubric = try Rubric.read(path: self.rubric)
    } catch {
      throw UsageError(message: error.description)
    }
    var rows: [Row] = []
    var unreadable = false
    for file in files {
      do {
        rows.append(try Grade.grade(file, rubric: rubric))
      } catch {
        Playground.report("error: \((error as? SessionError)?.description ?? "\(file): \(error)")")
        unreadable = true
      }
    }
    let names = rubric.criteria.map(\.name)
    if json {
      for row in rows {
        var line = JSONLine()
        line.add("file", row.file)
        line.add("reproducible", row.reproducible)
        let criteria = zip(names, row.met).map { "{\"name\":\(JSONLine.quote($0)),\"met\":\($1)}" }
        line.add("criteria", raw: "[" + criteria.joined(separator: ",") + "]")
        line.add("score", row.score)
        print(line.text)
      }
    } else if csv {
      print((["file", "reproducible"] + names + ["score"]).map(Grade.csvField).joined(separator: ","))
      for row in rows {
        let cells = [row.file, row.reproducible ? "yes" : "no"] + row.met.map { $0 ? "yes" : "no" } + [Grade.points(row.score)]
        print(cells.map(Grade.csvField).joined(separator: ","))
      }
    } else {
      let header = ["file", "reproducible"] + names + ["score"]
      let body = rows.map { row in
        [row.file, row.reproducible ? "yes" : "NOT REPRODUCIBLE"] + row.met.map { $0 ? "yes" : "no" }
          + ["\(Grade.points(row.score))/\(Grade.points(rubric.total))"]
      }
      let widths = header.indices.map { i in ([header[i]] + body.map { $0[i] }).map(\.count).max() ?? 0 }
      for line in [header] + body {
        Playground.say(line.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
      }
    }
    if unreadable { throw ExitCode(2) }
  }

  /// One file's row: replayed first; a file that does not reproduce meets nothing.
  static func grade(_ file: String, rubric: Rubric) throws -> Row {
    let session = try SessionFile.read(file)
    let reproducible: Bool
    do {
      let report = try SessionReplay.replay(session)
      reproducible = report.identical && report.fromSeed
    } catch {
      reproducible = false
    }
    guard reproducible else {
      return Row(file: file, reproducible: false, met: rubric.criteria.map { _ in false }, score: 0)
    }
    let state: AppState
    switch session {
    case .dense2d(let dense): state = try AppState(session: dense)
    case .cnn(let cnn): state = try AppState(cnnSession: cnn)
    }
    let (met, score) = rubric.grade(state)
    return Row(file: file, reproducible: true, met: met, score: score)
  }

  static func points(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

  static func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }
}
