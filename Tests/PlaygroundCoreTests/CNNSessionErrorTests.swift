import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// Damaged, truncated, future and hostile CNN session files: a `SessionError` naming the field,
/// never a crash.
@Suite struct CNNSessionErrorTests {
  static let bytes: [UInt8] = {
    let experiment = try! CNNFixtures.busy()
    return SessionFormat.encode(.cnn(CNNSessionFile(experiment: experiment)))
  }()

  func message(_ bytes: [UInt8]) -> String? { SessionDecodeMessage.of(bytes) }

  func message(editing edit: (inout [String: Any]) -> Void) throws -> String? {
    try SessionDecodeMessage.editing(CNNSessionErrorTests.bytes, edit)
  }

  /// Edits `cnn.<section>` (or `cnn` itself with section nil).
  func message(section: String?, _ edit: @escaping (inout [String: Any]) -> Void) throws -> String? {
    try message { object in
      var cnn = object["cnn"] as! [String: Any]
      if let section {
        var part = cnn[section] as! [String: Any]
        edit(&part)
        cnn[section] = part
      } else {
        edit(&cnn)
      }
      object["cnn"] = cnn
    }
  }

  func expect(_ text: String?, contains words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
    guard let text else {
      Issue.record("the damaged file was accepted", sourceLocation: sourceLocation)
      return
    }
    for word in words {
      #expect(text.contains(word), "\(text)", sourceLocation: sourceLocation)
    }
  }

  @Test func theSampleReadsBack() {
    #expect(message(CNNSessionErrorTests.bytes) == nil)
  }

  @Test func everyTruncationIsReportedAsDamaged() {
    let bytes = CNNSessionErrorTests.bytes
    for length in stride(from: 1, to: bytes.count - 1, by: max(1, bytes.count / 200)) {
      let text = message(Array(bytes[0..<length]))
      #expect(text?.contains("damaged or cut short") == true, "\(length): \(text ?? "accepted")")
    }
  }

  @Test func aFutureVersionIsRefused() throws {
    expect(try message { $0["version"] = 3 }, contains: "newer NeuralPlayground", "format 3")
  }

  @Test func configValuesAreChecked() throws {
    expect(
      try message(section: "config") { $0["imagesPerClass"] = -5 }, contains: "cnn.config.imagesPerClass")
    expect(try message(section: "config") { $0["learningRate"] = "nan" }, contains: "cnn.config.learningRate")
    expect(try message(section: "config") { $0["learningRate"] = "inf" }, contains: "cnn.config.learningRate")
    expect(
      try message(section: "config") { $0["convLayers"] = [Int](repeating: 8, count: 100_000) },
      contains: "cnn.config.convLayers", "100000 layers")
    expect(
      try message(section: "config") { $0["convLayers"] = [8, -3] }, contains: "cnn.config.convLayers", "-3")
    expect(
      try message(section: "config") { $0["shapes"] = ["circle", "blob"] }, contains: "cnn.config.shapes[1]")
    expect(
      try message(section: "config") { $0["shapes"] = ["circle", "circle"] }, contains: "cnn.config.shapes",
      "twice")
    expect(
      try message(section: "config") { $0["variation"] = nil }, contains: "cnn.config.variation is missing")
    expect(try message(section: "config") { $0["batchSize"] = 1e300 }, contains: "cnn.config.batchSize")
  }

  /// JSONDecoder alone calls these "not valid JSON"; the file names the field.
  @Test func numbersThatDoNotFitAreNamed() throws {
    expect(
      try message(section: "config") { $0["seed"] = -1 },
      contains: "cnn.config.seed: -1 is not a whole number")
    expect(try message(section: "config") { $0["trainRatio"] = 2.5 }, contains: "cnn.config.trainRatio: 2.5")
    expect(
      try message(section: "config") { $0["convLayers"] = [8, 1e40] }, contains: "cnn.config.convLayers[1]")
    expect(try message(section: "training") { $0["epoch"] = 1e300 }, contains: "cnn.training.epoch")
    expect(
      try message(section: "images") { $0["test"] = [[0.5, CNNRecord.encode(CNNFixtures.picture(0))]] },
      contains: "cnn.images.test[0][0]")
    // Elsewhere (a chart's bookkeeping) the message still says what kind of problem it is.
    expect(
      try message(section: "training") {
        var history = $0["history"] as! [String: Any]
        var series = history["testLoss"] as! [String: Any]
        series["capacity"] = 1e300
        history["testLoss"] = series
        $0["history"] = history
      }, contains: "a number in the file does not fit its field")
  }

  /// The file's config record has exactly `CNNConfig`'s keys, so a new setting cannot be dropped.
  @Test func theConfigRecordHasEveryConfigKey() throws {
    func keys(_ data: Data) throws -> Set<String> {
      Set(try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys)
    }
    let config = CNNFixtures.configs[1]
    let own = try keys(try JSONEncoder().encode(config))
    let record = try keys(try JSONEncoder().encode(CNNConfigRecord(config)))
    #expect(own == record)
    #expect(
      try JSONDecoder().decode(CNNConfigRecord.self, from: try JSONEncoder().encode(config)).config == config)
  }

  @Test func networkSizesAreChecked() throws {
    expect(
      try message(section: "network") { $0["parameters"] = [0.5, 0.25] },
      contains: "cnn.network.parameters has 2 numbers")
    expect(
      try message(section: "network") {
        $0["parameters"] = ["ten"] + ($0["parameters"] as! [Any]).dropFirst()
      },
      contains: "cnn.network.parameters[0]")
    expect(try message(section: "network") { $0["classes"] = ["circle"] }, contains: "cnn.network.classes")
    expect(
      try message(section: "network") { $0["layers"] = [["filters": 8, "kernel": 3, "pool": 2]] },
      contains: "cnn.network.layers")
  }

  @Test func imagesAreChecked() throws {
    let good = CNNRecord.encode(CNNFixtures.picture(1))
    expect(try message(section: "images") { $0["train"] = [[0]] }, contains: "cnn.images.train[0]")
    expect(
      try message(section: "images") { $0["test"] = [[9, good]] }, contains: "cnn.images.test[0] has label 9")
    expect(
      try message(section: "images") { $0["test"] = [[-1, good]] },
      contains: "cnn.images.test[0] has label -1")
    expect(
      try message(section: "images") { $0["test"] = [[0, "AAAA"]] }, contains: "cnn.images.test[0]",
      "found 4 characters")
    let long = String(repeating: "A", count: 5_000_000)
    expect(
      try message(section: "images") { $0["test"] = [[0, long]] }, contains: "cnn.images.test[0]", "5000000")
    let notBase64 = String(repeating: "!", count: CNNRecord.encodedLength)
    expect(
      try message(section: "images") { $0["test"] = [[0, notBase64]] }, contains: "cnn.images.test[0]",
      "not base64")
    var nan = CNNFixtures.picture(1)
    nan[17] = .nan
    expect(
      try message(section: "images") { $0["test"] = [[0, CNNRecord.encode(nan)]] },
      contains: "cnn.images.test[0]", "pixel 17")
    expect(
      try message(section: "images") {
        $0["test"] = [[0, CNNRecord.encode([Float](repeating: 2, count: 784))]]
      },
      contains: "cnn.images.test[0]", "outside [0, 1]")
    expect(try message(section: "images") { $0["width"] = 32 }, contains: "cnn.images is 32×28")
    expect(try message(section: "images") { $0["pixels"] = "png" }, contains: "cnn.images.pixels")
    expect(
      try message(section: "images") { $0["drawings"] = [[1, good]] },
      contains: "cnn.images.drawings must be the last")
    expect(try message(section: nil) { $0["drawing"] = "AAAA" }, contains: "cnn.drawing")
  }

  @Test func importedClassesAreChecked() throws {
    expect(
      try message(section: nil) {
        var imported = $0["importedClasses"] as! [[String: Any]]
        imported[0]["name"] = "circle"
        $0["importedClasses"] = imported
      }, contains: "cnn.importedClasses", "circle")
    expect(
      try message(section: nil) {
        var imported = $0["importedClasses"] as! [[String: Any]]
        imported[0]["name"] = String(repeating: "é", count: 100)
        $0["importedClasses"] = imported
      }, contains: "cnn.importedClasses", "1 to 32 characters")
    expect(
      try message(section: nil) {
        let one = ($0["importedClasses"] as! [[String: Any]])[0]
        $0["importedClasses"] = (0..<9).map { i -> [String: Any] in
          var c = one
          c["name"] = "c\(i)"
          return c
        }
      }, contains: "cnn.importedClasses has 9 classes")
    expect(
      try message(section: nil) {
        var imported = $0["importedClasses"] as! [[String: Any]]
        imported[0]["images"] = []
        $0["importedClasses"] = imported
      }, contains: "cnn.importedClasses", "0 images")
  }

  @Test func trainingStateIsChecked() throws {
    expect(
      try message(section: "training") { $0["epoch"] = -2 }, contains: "cnn.training.epoch must be 0 or more")
    expect(
      try message(section: "training") { $0["nextExample"] = 1_000_000 }, contains: "cnn.training.nextExample"
    )
    expect(try message(section: "training") { $0["nextExample"] = -1 }, contains: "cnn.training.nextExample")
    expect(
      try message(section: "training") { $0["divergence"] = String(repeating: "x", count: 2_000_000) },
      contains: "cnn.training.divergence is 2000000 bytes")
    expect(
      try message(section: "training") {
        var history = $0["history"] as! [String: Any]
        var series = history["testLoss"] as! [String: Any]
        series["capacity"] = -7
        history["testLoss"] = series
        $0["history"] = history
      }, contains: "cnn.training.history.testLoss is damaged")
  }

  /// Bytes that are not UTF-8 inside a string, and a NUL: refused as damaged, not a crash.
  @Test func invalidUTF8IsRefused() throws {
    var bytes = CNNSessionErrorTests.bytes
    let name = Array("\"band\"".utf8)
    let at = try #require(
      (0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
    bytes[at + 2] = 0xFF
    #expect(message(bytes) != nil)
    bytes[at + 2] = 0
    #expect(message(bytes) != nil)
  }

  /// Random byte flips anywhere in the file never crash the reader; whatever it accepts is a
  /// session the engine can run.
  @Test func randomCorruptionNeverCrashes() throws {
    var rng = SeededGenerator(seed: 99)
    let original = CNNSessionErrorTests.bytes
    for _ in 0..<60 {
      var bytes = original
      for _ in 0..<(1 + rng.index(below: 4)) {
        bytes[rng.index(below: bytes.count)] = UInt8(rng.index(below: 256))
      }
      if case .cnn(let session) = try? SessionFormat.decode(bytes) {
        var experiment = try CNNExperiment(restoring: session)
        experiment.train(epochs: 1)
        _ = experiment.measure()
      }
    }
  }
}
