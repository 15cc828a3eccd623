import Datasets
import Engine
import Foundation
import Testing

@testable import PlaygroundCore
@testable import SessionKit
import Visualization

/// Damaged, truncated, foreign and future files: a clear error, never a crash.
@Suite struct SessionErrorTests {
  func sampleBytes() throws -> [UInt8] {
    let experiment = try SessionFixtures.trained(SessionFixtures.configs[0], epochs: 3)
    return SessionFormat.encode(.dense2d(DenseSessionFile(experiment: experiment)))
  }

  func message(_ bytes: [UInt8]) -> String? { SessionDecodeMessage.of(bytes) }

  func message(editing edit: (inout [String: Any]) -> Void) throws -> String? {
    try SessionDecodeMessage.editing(sampleBytes(), edit)
  }

  /// Edits `dense2d.<section>`.
  func message(section: String, _ edit: @escaping (inout [String: Any]) -> Void) throws -> String? {
    try message { object in
      var dense = object["dense2d"] as! [String: Any]
      var part = dense[section] as! [String: Any]
      edit(&part)
      dense[section] = part
      object["dense2d"] = dense
    }
  }

  @Test func everyTruncationIsReportedAsDamaged() throws {
    let bytes = try sampleBytes()
    // The last byte is the final newline; every shorter prefix is incomplete JSON.
    for length in stride(from: 1, to: bytes.count - 1, by: max(1, bytes.count / 300)) {
      let text = try #require(message(Array(bytes[0..<length])), "a prefix of \(length) bytes was accepted")
      #expect(text.contains("damaged or cut short"), "\(length): \(text)")
    }
  }

  @Test func emptyForeignAndNonJSONFiles() throws {
    #expect(message([])?.contains("empty") == true)
    #expect(message(Array(" \n".utf8))?.contains("empty") == true)
    #expect(message(Array("x,y,label\n1,2,0\n".utf8))?.contains("not a NeuralPlayground session") == true)
    #expect(message(Array(#"{"hello": 1}"#.utf8))?.contains("not a NeuralPlayground session") == true)
    #expect(message(Array([0x89, 0x50, 0x4E, 0x47, 0, 0xFF])) != nil)
    #expect(
      message(Array(#"{"format": "neuralplayground-session", "version": 1, "kind": "dense2d"}"#.utf8))
        == "dense2d is missing")
  }

  @Test func aByteOrderMarkIsAccepted() throws {
    #expect(try message([0xEF, 0xBB, 0xBF] + sampleBytes()) == nil)
  }

  @Test func aNewerVersionIsRefusedClearly() throws {
    let text = try #require(try message { $0["version"] = 3 })
    #expect(text.contains("newer NeuralPlayground") && text.contains("format 3"), "\(text)")
    #expect(try message { $0["version"] = 0 }?.contains("unknown session format version 0") == true)
    #expect(try message { $0["version"] = "1" }?.contains("version has the wrong type") == true)
  }

  @Test func anUnknownKindIsNamed() throws {
    let text = try #require(try message { $0["kind"] = "rnn" })
    #expect(text.contains("\"rnn\"") && text.contains("dense2d, cnn"), "\(text)")
    // A known kind whose payload is not there.
    #expect(try message { $0["kind"] = "cnn" } == "cnn is missing")
  }

  @Test func missingAndMistypedFieldsAreNamedByPath() throws {
    #expect(try message(section: "network") { $0["weights"] = nil } == "dense2d.network.weights is missing")
    let mistyped = try message(section: "network") { $0["biases"] = "many" }
    #expect(mistyped?.hasPrefix("dense2d.network.biases has the wrong type") == true, "\(mistyped ?? "")")
    let word = try message(section: "network") {
      $0["weights"] = ["ten"] + (($0["weights"] as! [Any]).dropFirst())
    }
    #expect(word?.contains("dense2d.network.weights[0]") == true, "\(word ?? "")")
    let point = try message(section: "data") { $0["train"] = [[1, 2]] }
    #expect(point?.contains("dense2d.data.train[0]") == true, "\(point ?? "")")
    let activation = try message(section: "config") { $0["activation"] = "swish" }
    #expect(activation?.contains("dense2d.config.activation") == true, "\(activation ?? "")")
  }

  @Test func inconsistentContentIsRefused() throws {
    let count = try message(section: "network") { $0["weights"] = [0.5, 0.25] }
    #expect(count?.contains("dense2d.network.weights has 2 numbers") == true, "\(count ?? "")")
    let noise = try message(section: "config") { $0["noise"] = 99 }
    #expect(noise?.contains("dense2d.config.noise") == true, "\(noise ?? "")")
    let label = try message(section: "data") { $0["test"] = [[0.5, 0.5, 7]] }
    #expect(label?.contains("dense2d.data.test[0] has label 7.0") == true, "\(label ?? "")")
    let layers = try message(section: "network") { $0["layers"] = [2, 3, 1] }
    #expect(layers?.contains("dense2d.network.layers") == true, "\(layers ?? "")")
    let classes = try message(section: "network") { $0["classes"] = 5 }
    #expect(classes?.contains("dense2d.network.classes is 5") == true, "\(classes ?? "")")
    let frozen = try message(section: "network") { $0["frozenWeights"] = [3, 1] }
    #expect(frozen?.contains("frozenWeights") == true, "\(frozen ?? "")")
    let long = try message(section: "training") { $0["divergence"] = String(repeating: "x", count: 5000) }
    #expect(long?.contains("dense2d.training.divergence is 5000 bytes") == true, "\(long ?? "")")
    let epoch = try message(section: "training") { $0["epoch"] = -4 }
    #expect(epoch?.contains("epoch must be 0 or more") == true, "\(epoch ?? "")")
    let infinite = try message(section: "data") { $0["train"] = [[0.5, "inf", 1]] }
    #expect(infinite?.contains("not finite") == true, "\(infinite ?? "")")
  }
}

/// Atomic writes: the old file survives any failure; errors name the file.
@Suite struct SessionFileTests {
  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "playground-sessions-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func session(epochs: Int) throws -> SessionFile {
    .dense2d(
      DenseSessionFile(experiment: try SessionFixtures.trained(SessionFixtures.configs[0], epochs: epochs)))
  }

  @Test func writeThenRead() throws {
    let path = try folder() + "/lesson.json"
    let saved = try session(epochs: 4)
    try SessionFile.write(saved, to: path)
    #expect(try SessionFile.read(path) == saved)
  }

  @Test func anInterruptedSaveLeavesTheOldFileIntact() throws {
    let dir = try folder()
    let path = dir + "/work.json"
    try SessionFile.write(session(epochs: 1), to: path)
    let old = try SessionFile.readBytes(path)
    let newer = SessionFormat.encode(try session(epochs: 9))
    for cut in [0, 1, newer.count / 2, newer.count - 1, newer.count] {
      #expect(throws: SessionError.self) {
        try SessionFile.writeAtomically(newer, to: path, interruptAfter: cut)
      }
      #expect(try SessionFile.readBytes(path) == old)
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir) == ["work.json"], "no temporary files left")
    try SessionFile.writeAtomically(newer, to: path)
    #expect(try SessionFile.readBytes(path) == newer)
  }

  /// A save killed mid-write leaves a hidden temporary file; the next save removes it, but never
  /// the temporary file of a save still running in another process, nor other files.
  @Test func theNextSaveRemovesTemporariesOfKilledSaves() throws {
    let dir = try folder()
    let path = dir + "/work.json"
    let dead = ".work.json.4194303-0.tmp"  // above Linux's largest process id: no such process
    let alive = ".work.json.\(getppid())-0.tmp"  // the test runner's parent: alive
    let others = [".other.json.4194303-0.tmp", ".work.json.x-0.tmp", "work.json.4194303-0.tmp"]
    for name in [dead, alive] + others {
      FileManager.default.createFile(atPath: dir + "/" + name, contents: Data([1, 2, 3]))
    }
    try SessionFile.write(session(epochs: 1), to: path)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
    #expect(!left.contains(dead))
    #expect(left == Set(["work.json", alive] + others))
  }

  @Test func badPathsNameTheFileAndWriteNothing() throws {
    let dir = try folder()
    let missing = dir + "/no/such/folder/s.json"
    let error = #expect(throws: SessionError.self) { try SessionFile.write(session(epochs: 0), to: missing) }
    #expect(error?.path == missing && error?.message.contains("does not exist") == true)
    #expect(!FileManager.default.fileExists(atPath: dir + "/no"))
    let folderError = #expect(throws: SessionError.self) {
      try SessionFile.write(session(epochs: 0), to: dir)
    }
    #expect(folderError?.message.contains("folder") == true)
    let readMissing = #expect(throws: SessionError.self) { try SessionFile.read(dir + "/nothing.json") }
    #expect(readMissing?.description.hasPrefix(dir + "/nothing.json: cannot read") == true)
    let readFolder = #expect(throws: SessionError.self) { try SessionFile.read(dir) }
    #expect(readFolder?.message.contains("folder") == true)
    try Data("{\"format\": \"neuralplayground-session\", \"ver".utf8).write(
      to: URL(fileURLWithPath: dir + "/cut.json"))
    let cut = #expect(throws: SessionError.self) { try SessionFile.read(dir + "/cut.json") }
    #expect(cut?.description.hasPrefix(dir + "/cut.json: the file is damaged or cut short") == true)
  }

  @Test func savingThroughALinkReplacesTheFileItPointsTo() throws {
    let dir = try folder()
    try SessionFile.write(session(epochs: 0), to: dir + "/real.json")
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
    let newer = try session(epochs: 3)
    try SessionFile.write(newer, to: dir + "/link.json")
    #expect(try SessionFile.read(dir + "/real.json") == newer)
    let kind =
      try FileManager.default.attributesOfItem(atPath: dir + "/link.json")[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
  }
}
