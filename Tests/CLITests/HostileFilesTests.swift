import Foundation
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#endif

// Round two of the hostile inputs: full disks, special files, other people's links, bombs and
// closed streams. Each case runs the real binary and checks what it left on disk.

/// Runs `playground ARGUMENTS` through /bin/sh with `redirections` (such as `2>&-`) applied.
private func runRedirected(_ arguments: [String], _ redirections: String, in directory: URL? = nil) throws
  -> RunResult
{
  let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
  return try runProcess(
    URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \"$0\" \(quoted) \(redirections)", try playgroundBinary().path],
    in: directory, timeout: 120)
}

/// Mounts a tmpfs of `kilobytes` at a fresh folder, or returns nil after printing why it cannot.
private func mountSmallDisk(kilobytes: Int, _ test: String) throws -> URL? {
  guard geteuid() == 0 else {
    print("SKIPPED \(test): not root (id -u ≠ 0), cannot mount a tmpfs to fill")
    return nil
  }
  let folder = try temporaryDirectory()
  let mount = try runProcess(
    URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
  guard mount.status == 0 else {
    print("SKIPPED \(test): mount -t tmpfs failed here: \(mount.stderr)")
    return nil
  }
  return folder
}

private func unmount(_ folder: URL) {
  _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [folder.path])
  try? FileManager.default.removeItem(at: folder)
}

/// Fills the file system holding `folder` until fewer than `leaving` bytes are free.
private func fill(_ folder: URL, leaving: Int) {
  var info = statvfs()
  guard statvfs(folder.path, &info) == 0 else { return }
  let free = Int(info.f_bavail) * Int(info.f_frsize)
  let size = max(0, free - leaving)
  FileManager.default.createFile(atPath: folder.appendingPathComponent("filler").path, contents: Data(count: size))
}

private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

private func mode(_ path: String) -> mode_t {
  var info = stat()
  return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}

@Suite(.serialized) struct HostileFilesTests {
  /// `--png`, `--screenshot` and `--save` on a full disk: exit non-zero naming the problem, the
  /// good file untouched byte for byte, no temporary file left.
  @Test func fullDiskKeepsTheGoodFile() throws {
    guard let disk = try mountSmallDisk(kilobytes: 400, #function) else { return }
    defer { unmount(disk) }
    let png = disk.appendingPathComponent("good.png").path
    let shot = disk.appendingPathComponent("shot.png").path
    let session = disk.appendingPathComponent("s.json").path
    #expect(try runPlayground(["train", "--epochs", "1", "--png", png, "--save", session]).status == 0)
    #expect(try runPlayground(["--screenshot", shot, "--size", "320x200"]).status == 0)
    let before = [png, shot, session].map(bytes)
    fill(disk, leaving: 8 << 10)
    let runs = [
      try runPlayground(["train", "--epochs", "1", "--seed", "5", "--png", png]),
      try runPlayground(["--screenshot", shot, "--size", "640x400", "--seed", "5"]),
      try runPlayground(["train", "--load", session, "--epochs", "1", "--save", session]),
    ]
    for run in runs {
      #expect(run.status != 0 && !run.crashed, "\(run.stderr)")
      #expect(run.stderr.contains("No space left on device"), "\(run.stderr)")
    }
    #expect([png, shot, session].map(bytes) == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted()
    #expect(left == ["filler", "good.png", "s.json", "shot.png"])
  }

  /// A FIFO or a device as the target of every writer: exit 2, nothing replaced.
  @Test func specialTargetsAreRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    var targets = [(fifo, "FIFO")]
    let device = dir.appendingPathComponent("null-device").path
    if geteuid() == 0 && mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {
      targets.append((device, "character device"))
    } else {
      targets.append(("/dev/null", "character device"))
    }
    for (target, kind) in targets {
      let commands = [
        ["train", "--epochs", "1", "--save", target], ["train", "--epochs", "1", "--png", target],
        ["export", "--epochs", "1", "--save-csv", target], ["export", "--epochs", "1", "--pytorch", target],
        ["export", "--epochs", "1", "--numpy", target], ["--screenshot", target, "--size", "320x200"],
      ]
      for arguments in commands {
        let run = try runPlayground(arguments, timeout: 60)
        #expect(run.status == 2 && !run.timedOut, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(kind) && run.stderr.contains("refused"), "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(arguments): refused before any training")
        var info = stat()
        #expect(lstat(target, &info) == 0 && info.st_mode & S_IFMT != S_IFREG, "\(target) is still special")
      }
    }
  }

  /// a → b → c: the save writes c and keeps both links; a 0600 session stays 0600 (also PNG, CSV).
  @Test func linkChainAndModesAreKept() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    #expect(try runPlayground(["train", "--epochs", "1", "--save", path("c.json")]).status == 0)
    chmod(path("c.json"), 0o600)
    #expect(symlink("c.json", path("b.json")) == 0)
    #expect(symlink(path("b.json"), path("a.json")) == 0)
    let before = bytes(path("c.json"))
    #expect(try runPlayground(["train", "--load", path("a.json"), "--epochs", "1", "--save", path("a.json")]).status == 0)
    #expect(bytes(path("c.json")) != before, "the final target was written")
    var info = stat()
    #expect(lstat(path("a.json"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(lstat(path("b.json"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(mode(path("c.json")) == 0o600)
    for (flag, name, command) in [("--png", "p.png", "train"), ("--save-csv", "p.csv", "export")] {
      FileManager.default.createFile(atPath: path(name), contents: Data("old".utf8))
      chmod(path(name), 0o640)
      #expect(try runPlayground([command, "--epochs", "1", flag, path(name)]).status == 0)
      #expect(mode(path(name)) == 0o640, "\(flag)")
      #expect(bytes(path(name)) != Data("old".utf8))
    }
    let long = String(repeating: "n", count: 245) + ".json"
    let run = try runPlayground(["train", "--epochs", "1", "--save", path(long)])
    #expect(run.status == 0, "a 250-byte name: \(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: path(long)))
  }

  /// Someone else's link in a sticky world-writable folder (a planted /tmp link) is not followed.
  @Test func plantedLinkInAStickyFolderIsRefused() throws {
    guard geteuid() == 0 else {
      print("SKIPPED \(#function): not root, cannot plant a link owned by another user")
      return
    }
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shared = dir.appendingPathComponent("shared").path
    mkdir(shared, 0o1777)
    chmod(shared, 0o1777)
    let victim = dir.appendingPathComponent("victim.json").path
    FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8))
    let trap = shared + "/s.json"
    #expect(symlink(victim, trap) == 0 && lchown(trap, 4242, 4242) == 0)
    let run = try runPlayground(["train", "--epochs", "1", "--save", trap])
    #expect(run.status == 2 && run.stderr.contains("owned by another user"), "\(run.stderr)")
    #expect(run.stdout.isEmpty, "refused before training")
    #expect(bytes(victim) == Data("precious".utf8))
  }

  /// A read-only folder is found before training starts (no epochs are printed).
  @Test func readOnlyFolderIsFoundBeforeTraining() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("ro")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var mounted = false
    if geteuid() == 0 {
      mounted = try runProcess(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", folder.path]).status == 0
      if !mounted { print("SKIPPED \(#function): cannot mount a read-only tmpfs"); return }
    } else {
      chmod(folder.path, 0o555)
    }
    defer { if mounted { unmount(folder) } else { chmod(folder.path, 0o755) } }
    let target = folder.appendingPathComponent("x").path
    for arguments in [
      ["train", "--epochs", "1000000", "--save", target + ".json"],
      ["train", "--epochs", "1000000", "--png", target + ".png"],
      ["export", "--epochs", "1000000", "--save-csv", target + ".csv"],
      ["export", "--epochs", "1000000", "--pytorch", target + ".py"],
      ["train", "--dataset", "shapes", "--epochs", "100000", "--save", target + ".json"],
      ["cam", "--dataset", "shapes", "--epochs", "30000", "--out", folder.path],
    ] {
      let run = try runPlayground(arguments, timeout: 60)
      #expect(run.status == 2 && run.seconds < 20, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("cannot write"), "\(arguments): \(run.stderr)")
    }
  }

  /// Closed or full stderr never crashes; a full stdout makes the exit code non-zero.
  @Test func closedAndFullStreams() throws {
    for redirection in ["2>&-", "2>/dev/full", "2>&- >&-"] {
      let run = try runRedirected(["train", "--epochs", "-1"], redirection)
      #expect(run.status == 2 && !run.crashed, "\(redirection): \(run.status) crashed \(run.crashed)")
      let help = try runRedirected(["train", "--bogus"], redirection)
      #expect(help.status == 2 && !help.crashed, "\(redirection)")
    }
    let full = try runRedirected(["train", "--epochs", "1", "--json"], ">/dev/full")
    #expect(full.status == 1 && !full.crashed)
    #expect(full.stderr.contains("output could not be written"), "\(full.stderr)")
    let closed = try runRedirected(["train", "--epochs", "1"], ">&-")
    #expect(closed.status == 1 && !closed.crashed)
    let helpFull = try runRedirected(["--help"], ">/dev/full")
    #expect(helpFull.status == 1 && !helpFull.crashed)
    // The session file must not become descriptor 2 and receive the messages.
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = dir.appendingPathComponent("s.json").path
    #expect(try runPlayground(["train", "--epochs", "1", "--save", session]).status == 0)
    let before = bytes(session)
    let loadWithClosedStderr = try runRedirected(["train", "--load", session, "--epochs", "-1"], "2>&-")
    #expect(loadWithClosedStderr.status == 2 && bytes(session) == before)
  }

  /// A 65-byte PNG claiming 100000×100000 pixels is refused from its header, fast and small.
  @Test func headerOnlyPNGBomb() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("bomb")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    let ihdr = Array("IHDR".utf8) + be(100_000) + be(100_000) + [8, 0, 0, 0, 0]
    let bomb: [UInt8] =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(0)
      + be(2) + Array("IDAT".utf8) + [0x78, 0x9C] + be(0) + be(0) + Array("IEND".utf8) + be(0)
    FileManager.default.createFile(atPath: folder.appendingPathComponent("b.png").path, contents: Data(bomb))
    let run = try runPlayground(
      ["train", "--dataset", "shapes", "--epochs", "1", "--import-pngs", folder.path], timeout: 30)
    #expect(run.status == 2 && run.seconds < 10, "\(run.stderr)")
    #expect(run.stderr.contains("100000×100000"), "\(run.stderr)")
  }

  /// A session at epoch 2^63 − 1 trains nothing and says so; the saved file loads again.
  @Test func epochAtTheMaximum() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("s.json").path
    for dataset in ["circle", "shapes"] {
      #expect(try runPlayground(["train", "--dataset", dataset, "--epochs", "1", "--save", path]).status == 0)
      var text = try String(contentsOfFile: path, encoding: .utf8)
      let training = try #require(text.range(of: #""training""#))
      let range = try #require(text.range(of: #""epoch": 1,"#, range: training.upperBound..<text.endIndex))
      text.replaceSubrange(range, with: "\"epoch\": \(Int.max),")
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let run = try runPlayground(["train", "--load", path, "--epochs", "3", "--json", "--save", path])
      #expect(run.status == 0, "\(dataset): \(run.stderr)")
      #expect(run.stderr.contains("the largest epoch count"), "\(dataset): \(run.stderr)")
      #expect(run.lastJSON?["epoch"] as? Int == Int.max, "\(dataset)")
      let again = try runPlayground(["train", "--load", path, "--epochs", "0", "--json"])
      #expect(again.status == 0 && again.lastJSON?["epoch"] as? Int == Int.max, "\(dataset): \(again.stderr)")
    }
  }

  /// A run estimated over the command line's budget is refused up front with the estimate.
  @Test func trainingOverTheBudgetIsRefusedUpFront() throws {
    for arguments in [
      ["train", "--dataset", "shapes", "--conv-layers", "32,32,32,32", "--epochs", "10000"],
      ["export", "--dataset", "shapes", "--conv-layers", "32,32,32,32", "--epochs", "10000", "--numpy", "/tmp/never.py"],
    ] {
      let run = try runPlayground(arguments, timeout: 30)
      #expect(run.status == 2 && run.seconds < 10, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains("multiply-adds") && run.stderr.contains("at most 3.6e13"), "\(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never.py"))
  }

  /// 100,000 arguments are refused at once (the parser is quadratic in repeated options); a
  /// long but ordinary command line still runs.
  @Test func hundredThousandArguments() throws {
    let many = ["train", "--epochs", "0"] + Array(repeating: ["--seed", "1"], count: 50_000).flatMap { $0 }
    let run = try runPlayground(many, timeout: 60)
    #expect(run.status == 2 && run.seconds < 5, "\(run.seconds) s")
    #expect(run.stderr.contains("too many arguments (100003); a command line takes at most 1000"), "\(run.stderr)")
    let fine = ["train", "--epochs", "0"] + Array(repeating: ["--seed", "1"], count: 498).flatMap { $0 }
    let ok = try runPlayground(fine, timeout: 60)
    #expect(ok.status == 0 && ok.seconds < 10, "\(ok.stderr)")
  }
}
