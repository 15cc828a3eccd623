import Foundation
import SafeIO
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AtomicFileTests {
  @Test func writesAndKeepsNoTemporaryFile() throws {
    let dir = Scratch()
    defer { dir.remove() }
    let path = dir.file("a.txt")
    try AtomicFile.write(Array("hello".utf8), to: path)
    #expect(dir.read("a.txt") == "hello")
    #expect(dir.names() == ["a.txt"])
  }

  /// A real full disk: the old file survives byte for byte, the error says so, no temporary file.
  @Test func fullDiskLeavesTheOldFile() throws {
    let disk: SmallDisk
    switch SmallDisk.mount(kilobytes: 64) {
    case .success(let d): disk = d
    case .failure(let reason): return skip(reason, "fullDiskLeavesTheOldFile")
    }
    defer { disk.unmount() }
    let path = disk.path + "/good.bin"
    let old = [UInt8](repeating: 7, count: 40_000)
    try AtomicFile.write(old, to: path)
    let big = [UInt8](repeating: 9, count: 200_000)
    #expect {
      try AtomicFile.write(big, to: path)
    } throws: { error in
      (error as? FileProblem)?.message.contains("No space left on device") == true
        && (error as? FileProblem)?.message.contains("the old file is unchanged") == true
    }
    #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == old)
    #expect((try? FileManager.default.contentsOfDirectory(atPath: disk.path)) == ["good.bin"])
  }

  @Test func refusesAFIFOAndDevices() throws {
    let dir = Scratch()
    defer { dir.remove() }
    let fifo = dir.file("pipe")
    #expect(mkfifo(fifo, 0o644) == 0)
    for (target, kind) in [(fifo, "FIFO"), ("/dev/null", "character device")] {
      #expect {
        try AtomicFile.write(Array("x".utf8), to: target)
      } throws: { error in
        (error as? FileProblem)?.message.contains(kind) == true
      }
      #expect(throws: FileProblem.self) { try AtomicFile.checkWritable(target) }
    }
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    #expect(dir.names() == ["pipe"])
  }

  @Test func refusesASocketAndAFolder() throws {
    let dir = Scratch()
    defer { dir.remove() }
    let socketPath = dir.file("sock")
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (i, byte) in socketPath.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    defer { close(fd) }
    #expect(bound == 0)
    #expect { try AtomicFile.write([1], to: socketPath) } throws: { ($0 as? FileProblem)?.message.contains("socket") == true }
    mkdir(dir.file("sub"), 0o755)
    #expect { try AtomicFile.write([1], to: dir.file("sub")) } throws: { ($0 as? FileProblem)?.message.contains("folder") == true }
    #expect { try AtomicFile.write([1], to: dir.file("new") + "/") } throws: { ($0 as? FileProblem)?.message.contains("folder") == true }
  }

  /// a → b → c: c gets the new bytes, both links stay links.
  @Test func followsALinkChainAndKeepsTheLinks() throws {
    let dir = Scratch()
    defer { dir.remove() }
    _ = dir.write("c", "old")
    #expect(symlink("c", dir.file("b")) == 0)
    #expect(symlink(dir.file("b"), dir.file("a")) == 0)
    try AtomicFile.write(Array("new".utf8), to: dir.file("a"))
    #expect(dir.read("c") == "new")
    var info = stat()
    #expect(lstat(dir.file("a"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(lstat(dir.file("b"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(dir.names() == ["a", "b", "c"])
  }

  @Test func aLinkLoopIsRefused() throws {
    let dir = Scratch()
    defer { dir.remove() }
    #expect(symlink("y", dir.file("x")) == 0)
    #expect(symlink("x", dir.file("y")) == 0)
    #expect { try AtomicFile.write([1], to: dir.file("x")) } throws: { ($0 as? FileProblem)?.message.contains("symbolic links") == true }
  }

  /// Someone else's link in a sticky world-writable folder (as /tmp) is not followed.
  @Test func someoneElsesLinkInAStickyFolderIsRefused() throws {
    guard geteuid() == 0 else { return skip(SkipReason("not root: cannot give a link to another user"), #function) }
    let dir = Scratch()
    defer { dir.remove() }
    chmod(dir.path, 0o1777)
    chown(dir.path, 54321, 54321)  // the folder belongs to neither the saver nor the link's owner
    _ = dir.write("victim", "precious")
    #expect(symlink(dir.file("victim"), dir.file("trap")) == 0)
    #expect(lchown(dir.file("trap"), 12345, 12345) == 0)
    #expect {
      try AtomicFile.write(Array("overwritten".utf8), to: dir.file("trap"))
    } throws: { ($0 as? FileProblem)?.message.contains("owned by another user") == true }
    #expect(throws: FileProblem.self) { try AtomicFile.checkWritable(dir.file("trap")) }
    #expect(dir.read("victim") == "precious")
    // The saver's own link in the same folder is followed.
    #expect(symlink(dir.file("victim"), dir.file("mine")) == 0)
    try AtomicFile.write(Array("mine".utf8), to: dir.file("mine"))
    #expect(dir.read("victim") == "mine")
  }

  @Test func keepsTheModeOfAnExistingFile() throws {
    let dir = Scratch()
    defer { dir.remove() }
    for mode: mode_t in [0o600, 0o640, 0o755] {
      let path = dir.write("f\(mode)", "old", mode: mode)
      try AtomicFile.write(Array("new".utf8), to: path)
      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o777 == mode)
    }
    try AtomicFile.write([1], to: dir.file("fresh"), mode: 0o644)
    var info = stat()
    #expect(stat(dir.file("fresh"), &info) == 0)
    #expect(info.st_mode & 0o777 == 0o644 & ~0o022 || info.st_mode & 0o777 == 0o644 & ~umaskNow())
  }

  @Test func aLongFileNameGetsAShortTemporaryName() throws {
    let dir = Scratch()
    defer { dir.remove() }
    for length in [250, 255] {
      let name = String(repeating: "s", count: length - 5) + ".json"
      try AtomicFile.write(Array("x".utf8), to: dir.file(name))
      #expect(dir.read(name) == "x")
      try AtomicFile.checkWritable(dir.file(name))
    }
    let accented = String(repeating: "é", count: 120) + ".json"  // 245 bytes, 2 per character
    try AtomicFile.write([1], to: dir.file(accented))
    #expect(AtomicFile.shortName(accented).utf8.count <= AtomicFile.temporaryNameBytes)
  }

  @Test func checkWritableFindsAReadOnlyFolder() throws {
    let dir = Scratch()
    defer { dir.remove() }
    if geteuid() == 0 {
      // Root writes through permissions; a read-only mount is what stops it.
      let readOnly = dir.file("ro")
      mkdir(readOnly, 0o755)
      guard SmallDisk.run("/bin/mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly]) == 0 else {
        return skip(SkipReason("cannot mount a read-only tmpfs"), #function)
      }
      defer { _ = SmallDisk.run("/bin/umount", [readOnly]) }
      #expect {
        try AtomicFile.checkWritable(readOnly + "/x.json")
      } throws: { ($0 as? FileProblem)?.message.contains("Read-only file system") == true }
    } else {
      chmod(dir.path, 0o555)
      defer { chmod(dir.path, 0o755) }
      #expect(throws: FileProblem.self) { try AtomicFile.checkWritable(dir.file("x.json")) }
    }
    #expect(throws: FileProblem.self) { try AtomicFile.checkWritable(dir.file("missing/x.json")) }
    try AtomicFile.checkWritable(dir.file("ok.json"))
    #expect(!dir.names().contains { $0.hasSuffix(".tmp") })
  }
}

func umaskNow() -> mode_t {
  let old = umask(0)
  umask(old)
  return old
}
