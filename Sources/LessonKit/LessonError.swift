/// A place in a lesson file: 1-based line and column (columns count Unicode scalars, as libyaml does).
public struct LessonLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
  /// `FILE:LINE:COLUMN`.
  public var description: String { "\(file):\(line):\(column)" }

  /// The same place moved `offset` columns to the right (a token inside a condition string).
  func shifted(by offset: Int) -> LessonLocation {
    LessonLocation(file: file, line: line, column: column + offset)
  }
}

/// One problem in a lesson: `FILE:LINE:COLUMN: step N: message`.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: LessonLocation
  /// The 1-based step the problem is in, nil outside the steps.
  public var step: Int?
  public var message: String

  public init(_ location: LessonLocation, step: Int? = nil, _ message: String) {
    self.location = location
    self.step = step
    self.message = message
  }

  public var description: String {
    "\(location): " + (step.map { "step \($0): " } ?? "") + message
  }
}

/// Every problem found in a lesson file (parsing goes on after the first, step by step).
public struct LessonErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [LessonError]
  public init(_ errors: [LessonError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
