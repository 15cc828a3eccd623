import AssetPaths
import Foundation

/// Finds the folder holding DejaVuSans.ttf, the font the app ships in Assets/fonts.
public enum FontLocator {
  /// The regular face every lookup requires; the bold face is optional.
  public static let regularFile = "DejaVuSans.ttf"
  public static let boldFile = "DejaVuSans-Bold.ttf"

  /// Folders to try, in order: $NEURALPLAYGROUND_ASSETS/fonts; Assets/fonts in the executable's
  /// folder and each folder above it (from the resolved argv[0], then /proc/self/exe); the current
  /// directory's Assets/fonts; the system DejaVu folder.
  public static func candidateDirectories(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePaths: [String] = defaultExecutablePaths(),
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> [String] {
    var dirs: [String] = []
    if let assets = environment["NEURALPLAYGROUND_ASSETS"], !assets.isEmpty {
      dirs.append(assets + "/fonts")
    }
    dirs += AssetPaths.folders(
      named: "Assets/fonts", executablePaths: executablePaths, currentDirectory: currentDirectory)
    dirs.append("/usr/share/fonts/truetype/dejavu")
    return AssetPaths.unique(dirs)
  }

  /// argv[0] made absolute with symlinks resolved, and /proc/self/exe's target where it exists.
  public static func defaultExecutablePaths() -> [String] { AssetPaths.executablePaths() }

  /// The first candidate folder containing DejaVuSans.ttf, or an error listing every path tried.
  public static func fontDirectory(candidates: [String] = candidateDirectories()) throws -> String {
    for dir in candidates where FileManager.default.isReadableFile(atPath: dir + "/" + regularFile) {
      return dir
    }
    let tried = candidates.map { "  " + $0 + "/" + regularFile }.joined(separator: "\n")
    throw SDLError(
      "font \(regularFile) not found; set NEURALPLAYGROUND_ASSETS to the folder holding fonts/. Tried:\n\(tried)"
    )
  }
}
