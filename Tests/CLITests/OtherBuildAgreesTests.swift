import Foundation
import Testing
import _TestSupport

/// Two builds of the same source give the same bits: `PLAYGROUND_OTHER_BIN` names the other build
/// (e.g. `NEURALPLAYGROUND_BASELINE_CPU=1 swift build -c release --scratch-path .build/baseline`
/// gives an x86-64 build without AVX2 beside the usual one). Skipped when it is not set, since it
/// needs a second full build. Every dataset trains with the sin features, shapes with a small CNN;
/// result lines, saved session files and sessions continued by the other build must be identical.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLAYGROUND_OTHER_BIN"] != nil))
struct OtherBuildAgreesTests {
  static let runs: [[String]] =
    ["circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss", "blobs3", "spiral3"].flatMap { d in
      [
        ["--dataset", d, "--seed", "3", "--noise", "20", "--epochs", "40",
         "--features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", "--hidden-layers", "6,4"],
        ["--dataset", d, "--seed", "8", "--epochs", "20", "--features", "sinx1,sinx2", "--init", "he",
         "--activation", "relu"],
      ]
    } + [["--dataset", "shapes", "--epochs", "1", "--conv-layers", "8", "--variation", "strong"]]

  func other() -> URL { URL(fileURLWithPath: ProcessInfo.processInfo.environment["PLAYGROUND_OTHER_BIN"]!) }

  @Test(arguments: runs)
  func sameLinesAndSessionFiles(flags: [String]) throws {
    let dir = try temporaryDirectory()
    let mine = dir.appendingPathComponent("mine.json")
    let theirs = dir.appendingPathComponent("theirs.json")
    let a = try runPlayground(["train"] + flags + ["--json", "--save", mine.path])
    let b = try runProcess(other(), ["train"] + flags + ["--json", "--save", theirs.path])
    #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
    #expect(a.stdout == b.stdout)
    #expect(FileManager.default.contents(atPath: mine.path) == FileManager.default.contents(atPath: theirs.path))
    // Each build continues the other's file to the same result.
    let c = try runPlayground(["train", "--load", theirs.path, "--epochs", "5", "--json"])
    let d = try runProcess(other(), ["train", "--load", mine.path, "--epochs", "5", "--json"])
    #expect(c.status == 0 && d.status == 0)
    #expect(c.stdout == d.stdout)
  }
}
