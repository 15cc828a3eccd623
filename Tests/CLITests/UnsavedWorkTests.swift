import Foundation
import PlaygroundCore
import Testing
import _TestSupport
@testable import Training
@testable import playground

/// The window's unsaved work and SIGTERM.
@Suite(.serialized) struct UnsavedWorkTests {
  @Test func trainedOrChangedWorkIsUnsaved() throws {
    var state = try AppState(config: PlaygroundConfig())
    var unsaved = UnsavedWork()
    #expect(!unsaved.isUnsaved(state), "a fresh, untrained session loses nothing")
    reduce(&state, .train(epochs: 3))
    #expect(unsaved.isUnsaved(state), "never saved and has trained")
    unsaved.markSaved(state)
    #expect(!unsaved.isUnsaved(state))
    reduce(&state, .setLearningRate(0.3))
    #expect(unsaved.isUnsaved(state), "changed since the last save")
    unsaved.markSaved(state)
    reduce(&state, .train(epochs: 1))
    #expect(unsaved.isUnsaved(state))
  }

  @Test func emergencyCopyGoesBesideTheSession() {
    #expect(UnsavedWork.emergencyPath(for: "/w/s.json", folder: "/cwd") == "/w/s.emergency.json")
    #expect(UnsavedWork.emergencyPath(for: "/w/s", folder: "/cwd") == "/w/s.emergency.json")
    #expect(UnsavedWork.emergencyPath(for: nil, folder: "/cwd") == "/cwd/playground-session.emergency.json")
  }

  /// A blocked SIGTERM waits for the frame loop, which takes it once.
  @Test func sigtermIsTakenByTheLoop() {
    var set = sigset_t()
    var old = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, &old)
    defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
    #expect(!TerminationSignal.takePending())
    pthread_kill(pthread_self(), SIGTERM)
    #expect(TerminationSignal.takePending())
    #expect(!TerminationSignal.takePending())
  }

  /// SIGTERM ends the window cleanly (exit 0, the final-state line); with nothing trained there
  /// is nothing to save, so no emergency copy appears.
  @Test func windowEndsCleanlyOnSigterm() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let process = Process()
    process.executableURL = try playgroundBinary()
    process.currentDirectoryURL = dir
    var environment = ProcessInfo.processInfo.environment
    environment["SDL_VIDEODRIVER"] = "dummy"
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let start = Date()
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("first frame") && Date().timeIntervalSince(start) < 30 {
      seen += out.fileHandleForReading.availableData
    }
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    seen += out.fileHandleForReading.readDataToEndOfFile()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    #expect(String(decoding: seen, as: UTF8.self).contains("\"event\":\"quit\""))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("playground-session.emergency.json").path))
  }
}
