import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore

/// The speed control: a play setting held in the state, carried by share strings, session files.
@Suite struct TrainingSpeedTests {
  @Test func setSpeedChangesOnlyThatModesSpeed() throws {
    var state = try AppState()
    #expect(state.speed == .perSecond(60) && state.cnnSpeed == .perSecond(200))
    reduce(&state, .setSpeed(.perSecond(5), mode: .dense))
    reduce(&state, .setSpeed(.max, mode: .cnn))
    #expect(state.speed == .perSecond(5) && state.cnnSpeed == .max)
    #expect(state.experiment.epoch == 0 && !state.isPlaying && state.banner == nil)
  }

  @Test func speedNeverChangesTheBits() throws {
    var slow = try AppState(config: BenchmarkConfig.c2.config)
    var fast = slow
    reduce(&slow, .setSpeed(.perSecond(1), mode: .dense))
    reduce(&fast, .setSpeed(.max, mode: .dense))
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
    reduce(&state, .setSpeed(.perSecond(5), mode: .dense))
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
    reduce(&state, .setSpeed(.perSecond(20), mode: .dense))
    let bytes = SessionFormat.encode(.dense2d(DenseSession(state: state)))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"speed\": 20"))
    guard case .dense2d(let session) = try SessionFormat.decode(bytes) else {
      Issue.record("not a dense session")
      return
    }
    #expect(session.speed == .perSecond(20))
    var restored = try AppState()
    try restored.restore(session)
    #expect(restored.speed == .perSecond(20))
    #expect(restored.experiment.network.checksum == state.experiment.network.checksum)
  }

  @Test func defaultSpeedWritesNoKey() throws {
    let state = try AppState()
    let text = String(decoding: SessionFormat.encode(.dense2d(DenseSession(state: state))), as: UTF8.self)
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
    reduce(&state, .setSpeed(.perSecond(1), mode: .dense))
    try state.restore(session)
    #expect(state.speed == .denseDefault)
    // Writing it back at the default speed gives the same bytes.
    let bytes = try SessionFile.readBytes(path)
    #expect(SessionFormat.encode(.dense2d(session)) == bytes)
  }

  @Test func cnnSessionRoundTripsSpeed() throws {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .setSpeed(.perSecond(50), mode: .cnn))
    let cnn = try #require(state.cnn)
    var session = CNNSession(state: cnn)
    session.speed = state.cnnSpeed
    let bytes = SessionFormat.encode(.cnn(session))
    guard case .cnn(let back) = try SessionFormat.decode(bytes) else {
      Issue.record("not a CNN session")
      return
    }
    #expect(back.speed == .perSecond(50))
    var restored = try AppState()
    try restored.restore(back)
    #expect(restored.cnnSpeed == .perSecond(50) && restored.speed == .denseDefault)
    let plain = String(decoding: SessionFormat.encode(.cnn(CNNSession(state: cnn))), as: UTF8.self)
    #expect(!plain.contains("\"speed\""))
  }
}
