import ArgumentParser
import Datasets
import Engine
import Foundation
import Localization
import PlaygroundCore
import Training

extension Activation: ExpressibleByArgument {}
extension Regularization: ExpressibleByArgument {}
extension Optimizer: ExpressibleByArgument {}
extension WeightInit: ExpressibleByArgument {}
extension ProblemKind: ExpressibleByArgument {}

/// The config keys of the lesson format as kebab-case flags.
///
/// Numeric flags parse `.unconditional`ly: `--noise -1` reads -1 (and reports the allowed range)
/// instead of taking `-1` for a flag and reporting a missing value.
struct ConfigOptions: ParsableArguments {
  @Option(help: "classification or regression (default: from the dataset).")
  var problem: ProblemKind?
  @Option(
    help:
      "The dataset: \(DatasetKind.allCases.filter { $0 != .custom }.map(\.rawValue).joined(separator: ", "))."
  )
  var dataset: DatasetChoice?
  @Option(parsing: .unconditional, help: "Noise in percent, 0 to 50.")
  var noise: Int = 0
  @Option(parsing: .unconditional, help: "Percent of the points used for training, 10 to 90.")
  var trainRatio: Int = 50
  @Option(
    parsing: .unconditional, help: "The random seed (an integer ≥ 0): the same seed gives the same run.")
  var seed: UInt64 = 0
  @Option(help: "Comma-separated input features from \(Feature.allNames).")
  var features: String = "x1,x2"
  @Option(
    parsing: .unconditional,
    help: "Comma-separated neurons per hidden layer, e.g. 4,2; \"none\" for no hidden layer.")
  var hiddenLayers: String = "4,2"
  @Option(help: "Hidden activation: relu, tanh, sigmoid, linear.")
  var activation: Activation = .tanh
  @Option(parsing: .unconditional, help: "Learning rate, > 0 and at most 10.")
  var learningRate: Double = 0.03
  @Option(help: "none, l1 (TensorFlow Playground's rule), l1-proximal or l2.")
  var regularization: Regularization = .none
  @Option(parsing: .unconditional, help: "Regularization rate, 0 to 10.")
  var regularizationRate: Double = 0
  @Option(parsing: .unconditional, help: "Examples per weight update, 1 to 500.")
  var batchSize: Int = 10
  @Option(name: .customLong("init"), help: "Initial weights: playground, xavier, he, zero.")
  var initialization: WeightInit = .playground
  @Option(help: "A CSV file of your own points (x,y,label; header optional).")
  var csv: String?
  @Option(help: "How gradients become steps: sgd, momentum, nesterov, rmsprop, adam.")
  var optimizer: Optimizer = .sgd
  @Option(parsing: .unconditional, help: "Momentum μ for momentum and nesterov, 0 to 0.999.")
  var momentum: Double = 0.9
  @Option(parsing: .unconditional, help: "Fraction of hidden activations dropped while training, 0 to 0.9.")
  var dropout: Double = 0
  @Option(help: "Learning-rate schedule: constant, step:EVERY:FACTOR (e.g. step:50:0.5) or exp:FACTOR (e.g. exp:0.99).")
  var lrSchedule: String = "constant"

  /// True for `--dataset shapes`: the run is a CNN on shape images (`CNNTrain`).
  var isShapes: Bool { dataset == .shapes }

  /// The flag that sets a config key, for messages.
  static func flag(for key: String) -> String {
    var out = "--"
    for c in key {
      if c.isUppercase {
        out += "-" + c.lowercased()
      } else {
        out.append(c)
      }
    }
    return key == "initialization" ? "--init" : out
  }

  /// The validated config and any points from --csv; throws a UsageError naming the flag.
  func makeConfig() throws -> (PlaygroundConfig, [DataPoint]) {
    var config = PlaygroundConfig()
    config.noise = noise
    config.trainRatio = trainRatio
    config.seed = seed
    config.activation = activation
    config.learningRate = learningRate
    config.regularization = regularization
    config.regularizationRate = regularizationRate
    config.batchSize = batchSize
    config.initialization = initialization
    config.learningSettings = try learningSettings()
    config.features = try features.split(separator: ",", omittingEmptySubsequences: false).map {
      let name = $0.trimmingCharacters(in: .whitespaces)
      guard let f = Feature(rawValue: name) else {
        throw UsageError(message: tr("--features: unknown feature '{1}'; allowed: {2}", name, Feature.allNames))
      }
      return f
    }
    let layers = hiddenLayers.trimmingCharacters(in: .whitespaces)
    if layers.isEmpty {
      throw UsageError(
        message: "--hidden-layers is empty; give neurons per layer such as 4,2, or none for no hidden layer")
    }
    if layers == "none" {
      config.hiddenLayers = []
    } else {
      config.hiddenLayers = try layers.split(separator: ",", omittingEmptySubsequences: false).map {
        guard let n = Int($0.trimmingCharacters(in: .whitespaces)) else {
          throw UsageError(message: tr("--hidden-layers: '{1}' is not a whole number of neurons; use e.g. 4,2", $0))
        }
        return n
      }
    }
    var points: [DataPoint] = []
    if case .points(let kind) = dataset {
      config.dataset = kind
    } else if csv != nil {
      config.dataset = .custom
    }
    config.problem = problem ?? (config.dataset.isRegression ? .regression : .classification)
    if let csv {
      let text = try ConfigOptions.readCSVText(csv)
      do {
        points = try PointsCSV.parse(text, source: csv, regression: config.problem == .regression)
      } catch {
        throw UsageError(message: "--csv: \(error.description)")
      }
    }
    do {
      try config.validate()
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    return (config, points)
  }
}

extension ConfigOptions {
  /// The largest --csv file read (about 12 million points); a bigger one is refused, not loaded.
  static let maximumCSVBytes = 256 << 20

  /// The text of a --csv file: a regular file of at most `maximumCSVBytes` of UTF-8 text without
  /// NUL bytes; anything else is a UsageError that says what the file is.
  ///
  /// A FIFO or device is refused before it is opened (reading one could block or never end).
  /// `Double("1\0junk")` is 1 (the standard library stops at a NUL), so a NUL byte would silently
  /// corrupt a row; binary files and other encodings get a message with the line instead.
  static func readCSVText(_ path: String) throws -> String {
    func failure(_ message: String) -> UsageError { UsageError(message: "--csv: '\(path)' \(message)") }
    var info = stat()  // follows symbolic links
    guard stat(path, &info) == 0 else { throw failure("cannot be read: \(String(cString: strerror(errno)))") }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw failure("is a folder, not a CSV file")
    default: throw failure("is not a regular file")
    }
    if info.st_size > maximumCSVBytes {
      throw failure("is \(info.st_size >> 20) MB; CSV files of up to \(maximumCSVBytes >> 20) MB can be read")
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw failure("cannot be read: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 { throw failure("cannot be read: \(String(cString: strerror(errno)))") }
      if count == 0 { break }
      bytes += chunk[..<count]
      if bytes.count > maximumCSVBytes {  // a file that grows while it is read
        throw failure(
          "is over \(maximumCSVBytes >> 20) MB; CSV files of up to \(maximumCSVBytes >> 20) MB can be read")
      }
    }
    func line(at offset: Int) -> Int { bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw UsageError(message: tr("--csv: {1}:1: UTF-16 text; save it as UTF-8 CSV", path))
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw UsageError(message: tr("--csv: {1}:{2}: contains a NUL byte; is it a text file?", path, line(at: nul)))
    }
    var offset = 0  // where the bytes stop being valid UTF-8
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
    guard offset == bytes.count else {
      throw UsageError(message: tr("--csv: {1}:{2}: not UTF-8 text; save it as UTF-8 CSV", path, line(at: offset)))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// What the command line echoes back in error messages, and the bytes it accepts.
enum CommandLineText {
  /// Echoed words (values, paths) longer than this many characters are cut in the middle.
  static let echoLimit = 120
  /// A message longer than this (many long values) is cut as a whole.
  static let messageLimit = 2000

  /// `message` with every word (a run of non-whitespace, such as an echoed value or path) longer
  /// than `echoLimit` characters cut to its first 80 characters, "…" and its last 30 (which keep
  /// a path's file name and `:line:`), so a 100 KB value gives a readable error line instead of
  /// 100 KB of output.
  static func shortened(_ message: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      out += word.count > echoLimit ? word.prefix(80) + "…" + word.suffix(30) : word
      word = ""
    }
    for c in message {
      if c.isWhitespace {
        flush()
        out.append(c)
      } else {
        word.append(c)
      }
    }
    flush()
    if out.count > messageLimit { out = out.prefix(messageLimit) + "… (message shortened)" }
    return out
  }

  /// The first argument that is not valid UTF-8, as an error naming its flag.
  ///
  /// Swift turns such bytes into U+FFFD, so a `--png`, `--save` or `--out` path with a Latin-1
  /// name would silently be written under a different name, and an input path would be reported
  /// missing under a name the user never typed. Refusing them (exit 2) is clearer.
  static func invalidUTF8Argument() -> UsageError? {
    let argv = CommandLine.unsafeArgv
    var previous: String?
    for i in 1..<Int(CommandLine.argc) {
      guard let pointer = argv[i] else { continue }
      let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
      let shown = String(decoding: bytes, as: UTF8.self)
      defer { previous = shown }
      var iterator = bytes.makeIterator()
      var decoder = UTF8()
      var valid = true
      decoding: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break decoding
        case .error:
          valid = false
          break decoding
        }
      }
      if valid { continue }
      let flag: String
      var value = shown
      if shown.hasPrefix("--"), let equals = shown.firstIndex(of: "=") {
        flag = String(shown[..<equals])
        value = String(shown[shown.index(after: equals)...])
      } else if let previous, previous.hasPrefix("-") {
        flag = previous
      } else {
        flag = "argument \(i)"
      }
      return UsageError(
        message:
          "\(flag): '\(value)' is not valid UTF-8 (shown with �); file names and values must be UTF-8 text, so rename the file or folder"
      )
    }
    return nil
  }
}
