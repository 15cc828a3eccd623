/// A problem in the learner's data, located by source name and 1-based line when known.
public struct DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, in words a learner can act on.
  public var message: String
  /// The 1-based line of the offending row, when the error is about one row.
  public var line: Int?
  /// Where the text came from (usually a file name), when known.
  public var source: String?

  /// An error with the given message, line and source.
  public init(message: String, line: Int? = nil, source: String? = nil) {
    self.message = message
    self.line = line
    self.source = source
  }

  /// `SOURCE:LINE: message`, dropping the parts that are unknown.
  public var description: String {
    switch (source, line) {
    case let (source?, line?): "\(source):\(line): \(message)"
    case let (source?, nil): "\(source): \(message)"
    case let (nil, line?): "line \(line): \(message)"
    case (nil, nil): message
    }
  }
}

/// Reads and writes 2-D points as comma-separated `x,y,label` rows.
public enum PointsCSV {
  /// The header `format` writes and `parse` skips.
  public static let header = "x,y,label"

  /// The names of the three columns, for error messages.
  static let columns = ["x", "y", "label"]

  /// The largest number of classes a CSV may use (labels 0...9).
  static let maximumClassCount = 10

  /// Parses `x,y,label` rows into points.
  ///
  /// Lines end with LF, CRLF or CR; a leading byte-order mark is ignored. Blank lines and lines
  /// whose first non-blank character is `#` are skipped. The first remaining line is a header,
  /// and skipped, when none of its fields is a number. Spaces around fields are allowed. Every
  /// number must be finite; with `regression: false` a label must be a whole number 0...9.
  /// Errors carry `source` and the 1-based line, e.g. `points.csv:4: expected 3 comma-separated
  /// numbers (x, y, label), found 2`; a text with no rows is an error without a line.
  public static func parse(_ text: String, source: String, regression: Bool) throws(DatasetError)
    -> [DataPoint]
  {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var points: [DataPoint] = []
    var sawContent = false
    for (index, rawLine) in lines.enumerated() {
      let line = trimmed(rawLine)
      if line.isEmpty || line.first == "#" { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
      let isFirstRow = !sawContent
      sawContent = true
      if isFirstRow && fields.allSatisfy({ Double(String($0)) == nil }) { continue }  // header
      func failure(_ message: String) -> DatasetError {
        DatasetError(message: message, line: index + 1, source: source)
      }
      guard fields.count == 3 else {
        throw failure(
          "expected 3 comma-separated numbers (x, y, label), found \(fields.count)")
      }
      var values: [Double] = []
      for (name, field) in zip(columns, fields) {
        guard let value = Double(String(field)) else {
          throw failure("expected a number for \(name), found \"\(field)\"")
        }
        guard value.isFinite else {
          throw failure("\(name) must be a finite number, found \(field)")
        }
        values.append(value)
      }
      var label = values[2]
      if !regression {
        guard label >= 0, label < Double(maximumClassCount), label == label.rounded() else {
          throw failure(
            "a class label must be a whole number from 0 to \(maximumClassCount - 1), found \(fields[2])"
          )
        }
        label = Double(Int(label))  // turns -0 into 0
      }
      points.append(DataPoint(x: values[0], y: values[1], label: label))
    }
    if points.isEmpty {
      let message = sawContent ? "no points: the file has only a header" : "the file is empty"
      throw DatasetError(message: message, line: nil, source: source)
    }
    return points
  }

  /// The text `parse` reads back: the header `x,y,label`, then one `x,y,label` row per point,
  /// each number written as its shortest round-tripping decimal (`String(describing:)`), each
  /// line ending in a newline.
  public static func format(_ points: [DataPoint]) -> String {
    var text = header + "\n"
    for point in points {
      text += "\(point.x),\(point.y),\(point.label)\n"
    }
    return text
  }

  /// `text` without leading and trailing whitespace.
  static func trimmed(_ text: Substring) -> Substring {
    var result = text
    while let first = result.first, first.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return result
  }
}
