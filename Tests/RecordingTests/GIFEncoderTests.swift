import ImmediateUI
import Recording
import Testing

/// The GIF writer through giflib and back: frames, sizes, colours, delays, small files.
@Suite struct GIFEncoderTests {
  /// A frame with a moving square of `color` on a 3-colour background.
  func frame(_ k: Int, color: UInt32 = 0xFF0877BD) -> Raster {
    var r = Raster(width: 64, height: 48, fill: 0xFFEEF1F4)
    for y in 0..<48 { for x in 0..<8 { r[x, y] = 0xFFF59322 } }
    for y in 10..<20 { for x in (10 + k)..<(20 + k) { r[x, y] = color } }
    return r
  }

  @Test func framesRoundTripExactlyWithFewColours() throws {
    let gif = try GIFEncoder(width: 64, height: 48, framesPerSecond: 20)
    let frames = (0..<6).map { frame($0) }
    for f in frames { try gif.add(f) }
    let clip = try GIFClip(bytes: try gif.finish())
    #expect(clip.width == 64 && clip.height == 48)
    #expect(clip.frames.count == 6)
    #expect(clip.delays == [5, 5, 5, 5, 5, 5])
    // Colours in distinct histogram cells come back exactly, frame by frame.
    for (a, b) in zip(frames, clip.frames) { #expect(a == b) }
  }

  @Test func delaysKeepTimeAtRatesThatDoNotDivideAHundred() {
    for fps in [1, 3, 7, 15, 20, 24, 30, 50] {
      let delays = (0..<fps).map { GIFEncoder.delay(frame: $0, framesPerSecond: fps) }
      #expect(delays.reduce(0, +) == 100, "fps \(fps): \(delays)")
      #expect(delays.max()! - delays.min()! <= 1, "fps \(fps): \(delays)")
    }
  }

  @Test func onlyTheChangedRectangleIsStored() {
    let a = frame(0)
    let b = frame(3)
    let region = GIFEncoder.changedRegion(b, since: a)
    #expect(region.x == 10 && region.y == 10 && region.width == 13 && region.height == 10)
    let same = GIFEncoder.changedRegion(a, since: a)
    #expect(same.width == 1 && same.height == 1)
    #expect(GIFEncoder.changedRegion(a, since: nil).width == 64)
  }

  @Test func aGradientKeepsCloseToItsColoursWithinTheLimit() throws {
    // 4,096 colours: more than a palette holds; each comes back within a few levels.
    var r = Raster(width: 64, height: 64)
    for y in 0..<64 { for x in 0..<64 { r[x, y] = 0xFF00_0000 | UInt32(x * 4) << 16 | UInt32(y * 4) << 8 | 0x80 } }
    let gif = try GIFEncoder(width: 64, height: 64, framesPerSecond: 10)
    try gif.add(r)
    let back = try GIFClip(bytes: try gif.finish()).frames[0]
    var worst = 0
    for (p, q) in zip(r.pixels, back.pixels) {
      for shift in [16, 8, 0] as [UInt32] {
        worst = max(worst, abs(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF)))
      }
    }
    #expect(worst <= 16, "largest channel error \(worst)")
  }

  @Test func badSizesAndFramesAreRefused() throws {
    #expect(throws: ClipError.self) { try GIFEncoder(width: 0, height: 10, framesPerSecond: 10) }
    let gif = try GIFEncoder(width: 8, height: 8, framesPerSecond: 10)
    #expect(throws: ClipError.self) { try gif.add(Raster(width: 9, height: 8)) }
  }

  @Test func mp4WithoutFFmpegNamesThePackage() {
    #expect(MP4Pipe.findFFmpeg(environment: ["PATH": "/nonexistent"]) == nil)
  }
}
