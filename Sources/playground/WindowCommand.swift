import ArgumentParser
import Datasets
import Foundation
import PlaygroundCore
import SDLFrontend

/// `playground` with no subcommand: the window, or one frame of it as a PNG.
struct Window: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "window", abstract: "Open the playground window (the default).")

  @OptionGroup var settings: ConfigOptions
  @Option(help: "Open a shared config string (from the window's Copy config button).")
  var config: String?
  @Option(help: "Render one frame to this PNG file and exit (no window needed).")
  var screenshot: String?
  @Option(help: "With --screenshot: epochs to train before the frame.")
  var epochs: Int = 0
  @Flag(help: "Use SDL's software renderer.")
  var software = false
  @Flag(help: .hidden)
  var layoutJson = false
  @Option(help: "Enlarge the whole interface, e.g. 1.5 on a projector (0.5 to 3).")
  var zoom: Float = 1
  @Option(help: "Open a saved session file (Ctrl+S saves back to it, Ctrl+O reopens it).")
  var load: String?

  mutating func run() throws {
    var initial: PlaygroundConfig
    var points: [DataPoint] = []
    if let config {
      do {
        initial = try PlaygroundConfig(shareString: config)
      } catch {
        throw UsageError(message: "--config: \(error.message)")
      }
    } else {
      (initial, points) = try settings.makeConfig()
    }
    guard (0.5...3).contains(zoom) else { throw UsageError(message: "--zoom must be from 0.5 to 3, got \(zoom)") }
    guard epochs >= 0 && epochs <= 1_000_000 else {
      throw UsageError(message: "--epochs must be from 0 to 1000000, got \(epochs)")
    }
    let state: AppState
    if let load {
      if config != nil { throw UsageError(message: "--load and --config both give the starting state; use one") }
      state = try SessionCLI.loadState(load, settings: settings)
    } else {
      do {
        state = try AppState(config: initial, customPoints: points)
      } catch {
        throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
      }
    }
    if layoutJson {
      print(LayoutJSON.text(state: state))
      return
    }
    let screenshot = self.screenshot
    let epochs = self.epochs
    let software = self.software
    let zoom = self.zoom
    let load = self.load
    try MainActor.assumeIsolated {
      if let screenshot {
        let raster = try ScreenshotRenderer.render(state: state, epochs: epochs)
        do {
          try PNGFile.save(raster, to: screenshot)
        } catch {
          throw UsageError(message: "--screenshot: cannot write '\(screenshot)': \(error)")
        }
        return
      }
      let app = try WindowApp(state: state, software: software, zoom: zoom)
      app.sessionPath = load
      try app.run()
    }
  }

}
