import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct Scratch {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "safeio-\(getpid())-\(UUID().uuidString.prefix(8))"
    mkdir(path, 0o755)
  }

  func file(_ name: String) -> String { path + "/" + name }

  func write(_ name: String, _ text: String, mode: mode_t = 0o644) -> String {
    let p = file(name)
    _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
    chmod(p, mode)
    return p
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Names in the folder, including hidden ones (temporary files start with ".").
  func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A small tmpfs mounted for a test (a disk that really fills up), or nil with the reason when
/// this machine cannot mount one (not root, or no permission in this container).
struct SmallDisk {
  let path: String

  static func mount(kilobytes: Int) -> Result<SmallDisk, SkipReason> {
    guard geteuid() == 0 else { return .failure(SkipReason("not root (id -u ≠ 0): cannot mount a tmpfs")) }
    let path = NSTemporaryDirectory() + "safeio-disk-\(getpid())-\(UUID().uuidString.prefix(8))"
    mkdir(path, 0o755)
    let status = run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
    guard status == 0 else {
      rmdir(path)
      return .failure(SkipReason("mount -t tmpfs failed (status \(status)) in this container"))
    }
    return .success(SmallDisk(path: path))
  }

  func unmount() {
    _ = SmallDisk.run("/bin/umount", [path])
    rmdir(path)
  }

  static func run(_ tool: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: FileManager.default.fileExists(atPath: tool) ? tool : "/usr" + tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// Why a test could not run here; printed so a skipped check is never mistaken for a pass.
struct SkipReason: Error, CustomStringConvertible {
  var description: String
  init(_ text: String) { description = text }
}

func skip(_ reason: SkipReason, _ test: String) {
  print("SKIPPED \(test): \(reason)")
}
