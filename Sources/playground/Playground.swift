import ArgumentParser
import Datasets
import Foundation
import Localization
import PlaygroundCore
import SafeIO
import SDLFrontend

/// The `playground` command: with no subcommand it opens the window; subcommands run headless.
@main
struct Playground: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playground",
    abstract: "NeuralPlayground: train small neural networks and watch them learn.",
    discussion: """
      With no subcommand, opens the playground window (any train flag sets its starting state). \
      `playground train` trains without a window; `playground export` writes a session as a \
      PyTorch or numpy script or its points as CSV; `playground bench` measures the engine.
      """,
    version: PlaygroundVersion.text,
    subcommands: [
      Window.self, Train.self, Cam.self, Export.self, Bench.self, LessonCommand.self, Record.self, Replay.self,
      Compare.self, Grade.self, Attack.self, Units.self, Embed.self, Explain.self,
    ],
    defaultSubcommand: Window.self)

  /// Parses and runs; every bad input exits with code 2 and one message naming the flag.
  ///
  /// Messages go through `StandardStreams` (a closed or full stderr never crashes the program)
  /// with control characters escaped; output that could not be written makes the exit code 1.
  static func main() {
    StandardStreams.openMissingDescriptors()
    var code: Int32 = 0
    do {
      if let error = CommandLineText.tooManyArguments() { throw error }
      if let error = CommandLineText.invalidUTF8Argument() { throw error }
      try startLanguage()
      // `--lang` was read by `startLanguage`; taken out here, it may stand before the subcommand.
      var command = try parseAsRoot(Language.withoutFlag(Array(CommandLine.arguments.dropFirst())))
      try command.run()
    } catch let error as UsageError {
      report("error: \(CommandLineText.shortened(error.message))")
      code = 2
    } catch {
      code = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if code == ExitCode.validationFailure.rawValue {
        report(CommandLineText.shortened(message))
        code = 2
      } else if code == ExitCode.success.rawValue {
        if !message.isEmpty { print(TerminalText.escaped(message, keepingNewlines: true)) }  // --help, --version
      } else if !message.isEmpty {
        report(message)
      }
    }
    Foundation.exit(StandardStreams.finish(code))
  }

  /// Makes `--lang` (or the locale) the language of every message and of the window.
  static func startLanguage() throws {
    do {
      _ = try Language.start(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    } catch let error as LanguageError {
      throw UsageError(message: error.description)
    } catch {
      throw UsageError(message: "\(error)")
    }
  }

  /// Prints a line to stdout with control characters escaped: paths, lesson ids and titles come
  /// from files and arguments, and ESC or BEL bytes in them must not reach the terminal.
  static func say(_ text: String) {
    print(TerminalText.escaped(text, keepingNewlines: true))
  }

  /// Writes a message to stderr, control characters escaped, without ever failing.
  static func report(_ message: String) {
    StandardStreams.writeError(TerminalText.escaped(message, keepingNewlines: true) + "\n")
  }
}

/// A bad flag value or input file: reported as `error: message`, exit code 2, nothing written.
struct UsageError: Error {
  var message: String
}
