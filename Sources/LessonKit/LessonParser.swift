import Datasets
import Foundation
import PlaygroundCore
import SafeIO
import Training
import Yams

extension Lesson {
  /// The top-level keys of a lesson file.
  static let topKeys = ["format", "id", "lang", "title", "summary", "level", "minutes", "setup", "controls", "steps"]
  /// The newest format this version reads.
  public static let currentFormat = 1

  /// Reads a lesson file. Every problem found is reported (`FILE:LINE:COLUMN: step N: message`);
  /// parsing goes on step by step after an error.
  public static func load(path: String) throws(LessonErrors) -> Lesson {
    let bytes: [UInt8]
    do {
      bytes = try CappedFile.read(path, limit: LessonLimits.fileBytes, what: "a lesson")
    } catch {
      throw LessonErrors([LessonError(LessonLocation(file: path, line: 1, column: 1), error.message)])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw LessonErrors([
        LessonError(LessonLocation(file: path, line: 1, column: 1), "the file is not UTF-8 text")
      ])
    }
    return try parse(text, file: path)
  }

  /// Parses lesson YAML; `file` names the source in messages.
  public static func parse(_ text: String, file: String = "<lesson>") throws(LessonErrors) -> Lesson {
    let root: Node
    do {
      root = try YAMLReader.compose(text, file: file)
    } catch {
      throw LessonErrors([error])
    }
    var parser = LessonParser(reader: YAMLReader(file: file), text: text)
    return try parser.lesson(root)
  }
}

/// Builds a `Lesson` from the YAML tree, collecting errors.
struct LessonParser {
  var reader: YAMLReader
  var errors: [LessonError] = []
  /// True once `setup:` says `dataset: shapes`: steps and conditions are then checked against the
  /// CNN mode.
  var isCNN = false
  let lines: [String.UnicodeScalarView]

  init(reader: YAMLReader, text: String) {
    self.reader = reader
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).unicodeScalars }
  }

  /// Runs `body`, recording its error instead of stopping.
  mutating func attempt<T>(_ body: (inout LessonParser) throws(LessonError) -> T) -> T? {
    do {
      return try body(&self)
    } catch {
      errors.append(error)
      return nil
    }
  }

  mutating func lesson(_ root: Node) throws(LessonErrors) -> Lesson {
    let file = reader.file
    let start = LessonLocation(file: file, line: 1, column: 1)
    let pairs: [YAMLReader.Pair]
    do {
      pairs = try reader.mapping(root, "a lesson")
      try reader.checkKeys(pairs, allowed: Lesson.topKeys, in: "the lesson")
    } catch {
      throw LessonErrors([error])
    }
    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    for key in ["format", "id", "title", "steps"] where value(key) == nil {
      errors.append(LessonError(start, "missing required key '\(key)'"))
    }
    if let node = value("format") {
      _ = attempt { p throws(LessonError) in
        let format = try p.reader.integer(node, "format", in: 0...1_000_000)
        guard format == Lesson.currentFormat else {
          throw p.reader.error(
            node, "format \(format) is not supported; this playground reads format \(Lesson.currentFormat)")
        }
      }
    }
    let id = value("id").flatMap { node in
      attempt { p throws(LessonError) in
        let id = try p.reader.string(node, "id")
        guard
          id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
          throw p.reader.error(node, "id '\(id)' may use only a-z, 0-9 and '-'")
        }
        return id
      }
    }
    let lang = value("lang").flatMap { node in attempt { p throws(LessonError) in try p.language(node) } } ?? "en"
    let title = value("title").flatMap { node in
      attempt { p throws(LessonError) in try p.reader.string(node, "title") }
    }
    let summary = value("summary").flatMap { node in
      attempt { p throws(LessonError) in try p.reader.string(node, "summary") }
    }
    let level = value("level").flatMap { node in
      attempt { p throws(LessonError) in try p.reader.choice(node, "level", Lesson.Level.self) }
    }
    let minutes = value("minutes").flatMap { node in
      attempt { p throws(LessonError) in try p.reader.integer(node, "minutes", in: 1...600) }
    }
    var setup = PlaygroundConfig()
    var points: [DataPoint] = []
    var cnn: CNNSetup?
    var setupLocation = start
    var setupSpeed: TrainingSpeed?
    if let node = value("setup") {
      setupLocation = reader.location(node)
      if let parsed = attempt({ p throws(LessonError) in try p.setup(node) }) {
        (setup, points, cnn) = parsed
        // Parsed without error just above, so this reads `speed:` alone.
        setupSpeed = try? reader.configChange(node, "setup", extraKeys: ["points"]).0.speed
      }
      // A setup with an error is still a CNN setup when it says so (the steps are checked for it).
      isCNN = cnn != nil || LessonParser.saysShapes(node)
    }
    var controls = Controls()
    if let node = value("controls") {
      controls = attempt { p throws(LessonError) in try p.controls(node) } ?? Controls()
    }
    var steps: [Step] = []
    if let node = value("steps") {
      steps = self.steps(node)
    }
    guard errors.isEmpty, let id, let title else { throw LessonErrors(errors) }
    let lesson = Lesson(
      format: Lesson.currentFormat, id: id, title: title, summary: summary, level: level, minutes: minutes,
      setup: setup, setupPoints: points, cnn: cnn, controls: controls, steps: steps, file: file,
      setupLocation: setupLocation, setupSpeed: setupSpeed, lang: lang)
    let overBudget = lesson.budgetErrors()  // LessonBudget.swift
    if !overBudget.isEmpty { throw LessonErrors(overBudget) }
    return lesson
  }

  // MARK: Setup and controls

  /// Whether a setup mapping has `dataset: shapes`.
  static func saysShapes(_ node: Node) -> Bool {
    guard case .mapping(let pairs) = node else { return false }
    return pairs.contains { $0.key.string == "dataset" && $0.value.string == "shapes" }
  }

  func setup(_ node: Node) throws(LessonError) -> (PlaygroundConfig, [DataPoint], CNNSetup?) {
    let (change, extras) = try reader.configChange(node, "setup", extraKeys: ["points"])
    let config = change.applied(to: PlaygroundConfig())
    let pairs = try reader.mapping(node, "setup")
    var points: [DataPoint] = []
    for extra in extras { points = try self.points(extra.value, "points") }
    if !change.cnn.isEmpty {
      guard change.cnn.shapesDataset else {
        let key = pairs.first { $0.key == "shapes" || $0.key == "convLayers" }
        throw reader.error(
          key?.keyNode ?? node, "\(key?.key ?? "shapes") is for the CNN mode; it needs `dataset: shapes`")
      }
      for entry in change.entries where !entry.isSharedWithCNN && entry != .problem(.classification) {
        let key = pairs.first { $0.key == entry.key }
        throw reader.error(
          key?.keyNode ?? node,
          "\(entry.key) is for the 2-D playground; a CNN setup takes \(ConfigChange.cnnKeys.joined(separator: ", "))")
      }
      let setup = CNNSetup(
        shapes: change.cnn.shapes ?? CNNSetup.defaultShapes,
        convLayers: change.cnn.convLayers ?? CNNSetup.defaultConvLayers)
      do {
        try setup.config(setup: config).validate()
      } catch {
        throw reader.error(pairs.first { $0.key == error.key }?.value ?? node, error.message)
      }
      return (config, points, setup)
    }
    try reader.validate(config, pairs: pairs, mapNode: node)
    if config.dataset == .custom && points.isEmpty {
      let at = pairs.first { $0.key == "dataset" }?.value ?? node
      throw reader.error(
        at, "dataset custom needs the lesson's own points: add `points: [[x, y, class], …]` to setup")
    }
    if !points.isEmpty && config.dataset != .custom {
      let at = pairs.first { $0.key == "points" }?.keyNode ?? node
      throw reader.error(
        at, "setup points are for `dataset: custom`; use an `addPoints` step to add points to a dataset")
    }
    return (config, points, nil)
  }

  func controls(_ node: Node) throws(LessonError) -> Controls {
    let pairs = try reader.mapping(node, "controls")
    try reader.checkKeys(pairs, allowed: ["hide", "lock"], in: "controls")
    var controls = Controls()
    let names = Control.allCases.map(\.rawValue)
    for pair in pairs {
      var list: [Control] = []
      for item in try reader.list(pair.value, pair.key, example: "[regularization, play]") {
        let name = try reader.string(item, "a control name")
        guard let control = Control(rawValue: name) else {
          var message = "unknown control '\(name)'"
          if let c = closest(name, in: names) { message += "; did you mean \(c)?" }
          throw reader.error(
            item,
            message
              + " (controls: the config keys and \(Control.allCases.filter { !$0.isConfigKey }.map(\.rawValue).joined(separator: ", ")))"
          )
        }
        list.append(control)
      }
      if pair.key == "hide" { controls.hidden = list } else { controls.locked = list }
    }
    return controls
  }

  /// `[[x, y, label], …]`: points within ±6, finite labels, at most 500.
  func points(_ node: Node, _ what: String) throws(LessonError) -> [DataPoint] {
    let items = try reader.list(node, what, example: "[[1.5, -2, 1], [0, 3, 0]]")
    guard items.count <= 500 else {
      throw reader.error(node, "\(what) lists \(items.count) points; at most 500")
    }
    var points: [DataPoint] = []
    for item in items {
      let xyz = try reader.list(item, "a point", example: "[x, y, class]")
      guard xyz.count == 3 else {
        throw reader.error(item, "a point is [x, y, class] (three numbers), found \(xyz.count)")
      }
      let x = try reader.number(xyz[0], "x")
      let y = try reader.number(xyz[1], "y")
      let label = try reader.number(xyz[2], "the class (or value)")
      guard abs(x) <= 6 else {
        throw reader.error(xyz[0], "x must be from -6 to 6, found \(formatNumber(x))")
      }
      guard abs(y) <= 6 else {
        throw reader.error(xyz[1], "y must be from -6 to 6, found \(formatNumber(y))")
      }
      guard abs(label) <= 1000 else {
        throw reader.error(xyz[2], "the class (or value) must be from -1000 to 1000")
      }
      points.append(DataPoint(x: x, y: y, label: label))
    }
    return points
  }
}
