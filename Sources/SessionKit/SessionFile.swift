import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing session files (and the export scripts) safely.
///
/// Writes are atomic: the bytes go to a temporary file in the same folder, which is flushed to
/// disk (`fsync`) and then renamed over the target. A crash or error at any point leaves either
/// the old file or the new one, never a mixture; on error the temporary file is removed.
extension SessionFile {
  /// Files larger than this are refused rather than read into memory.
  public static let maximumBytes = 256 << 20

  /// Reads and decodes a session; errors name the file.
  public static func read(_ path: String) throws(SessionError) -> SessionFile {
    do {
      return try SessionFormat.decode(try readBytes(path))
    } catch {
      throw error.about(path)
    }
  }

  /// Encodes and writes a session atomically; errors name the file.
  public static func write(_ session: SessionFile, to path: String) throws(SessionError) {
    try writeAtomically(SessionFormat.encode(session), to: path)
  }

  /// The whole file, or an error saying why it cannot be read.
  public static func readBytes(_ path: String) throws(SessionError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw SessionError(path: path, "cannot read: \(lastError())") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw SessionError(path: path, "cannot read: \(lastError())") }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw SessionError(path: path, "is a folder, not a file") }
    if Int(info.st_size) > maximumBytes {
      throw SessionError(path: path, "is too large for a session (\(Int(info.st_size) >> 20) MB)")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SessionError(path: path, "cannot read: \(lastError())")
      }
      if n == 0 { break }
      bytes += chunk[0..<n]
      if bytes.count > maximumBytes { throw SessionError(path: path, "is too large for a session") }
    }
    return bytes
  }

  /// Checks, before any long work, that `path` could be written: its folder exists and it is
  /// not itself a folder. Writes nothing.
  public static func checkWritable(_ path: String) throws(SessionError) {
    guard !path.isEmpty else { throw SessionError("the file name is empty") }
    var info = stat()
    if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw SessionError(path: path, "is a folder; give a file name")
    }
    let folder = directory(of: path)
    guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw SessionError(path: path, "cannot write: the folder '\(folder)' does not exist")
    }
  }

  /// Writes `bytes` to `path` atomically (temporary file, fsync, rename), with permissions `mode`.
  ///
  /// `interruptAfter` (tests only) stops after that many bytes as a crash would, then fails.
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, interruptAfter: Int? = nil
  ) throws(SessionError) {
    try checkWritable(path)
    let target = resolvingSymlink(path)
    let folder = directory(of: target)
    let base = target.split(separator: "/").last.map(String.init) ?? "session"
    var temporary = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
      temporary = (folder == "/" ? "" : folder) + "/.\(base).\(getpid())-\(attempt).tmp"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw SessionError(path: path, "cannot write: \(lastError())") }
    func fail(_ what: String) -> SessionError {
      let reason = lastError()
      close(fd)
      unlink(temporary)
      return SessionError(path: path, "cannot write (\(what)): \(reason)")
    }
    var written = 0
    let limit = interruptAfter.map { min($0, bytes.count) } ?? bytes.count
    while written < limit {
      let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, limit - written) }
      if n < 0 {
        if errno == EINTR { continue }
        throw fail("write")
      }
      written += n
    }
    if interruptAfter != nil {
      errno = EIO
      throw fail("interrupted")
    }
    guard fsync(fd) == 0 else { throw fail("fsync") }
    guard close(fd) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw SessionError(path: path, "cannot write (close): \(reason)")
    }
    guard rename(temporary, target) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw SessionError(path: path, "cannot write (rename): \(reason)")
    }
    // Make the rename itself durable; a failure here cannot undo it, so it is not an error.
    let dirFD = open(folder, O_RDONLY | O_CLOEXEC)
    if dirFD >= 0 {
      _ = fsync(dirFD)
      close(dirFD)
    }
    removeStaleTemporaries(folder: folder, base: base)
  }

  /// Removes the temporary files that earlier saves of `base` left when their process was killed
  /// mid-write (`.BASE.PID-N.tmp` whose process no longer exists). Files of live processes (a save
  /// in progress elsewhere) and every other file are left alone.
  static func removeStaleTemporaries(folder: String, base: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let prefix = ".\(base)."
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, Int(parts[1]) != nil, pid != getpid() else {
        continue
      }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink((folder == "/" ? "" : folder) + "/" + name) }
    }
  }

  /// The folder holding `path` ("." for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// Where a symbolic link points, so saving through a link replaces the file, not the link.
  static func resolvingSymlink(_ path: String) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n > 0 else { return path }
    let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return link.hasPrefix("/") ? link : directory(of: path) + "/" + link
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}

// The enum's own `read` and `write` would hide the C functions inside it.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
