#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way the program writes a file: sessions, PNGs, screenshots, CSV and scripts.
///
/// The bytes go to a temporary file beside the target (a short name, so a 250-byte file name
/// still works), every write is checked, the file is flushed to disk (`fsync`), renamed over the
/// target, and the folder is flushed so the rename survives a power cut. On any failure (a full
/// disk, a crash, a kill) the old file is untouched and the temporary file removed; the target is
/// chosen by `SaveTarget` (no special files, no other people's links, permissions kept).
public enum AtomicFile {
  /// Temporary names are `.NAME.PID-N.tmp` with NAME cut to this many bytes (255 is the limit
  /// of one name on Linux file systems; PID and N take at most 24 more).
  public static let temporaryNameBytes = 200

  /// Checks, before any long work, that a save to `path` could happen: the target passes the
  /// policy and a file can be created in its folder (a read-only folder or file system is found
  /// here, not after training). Leaves nothing behind.
  @discardableResult
  public static func checkWritable(_ path: String) throws(FileProblem) -> SaveTarget {
    let target = try SaveTarget.resolve(path)
    let probe = (target.folder == "/" ? "" : target.folder) + "/.\(shortName(target.path)).\(getpid())-probe.tmp"
    let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      let code = errno
      if code != EEXIST {
        throw FileProblem(
          path: path, "cannot write in the folder '\(target.folder)': \(SaveTarget.describe(code))")
      }
      return target
    }
    close(fd)
    unlink(probe)
    return target
  }

  /// Writes `bytes` to `path` atomically. A new file gets `mode` (less the umask); an existing
  /// one keeps its permission bits and, when the program runs as root, its owner.
  ///
  /// `interruptAfter` (tests only) stops after that many bytes as a crash would, then fails.
  public static func write(
    _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, interruptAfter: Int? = nil
  ) throws(FileProblem) {
    let target = try SaveTarget.resolve(path)
    let folder = target.folder
    let base = shortName(target.path)
    var temporary = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
      temporary = (folder == "/" ? "" : folder) + "/.\(base).\(getpid())-\(attempt).tmp"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw FileProblem(path: path, "cannot write: \(SaveTarget.describe(errno))") }
    func fail(_ what: String, _ code: Int32 = errno) -> FileProblem {
      close(fd)
      unlink(temporary)
      return FileProblem(path: path, "cannot write (\(what)): \(SaveTarget.describe(code)); the old file is unchanged")
    }
    // The final permissions are set before any byte is written, so a private file's contents are
    // never readable by others, not even in the temporary file.
    if let uid = target.existingUID, let gid = target.existingGID, geteuid() == 0 {
      _ = fchown(fd, uid, gid)
    }
    guard fchmod(fd, target.existingMode ?? (mode & 0o777 & ~currentUmask())) == 0 else { throw fail("chmod") }
    let limit = interruptAfter.map { min($0, bytes.count) } ?? bytes.count
    var written = 0
    while written < limit {
      let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, limit - written) }
      if n < 0 {
        if errno == EINTR { continue }
        throw fail("write")
      }
      if n == 0 { throw fail("write", ENOSPC) }
      written += n
    }
    if interruptAfter != nil { throw fail("interrupted", EIO) }
    guard fsync(fd) == 0 else { throw fail("fsync") }
    guard close(fd) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileProblem(path: path, "cannot write (close): \(SaveTarget.describe(code)); the old file is unchanged")
    }
    // The target may have changed since it was resolved; never rename over a special file.
    var info = stat()
    if lstat(target.path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
      unlink(temporary)
      throw FileProblem(path: path, "became \(SaveTarget.kind(info.st_mode)) during the save; nothing was replaced")
    }
    guard rename(temporary, target.path) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileProblem(path: path, "cannot write (rename): \(SaveTarget.describe(code)); the old file is unchanged")
    }
    // Make the rename itself durable; a failure here cannot undo it, so it is not an error.
    let folderFD = open(folder, O_RDONLY | O_CLOEXEC)
    if folderFD >= 0 {
      _ = fsync(folderFD)
      close(folderFD)
    }
    removeStaleTemporaries(folder: folder, base: base)
  }

  /// `name`'s last component cut to `temporaryNameBytes` UTF-8 bytes on a character boundary.
  public static func shortName(_ path: String) -> String {
    var name = Substring(SaveTarget.fileName(of: path))
    while name.utf8.count > temporaryNameBytes { name = name.dropLast() }
    return String(name)
  }

  /// Removes the temporary files that earlier saves of `base` left when their process was killed
  /// mid-write (`.BASE.PID-N.tmp` whose process no longer exists). Files of live processes (a save
  /// in progress elsewhere) and every other file are left alone.
  public static func removeStaleTemporaries(folder: String, base: String) {
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    let prefix = ".\(base)."
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix) && name.hasSuffix(".tmp") else { continue }
      let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, Int(parts[1]) != nil, pid != getpid() else {
        continue
      }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink((folder == "/" ? "" : folder) + "/" + name) }
    }
  }

  /// The process's umask, read without changing it (Linux lists it in /proc/self/status).
  static func currentUmask() -> mode_t {
    if let file = fopen("/proc/self/status", "r") {
      defer { fclose(file) }
      var line = [CChar](repeating: 0, count: 256)
      while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("Umask:"), let value = mode_t(text.dropFirst(6).trimmingSpaces, radix: 8) {
          return value
        }
      }
    }
    return 0o022
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\n" && $0 != " " }
  }
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
