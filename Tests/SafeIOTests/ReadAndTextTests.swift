import Foundation
import SafeIO
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct CappedFileTests {
  @Test func refusesAFIFOWithoutHanging() throws {
    let dir = Scratch()
    defer { dir.remove() }
    let fifo = dir.file("pipe")
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect { try CappedFile.read(fifo, limit: 100, what: "a lesson") } throws: {
      ($0 as? FileProblem)?.message.contains("FIFO") == true
    }
    #expect { try CappedFile.read("/dev/zero", limit: 100, what: "a lesson") } throws: {
      ($0 as? FileProblem)?.message.contains("character device") == true
    }
  }

  @Test func refusesPastTheCap() throws {
    let dir = Scratch()
    defer { dir.remove() }
    let path = dir.write("big", String(repeating: "x", count: 2000))
    #expect { try CappedFile.read(path, limit: 1000, what: "a lesson") } throws: {
      ($0 as? FileProblem)?.message == "is too large for a lesson (1 KB; at most 1000 bytes)"
    }
    #expect(try CappedFile.read(path, limit: 2000, what: "a lesson").count == 2000)
  }
}

@Suite struct PNGHeaderTests {
  /// The 68-byte bomb's first 33 bytes: a valid signature and IHDR claiming 100000×100000.
  static func header(width: UInt32, height: UInt32, chunk: String = "IHDR") -> [UInt8] {
    func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    return PNGHeader.signature + be(13) + Array(chunk.utf8) + be(width) + be(height) + [8, 6, 0, 0, 0] + be(0)
  }

  @Test func readsTheClaimedSize() throws {
    #expect(try PNGHeader.parse(Self.header(width: 100_000, height: 100_000)).get() == PNGHeader(width: 100_000, height: 100_000))
    #expect(try PNGHeader.parse(Self.header(width: 28, height: 28)).get() == PNGHeader(width: 28, height: 28))
  }

  @Test func refusesWhatIsNotAHeader() {
    #expect(throws: PNGHeaderProblem.self) { try PNGHeader.parse(Array(Self.header(width: 1, height: 1).prefix(20))).get() }
    #expect(throws: PNGHeaderProblem.self) { try PNGHeader.parse(Self.header(width: 1, height: 1, chunk: "IDAT")).get() }
    #expect(throws: PNGHeaderProblem.self) { try PNGHeader.parse(Self.header(width: 0, height: 5)).get() }
    #expect(throws: PNGHeaderProblem.self) { try PNGHeader.parse(Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 40)).get() }
  }
}

@Suite struct TerminalTextTests {
  @Test func escapesControlCharacters() {
    #expect(TerminalText.escaped("a\u{1B}[31mred\u{07}") == "a\\e[31mred\\a")
    #expect(TerminalText.escaped("x\u{7F}y\u{9B}z") == "x\\x7fy\\x9bz")
    #expect(TerminalText.escaped("l1\nl2") == "l1\\nl2")
    #expect(TerminalText.escaped("l1\nl2", keepingNewlines: true) == "l1\nl2")
    #expect(TerminalText.escaped("\u{202E}evil") == "\\u{202e}evil")
    #expect(TerminalText.escaped("plain ünïcode ✓") == "plain ünïcode ✓")
  }
}
