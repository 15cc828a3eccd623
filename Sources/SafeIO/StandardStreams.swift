#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Standard output and error that never crash the program when they cannot be written.
///
/// Messages go to file descriptor 2 with write(2), whose errors are ignored (there is nowhere
/// left to report them). Standard output is C's buffered `stdout` (Swift's `print`); a failed
/// write there (a full disk, a closed descriptor) is found at the end by `finish`, which turns a
/// successful exit code into 1 with a message, so a script never mistakes lost output for success.
public enum StandardStreams {
  /// Makes sure descriptors 0, 1 and 2 are open before any file is: a program started with one of
  /// them closed (`2>&-`) would otherwise open a session or PNG as descriptor 2 and write its
  /// messages into that file. A closed stdin or stderr becomes /dev/null; a closed stdout becomes
  /// /dev/full, so writing output fails and the exit code says so.
  public static func openMissingDescriptors() {
    for (fd, device) in [(Int32(0), "/dev/null"), (1, "/dev/full"), (2, "/dev/null")] where fcntl(fd, F_GETFD) < 0 {
      var opened = open(device, fd == 0 ? O_RDONLY : O_WRONLY)
      if opened < 0 { opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) }
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        close(opened)
      }
    }
  }

  /// Writes `text` to standard error; never fails, never crashes.
  public static func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
    bytes.removeAll()
  }

  /// Flushes standard output; when any write to it failed, reports it on standard error and
  /// returns 1 in place of a 0 `code`. Other codes are kept (the first failure is the story).
  public static func finish(_ code: Int32) -> Int32 {
    let flushed = fflush(stdout) == 0
    let failed = !flushed || ferror(stdout) != 0
    guard failed else { return code }
    let reason = errno == 0 ? "" : ": " + String(cString: strerror(errno))
    writeError("error: the output could not be written (standard output\(reason))\n")
    return code == 0 ? 1 : code
  }
}
