import Foundation
import LessonKit
import Testing

/// Lessons that cost far more to read than their size: alias bombs, huge files and huge texts.
/// Each is refused quickly, before the work it would cause.
@Suite struct LessonBombTests {
  /// Nine levels of nine aliases, the top ones used as mapping keys: 564 bytes that Yams would
  /// hash forever (9^9 nodes per key).
  static let aliasBomb: String = {
    var lines = ["format: 1", "id: bomb", "title: Bomb", "steps:", "  - say: hi", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1...8 {
      let previous = "*a\(level - 1)"
      lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
    }
    lines += ["? *a8", ": 1", "? *a7", ": 2"]
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test func aliasBombIsRefusedQuickly() throws {
    #expect(Self.aliasBomb.utf8.count > 500 && Self.aliasBomb.utf8.count < 700)
    let start = Date()
    #expect {
      try Lesson.parse(Self.aliasBomb, file: "bomb.yaml")
    } throws: { error in
      "\(error)".contains("expands to more than 100000 nodes")
    }
    #expect(Date().timeIntervalSince(start) < 2)
  }

  /// A key that is an alias to a small list is refused even though the whole stays small.
  @Test func aliasAsAKeyIsRefused() throws {
    let text = "format: 1\nlist: &l [a, b]\n? *l\n: 1\n"
    #expect {
      try Lesson.parse(text, file: "key.yaml")
    } throws: { error in
      "\(error)".contains("a key expands to 3 YAML nodes")
    }
  }

  /// Plain anchors and scalar aliases within the caps still parse as before.
  @Test func smallAliasesStillWork() throws {
    let text = """
      format: 1
      id: small
      title: &t Small
      steps:
        - say: *t
      """
    let lesson = try Lesson.parse(text, file: "small.yaml")
    #expect(lesson.steps.first?.say == "Small")
  }

  @Test func longTextsAreRefused() throws {
    let title = String(repeating: "T", count: LessonLimits.titleCharacters + 1)
    #expect {
      try Lesson.parse("format: 1\nid: t\ntitle: \(title)\nsteps:\n  - say: hi\n", file: "t.yaml")
    } throws: { "\($0)".contains("title is 201 characters long; at most 200") }
    let say = String(repeating: "s", count: LessonLimits.textCharacters + 1)
    #expect {
      try Lesson.parse("format: 1\nid: t\ntitle: T\nsteps:\n  - say: \(say)\n", file: "t.yaml")
    } throws: { "\($0)".contains("say is 4001 characters long; at most 4000") }
  }

  /// A 2 GB sparse file is refused from its size, without reading it.
  @Test func hugeLessonFileIsRefusedFromItsSize() throws {
    let path = NSTemporaryDirectory() + "lesson-\(UUID().uuidString).yaml"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(truncate(path, 2 << 30) == 0)
    let start = Date()
    #expect {
      try Lesson.load(path: path)
    } throws: { "\($0)".contains("is too large for a lesson (2048 MB; at most 1 MB)") }
    #expect(Date().timeIntervalSince(start) < 1)
  }

  /// A FIFO as a lesson does not hang the open.
  @Test func fifoLessonIsRefused() throws {
    let path = NSTemporaryDirectory() + "lesson-\(UUID().uuidString).yaml"
    #expect(mkfifo(path, 0o644) == 0)
    defer { unlink(path) }
    #expect { try Lesson.load(path: path) } throws: { "\($0)".contains("FIFO") }
  }
}
