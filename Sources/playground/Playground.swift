import ArgumentParser
import Foundation

/// The `playground` command: with no subcommand it opens the window; subcommands run headless.
@main
struct Playground: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playground",
    abstract: "NeuralPlayground: train small neural networks and watch them learn.",
    discussion: """
      With no subcommand, opens the playground window. `playground train` trains without a window; \
      `playground bench` measures the engine.
      """,
    subcommands: [Train.self, Bench.self])

  mutating func run() throws {
    print(Playground.helpMessage())
  }

  /// Parses and runs; every bad input exits with code 2 and one message naming the flag.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as UsageError {
      FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
      Foundation.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
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
