import ImmediateUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opaque 0xAARRGGBB from a 0xRRGGBB literal.
func opaque(_ rgb: UInt32) -> UInt32 { 0xFF00_0000 | rgb }

/// The red, green and blue channels of a packed pixel.
func channels(_ argb: UInt32) -> (r: Int, g: Int, b: Int) {
  (Int((argb >> 16) & 0xFF), Int((argb >> 8) & 0xFF), Int(argb & 0xFF))
}

/// A deterministic stream of numbers in [0, 1) for test data (a 64-bit LCG, top 24 bits).
struct TestRandom {
  var state: UInt64
  mutating func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 40) / Double(1 << 24)
  }
}

/// Writes `raster` as a binary PPM into $VIS_SNAPSHOT_DIR when that is set (for eyeballing with
/// `convert x.ppm x.png`); returns whether it wrote.
@discardableResult
func writeSnapshot(_ raster: Raster, name: String) -> Bool {
  guard let dir = getenv("VIS_SNAPSHOT_DIR") else { return false }
  let path = String(cString: dir) + "/" + name + ".ppm"
  guard let file = fopen(path, "wb") else { return false }
  defer { fclose(file) }
  let header = Array("P6\n\(raster.width) \(raster.height)\n255\n".utf8)
  var bytes = header
  bytes.reserveCapacity(header.count + raster.pixels.count * 3)
  for p in raster.pixels {
    bytes += [UInt8((p >> 16) & 0xFF), UInt8((p >> 8) & 0xFF), UInt8(p & 0xFF)]
  }
  return fwrite(bytes, 1, bytes.count, file) == bytes.count
}
