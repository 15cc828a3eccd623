import Foundation
import Testing
import _TestSupport

/// Control characters from file names, lesson keys and arguments never reach the terminal raw.
@Suite struct TerminalEscapeTests {
  static let hostile = "a\u{1B}]0;pwned\u{07}b\u{1B}[2J\u{9B}c"

  static func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
  }

  @Test func fileNamesAreEscapedInMessagesAndOutput() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent(Self.hostile + ".csv").path
    let wrote = try runPlayground(["export", "--epochs", "1", "--save-csv", csv])
    #expect(wrote.status == 0, "\(wrote.stderr)")
    #expect(!Self.hasRawControl(wrote.stdout) && wrote.stdout.contains("\\e]0;pwned\\ab\\e[2J\\x9bc"), "\(wrote.stdout)")
    for arguments in [
      ["train", "--load", dir.appendingPathComponent(Self.hostile).path],
      ["train", "--epochs", "1", "--save", dir.appendingPathComponent("missing/" + Self.hostile).path],
      ["train", "--dataset", Self.hostile],
      ["lesson", "validate", dir.appendingPathComponent(Self.hostile + ".yaml").path],
    ] {
      let run = try runPlayground(arguments)
      #expect(run.status != 0)
      #expect(!Self.hasRawControl(run.stderr) && !Self.hasRawControl(run.stdout), "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("\\e") || run.stderr.contains("\\x1b"), "\(arguments): \(run.stderr)")
    }
  }

  @Test func lessonKeysAndTitlesAreEscaped() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent(Self.hostile + ".yaml")
    try "format: 1\nid: x\ntitle: x\n\"k\\e[31m\\a\": 1\nsteps:\n  - say: hi\n".write(to: bad, atomically: true, encoding: .utf8)
    let invalid = try runPlayground(["lesson", "validate", bad.path])
    #expect(invalid.status == 2)
    #expect(invalid.stderr.contains("unknown key 'k\\e[31m\\a'"), "\(invalid.stderr)")
    #expect(!Self.hasRawControl(invalid.stderr) && !Self.hasRawControl(invalid.stdout))
    let titled = dir.appendingPathComponent("t.yaml")
    try "format: 1\nid: t\ntitle: \"T\\e[5mblink\"\nsteps:\n  - say: hi\n".write(to: titled, atomically: true, encoding: .utf8)
    for arguments in [["lesson", "list", "--dir", dir.path], ["lesson", "list", "--dir", dir.path, "--json"]] {
      let list = try runPlayground(arguments)
      #expect(!Self.hasRawControl(list.stdout) && !Self.hasRawControl(list.stderr), "\(arguments): \(list.stdout)")
      #expect(list.stdout.contains("blink"), "\(arguments): \(list.stdout)")
    }
  }
}
