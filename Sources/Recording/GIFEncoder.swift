import CGIF
import ImmediateUI

/// A GIF problem from giflib, with its message.
public struct ClipError: Error, CustomStringConvertible {
  public let description: String
  init(_ what: String, code: Int32) {
    let reason = GifErrorString(code).map { String(cString: $0) } ?? "error \(code)"
    description = "\(what): \(reason)"
  }
  init(_ message: String) { description = message }
}

/// Collects what giflib writes (its output callback appends here).
final class ByteSink {
  var bytes: [UInt8] = []
}

/// An animated GIF built in memory through giflib, one frame at a time.
///
/// Small files: each frame stores only the rectangle that changed since the one before (the rest
/// stays on screen: disposal "do not dispose"), unchanged pixels inside it transparent, with its
/// own median-cut palette of the changed pixels (`MedianCutPalette`), so a training clip where only the plot and the charts move costs a few KB
/// a frame. Frame delays are in hundredths of a second; at a frame rate that does not divide 100
/// they alternate so the clip keeps time (15 frames/s: 7, 7, 6, …).
public final class GIFEncoder {
  public let width: Int
  public let height: Int
  public let framesPerSecond: Int
  /// Frames added so far.
  public private(set) var frameCount = 0
  private let sink = ByteSink()
  private var gif: UnsafeMutablePointer<GifFileType>?
  private var previous: Raster?

  /// Starts a looping GIF of `width × height` pixels at `framesPerSecond` (1–50).
  public init(width: Int, height: Int, framesPerSecond: Int) throws {
    precondition((1...50).contains(framesPerSecond), "GIF frame delays are whole hundredths of a second")
    guard (1...65535).contains(width), (1...65535).contains(height) else {
      throw ClipError("a GIF is 1 to 65535 pixels wide and high, not \(width)×\(height)")
    }
    self.width = width
    self.height = height
    self.framesPerSecond = framesPerSecond
    var error: Int32 = 0
    let write: OutputFunc = { file, data, length in
      guard let file, let data, length > 0 else { return 0 }
      let sink = Unmanaged<ByteSink>.fromOpaque(file.pointee.UserData).takeUnretainedValue()
      sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
      return length
    }
    guard let gif = EGifOpen(Unmanaged.passUnretained(sink).toOpaque(), write, &error) else {
      throw ClipError("cannot start a GIF", code: error)
    }
    self.gif = gif
    EGifSetGifVersion(gif, true)
    // A one-colour global map: every frame brings its own palette.
    var black = GifColorType(Red: 0, Green: 0, Blue: 0)
    let global = GifMakeMapObject(2, &black)
    defer { GifFreeMapObject(global) }
    try check(EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, global), "the screen description")
    // NETSCAPE2.0: loop forever, as slides expect.
    try check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "the loop extension")
    try check(EGifPutExtensionBlock(gif, 11, Array("NETSCAPE2.0".utf8)), "the loop extension")
    try check(EGifPutExtensionBlock(gif, 3, [1, 0, 0] as [UInt8]), "the loop extension")
    try check(EGifPutExtensionTrailer(gif), "the loop extension")
  }

  deinit {
    if let gif {
      var error: Int32 = 0
      EGifCloseFile(gif, &error)
    }
  }

  private func check(_ result: Int32, _ what: String) throws {
    guard result == GIF_OK else { throw ClipError("writing \(what)", code: gif?.pointee.Error ?? 0) }
  }

  /// The delay after frame `k` in hundredths of a second: the frame ends at round((k+1)·100/fps).
  package static func delay(frame k: Int, framesPerSecond fps: Int) -> Int {
    ((k + 1) * 100 + fps / 2) / fps - (k * 100 + fps / 2) / fps
  }

  /// The smallest rectangle where `frame` differs from `before` (1×1 at the origin when nothing did).
  package static func changedRegion(_ frame: Raster, since before: Raster?) -> (x: Int, y: Int, width: Int, height: Int) {
    guard let before, before.width == frame.width, before.height == frame.height else {
      return (0, 0, frame.width, frame.height)
    }
    var minX = frame.width
    var minY = frame.height
    var maxX = -1
    var maxY = -1
    frame.pixels.withUnsafeBufferPointer { a in
      before.pixels.withUnsafeBufferPointer { b in
        for y in 0..<frame.height {
          let row = y * frame.width
          var x0 = -1
          for x in 0..<frame.width where (a[row + x] ^ b[row + x]) & 0xFF_FFFF != 0 {
            x0 = x
            break
          }
          guard x0 >= 0 else { continue }
          var x1 = x0
          for x in stride(from: frame.width - 1, to: x0, by: -1) where (a[row + x] ^ b[row + x]) & 0xFF_FFFF != 0 {
            x1 = x
            break
          }
          minX = min(minX, x0)
          maxX = max(maxX, x1)
          minY = min(minY, y)
          maxY = y
        }
      }
    }
    if maxX < 0 { return (0, 0, 1, 1) }
    return (minX, minY, maxX - minX + 1, maxY - minY + 1)
  }

  /// Adds `frame` (exactly `width × height`) as the next frame.
  public func add(_ frame: Raster) throws {
    guard let gif else { throw ClipError("the GIF is already finished") }
    guard frame.width == width, frame.height == height else {
      throw ClipError("a \(frame.width)×\(frame.height) frame in a \(width)×\(height) GIF")
    }
    let region = GIFEncoder.changedRegion(frame, since: previous)
    // Pixels that did not change are transparent (the one before shows through), which LZW
    // packs into long runs; the last palette entry is kept for that.
    let palette = MedianCutPalette(frame, region: region, unchanged: previous, maximumColors: 255)
    let transparent = palette.colors.count
    var entries = (palette.colors + [0]).map {
      GifColorType(Red: UInt8(($0 >> 16) & 0xFF), Green: UInt8(($0 >> 8) & 0xFF), Blue: UInt8($0 & 0xFF))
    }
    // giflib's maps hold a power of two of colours.
    var size = 2
    while size < entries.count { size *= 2 }
    entries += [GifColorType](repeating: GifColorType(Red: 0, Green: 0, Blue: 0), count: size - entries.count)
    guard let map = GifMakeMapObject(Int32(size), &entries) else { throw ClipError("out of memory for a palette") }
    defer { GifFreeMapObject(map) }
    var control = GraphicsControlBlock(
      DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
      DelayTime: Int32(GIFEncoder.delay(frame: frameCount, framesPerSecond: framesPerSecond)),
      TransparentColor: previous == nil ? NO_TRANSPARENT_COLOR : Int32(transparent))
    var extensionBytes = [GifByteType](repeating: 0, count: 4)
    let length = EGifGCBToExtension(&control, &extensionBytes)
    try check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), extensionBytes), "a frame's delay")
    try check(
      EGifPutImageDesc(gif, Int32(region.x), Int32(region.y), Int32(region.width), Int32(region.height), false, map),
      "a frame's description")
    var line = [GifPixelType](repeating: 0, count: region.width)
    for y in region.y..<(region.y + region.height) {
      let row = y * width
      if let previous {
        for x in 0..<region.width {
          let p = frame.pixels[row + region.x + x]
          line[x] = p == previous.pixels[row + region.x + x] ? UInt8(transparent) : palette.index(of: p)
        }
      } else {
        for x in 0..<region.width { line[x] = palette.index(of: frame.pixels[row + region.x + x]) }
      }
      try check(EGifPutLine(gif, &line, Int32(region.width)), "a frame's pixels")
    }
    previous = frame
    frameCount += 1
  }

  /// Ends the GIF and returns its bytes.
  public func finish() throws -> [UInt8] {
    guard let gif else { return sink.bytes }
    self.gif = nil
    var error: Int32 = 0
    guard EGifCloseFile(gif, &error) == GIF_OK else { throw ClipError("finishing the GIF", code: error) }
    return sink.bytes
  }
}
