import Foundation

/// Where the app's shipped folders (Assets/fonts, Lessons) are: next to the executable or above
/// it (a build folder inside the repository, the unpacked tar.gz), in `share/neuralplayground`
/// beside the executable's `bin` folder (the Debian package's /usr/share/neuralplayground), or in
/// the current directory.
public enum AssetPaths {
  /// argv[0] made absolute with symlinks resolved, and /proc/self/exe's target where it exists.
  public static func executablePaths() -> [String] {
    var paths: [String] = []
    if let arg0 = CommandLine.arguments.first, !arg0.isEmpty {
      let cwd = FileManager.default.currentDirectoryPath
      let url =
        arg0.hasPrefix("/")
        ? URL(fileURLWithPath: arg0) : URL(fileURLWithPath: cwd).appendingPathComponent(arg0)
      paths.append(url.resolvingSymlinksInPath().path)
    }
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      paths.append(exe)
    }
    return paths
  }

  /// `relative` inside each executable's folder and every folder above it, then in the installed
  /// data folder (`../share/neuralplayground` from the executable's folder), then inside
  /// `currentDirectory`, in that order.
  public static func folders(named relative: String, executablePaths: [String], currentDirectory: String)
    -> [String]
  {
    var dirs: [String] = []
    for exe in executablePaths {
      var dir = URL(fileURLWithPath: exe).deletingLastPathComponent().standardizedFileURL
      while true {
        dirs.append(dir.appendingPathComponent(relative).path)
        let parent = dir.deletingLastPathComponent().standardizedFileURL
        if parent.path == dir.path || dir.path == "/" { break }
        dir = parent
      }
      let bin = URL(fileURLWithPath: exe).deletingLastPathComponent().standardizedFileURL
      let installed = bin.deletingLastPathComponent().appendingPathComponent("share/neuralplayground")
      dirs.append(installed.appendingPathComponent(relative).standardizedFileURL.path)
    }
    dirs.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent(relative).path)
    return dirs
  }

  /// `paths` without repeats, first occurrence kept.
  public static func unique(_ paths: [String]) -> [String] {
    var seen = Set<String>()
    return paths.filter { seen.insert($0).inserted }
  }
}
