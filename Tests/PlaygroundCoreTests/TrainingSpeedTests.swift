import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import Training
@testable import SessionKit
import Visualization

/// The speed control: a play setting held in the state, carried by share strings, session files.
@Suite struct TrainingSpeedTests {
  @Test func setSpeedChangesOnlyTheShowingRunsSpeed() throws {
    var state = try AppState()
    #expect(state.dense.speed == .perSecond(60) && state.active.speed == .perSecond(60))
    reduce(&state, .setSpeed(.perSecond(5)))
    reduce(&state, .setMode(.cnn))
    #expect(state.cnn?.run.speed == .perSecond(200) && state.active.speed == .perSecond(200))
    reduce(&state, .setSpeed(.max))
    #expect(state.dense.speed == .perSecond(5) && state.cnn?.run.speed == .max)
    reduce(&state, .setMode(.dense))
    #expect(state.experiment.epoch == 0 && !state.isPlaying && state.banner == nil)
  }

  @Test func speedNeverChangesTheBits() throws {
    var slow = try AppState(config: BenchmarkConfig.c2.config)
    var fast = slow
    reduce(&slow, .setSpeed(.perSecond(1)))
    reduce(&fast, .setSpeed(.max))
    reduce(&slow, .train(epochs: 40))
    for _ in 0..<8 { reduce(&fast, .train(epochs: 5)) }
    #expect(slow.experiment.network.checksum == fast.experiment.network.checksum)
  }

  @Test func textForms() {
    #expect(TrainingSpeed(text: "5") == .perSecond(5))
    #expect(TrainingSpeed(text: " max ") == .max)
    #expect(TrainingSpeed(text: "MAX") == .max)
    for bad in ["0", "-3", "1.5", "fast", "", "10001"] { #expect(TrainingSpeed(text: bad) == nil, "\(bad)") }
    #expect(TrainingSpeed.perSecond(300).text == "300" && TrainingSpeed.max.text == "max")
    #expect(TrainingSpeed.denseSteps.map(\.text) == ["1", "5", "20", "60", "300", "max"])
  }

  @Test func shareStringCarriesSpeedOnlyWhenNotTheDefault() throws {
    var state = try AppState()
    #expect(state.shareString == state.config.shareString, "default speed: the string is unchanged")
    #expect(!state.shareString.contains("speed"))
    reduce(&state, .setSpeed(.perSecond(5)))
    #expect(state.shareString == state.config.shareString + "&speed=5")
    let back = try SharedSetup(shareString: state.shareString)
    #expect(back.config == state.config && back.speed == .perSecond(5))
    #expect(try SharedSetup(shareString: "speed=max&dataset=xor").speed == .max)
    // An older string (no speed key) opens at the default.
    let old = try SharedSetup(shareString: PlaygroundConfig().shareString)
    #expect(old.speed == .denseDefault && old.config == PlaygroundConfig())
    for bad in ["speed=0", "speed=fast", "speed=5&speed=6"] {
      #expect(throws: ConfigError.self) { _ = try SharedSetup(shareString: bad) }
    }
    do {
      _ = try SharedSetup(shareString: "speed=fast")
    } catch {
      #expect(error.key == "speed" && error.message.contains("max"))
    }
  }

  @Test func denseSessionRoundTripsSpeed() throws {
    var state = try AppState()
    reduce(&state, .train(epochs: 3))
    reduce(&state, .setSpeed(.perSecond(20)))
    let bytes = SessionFormat.encode(.dense2d(DenseSessionFile(state: state)))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"speed\": 20"))
    guard case .dense2d(let session) = try SessionFormat.decode(bytes) else {
      Issue.record("not a dense session")
      return
    }
    #expect(session.speed == .perSecond(20))
    var restored = try AppState()
    try restored.restore(session)
    #expect(restored.dense.speed == .perSecond(20))
    #expect(restored.experiment.network.checksum == state.experiment.network.checksum)
  }

  @Test func defaultSpeedWritesNoKey() throws {
    let state = try AppState()
    let text = String(decoding: SessionFormat.encode(.dense2d(DenseSessionFile(state: state))), as: UTF8.self)
    #expect(
      !text.contains("speed"), "files at the default speed are the files written before the speed control")
  }

  @Test func aFileWrittenBeforeTheSpeedControlOpensAtTheDefault() throws {
    // Written by `playground train --dataset xor --epochs 12 --save` before sessions had a speed.
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/dense-before-speed.json").path
    guard case .dense2d(let session) = try SessionFile.read(path) else {
      Issue.record("not a dense session")
      return
    }
    #expect(session.speed == .denseDefault && session.epoch == 12)
    var state = try AppState()
    reduce(&state, .setSpeed(.perSecond(1)))
    try state.restore(session)
    #expect(state.dense.speed == .denseDefault)
    // Writing it back at the default speed gives the same bytes.
    let bytes = try SessionFile.readBytes(path)
    #expect(SessionFormat.encode(.dense2d(session)) == bytes)
  }

  @Test func cnnSessionRoundTripsSpeed() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .setSpeed(.perSecond(50)))
    let cnn = try #require(state.cnn)
    // The session of the CNN mode carries its run's pace, as the 2-D one does.
    let session = CNNSessionFile(state: cnn)
    #expect(session.speed == .perSecond(50))
    let bytes = SessionFormat.encode(.cnn(session))
    guard case .cnn(let back) = try SessionFormat.decode(bytes) else {
      Issue.record("not a CNN session")
      return
    }
    #expect(back.speed == .perSecond(50))
    var restored = try AppState()
    try restored.restore(back)
    #expect(restored.cnn?.run.speed == .perSecond(50) && restored.dense.speed == .denseDefault)
    // At the default pace the file has no speed key, as files written before the speed control.
    let plain = String(decoding: SessionFormat.encode(.cnn(CNNSessionFile(state: try CNNAppState()))), as: UTF8.self)
    #expect(!plain.contains("\"speed\""))
  }
}
