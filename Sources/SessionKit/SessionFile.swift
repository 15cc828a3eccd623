import Foundation
import SafeIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing session files (and the export scripts) safely.
///
/// Writes are atomic (`AtomicFile`): the bytes go to a temporary file in the same folder, which is
/// flushed to disk (`fsync`) and then renamed over the target. A crash or error at any point leaves
/// either the old file or the new one, never a mixture; on error the temporary file is removed.
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

  /// The whole file, or an error saying why it cannot be read (only regular files, at most
  /// `maximumBytes`; see `CappedFile`).
  public static func readBytes(_ path: String) throws(SessionError) -> [UInt8] {
    do {
      return try CappedFile.read(path, limit: maximumBytes, what: "a session")
    } catch {
      throw SessionError(path: path, error.message)
    }
  }

  /// Checks, before any long work, that `path` could be written (see `AtomicFile.checkWritable`).
  public static func checkWritable(_ path: String) throws(SessionError) {
    do {
      try AtomicFile.checkWritable(path)
    } catch {
      throw SessionError(path: path, error.message)
    }
  }

  /// Writes `bytes` to `path` through the one atomic writer (`AtomicFile.write`); a new file gets
  /// `mode`, an existing one keeps its permissions.
  ///
  /// `interruptAfter` (tests only) stops after that many bytes as a crash would, then fails.
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, interruptAfter: Int? = nil
  ) throws(SessionError) {
    do {
      try AtomicFile.write(bytes, to: path, mode: mode, interruptAfter: interruptAfter)
    } catch {
      throw SessionError(path: path, error.message)
    }
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}

