#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file a save really replaces, found before anything is written.
///
/// Policy (README, "Reliability"):
/// - A symbolic link is followed, link by link, to its final target; that file is replaced and
///   every link of the chain is kept (a→b→c writes c).
/// - A link is not followed when it sits in a sticky, world-writable folder (such as /tmp) and
///   belongs neither to the user saving nor to the folder's owner: someone else planted it there
///   (the rule Linux applies with `fs.protected_symlinks`). The save is refused.
/// - The final target must be a regular file or not exist yet: folders, devices, FIFOs and
///   sockets are refused, so nothing is ever renamed over them.
/// - An existing target keeps its permission bits (a 0600 file stays 0600).
public struct SaveTarget: Equatable, Sendable {
  /// The path the name resolves to (the final target of any links).
  public var path: String
  /// The folder holding `path`, where the temporary file goes.
  public var folder: String
  /// The permission bits of the existing file, or nil when the file is new.
  public var existingMode: mode_t?
  /// The owner and group of the existing file, or nil when the file is new.
  public var existingUID: uid_t?
  public var existingGID: gid_t?

  /// Links followed before giving up (the kernel's own limit for one lookup).
  public static let maximumLinks = 40

  /// Resolves `path` under the policy above; throws when a save there must not happen.
  public static func resolve(_ path: String) throws(FileProblem) -> SaveTarget {
    guard !path.isEmpty else { throw FileProblem(path: path, "the file name is empty") }
    if path.hasSuffix("/") { throw FileProblem(path: path, "names a folder; give a file name") }
    var current = path
    var links = 0
    while true {
      var info = stat()
      if lstat(current, &info) != 0 {
        let code = errno
        guard code == ENOENT else { throw FileProblem(path: path, "cannot write: \(describe(code))") }
        return try inFolder(path: path, target: current, mode: nil, uid: nil, gid: nil)
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        return try inFolder(
          path: path, target: current, mode: info.st_mode & 0o777, uid: info.st_uid, gid: info.st_gid)
      case S_IFLNK:
        links += 1
        if links > maximumLinks {
          throw FileProblem(path: path, "cannot write: more than \(maximumLinks) symbolic links in a row")
        }
        try checkLinkIsSafe(current, owner: info.st_uid, asked: path)
        current = try linkTarget(current, asked: path)
      case S_IFDIR:
        throw FileProblem(path: path, "is a folder; give a file name")
      default:
        throw FileProblem(
          path: path,
          "is \(kind(info.st_mode)), not a regular file; a save would replace it, so it is refused (choose another name)"
        )
      }
    }
  }

  /// What kind of special file `mode` describes, for messages.
  public static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFSOCK: return "a socket"
    case S_IFDIR: return "a folder"
    case S_IFLNK: return "a symbolic link"
    default: return "a special file"
    }
  }

  /// The folder holding `path` ("." for a bare name).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// The last component of `path`.
  public static func fileName(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

  /// Refuses a link planted by someone else in a sticky world-writable folder.
  static func checkLinkIsSafe(_ link: String, owner: uid_t, asked: String) throws(FileProblem) {
    let folder = directory(of: link)
    var info = stat()
    guard stat(folder, &info) == 0 else { return }
    let shared = info.st_mode & S_ISVTX != 0 && info.st_mode & S_IWOTH != 0
    if shared && owner != geteuid() && owner != info.st_uid {
      throw FileProblem(
        path: asked,
        "is a symbolic link owned by another user (uid \(owner)) in the shared folder '\(folder)'; it is not followed, so nothing was written (delete the link or choose another name)"
      )
    }
  }

  /// Where the link `link` points, relative names taken from the link's folder.
  static func linkTarget(_ link: String, asked: String) throws(FileProblem) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(link, &buffer, buffer.count - 1)
    guard n > 0 else { throw FileProblem(path: asked, "cannot read the symbolic link: \(describe(errno))") }
    let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if target.hasPrefix("/") { return target }
    let folder = directory(of: link)
    return (folder == "/" ? "" : folder) + "/" + target
  }

  /// The target in its folder, which must exist and be writable.
  static func inFolder(
    path: String, target: String, mode: mode_t?, uid: uid_t?, gid: gid_t?
  ) throws(FileProblem)
    -> SaveTarget
  {
    if target.hasSuffix("/") { throw FileProblem(path: path, "names a folder; give a file name") }
    let folder = directory(of: target)
    var info = stat()
    guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw FileProblem(path: path, "cannot write: the folder '\(folder)' does not exist")
    }
    return SaveTarget(path: target, folder: folder, existingMode: mode, existingUID: uid, existingGID: gid)
  }
}
