#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way the program reads a whole file: only regular files, never more than a cap.
///
/// The file is opened without blocking (a FIFO with no writer would otherwise hang the open),
/// its type and size are checked on the open descriptor, and reading stops past the cap even when
/// the file grows or lies about its size (`/proc` files report 0).
public enum CappedFile {
  /// The whole file, or a problem naming `what` ("a lesson", "a session") and the cap.
  public static func read(_ path: String, limit: Int, what: String) throws(FileProblem) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw FileProblem(path: path, "cannot read: \(SaveTarget.describe(errno))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileProblem(path: path, "cannot read: \(SaveTarget.describe(errno))") }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw FileProblem(path: path, "is a folder, not a file")
    default: throw FileProblem(path: path, "is \(SaveTarget.kind(info.st_mode)), not a regular file")
    }
    if Int(info.st_size) > limit {
      throw FileProblem(path: path, "is too large for \(what) (\(sizeText(Int(info.st_size))); at most \(sizeText(limit)))")
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileProblem(path: path, "cannot read: \(SaveTarget.describe(errno))")
      }
      if n == 0 { break }
      bytes += chunk[0..<n]
      if bytes.count > limit { throw FileProblem(path: path, "is too large for \(what) (at most \(sizeText(limit)))") }
    }
    return bytes
  }

  /// At most `count` bytes from the start of the regular file `path` (a header to check).
  public static func head(_ path: String, count: Int) throws(FileProblem) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw FileProblem(path: path, "cannot read: \(SaveTarget.describe(errno))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw FileProblem(path: path, "is not a regular file")
    }
    var bytes = [UInt8](repeating: 0, count: count)
    var got = 0
    while got < count {
      let n = bytes.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + got, count - got) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      got += n
    }
    return Array(bytes[0..<got])
  }

  /// "1.5 MB", "300 KB", "68 bytes".
  public static func sizeText(_ bytes: Int) -> String {
    if bytes >= 1 << 20 {
      let tenths = bytes * 10 / (1 << 20)
      return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
    if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
    return "\(bytes) bytes"
  }
}

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
