import ArgumentParser
import Foundation
import PlaygroundCore
import SessionKit
import Training

/// `playground replay FILE`: re-executes a session's recorded history from its start and checks
/// every keyframe and the final state bit for bit.
struct Replay: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Check that a saved session's history reproduces it exactly.",
    discussion: """
      Re-executes the recorded history (the start from the seed, every change at its position, the \
      training in between) and compares every keyframe and the final weights with the file, bit for \
      bit. Exit code 0: identical; 1: it differs (the first epoch that differs is named; a file whose \
      weights were edited by hand differs); 2: the file is invalid or holds no history.
      """)

  @Argument(help: "A session file saved with its history (format 2).")
  var file: String
  @Flag(help: "Print one JSON object.")
  var json = false

  func run() throws {
    let report: ReplayReport
    do {
      report = try SessionReplay.replay(try SessionFile.read(file))
    } catch {
      throw UsageError(message: error.description.hasPrefix(file) ? error.description : "\(file): \(error.message)")
    }
    if json {
      var line = JSONLine()
      line.add("file", file)
      line.add("identical", report.identical)
      line.add("checks", report.checks)
      line.add("epochs", report.epochs)
      line.add("fromSeed", report.fromSeed)
      if let at = report.firstDifference {
        line.add("firstDifferentEpoch", at.epoch)
        if at.example > 0 { line.add("firstDifferentExample", at.example) }
      }
      print(line.text)
    } else if report.identical {
      let start = report.fromSeed ? "from the seed" : "from the weights it was continued from"
      Playground.say("\(file): identical (\(report.checks) checks over \(report.epochs) epochs, replayed \(start))")
    } else {
      Playground.say("\(file): differs at \(report.firstDifference?.description ?? "its end")")
    }
    if !report.identical { throw ExitCode(1) }
  }
}

/// Replaying a session file of either kind.
enum SessionReplay {
  static func replay(_ session: SessionFile) throws(SessionError) -> ReplayReport {
    switch session {
    case .dense2d(let dense): try dense.replay()
    case .cnn(let cnn): try cnn.replay()
    }
  }
}
