import ArgumentParser
import Datasets
import Foundation
import PlaygroundCore
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
    subcommands: [Window.self, Train.self, Cam.self, Export.self, Bench.self, LessonCommand.self],
    defaultSubcommand: Window.self)

  /// Parses and runs; every bad input exits with code 2 and one message naming the flag.
  static func main() {
    do {
      if let error = CommandLineText.invalidUTF8Argument() { throw error }
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UsageError {
      FileHandle.standardError.write(Data("error: \(CommandLineText.shortened(error.message))\n".utf8))
      Foundation.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((CommandLineText.shortened(fullMessage(for: error)) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// A bad flag value or input file: reported as `error: message`, exit code 2, nothing written.
struct UsageError: Error {
  var message: String
}
