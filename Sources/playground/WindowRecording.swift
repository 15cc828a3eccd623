import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import Recording

/// F9 in the window: records what the window shows into a GIF beside the session file (or in the
/// screenshot folder when nothing was saved yet), 10 frames a second. Frames are encoded on their
/// own thread so the window keeps its 60 Hz; F9 again (or a change of window size, or quitting)
/// writes the file.
final class WindowRecording: @unchecked Sendable {
  static let framesPerSecond = 10
  let path: String
  let width: Int
  let height: Int
  private let writer: ClipWriter
  private let queue = DispatchQueue(label: "recording")
  private var failure: String?
  private var nextCapture = 0.0
  private let started: Double

  /// Starts a recording of `width × height` pixel frames at `path`.
  init(path: String, width: Int, height: Int, now: Double) throws {
    self.path = path
    self.width = width
    self.height = height
    writer = try ClipWriter(path: path, width: width, height: height, framesPerSecond: WindowRecording.framesPerSecond)
    started = now
    nextCapture = now
  }

  /// The file a recording started now goes to: beside `sessionPath`, else in `folder`.
  static func path(sessionPath: String?, folder: String, stamp: Int) -> String {
    let dir = sessionPath.map { ($0 as NSString).deletingLastPathComponent } ?? folder
    return ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent("playground-recording-\(stamp).gif")
  }

  /// True when a frame is due at `now` (frames keep to 10 a second of real time).
  func isDue(_ now: Double) -> Bool { now >= nextCapture }

  /// Queues `frame` for encoding. A stall repeats the last frame rather than speeding up the clip.
  func add(_ frame: Raster, now: Double) {
    let period = 1 / Double(WindowRecording.framesPerSecond)
    var copies = 0
    while nextCapture <= now {
      copies += 1
      nextCapture += period
    }
    let repeats = max(1, min(copies, WindowRecording.framesPerSecond))
    queue.async { [self] in
      guard failure == nil else { return }
      do {
        for _ in 0..<repeats { try writer.add(frame) }
      } catch {
        failure = "\(error)"
      }
    }
  }

  /// Waits for the queued frames, writes the file and says what happened.
  func finish(now: Double) -> Banner {
    queue.sync {}
    if let failure { return Banner(.error, tr("The recording could not be written: {1}", failure)) }
    do {
      try writer.finish()
    } catch {
      return Banner(.error, tr("The recording could not be written: {1}", error))
    }
    let seconds = Double(writer.frameCount) / Double(WindowRecording.framesPerSecond)
    return Banner(.info, "Recording saved to \(path) (\(String(format: "%.1f", seconds)) s)")
  }
}
