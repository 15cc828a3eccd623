import Foundation
import Testing
import _TestSupport

// Two hostile-input rules of the command line:
// - An argument that is not valid UTF-8 (a Latin-1 file name, random bytes) is refused with exit
//   code 2 and a message naming its flag. Swift would read it with U+FFFD in place of the bad
//   bytes, so an output path would be written under a name the user never typed and an input
//   path reported missing under one.
// - A message that echoes a value or path cuts it in the middle when it is long: a 100 KB value
//   gives one readable line, not 100 KB on the terminal.

/// How one run ended: exit code (or the signal), stderr, and what appeared in its folder.
private struct EchoRun {
  var status: Int32
  var crashed: Bool
  var stderr: String
  var written: [String]

  var summary: String {
    "\(crashed ? "CRASHED" : "exit \(status)"); stderr (\(stderr.utf8.count) bytes): \(stderr.prefix(300))"
  }
}

/// Runs the binary in an empty folder with byte-exact arguments (`runPlayground(bytes:)`);
/// `@WORK` in an argument is that folder. `prepare` may put files there (by raw path bytes) first.
private func echoRun(_ arguments: [[UInt8]], prepare: (String) throws -> Void = { _ in }) throws -> EchoRun {
  let work = try temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: work) }
  try prepare(work.path)
  let before = Set(try FileManager.default.contentsOfDirectory(atPath: work.path))
  let run = try runPlayground(
    bytes: arguments.map { replacing("@WORK", with: work.path, in: $0) }, in: work,
    environment: ["SDL_VIDEODRIVER": "dummy", "DISPLAY": nil, "NEURALPLAYGROUND_SCREENSHOT_DIR": work.path],
    timeout: 120)
  let after = try FileManager.default.contentsOfDirectory(atPath: work.path)
  return EchoRun(
    status: run.status, crashed: run.crashed, stderr: run.stderr, written: after.filter { !before.contains($0) })
}

private func utf8(_ words: String...) -> [[UInt8]] { words.map { Array($0.utf8) } }

@Suite struct HostileEchoTests {
  /// Every path flag with a byte that is not UTF-8 (0xFF, a lone 0xC3, a surrogate).
  static let invalidPathCases: [(arguments: [[UInt8]], flag: String)] = [
    (
      utf8("train", "--epochs", "1", "--png") + [Array("@WORK/a".utf8) + [0xFF] + Array("b.png".utf8)],
      "--png"
    ),
    (
      utf8("train", "--epochs", "1", "--save") + [Array("@WORK/s".utf8) + [0xC3] + Array(".json".utf8)],
      "--save"
    ),
    (
      utf8("train", "--epochs", "1") + [Array("--save=@WORK/s".utf8) + [0xFF] + Array(".json".utf8)], "--save"
    ),
    (utf8("train", "--load") + [Array("@WORK/".utf8) + [0xED, 0xA0, 0x80] + Array(".json".utf8)], "--load"),
    (utf8("train", "--csv") + [Array("@WORK/".utf8) + [0xE9] + Array("t.csv".utf8)], "--csv"),
    (
      utf8("cam", "--epochs", "0", "--max-steps", "1", "--out") + [Array("@WORK/d".utf8) + [0xFF]],
      "--out"
    ),
    (utf8("export", "--pytorch") + [Array("@WORK/".utf8) + [0xFE] + Array(".py".utf8)], "--pytorch"),
    (utf8("export", "--save-csv") + [Array("@WORK/".utf8) + [0xFE] + Array(".csv".utf8)], "--save-csv"),
    (utf8("--screenshot") + [Array("@WORK/".utf8) + [0xFF] + Array(".png".utf8)], "--screenshot"),
    (utf8("--lesson") + [Array("@WORK/".utf8) + [0xFF] + Array(".yaml".utf8)], "--lesson"),
    (utf8("--load") + [Array("@WORK/".utf8) + [0xFF] + Array(".json".utf8)], "--load"),
  ]

  @Test(arguments: invalidPathCases.indices)
  func invalidUTF8PathIsRefused(index: Int) throws {
    let (arguments, flag) = Self.invalidPathCases[index]
    // A real file of that byte name exists, so an input flag cannot fail for "not found" instead.
    let r = try echoRun(arguments) { work in
      let name = arguments.last!.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? []
      let path = (Array(work.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
      let fd = open(path, O_CREAT | O_WRONLY, 0o644)
      if fd >= 0 { close(fd) }
    }
    #expect(!r.crashed && r.status == 2, "\(r.summary)")
    #expect(r.stderr.contains(flag) && r.stderr.contains("UTF-8"), "\(r.summary)")
    #expect(r.written.isEmpty, "wrote \(r.written): \(r.summary)")
  }

  /// Values of 100 KB in every kind of message (ArgumentParser's, the config checks', file
  /// errors, lessons, sessions): exit 2, the flag (or for a lesson, the file) named, a short
  /// message with an ellipsis.
  static let longValueCases: [(arguments: [String], flag: String)] = {
    let long = { (c: String) in String(repeating: c, count: 100_000) }
    return [
      (["train", "--dataset", long("d")], "--dataset"),
      (["train", "--activation", long("a")], "--activation"),
      (["train", "--hidden-layers", "4," + long("h")], "--hidden-layers"),
      (["train", "--features", long("f")], "--features"),
      (["train", "--learning-rate", long("z")], "--learning-rate"),
      (["train", "--csv", "@WORK/" + long("c") + ".csv"], "--csv"),
      (["train", "--epochs", "1", "--png", "@WORK/" + long("p") + ".png"], "--png"),
      (["train", "--load", "@WORK/" + long("l") + ".json"], "--load"),
      (["export", "--pytorch", "@WORK/" + long("e") + ".py"], "--pytorch"),
      (["cam", "--objective", long("o"), "--out", "@WORK/o"], "--objective"),
      (["cam", "--shapes", long("s"), "--out", "@WORK/o"], "--shapes"),
      (["--mode", long("m"), "--layout-json"], "--mode"),
      (["--config", "dataset=" + long("x"), "--layout-json"], "--config"),
      (["--lesson", "@WORK/" + long("y") + ".yaml"], ".yaml:1:1"),  // lesson errors name the file
      (["--screenshot", "@WORK/" + long("s") + ".png"], "--screenshot"),
      (["--zoom", long("z")], "--zoom"),
    ]
  }()

  @Test(arguments: longValueCases.indices)
  func longValuesAreShortenedInMessages(index: Int) throws {
    let (arguments, flag) = Self.longValueCases[index]
    let r = try echoRun(arguments.map { Array($0.utf8) })
    #expect(!r.crashed && r.status == 2, "\(r.summary)")
    #expect(r.stderr.contains(flag), "\(r.summary)")
    #expect(r.stderr.utf8.count < 2500, "\(r.summary)")
    #expect(r.stderr.contains("…"), "no ellipsis: \(r.summary)")
    #expect(r.written.isEmpty, "wrote \(r.written): \(r.summary)")
  }

  /// A long path keeps its end (the file name and `:line:`) when it is cut.
  @Test func shortenedPathsKeepTheFileNameAndLine() throws {
    let folder = String(repeating: "f", count: 150)
    let r = try echoRun(utf8("train", "--csv", "@WORK/\(folder)/bad.csv", "--epochs", "1")) { work in
      try FileManager.default.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: true)
      try Data("1,2,0\n1,2,oops\n".utf8).write(to: URL(fileURLWithPath: work + "/" + folder + "/bad.csv"))
    }
    #expect(r.status == 2, "\(r.summary)")
    #expect(r.stderr.contains("…") && r.stderr.contains("bad.csv:2"), "\(r.summary)")
  }
}
