import Foundation
import PlaygroundCore
import SessionKit
import Training

/// Whether the window holds work that is not in a file: a session that was never saved (or
/// opened) and has trained, or one changed since its last save. SIGTERM (a logout, a shutdown,
/// `kill`) then writes an emergency copy instead of losing it.
struct UnsavedWork {
  /// What the last save or open wrote or read; nil before either.
  var saved: Mark?

  /// The parts of the state a save records that change while working: every training step and
  /// every change to a network or its data raises a run's revision; the configs catch the live
  /// settings (learning rate, batch size, …), which keep it.
  struct Mark: Equatable {
    var mode: AppMode
    var revision: Int
    var cnnRevision: Int
    var config: String
    var cnnConfig: CNNConfig?

    init(_ state: AppState) {
      mode = state.mode
      revision = state.revision
      cnnRevision = state.cnn?.revision ?? 0
      config = state.shareString
      cnnConfig = state.cnn?.experiment.config
    }
  }

  mutating func markSaved(_ state: AppState) { saved = Mark(state) }

  /// True when quitting now would lose work.
  func isUnsaved(_ state: AppState) -> Bool {
    guard let saved else { return state.experiment.epoch > 0 || (state.cnn?.experiment.epoch ?? 0) > 0 }
    return saved != Mark(state)
  }

  /// Where the emergency copy of `sessionPath` goes: beside it, `NAME.emergency.json`; without a
  /// session file, `playground-session.emergency.json` in the current folder.
  static func emergencyPath(for sessionPath: String?, folder: String) -> String {
    guard let sessionPath else { return (folder as NSString).appendingPathComponent("playground-session.emergency.json") }
    let base = sessionPath.hasSuffix(".json") ? String(sessionPath.dropLast(5)) : sessionPath
    return base + ".emergency.json"
  }
}

/// SIGTERM for the window, without a signal handler or global flag: the signal is blocked on the
/// main thread before any other thread starts (threads inherit the mask), so it stays pending
/// until the frame loop takes it with `sigtimedwait`.
enum TerminationSignal {
  /// Blocks SIGTERM; call before SDL or the trainer start threads.
  static func block() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// True (once) when a SIGTERM arrived since the last call.
  static func takePending() -> Bool {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTERM)
    var zero = timespec(tv_sec: 0, tv_nsec: 0)
    return sigtimedwait(&set, nil, &zero) == SIGTERM
  }
}

extension WindowApp {
  /// On SIGTERM: writes unsaved work to the emergency copy (never over the session itself, which
  /// may be the last good save) and says where.
  func saveEmergencyCopy() {
    guard unsaved.isUnsaved(state) else { return }
    let path = UnsavedWork.emergencyPath(for: sessionPath, folder: FileManager.default.currentDirectoryPath)
    do {
      try SessionFile.write(SessionFile(showing: state), to: path)
      Playground.say("terminated: unsaved work saved to \(path)")
    } catch {
      Playground.report("terminated: could not save the unsaved work: \(error.description)")
    }
    fflush(nil)
  }
}
