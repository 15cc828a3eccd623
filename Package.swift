// swift-tools-version:6.0
// NeuralPlayground: a desktop neural-network playground for classrooms.
// Layers (imports point downward only): see README.md and each module's README.
import Foundation
import PackageDescription

// MARK: - Build settings

/// On x86-64 machines with AVX2 the engine's eight-lane vectors fill one register. The code never
/// fuses multiply-adds, so results are bit-identical with and without it (a test pins the bits).
/// `NEURALPLAYGROUND_BASELINE_CPU=1` (set by `make package`) builds for any x86-64 instead.
let cpuFlags: [String] = {
  #if arch(x86_64)
    if ProcessInfo.processInfo.environment["NEURALPLAYGROUND_BASELINE_CPU"] == "1" { return [] }
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), info.contains(" avx2") {
      return ["-target-cpu", "haswell"]
    }
  #endif
  return []
}()

/// Hot loops are ours and are tested; release builds drop overflow and bounds checks.
let fast: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"] + cpuFlags, .when(configuration: .release))]

// MARK: - System libraries (SDL2 family, found through pkg-config)

let systemLibraries: [Target] = [
  .systemLibrary(name: "CSDL2", pkgConfig: "sdl2", providers: [.apt(["libsdl2-dev"])]),
  .systemLibrary(name: "CSDL2TTF", pkgConfig: "SDL2_ttf", providers: [.apt(["libsdl2-ttf-dev"])]),
  .systemLibrary(name: "CSDL2Image", pkgConfig: "SDL2_image", providers: [.apt(["libsdl2-image-dev"])]),
  // giflib, for recorded clips (`playground record`, F9 in the window).
  .systemLibrary(name: "CGIF", providers: [.apt(["libgif-dev"])]),
]

// MARK: - L0: engine and immediate-mode UI (standard library only)

let level0: [Target] = [
  .target(name: "Engine", exclude: ["README.md"], swiftSettings: fast),
  .target(name: "ImmediateUI", exclude: ["README.md"], swiftSettings: fast),
  .target(name: "AssetPaths", exclude: ["README.md"]),
  // Every file written and read, and the standard streams: atomic saves, capped reads.
  .target(name: "SafeIO", exclude: ["README.md"]),
  // The string catalog: `tr("English text")` in the learner's language.
  .target(name: "Localization", dependencies: ["AssetPaths", .product(name: "Yams", package: "Yams")], exclude: ["README.md"]),
]

// MARK: - L1: datasets

let level1: [Target] = [
  .target(name: "Datasets", dependencies: ["Engine"], exclude: ["README.md"], swiftSettings: fast),
  // Clips for slides: GIF through giflib, MP4 through the ffmpeg program.
  .target(name: "Recording", dependencies: ["ImmediateUI", "SafeIO", "CGIF"], exclude: ["README.md"], swiftSettings: fast),
]

// MARK: - L2a: training runs (data, network, training so far) of both kinds

let level2: [Target] = [
  .target(name: "Training", dependencies: ["Engine", "Datasets", "Localization"], exclude: ["README.md"], swiftSettings: fast)
]

// MARK: - L2b: session files and code generation, and pictures; L2c: the application core (no UI)

let level2b: [Target] = [
  .target(name: "SessionKit", dependencies: ["Engine", "Datasets", "Training", "SafeIO", "Localization"], exclude: ["README.md"], swiftSettings: fast),
  .target(
    name: "Visualization", dependencies: ["Engine", "Datasets", "ImmediateUI", "Training", "Localization"], exclude: ["README.md"],
    swiftSettings: fast),
  .target(
    name: "PlaygroundCore", dependencies: ["Engine", "Datasets", "Training", "SessionKit", "Localization"], exclude: ["README.md"],
    swiftSettings: fast),
]

// MARK: - L3: UI (no SDL)

let level3: [Target] = [
  .target(
    name: "LessonKit",
    dependencies: ["PlaygroundCore", "Training", "SessionKit", "AssetPaths", "SafeIO", "Localization", .product(name: "Yams", package: "Yams")],
    exclude: ["README.md"],
    swiftSettings: fast),
  .target(
    name: "PlaygroundUI",
    dependencies: ["PlaygroundCore", "Training", "SessionKit", "Visualization", "ImmediateUI", "LessonKit", "Localization"],
    exclude: ["README.md"],
    swiftSettings: fast)
]

// MARK: - L4: the only code that touches SDL

let level4: [Target] = [
  .target(
    name: "SDLFrontend",
    dependencies: ["ImmediateUI", "AssetPaths", "SafeIO", "CSDL2", "CSDL2TTF", "CSDL2Image"],
    exclude: ["README.md"],
    swiftSettings: fast)
]

// MARK: - L5: the executable

let level5: [Target] = [
  .executableTarget(
    name: "playground",
    dependencies: [
      "PlaygroundCore", "Training", "SessionKit", "Visualization", "SDLFrontend", "PlaygroundUI", "LessonKit", "SafeIO", "Recording",
      "Localization",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ],
    swiftSettings: fast)
]

// MARK: - Tests

let tests: [Target] = [
  // Running the `playground` binary (and python3) and driving the UI headlessly (`WidgetHarness`,
  // `ViewHarness`): one helper target for every suite.
  .target(
    name: "_TestSupport", dependencies: ["ImmediateUI", "PlaygroundUI", "PlaygroundCore", "Training"],
    path: "Tests/_TestSupport"),
  .testTarget(name: "EngineTests", dependencies: ["Engine"]),
  .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
  .testTarget(name: "PlaygroundCoreTests", dependencies: ["PlaygroundCore", "Training", "SessionKit", "Visualization", "_TestSupport"]),
  .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "Training", "SessionKit", "_TestSupport"]),
  // Runs the real `playground` binary.
  .testTarget(name: "CLITests", dependencies: ["playground", "PlaygroundCore", "Training", "SessionKit", "Recording", "ImmediateUI", "_TestSupport"]),
  .testTarget(name: "VisualizationTests", dependencies: ["Visualization", "Training", "ImmediateUI"]),
  .testTarget(name: "ImmediateUITests", dependencies: ["ImmediateUI", "_TestSupport"]),
  .testTarget(name: "SDLFrontendTests", dependencies: ["SDLFrontend", "CSDL2", "SafeIO"]),
  .testTarget(name: "PlaygroundUITests", dependencies: ["PlaygroundUI", "Training", "SessionKit", "_TestSupport", "Localization"]),
  .testTarget(name: "SafeIOTests", dependencies: ["SafeIO"]),
  .testTarget(name: "RecordingTests", dependencies: ["Recording", "ImmediateUI"]),
  // Whole frames rendered with SDL's software renderer.
  .testTarget(name: "WindowRenderTests", dependencies: ["PlaygroundUI", "Training", "SDLFrontend", "LessonKit", "Datasets", "Localization"]),
]

let package = Package(
  name: "NeuralPlayground",
  platforms: [.macOS(.v13)],
  products: [.executable(name: "playground", targets: ["playground"])],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: systemLibraries + level0 + level1 + level2 + level2b + level3 + level4 + level5 + tests
)
