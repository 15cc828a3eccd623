/// Why a file could not be read or written, in words a learner can act on.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file the problem is about.
  public var path: String
  /// What is wrong (without the path).
  public var message: String

  public init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  /// `PATH: message`.
  public var description: String { "\(path): \(message)" }
}
