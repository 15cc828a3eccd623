import Foundation
import ImmediateUI
import SafeIO

/// An MP4 made by the `ffmpeg` program: raw frames go down a pipe (BGRA, which is how a Raster's
/// 0xAARRGGBB words lie in memory), ffmpeg encodes H.264 into a temporary file beside the target,
/// and a clean exit renames it over the target. The program is not linked: without it, only MP4
/// is unavailable, and the error says which Debian package brings it.
public final class MP4Pipe {
  public let width: Int
  public let height: Int
  public private(set) var frameCount = 0
  private let process = Process()
  private let input = Pipe()
  private let errors = Pipe()
  private let target: SaveTarget
  private let temporary: String
  private let path: String
  private var finished = false

  /// The `ffmpeg` program on the PATH, or nil.
  public static func findFFmpeg(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    for folder in folders {
      let candidate = String(folder) + "/ffmpeg"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  /// Starts ffmpeg for a `width × height` clip at `framesPerSecond` written to `path`.
  public init(path: String, width: Int, height: Int, framesPerSecond: Int) throws {
    guard let ffmpeg = MP4Pipe.findFFmpeg() else {
      throw ClipError(
        "an MP4 needs the ffmpeg program, which is not installed: install the Debian package ffmpeg (sudo apt-get install ffmpeg), or record a .gif"
      )
    }
    self.width = width
    self.height = height
    self.path = path
    target = try SaveTarget.resolve(path)
    temporary = (target.folder == "/" ? "" : target.folder) + "/.\(AtomicFile.shortName(target.path)).\(getpid()).mp4"
    process.executableURL = URL(fileURLWithPath: ffmpeg)
    process.arguments = [
      "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgra", "-s", "\(width)x\(height)",
      "-r", "\(framesPerSecond)", "-i", "-", "-an", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
      // H.264 in 4:2:0 wants even sides: a one-pixel border where a side is odd.
      "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-movflags", "+faststart", "-f", "mp4", temporary,
    ]
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw ClipError("cannot start \(ffmpeg): \(error.localizedDescription)")
    }
  }

  deinit {
    if !finished {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
      unlink(temporary)
    }
  }

  /// Sends `frame` (exactly `width × height`) to ffmpeg.
  public func add(_ frame: Raster) throws {
    guard frame.width == width, frame.height == height else {
      throw ClipError("a \(frame.width)×\(frame.height) frame in a \(width)×\(height) video")
    }
    let data = frame.pixels.withUnsafeBytes { Data($0) }
    do {
      try input.fileHandleForWriting.write(contentsOf: data)
    } catch {
      throw ClipError("ffmpeg stopped taking frames: \(stderrText())")
    }
    frameCount += 1
  }

  private func stderrText() -> String {
    let data: Data? = (try? errors.fileHandleForReading.readToEnd()) ?? nil
    return String(decoding: data ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Waits for ffmpeg to finish and puts the video in place.
  public func finish() throws {
    guard !finished else { return }
    finished = true
    try? input.fileHandleForWriting.close()
    let message = stderrText()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      unlink(temporary)
      throw ClipError("ffmpeg failed (exit \(process.terminationStatus)): \(message)")
    }
    guard rename(temporary, target.path) == 0 else {
      let code = errno
      unlink(temporary)
      throw ClipError("cannot write '\(path)': \(String(cString: strerror(code)))")
    }
  }
}
