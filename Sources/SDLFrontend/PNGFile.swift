import CSDL2
import CSDL2Image
import Foundation
import ImmediateUI
import SafeIO

/// Reads and writes Rasters as PNG files through SDL_image.
public enum PNGFile {
  /// Files larger than this are not read (a 2200×1400 screenshot is about 1 MB).
  public static let maximumBytes = 64 << 20
  /// Images claiming more pixels than this (8192×8192) are refused from their header, before the
  /// decoder allocates 4 bytes for each.
  public static let maximumPixels = 8192 * 8192

  /// Writes `raster` to `path` through the one atomic writer (`AtomicFile`): the PNG is encoded
  /// in memory, so an encoder error or a full disk leaves the old file untouched and throws
  /// (`SDLError` from the encoder, `FileProblem` from the write).
  public static func save(_ raster: Raster, to path: String) throws {
    try AtomicFile.write(try encode(raster), to: path)
  }

  /// The PNG bytes of `raster`, encoded by SDL_image into a memory buffer sized for the worst
  /// case (stored deflate blocks); a buffer too small would make the encoder fail, never truncate.
  public static func encode(_ raster: Raster) throws -> [UInt8] {
    guard raster.width > 0, raster.height > 0 else {
      throw SDLError("cannot save an empty \(raster.width)×\(raster.height) image")
    }
    let raw = raster.width * raster.height * 4 + raster.height
    var out = [UInt8](repeating: 0, count: raw + raw / 16 + 65536)
    var pixels = raster.pixels
    let size: Int = pixels.withUnsafeMutableBytes { buffer in
      out.withUnsafeMutableBytes { target in
        guard
          let surface = SDL_CreateRGBSurfaceWithFormatFrom(
            buffer.baseAddress, Int32(raster.width), Int32(raster.height), 32, Int32(raster.width * 4),
            SDL_PIXELFORMAT_ARGB8888.rawValue)
        else { return -2 }
        defer { SDL_FreeSurface(surface) }
        guard let rw = SDL_RWFromMem(target.baseAddress, Int32(target.count)) else { return -2 }
        defer { SDL_RWclose(rw) }
        guard IMG_SavePNG_RW(surface, rw, 0) == 0 else { return -1 }
        return Int(SDL_RWtell(rw))
      }
    }
    guard size > 0 else { throw SDLError.last(size == -2 ? "SDL_CreateRGBSurfaceWithFormatFrom" : "IMG_SavePNG") }
    return Array(out[0..<size])
  }

  /// Reads the PNG at `path` as ARGB pixels: at most `maximumBytes`, and its header checked
  /// before decoding (see `decode`).
  public static func load(_ path: String) throws -> Raster {
    let bytes: [UInt8]
    do {
      bytes = try CappedFile.read(path, limit: maximumBytes, what: "a PNG image")
    } catch {
      throw SDLError(error.description)
    }
    return try decode(bytes, name: path)
  }

  /// The size the PNG `bytes` claim in their IHDR chunk; throws when they are not a PNG.
  public static func header(_ bytes: [UInt8], name: String) throws -> PNGHeader {
    switch PNGHeader.parse(bytes) {
    case .success(let header): return header
    case .failure(let problem): throw SDLError("\(name) \(problem.message)")
    }
  }

  /// Decodes PNG `bytes`. The header is read first: an image claiming more than `maximumPixels`
  /// pixels is refused before SDL_image allocates anything for it.
  public static func decode(_ bytes: [UInt8], name: String) throws -> Raster {
    let claimed = try header(bytes, name: name)
    guard claimed.width <= maximumPixels / claimed.height else {
      throw SDLError(
        "\(name) claims \(claimed.width)×\(claimed.height) pixels; at most \(maximumPixels) pixels are read")
    }
    let loaded: UnsafeMutablePointer<SDL_Surface>? = bytes.withUnsafeBytes { raw in
      guard let rw = SDL_RWFromConstMem(raw.baseAddress, Int32(raw.count)) else { return nil }
      return IMG_Load_RW(rw, 1)
    }
    guard let loaded else { throw SDLError.last("IMG_Load \(name)") }
    defer { SDL_FreeSurface(loaded) }
    guard let converted = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888.rawValue, 0) else {
      throw SDLError.last("SDL_ConvertSurfaceFormat \(name)")
    }
    defer { SDL_FreeSurface(converted) }
    SDL_LockSurface(converted)
    defer { SDL_UnlockSurface(converted) }
    let s = converted.pointee
    var raster = Raster(width: Int(s.w), height: Int(s.h), fill: 0)
    guard let base = s.pixels else { return raster }
    let pitch = Int(s.pitch)
    raster.pixels.withUnsafeMutableBufferPointer { out in
      for y in 0..<raster.height {
        let row = (base + y * pitch).assumingMemoryBound(to: UInt32.self)
        for x in 0..<raster.width { out[y * raster.width + x] = row[x] }
      }
    }
    return raster
  }
}
