import CSDL2
import CSDL2Image
import Foundation
import ImmediateUI

/// Reads and writes Rasters as PNG files through SDL_image.
public enum PNGFile {
  /// Writes `raster` to `path` atomically: the PNG goes to a temporary file in the same folder,
  /// which rename(2) then moves over `path`, so readers never see a half-written image.
  public static func save(_ raster: Raster, to path: String) throws {
    guard raster.width > 0, raster.height > 0 else {
      throw SDLError("cannot save an empty \(raster.width)×\(raster.height) image")
    }
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
      ).path
    var pixels = raster.pixels
    let saved: Int32 = pixels.withUnsafeMutableBytes { buffer in
      guard
        let surface = SDL_CreateRGBSurfaceWithFormatFrom(
          buffer.baseAddress, Int32(raster.width), Int32(raster.height), 32, Int32(raster.width * 4),
          SDL_PIXELFORMAT_ARGB8888.rawValue)
      else { return -2 }
      defer { SDL_FreeSurface(surface) }
      return IMG_SavePNG(surface, temp)
    }
    guard saved == 0 else {
      unlink(temp)
      throw SDLError.last(saved == -2 ? "SDL_CreateRGBSurfaceWithFormatFrom" : "IMG_SavePNG \(path)")
    }
    guard rename(temp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw SDLError("rename \(temp) → \(path): \(reason)")
    }
  }

  /// Reads the image at `path` (PNG, or any format SDL_image knows) as ARGB pixels.
  public static func load(_ path: String) throws -> Raster {
    guard let loaded = IMG_Load(path) else { throw SDLError.last("IMG_Load \(path)") }
    defer { SDL_FreeSurface(loaded) }
    guard let converted = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_ARGB8888.rawValue, 0) else {
      throw SDLError.last("SDL_ConvertSurfaceFormat \(path)")
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
