import ImmediateUI
import SafeIO

/// A clip being written, GIF or MP4 by the file's extension; frames all have one size.
public final class ClipWriter {
  public enum Format: String, Sendable { case gif, mp4 }

  public let path: String
  public let format: Format
  public let framesPerSecond: Int
  private var gif: GIFEncoder?
  private var mp4: MP4Pipe?

  /// The format `path` names (.gif or .mp4, any case), or nil.
  public static func format(of path: String) -> Format? {
    let lower = path.lowercased()
    if lower.hasSuffix(".gif") { return .gif }
    if lower.hasSuffix(".mp4") { return .mp4 }
    return nil
  }

  /// Starts a clip at `path` of `width × height` pixels. The target is checked first (a folder,
  /// a device, a read-only place is refused before any frame is drawn).
  public init(path: String, width: Int, height: Int, framesPerSecond: Int) throws {
    guard let format = ClipWriter.format(of: path) else {
      throw ClipError("a clip is a .gif or an .mp4 file, not '\(path)'")
    }
    try AtomicFile.checkWritable(path)
    self.path = path
    self.format = format
    self.framesPerSecond = framesPerSecond
    switch format {
    case .gif: gif = try GIFEncoder(width: width, height: height, framesPerSecond: framesPerSecond)
    case .mp4: mp4 = try MP4Pipe(path: path, width: width, height: height, framesPerSecond: framesPerSecond)
    }
  }

  /// Frames added so far.
  public var frameCount: Int { gif?.frameCount ?? mp4?.frameCount ?? 0 }

  /// Adds the next frame.
  public func add(_ frame: Raster) throws {
    if let gif { try gif.add(frame) }
    if let mp4 { try mp4.add(frame) }
  }

  /// Writes the file (atomically: an old file at `path` stays whole until the new one is done).
  public func finish() throws {
    if let gif { try AtomicFile.write(try gif.finish(), to: path) }
    if let mp4 { try mp4.finish() }
  }
}
