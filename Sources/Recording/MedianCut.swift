import ImmediateUI

/// A palette of at most 256 colours for one region of a frame, by median cut over a 5-bit-per-channel
/// histogram: the box of histogram cells with the most pixels × widest channel range is split at the
/// pixel median of that channel until there are `maximumColors` boxes; each palette colour is the
/// pixel-weighted mean of its box. Deterministic: the same pixels give the same palette.
struct MedianCutPalette {
  /// The palette, as 0xRRGGBB.
  private(set) var colors: [UInt32] = []
  /// For each of the 32,768 histogram cells, the index of its palette colour.
  private var cellIndex = [UInt8](repeating: 0, count: 1 << 15)

  /// The histogram cell of an ARGB pixel: 5 bits each of red, green and blue.
  @inline(__always) static func cell(_ argb: UInt32) -> Int {
    let r: UInt32 = (argb >> 9) & 0x7C00
    let g: UInt32 = (argb >> 6) & 0x03E0
    let b: UInt32 = (argb >> 3) & 0x001F
    return Int(r | g | b)
  }

  /// Builds the palette of `raster`'s pixels inside `region` (x, y, width, height), leaving out
  /// those equal to `unchanged`'s (they are not stored again).
  init(
    _ raster: Raster, region: (x: Int, y: Int, width: Int, height: Int), unchanged: Raster? = nil,
    maximumColors: Int = 256
  ) {
    var count = [Int](repeating: 0, count: 1 << 15)
    var sums = [(r: Int, g: Int, b: Int)](repeating: (0, 0, 0), count: 1 << 15)
    let before = unchanged?.pixels ?? []
    raster.pixels.withUnsafeBufferPointer { px in
      for y in region.y..<(region.y + region.height) {
        let row = y * raster.width
        for x in region.x..<(region.x + region.width) {
          let p = px[row + x]
          if !before.isEmpty && before[row + x] == p { continue }
          let c = MedianCutPalette.cell(p)
          count[c] += 1
          sums[c].r += Int((p >> 16) & 0xFF)
          sums[c].g += Int((p >> 8) & 0xFF)
          sums[c].b += Int(p & 0xFF)
        }
      }
    }
    var boxes: [[Int]] = [(0..<(1 << 15)).filter { count[$0] > 0 }]
    // Split the box whose pixel count times widest range is largest, while any can split.
    while boxes.count < maximumColors {
      var best = -1
      var bestScore = 0
      var bestChannel = 0
      for (i, box) in boxes.enumerated() where box.count > 1 {
        let (channel, range) = MedianCutPalette.widestChannel(box)
        let pixels = box.reduce(0) { $0 + count[$1] }
        let score = pixels * range
        if score > bestScore {
          best = i
          bestScore = score
          bestChannel = channel
        }
      }
      guard best >= 0 else { break }
      let shift = 10 - 5 * bestChannel
      // Cell numbers break ties, so the order (and the split) never depends on the sort.
      let sorted = boxes[best].sorted { a, b in
        let ka = (a >> shift) & 31
        let kb = (b >> shift) & 31
        return ka != kb ? ka < kb : a < b
      }
      let total = sorted.reduce(0) { $0 + count[$1] }
      var running = 0
      var split = 1
      for (i, c) in sorted.enumerated() {
        running += count[c]
        if running * 2 >= total {
          split = max(1, min(sorted.count - 1, i + 1))
          break
        }
      }
      boxes[best] = Array(sorted[..<split])
      boxes.append(Array(sorted[split...]))
    }
    for (i, box) in boxes.enumerated() {
      var n = 0
      var r = 0
      var g = 0
      var b = 0
      for c in box {
        n += count[c]
        r += sums[c].r
        g += sums[c].g
        b += sums[c].b
      }
      let half = n / 2
      let d = max(1, n)
      let red = UInt32((r + half) / d)
      let green = UInt32((g + half) / d)
      let blue = UInt32((b + half) / d)
      colors.append(red << 16 | green << 8 | blue)
      for c in box { cellIndex[c] = UInt8(i) }
    }
    if colors.isEmpty { colors = [0] }
  }

  /// The channel (0 red, 1 green, 2 blue) over which `box`'s cells spread most, and that spread.
  private static func widestChannel(_ box: [Int]) -> (Int, Int) {
    var lo = [31, 31, 31]
    var hi = [0, 0, 0]
    for c in box {
      for ch in 0..<3 {
        let v = (c >> (10 - 5 * ch)) & 31
        lo[ch] = min(lo[ch], v)
        hi[ch] = max(hi[ch], v)
      }
    }
    let ranges = (0..<3).map { hi[$0] - lo[$0] }
    let channel = ranges[0] >= ranges[1] && ranges[0] >= ranges[2] ? 0 : (ranges[1] >= ranges[2] ? 1 : 2)
    return (channel, ranges[channel])
  }

  /// The palette index of an ARGB pixel (the colour of its histogram cell's box).
  @inline(__always) func index(of argb: UInt32) -> UInt8 { cellIndex[MedianCutPalette.cell(argb)] }
}
