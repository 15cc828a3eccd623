import ArgumentParser
import Datasets

/// The value of `--dataset`: one of the 2-D point datasets, or `shapes` (a CNN on shape images).
///
/// `shapes` is not a `DatasetKind` (a 2-D config never holds it), so the flag parses to this
/// choice and each command decides what a shapes run means for it.
enum DatasetChoice: Equatable, ExpressibleByArgument {
  case points(DatasetKind)
  case shapes

  init?(argument: String) {
    if argument == "shapes" {
      self = .shapes
    } else if let kind = DatasetKind(rawValue: argument) {
      self = .points(kind)
    } else {
      return nil
    }
  }

  /// Every value the flag takes, listed in `--help` and in the message for a bad one.
  static var allValueStrings: [String] { DatasetKind.allCases.map(\.rawValue) + ["shapes"] }

  var name: String {
    switch self {
    case .points(let kind): kind.rawValue
    case .shapes: "shapes"
    }
  }

  var defaultValueDescription: String { name }
}
