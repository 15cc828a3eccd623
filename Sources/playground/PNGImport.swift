import ArgumentParser
import Datasets
import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import SafeIO
import SDLFrontend
import Training
import Visualization

/// `--import-pngs DIR [--class-name NAME]`: folders of 28×28 PNGs as extra classes of a shapes session.
struct ImportOptions: ParsableArguments {
  @Option(
    name: .customLong("import-pngs"),
    help: ArgumentHelp(
      """
      With --dataset shapes (train) or --mode cnn (window): a folder of 28×28 PNG images (white \
      shape on black, as the generated ones) to train as one more class. Repeat for more classes \
      (at most 4).
      """, valueName: "folder"))
  var folders: [String] = []
  @Option(
    help: ArgumentHelp(
      "The name of each --import-pngs class, in the same order (default: the folder's name).",
      valueName: "name"))
  var className: [String] = []

  /// True when any import flag was given.
  var isSet: Bool { !folders.isEmpty || !className.isEmpty }

  /// The classes, every image read and checked; errors name the flag and the file, exit code 2.
  func load() throws -> [ImageClass] {
    if !className.isEmpty && className.count != folders.count {
      throw UsageError(
        message:
          "--class-name: give one name per --import-pngs folder (\(folders.count) folders, \(className.count) names)"
      )
    }
    if folders.count > ImageClass.Limits.classes.upperBound {
      throw UsageError(
        message:
          "--import-pngs: at most \(ImageClass.Limits.classes.upperBound) imported classes, got \(folders.count)"
      )
    }
    var classes: [ImageClass] = []
    for (i, folder) in folders.enumerated() {
      let name: String
      if className.isEmpty {
        name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        if let problem = ImageClass.problem(withName: name) {
          throw UsageError(
            message:
              "--import-pngs: the folder name gives the class name, but \(problem); name it with --class-name"
          )
        }
      } else {
        name = className[i]
        if let problem = ImageClass.problem(withName: name) {
          throw UsageError(message: "--class-name: \(problem)")
        }
      }
      if classes.contains(where: { $0.name == name }) {
        throw UsageError(message: tr("--class-name: two imported classes are named '{1}'", name))
      }
      classes.append(ImageClass(name: name, images: try PNGFolder.images(in: folder)))
    }
    return classes
  }
}

/// Reads a folder of 28×28 PNGs as grayscale images in [0, 1].
enum PNGFolder {
  /// A 28×28 PNG is a few hundred bytes; anything much larger is not one.
  static let maximumFileBytes = 1 << 20

  /// Every file of `folder` (names starting with "." are skipped), in byte order of the names so
  /// every machine reads them in the same order; each must be a 28×28 PNG.
  static func images(in folder: String) throws -> [[Float]] {
    func fail(_ message: String) -> UsageError { UsageError(message: "--import-pngs: \(message)") }
    var info = stat()
    guard stat(folder, &info) == 0 else {
      throw fail(tr("'{1}' cannot be read: {2}", folder, String(cString: strerror(errno))))
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw fail(tr("'{1}' is not a folder", folder)) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    } catch {
      throw fail(tr("'{1}' cannot be read: {2}", folder, error.localizedDescription))
    }
    if names.isEmpty { throw fail(tr("'{1}' is empty; put 28×28 PNG images in it", folder)) }
    if names.count > ImageClass.Limits.images.upperBound {
      throw fail(
        "'\(folder)' holds \(names.count) files; an imported class has at most \(ImageClass.Limits.images.upperBound) images"
      )
    }
    let system: SDLSystem
    do {
      system = try SDLSystem(video: false)
    } catch {
      throw fail(tr("cannot start the PNG reader: {1}", error))
    }
    defer { withExtendedLifetime(system) {} }
    let side = ShapeImages.size
    var images: [[Float]] = []
    for name in names {
      let path = (folder as NSString).appendingPathComponent(name)
      guard stat(path, &info) == 0 else {
        throw fail(tr("{1}: cannot be read: {2}", path, String(cString: strerror(errno))))
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFDIR: throw fail(tr("{1} is a folder; the folder should hold only 28×28 PNG files", path))
      default: throw fail(tr("{1} is not a regular file", path))
      }
      // The file is read whole (capped) and its IHDR header checked before any decoding, so an
      // image claiming 100000×100000 pixels costs 33 bytes of reading, not 40 GB of pixels.
      let bytes: [UInt8]
      do {
        bytes = try CappedFile.read(path, limit: maximumFileBytes, what: "a 28×28 PNG")
      } catch {
        throw fail(error.description)
      }
      guard case .success(let header) = PNGHeader.parse(bytes) else {
        throw fail(tr("{1} is not a PNG file; the folder should hold only 28×28 PNGs", path))
      }
      guard header.width == side && header.height == side else {
        if header.width > 4096 || header.height > 4096 {
          throw fail(
            "\(path) cannot be read as a PNG: its header claims \(header.width)×\(header.height) pixels (images must be \(side)×\(side))"
          )
        }
        throw fail(tr("{1} is {2}×{3} pixels; images must be {4}×{5}", path, header.width, header.height, side, side))
      }
      let raster: Raster
      do {
        raster = try PNGFile.decode(bytes, name: path)
      } catch {
        throw fail(tr("{1} cannot be read as a PNG: {2}", path, error))
      }
      guard raster.width == side && raster.height == side else {
        throw fail(tr("{1} is {2}×{3} pixels; images must be {4}×{5}", path, raster.width, raster.height, side, side))
      }
      images.append(ImageClass.grayscale(raster))
    }
    return images
  }
}
