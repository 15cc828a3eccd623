import Datasets
import Engine
import Foundation
import ImmediateUI
import Testing

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// Small CNN sessions for the session and export tests (a few seconds of training at most).
enum CNNFixtures {
  static func config(_ edit: (inout CNNConfig) -> Void = { _ in }) -> CNNConfig {
    var c = CNNConfig()
    c.imagesPerClass = 40
    c.seed = 7
    edit(&c)
    return c
  }

  static let configs: [CNNConfig] = [
    config(),
    config {
      $0.shapes = [.ring, .x, .hline]; $0.convLayers = [4]; $0.variation = .strong; $0.batchSize = 7
      $0.trainRatio = 70
    },
    config {
      $0.shapes = [.star, .diamond]; $0.convLayers = [3, 5, 6]; $0.variation = .none; $0.learningRate = 0.1
      $0.seed = 11
    },
  ]

  /// A 28×28 image that is not a generated shape: a diagonal band whose brightness depends on `k`.
  static func picture(_ k: Int) -> [Float] {
    (0..<(28 * 28)).map { i in
      let (y, x) = (i / 28, i % 28)
      return abs(x - y - (k % 5) + 2) < 3 ? Float(0.5 + 0.1 * Double(k % 5)) : 0
    }
  }

  static let smileys = ImageClass(name: "band", images: (0..<30).map(picture))

  /// A session with an imported class, a drawing added to the training set and a half-trained epoch.
  static func busy() throws -> CNNExperiment {
    var experiment = try CNNExperiment(config: config(), imported: [smileys])
    try experiment.addDrawing(picture(3), as: .square)
    experiment.train(epochs: 1)
    experiment.trainBatches(5)
    return experiment
  }
}

@Suite struct CNNSessionRoundTripTests {
  func roundTrip(_ session: CNNSessionFile) throws -> CNNSessionFile {
    let bytes = SessionFormat.encode(.cnn(session))
    guard case .cnn(let back) = try SessionFormat.decode(bytes) else {
      Issue.record("not read back as a CNN session")
      return session
    }
    return back
  }

  @Test(arguments: CNNFixtures.configs)
  func saveAndLoadGiveTheSameNetworkAndPredictions(config: CNNConfig) throws {
    var experiment = try CNNExperiment(config: config)
    experiment.train(epochs: 2)
    var history = TrainingHistory()
    history.record(epoch: experiment.epoch, evaluation: experiment.measure())
    let session = CNNSessionFile(experiment: experiment, history: history, drawing: CNNFixtures.picture(2))
    let back = try roundTrip(session)
    #expect(back == session)
    let restored = try CNNExperiment(restoring: back)
    #expect(restored.network.checksum == experiment.network.checksum)
    #expect(
      restored.network.probabilities(restored.testSamples)
        == experiment.network.probabilities(experiment.testSamples))
    #expect(restored.train == experiment.train && restored.test == experiment.test)
    #expect(restored.epoch == experiment.epoch)
  }

  /// Imported classes, a drawing, a cursor inside an epoch: all come back, and training on from
  /// the file gives the bits of a run that never stopped.
  @Test func continuingFromTheFileGivesTheSameBitsAsOneRun() throws {
    var straight = try CNNFixtures.busy()
    let session = CNNSessionFile(experiment: straight, drawing: CNNFixtures.picture(1))
    #expect(session.cursor.example > 0, "the fixture stops inside an epoch")
    let back = try roundTrip(session)
    #expect(back == session)
    var resumed = try CNNExperiment(restoring: back)
    #expect(resumed.classNames == ["circle", "square", "triangle", "cross", "band"])
    #expect(resumed.drawings.count == 1 && resumed.imported == [CNNFixtures.smileys])
    straight.train(epochs: 2)
    resumed.train(epochs: 2)
    #expect(resumed.network.checksum == straight.network.checksum)
    #expect(resumed.cursor == straight.cursor)
    // Reset draws the same initial weights as the original session's reset.
    straight.reset()
    resumed.reset()
    #expect(resumed.network.checksum == straight.network.checksum)
  }

  @Test func importedImagesJoinTheSplitDeterministically() throws {
    let a = try CNNExperiment(config: CNNFixtures.config(), imported: [CNNFixtures.smileys])
    let b = try CNNExperiment(config: CNNFixtures.config(), imported: [CNNFixtures.smileys])
    #expect(a.train == b.train && a.test == b.test && a.network.checksum == b.network.checksum)
    let label = 4
    let inTrain = a.train.filter { $0.label == label }.count
    let inTest = a.test.filter { $0.label == label }.count
    #expect(inTrain + inTest == 30 && inTrain > 0 && inTest > 0)
    #expect(a.network.shape.classes == 5)
    let plain = try CNNExperiment(config: CNNFixtures.config())
    #expect(plain.train.count + plain.test.count + 30 == a.train.count + a.test.count)
  }

  @Test func theWindowStateRoundTripsWithItsChartsAndDrawing() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .cnn(.setDrawing(CNNFixtures.picture(4))))
    reduce(&state, .train(epochs: 1))
    let cnn = try #require(state.cnn)
    let session = CNNSessionFile(state: cnn)
    #expect(!session.history.isEmpty)
    let back = try roundTrip(session)
    let opened = try AppState(cnnSession: back)
    #expect(opened.mode == .cnn)
    let reopened = try #require(opened.cnn)
    #expect(reopened.experiment.network.checksum == cnn.experiment.network.checksum)
    #expect(reopened.run.history.testAccuracy == cnn.run.history.testAccuracy && reopened.run.history.trainLoss == cnn.run.history.trainLoss)
    #expect(reopened.drawing == cnn.drawing)
    #expect(CNNSessionFile(state: reopened) == session)
    // Open over a 2-D session keeps the 2-D work and shows the CNN.
    var other = try AppState()
    reduce(&other, .train(epochs: 3))
    let denseChecksum = other.experiment.network.checksum
    try other.restore(back)
    #expect(other.mode == .cnn && other.experiment.network.checksum == denseChecksum)
    #expect(other.cnn?.experiment.network.checksum == cnn.experiment.network.checksum)
  }

  @Test func theWindowOpensImportedClassesAndSavesThemBack() throws {
    let session = CNNSessionFile(experiment: try CNNFixtures.busy())
    let opened = try AppState(cnnSession: session)
    #expect(opened.mode == .cnn && opened.cnn?.experiment.className(4) == "band")
    // Open over a 2-D session: the imported class, its images and the network come back as saved.
    var state = try AppState()
    reduce(&state, .train(epochs: 2))
    let before = state.experiment.network.checksum
    try state.restore(try roundTrip(session))
    let cnn = try #require(state.cnn)
    #expect(state.mode == .cnn && state.experiment.network.checksum == before)
    #expect(cnn.experiment.imported == [CNNFixtures.smileys])
    let back = CNNSessionFile(state: cnn)
    #expect(back.importedClasses == session.importedClasses && back.drawings == session.drawings)
    #expect(back.cursor == session.cursor && back.parameters.map(\.bitPattern) == session.parameters.map(\.bitPattern))
  }

  @Test func aDivergedNetworkKeepsItsNaNBits() throws {
    var experiment = try CNNExperiment(config: CNNFixtures.config { $0.learningRate = 10 })
    experiment.train(epochs: 3)
    _ = experiment.measure()
    let session = CNNSessionFile(experiment: experiment)
    let back = try roundTrip(session)
    #expect(back == session)
    #expect(back.divergence == experiment.divergence)
  }

  @Test func filesAreAtomicAndReadBack() throws {
    let path = NSTemporaryDirectory() + "cnn-session-\(UUID().uuidString).json"
    defer { unlink(path) }
    let session = CNNSessionFile(experiment: try CNNFixtures.busy())
    try SessionFile.write(.cnn(session), to: path)
    #expect(try SessionFile.read(path) == .cnn(session))
    // An interrupted save leaves the old file as it was.
    let other = CNNSessionFile(experiment: try CNNExperiment(config: CNNFixtures.config()))
    #expect(throws: SessionError.self) {
      try SessionFile.writeAtomically(SessionFormat.encode(.cnn(other)), to: path, interruptAfter: 1000)
    }
    #expect(try SessionFile.read(path) == .cnn(session))
  }

  @Test func grayscaleUsesLumaTimesAlpha() {
    var raster = Raster(width: 2, height: 1, fill: 0xFFFF_FFFF)
    raster.pixels[1] = 0x80FF_0000  // half-transparent red
    let g = ImageClass.grayscale(raster)
    #expect(g[0] == 1)
    #expect(abs(g[1] - 0.299 * 128 / 255) < 1e-6)
  }
}
