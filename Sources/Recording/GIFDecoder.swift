import CGIF
import ImmediateUI

/// A GIF read back through giflib: its screen size, and every frame as the viewer sees it (each
/// frame's rectangle painted over the ones before), with its delay.
public struct GIFClip {
  public var width: Int
  public var height: Int
  /// Whole frames, 0xAARRGGBB.
  public var frames: [Raster]
  /// Each frame's delay in hundredths of a second.
  public var delays: [Int]

  /// Decodes `bytes` (giflib's `DGifSlurp`).
  public init(bytes: [UInt8]) throws {
    final class Source {
      var bytes: [UInt8]
      var offset = 0
      init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(bytes)
    let read: InputFunc = { file, buffer, length in
      guard let file, let buffer else { return 0 }
      let source = Unmanaged<Source>.fromOpaque(file.pointee.UserData).takeUnretainedValue()
      let n = min(Int(length), source.bytes.count - source.offset)
      for i in 0..<max(0, n) { buffer[i] = source.bytes[source.offset + i] }
      source.offset += max(0, n)
      return Int32(max(0, n))
    }
    var error: Int32 = 0
    guard let gif = withExtendedLifetime(source, { DGifOpen(Unmanaged.passUnretained(source).toOpaque(), read, &error) })
    else { throw ClipError("cannot read the GIF", code: error) }
    defer {
      var closeError: Int32 = 0
      DGifCloseFile(gif, &closeError)
    }
    guard withExtendedLifetime(source, { DGifSlurp(gif) }) == GIF_OK else {
      throw ClipError("cannot decode the GIF", code: gif.pointee.Error)
    }
    width = Int(gif.pointee.SWidth)
    height = Int(gif.pointee.SHeight)
    frames = []
    delays = []
    var canvas = Raster(width: width, height: height, fill: 0xFF00_0000)
    for i in 0..<Int(gif.pointee.ImageCount) {
      let image = gif.pointee.SavedImages[i]
      let d = image.ImageDesc
      guard let map = d.ColorMap ?? gif.pointee.SColorMap else { throw ClipError("frame \(i) has no palette") }
      var control = GraphicsControlBlock()
      control.TransparentColor = NO_TRANSPARENT_COLOR
      let hasControl = DGifSavedExtensionToGCB(gif, Int32(i), &control) == GIF_OK
      for y in 0..<Int(d.Height) {
        for x in 0..<Int(d.Width) {
          let index = Int(image.RasterBits[y * Int(d.Width) + x])
          if index == Int(control.TransparentColor) { continue }  // the frame before shows through
          let c = map.pointee.Colors[min(index, Int(map.pointee.ColorCount) - 1)]
          let px = Int(d.Left) + x
          let py = Int(d.Top) + y
          guard px < width, py < height else { continue }
          canvas[px, py] = 0xFF00_0000 | UInt32(c.Red) << 16 | UInt32(c.Green) << 8 | UInt32(c.Blue)
        }
      }
      frames.append(canvas)
      delays.append(hasControl ? Int(control.DelayTime) : 0)
    }
  }
}
