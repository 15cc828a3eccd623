import Foundation
import ImmediateUI
import SDLFrontend
import SafeIO
import Testing

@Suite(.serialized) @MainActor struct ImageTests {
  /// Red, green / blue, white.
  let tiny: Raster = {
    var r = Raster(width: 2, height: 2)
    r.pixels = [0xFFFF_0000, 0xFF00_FF00, 0xFF00_00FF, 0xFFFF_FFFF]
    return r
  }()

  @Test func nearestScalingMakesBlocks() throws {
    let canvas = try OffscreenCanvas(width: 40, height: 40)
    var list = DrawList()
    list.image(tiny, in: Rect(x: 0, y: 0, width: 40, height: 40), smooth: false, key: 1)
    let px = try canvas.render(list, background: .black)
    #expect(px[0, 0] == tiny[0, 0] && px[19, 19] == tiny[0, 0])
    #expect(px[20, 0] == tiny[1, 0] && px[39, 19] == tiny[1, 0])
    #expect(px[0, 20] == tiny[0, 1] && px[39, 39] == tiny[1, 1])
    #expect(Set(px.pixels).count == 4)
  }

  @Test func smoothScalingBlends() throws {
    let canvas = try OffscreenCanvas(width: 40, height: 40)
    var list = DrawList()
    list.image(tiny, in: Rect(x: 0, y: 0, width: 40, height: 40), smooth: true, key: 1)
    let px = try canvas.render(list, background: .black)
    #expect(Set(px.pixels).count > 4)
    let center = Color(argb: px[20, 20])
    #expect(center.r > 60 && center.g > 60 && center.b > 60, "the middle mixes all four")
    #expect(px[0, 0] == tiny[0, 0], "corners keep their color")
  }

  @Test func imagesUploadOnlyWhenPixelsChange() throws {
    let canvas = try OffscreenCanvas(width: 40, height: 40)
    var list = DrawList()
    list.image(tiny, in: Rect(x: 0, y: 0, width: 40, height: 40), key: 7)
    _ = try canvas.render(list)
    _ = try canvas.render(list)
    #expect(canvas.drawer.imageUploads == 1)
    var changed = tiny
    changed[0, 0] = 0xFF00_0000
    var list2 = DrawList()
    list2.image(changed, in: Rect(x: 0, y: 0, width: 40, height: 40), key: 7)
    let px = try canvas.render(list2)
    #expect(canvas.drawer.imageUploads == 2)
    #expect(px[5, 5] == 0xFF00_0000)
    #expect(canvas.drawer.cachedImageCount == 1)
  }

  @Test func pngRoundTripKeepsEveryPixel() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var raster = Raster(width: 7, height: 5)
    for y in 0..<5 {
      for x in 0..<7 {
        let a: UInt32 = [0xFF, 0x80, 0x01, 0x00][(x + y) % 4]
        raster[x, y] = a << 24 | UInt32(x * 37) << 16 | UInt32(y * 51) << 8 | UInt32((x * y * 13) & 0xFF)
      }
    }
    let path = dir + "/round trip.png"
    try PNGFile.save(raster, to: path)
    #expect(try PNGFile.load(path) == raster)
    try PNGFile.save(Raster(width: 3, height: 3, fill: 0xFF12_3456), to: path)
    #expect(
      try PNGFile.load(path) == Raster(width: 3, height: 3, fill: 0xFF12_3456),
      "a second save replaces the file")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir) == ["round trip.png"],
      "no temporary file is left")
  }

  @Test func loadingAMissingFileThrows() {
    #expect(throws: SDLError.self) { try PNGFile.load("/nonexistent/none.png") }
    // Writing goes through the one atomic writer, whose errors say what happened to the file.
    #expect(throws: FileProblem.self) {
      try PNGFile.save(Raster(width: 2, height: 2), to: "/nonexistent/dir/x.png")
    }
  }

  func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("np-sdl-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }
}
