import Foundation
import Testing
@testable import PlaygroundCore
@testable import SessionKit
@testable import Training

/// Counters that saturate, numbers that do not fit, keys given twice: refused or held, never
/// wrapped around into a file that cannot be opened again.
@Suite struct SaturationTests {
  @Test func roomStopsAtTheMaximum() {
    #expect(EpochLimit.room(for: 10, from: 0) == 10)
    #expect(EpochLimit.room(for: 10, from: Int.max - 3) == 3)
    #expect(EpochLimit.room(for: 10, from: Int.max) == 0)
    #expect(EpochLimit.note(epochs: 10, from: 5) == nil)
    #expect(EpochLimit.note(epochs: 1, from: Int.max)?.contains("training does nothing") == true)
    #expect(EpochLimit.note(epochs: 5, from: Int.max - 1)?.contains("only 1 more epoch is trained") == true)
  }

  /// A 2-D session at the largest epoch trains nothing, keeps its epoch, saves and loads again.
  @Test func denseSessionAtTheMaximumEpoch() throws {
    var experiment = try SessionFixtures.trained(SessionFixtures.configs[0], epochs: 2)
    experiment.epoch = Int.max - 1
    #expect(experiment.train(epochs: 5) == 1)
    #expect(experiment.epoch == Int.max)
    let checksum = experiment.network.checksum
    #expect(experiment.train(epochs: 5) == 0)
    #expect(experiment.network.checksum == checksum, "nothing trained")
    let bytes = SessionFormat.encode(.dense2d(DenseSessionFile(experiment: experiment)))
    guard case .dense2d(let loaded) = try SessionFormat.decode(bytes) else {
      Issue.record("not a 2-D session")
      return
    }
    #expect(try Experiment(restoring: loaded).epoch == Int.max)
  }

  /// A CNN session one epoch below the maximum trains that epoch and then stops, by epochs or by
  /// the window's batches.
  @Test func cnnSessionAtTheMaximumEpoch() throws {
    var config = CNNConfig()
    config.trainRatio = 10
    var experiment = try CNNExperiment(config: config)
    experiment.cursor.epoch = Int.max - 1
    #expect(experiment.train(epochs: 3) == 1)
    #expect(experiment.epoch == Int.max)
    #expect(experiment.train(epochs: 3) == 0)
    #expect(experiment.trainBatches(100) == 0)
    #expect(experiment.epoch == Int.max)
    let bytes = SessionFormat.encode(.cnn(CNNSessionFile(experiment: experiment, history: TrainingHistory())))
    guard case .cnn(let loaded) = try SessionFormat.decode(bytes) else {
      Issue.record("not a CNN session")
      return
    }
    #expect(try CNNExperiment(restoring: loaded).epoch == Int.max)
  }

  func sample() throws -> String {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[0], epochs: 1)
    return String(decoding: SessionFormat.encode(.dense2d(DenseSessionFile(experiment: experiment))), as: UTF8.self)
  }

  func message(_ text: String) -> String? {
    do {
      _ = try SessionFormat.decode(Array(text.utf8))
      return nil
    } catch {
      return error.message
    }
  }

  @Test func numbersBeyondFloatAreRefused() throws {
    var object = try #require(try JSONSerialization.jsonObject(with: Data(sample().utf8)) as? [String: Any])
    var dense = object["dense2d"] as! [String: Any]
    var network = dense["network"] as! [String: Any]
    var weights = network["weights"] as! [Any]
    weights[0] = 1e39
    network["weights"] = weights
    dense["network"] = network
    object["dense2d"] = dense
    let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    #expect(message(text)?.contains("too large for a 32-bit number") == true)
    // A point's coordinate too: the network would read it as infinity.
    var pointObject = try #require(try JSONSerialization.jsonObject(with: Data(sample().utf8)) as? [String: Any])
    var pointDense = pointObject["dense2d"] as! [String: Any]
    var data = pointDense["data"] as! [String: Any]
    var train = data["train"] as! [[Any]]
    train[0][0] = 1e39
    data["train"] = train
    pointDense["data"] = data
    pointObject["dense2d"] = pointDense
    let far = String(decoding: try JSONSerialization.data(withJSONObject: pointObject), as: UTF8.self)
    #expect(message(far)?.contains("dense2d.data.train[0] has a number too large") == true, "\(message(far) ?? "nil")")
  }

  @Test func duplicateKeysAreRefused() throws {
    let text = try sample()
    #expect(message(text) == nil)
    let twice = text.replacingOccurrences(of: "\"version\"", with: "\"version\" : 1, \"version\"")
    #expect(message(twice)?.contains("\"version\" appears twice") == true)
    let escaped = text.replacingOccurrences(of: "\"kind\"", with: "\"kind\" : \"cnn\", \"\\u006bind\"")
    #expect(message(escaped)?.contains("\"kind\" appears twice") == true)
    // The same key in two different objects is fine.
    #expect(JSONShape.problem(Array(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#.utf8)) == nil)
    #expect(JSONShape.problem(Array(#"{"a": "x,\"a\":", "b": 1}"#.utf8)) == nil)
  }

  @Test func deepNestingIsRefused() {
    let deep = "{\"a\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
    #expect(message(deep)?.contains("nests deeper than 64") == true)
  }
}
