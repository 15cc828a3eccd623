extension CommandLineText {
  /// The most arguments one command line may have. A real one has a few dozen; the argument
  /// parser's handling of repeated options grows with the square of their number (8,000
  /// arguments took 3.4 s, 80,000 over 8 minutes), so a generated or hostile command line is
  /// refused at once instead.
  static let maximumArguments = 1_000

  /// An error when the command line has more than `maximumArguments` arguments, or nil.
  static func tooManyArguments(_ arguments: [String] = CommandLine.arguments) -> UsageError? {
    let count = arguments.count - 1
    guard count > maximumArguments else { return nil }
    return UsageError(
      message: "too many arguments (\(count)); a command line takes at most \(maximumArguments)")
  }
}
