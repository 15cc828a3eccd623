import Foundation

extension LessonLibrary {
  /// Why `--lesson NAME` found nothing: the name, and where the ids were looked for.
  public struct LookupFailure: Error, Sendable, Equatable {
    public var name: String
    /// The folder searched for ids (nil when no Lessons/ folder was found).
    public var directory: String?

    public var message: String {
      let place =
        directory.map { "is not a file, and no lesson in \($0) has that id" }
        ?? "is not a file, and no Lessons/ folder was found"
      return "--lesson: '\(name)' \(place); `playground lesson list` shows the ids and files"
    }
  }

  /// The lesson file `name` stands for: a path (with a `/`) or an existing file as given; else the
  /// lesson in `directory` whose file name without `.yaml`/`.yml` is `name` (`06-learning-rate`), or
  /// whose id is (`learning-rate`); else a `name.yaml` as a path, and a bare name is a `LookupFailure`.
  public static func resolve(_ name: String, directory: String?) -> Result<String, LookupFailure> {
    var isFolder: ObjCBool = false
    // A path (or an existing file) is loaded as given, so a mistyped path gets the loader's
    // FILE:LINE:COLUMN message naming it.
    if name.contains("/")
      || (FileManager.default.fileExists(atPath: name, isDirectory: &isFolder) && !isFolder.boolValue)
    {
      return .success(name)
    }
    guard let directory, let paths = try? files(in: directory) else {
      return .failure(LookupFailure(name: name, directory: directory))
    }
    let stem =
      name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? String(name[..<name.lastIndex(of: ".")!]) : name
    // File names first: they are cheap and unambiguous; then the ids inside the files.
    if let byName = paths.first(where: { fileStem($0) == stem }) { return .success(byName) }
    for path in paths {
      if case .success(let lesson) = entry(path).lesson, lesson.id == stem { return .success(path) }
    }
    // Not an id either: a file name that does not exist is reported by the loader, as a path.
    if stem != name { return .success(name) }
    return .failure(LookupFailure(name: name, directory: directory))
  }

  /// `Lessons/06-learning-rate.yaml` → `06-learning-rate`.
  static func fileStem(_ path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  }
}
