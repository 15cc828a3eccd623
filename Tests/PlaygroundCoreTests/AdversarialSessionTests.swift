import Datasets
import Engine
import Foundation
import SessionKit
import Testing
import Training

/// Adversarial training in session files: absent when off (files stay as they were), kept when on.
@Suite struct AdversarialSessionTests {
  static func session(_ adversarial: AdversarialTraining?) throws -> CNNSessionFile {
    var config = CNNConfig()
    config.convLayers = [4]
    config.imagesPerClass = 20
    config.adversarialTraining = adversarial
    var e = try CNNExperiment(config: config)
    e.train(epochs: 1)
    var history = TrainingHistory()
    history.record(epoch: e.epoch, evaluation: e.measure())
    return CNNSessionFile(experiment: e, history: history, drawing: CNNSessionFile.blankDrawing)
  }

  @Test func offIsAbsentAndOnRoundTrips() throws {
    let plain = SessionFormat.encode(.cnn(try Self.session(nil)))
    #expect(!String(decoding: plain, as: UTF8.self).contains("adversarial"))
    let on = try Self.session(AdversarialTraining(share: 0.25, epsilon: 0.05))
    let bytes = SessionFormat.encode(.cnn(on))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"adversarialTraining\""))
    guard case .cnn(let back) = try SessionFormat.decode(bytes) else {
      Issue.record("not a CNN session")
      return
    }
    #expect(back.config.adversarialTraining == AdversarialTraining(share: 0.25, epsilon: 0.05))
    // A share or ε out of range in a file is named.
    let original = String(decoding: bytes, as: UTF8.self)
    #expect(original.contains("\"share\": 0.25"))
    let text = original.replacingOccurrences(of: "\"share\": 0.25", with: "\"share\": 2")
    #expect(throws: SessionError.self) { try SessionFormat.decode(Array(text.utf8)) }
  }
}
