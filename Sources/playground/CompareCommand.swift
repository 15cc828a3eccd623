import ArgumentParser
import Datasets
import Foundation
import Localization
import PlaygroundCore
import SessionKit
import Training

/// `playground compare`: two runs that differ in the varied settings, trained the same epochs.
///
/// Run A is `train` with the given flags; run B is `train` with the same flags and each `--vary
/// KEY=VALUE` given as `--KEY VALUE` after them. Live settings (learning rate, batch size,
/// regularization and its rate, activation) leave the start alone, so B starts as an exact copy
/// of A (same data, same initial weights, same batch order); a setting that changes the network's
/// shape or the data rebuilds B from the same seed, and the third line says `"sameStart": false`.
struct Compare: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train two runs that differ in one or more settings and print both results.",
    discussion: """
      Takes every `train` flag, plus one or more --vary KEY=VALUE, where KEY is a train flag's name \
      without its dashes and VALUE as that flag takes it (e.g. --vary learning-rate=0.3 --vary \
      hidden-layers=8,8). Prints run A's result (the flags as given) and run B's (with the varied \
      values), each as `train` prints it, then the keys that differ and whether both runs started \
      from the same weights and data. Works for 2-D datasets and --dataset shapes.
      """)

  @Option(parsing: .singleValue, help: "A setting B changes: KEY=VALUE, KEY a train flag's name (repeatable).")
  var vary: [String] = []
  @Option(help: "Epochs to train each run (0 or more).")
  var epochs: Int = 500
  @Flag(help: "Print one JSON object per line.")
  var json = false
  @OptionGroup var config: ConfigOptions
  @OptionGroup var shapes: ShapesOptions
  @OptionGroup var imports: ImportOptions

  /// Flags that name no setting of a run.
  static let notSettings: Set<String> = ["epochs", "json", "load", "save", "png", "vary", "help", "version"]

  func run() throws {
    guard !vary.isEmpty else { throw UsageError(message: tr("--vary: give at least one KEY=VALUE (e.g. learning-rate=0.3)")) }
    let arguments = try Compare.ownArguments()
    var varied: [(key: String, value: String)] = []
    for item in vary {
      guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
        throw UsageError(message: tr("--vary: \"{1}\" is not KEY=VALUE (e.g. learning-rate=0.3)", item))
      }
      let key = String(item[..<eq]).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
      let value = String(item[item.index(after: eq)...])
      guard !Compare.notSettings.contains(key), Compare.settingKeys.contains(key) else {
        throw UsageError(
          message: "--vary: \"\(key)\" is not a setting; keys are \(Compare.settingKeys.sorted().joined(separator: ", "))")
      }
      if varied.contains(where: { $0.key == key }) { throw UsageError(message: tr("--vary: {1} is varied twice", key)) }
      varied.append((key, value))
    }
    let base = arguments + ["--epochs", String(epochs), "--json"]
    let other = base + varied.flatMap { ["--\($0.key)", $0.value] }
    let a = try Compare.parse(base, run: "A")
    let b = try Compare.parse(other, run: "B")
    let sameStart = try Compare.startState(a) == Compare.startState(b)
    let lineA = try a.execute(quiet: true)
    let lineB = try b.execute(quiet: true)
    if json {
      print(Compare.tagged(lineA, run: "A"))
      print(Compare.tagged(lineB, run: "B"))
      var third = JSONLine()
      third.add("differing", raw: "[" + varied.map { JSONLine.quote($0.key) }.joined(separator: ",") + "]")
      third.add("vary", raw: "{" + varied.map { "\(JSONLine.quote($0.key)):\(JSONLine.quote($0.value))" }.joined(separator: ",") + "}")
      third.add("sameStart", sameStart)
      print(third.text)
    } else {
      Playground.say("A: " + Compare.readable(lineA))
      Playground.say("B (" + varied.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "): " + Compare.readable(lineB))
      Playground.say(sameStart ? "Both started from the same weights and data." : "B was rebuilt from the same seed (its network or data differs).")
    }
  }

  /// The arguments after `compare` without the `--vary`, `--epochs` and `--json` flags.
  static func ownArguments() throws -> [String] {
    let all = Array(CommandLine.arguments.dropFirst())
    guard let at = all.firstIndex(of: "compare") else { return [] }
    var rest = Array(all[(at + 1)...])
    var out: [String] = []
    while !rest.isEmpty {
      let arg = rest.removeFirst()
      let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
      if name == "--vary" || name == "--epochs" {
        if !arg.contains("=") && !rest.isEmpty { rest.removeFirst() }
        continue
      }
      if arg == "--json" { continue }
      out.append(arg)
    }
    return out
  }

  static func parse(_ arguments: [String], run: String) throws -> Train {
    do {
      return try Train.parse(arguments)
    } catch {
      throw UsageError(message: tr("run {1}: {2}", run, Train.message(for: error)))
    }
  }

  /// The flag names a run's settings take (`train`'s options).
  static var settingKeys: Set<String> {
    let help = Train.helpMessage(columns: 200)
    var keys: Set<String> = []
    for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "/" }) where word.hasPrefix("--") {
      let key = word.dropFirst(2).split(separator: " ").first.map(String.init) ?? ""
      if !key.isEmpty, !notSettings.contains(key) { keys.insert(key.trimmingCharacters(in: .punctuationCharacters)) }
    }
    return keys
  }

  /// What a run starts from: its initial weights and its data (equal values, the same start).
  static func startState(_ train: Train) throws -> StartState {
    if train.config.isShapes || train.shapes.isSet || train.imports.isSet {
      let e = try CNNTrain.experiment(options: train.config, shapes: train.shapes, imports: train.imports, unsupported: [])
      return StartState(
        weights: e.network.flatParameters.map(\.bitPattern), data: (e.train + e.test).map { "\($0.label)\($0.pixels.hashValue)" })
    }
    let (e, _) = try SessionCLI.start(loaded: nil, path: nil, settings: train.config)
    return StartState(
      weights: (e.network.flatWeights + e.network.flatBiases).map(\.bitPattern),
      data: (e.train + [DataPoint(x: .nan, y: .nan, label: .nan)] + e.test).map { "\($0.x.bitPattern),\($0.y.bitPattern),\($0.label)" })
  }

  struct StartState: Equatable {
    var weights: [UInt32]
    var data: [String]
  }

  /// `train`'s result line with `"run":"A"` first.
  static func tagged(_ line: String, run: String) -> String {
    guard line.hasPrefix("{") else { return line }
    return "{\"run\":\"\(run)\"," + line.dropFirst()
  }

  /// The result line's loss and accuracy, for people.
  static func readable(_ line: String) -> String {
    var parts: [String] = []
    for key in ["epoch", "trainLoss", "testLoss", "testAccuracy", "diverged"] {
      if let range = line.range(of: "\"\(key)\":") {
        let rest = line[range.upperBound...]
        let value = rest.prefix { $0 != "," && $0 != "}" }
        parts.append("\(key) \(value)")
      }
    }
    return parts.joined(separator: "  ")
  }
}
