import Foundation
import PlaygroundCore
import PlaygroundUI

/// The main thread's side of training on the worker: it never waits long for a slice.
///
/// A slice of a big network (one mini-batch of the heavy CNN, or the test-set measurement at the
/// end of an epoch) may take far longer than a frame. Rather than wait for it, the frame goes on
/// with the state it has: the frame's actions queue up and are applied, in order, right after the
/// trained state comes back — the same order as before (train, then what the learner did), so the
/// bits are those of one thread and no click is lost, only shown a few frames later.
final class TrainingHandOver {
  let trainer = BackgroundTrainer()
  /// Actions of frames drawn while the worker still held the state.
  private(set) var queued: [Action] = []
  /// Units (epochs; CNN mini-batches) the collected jobs trained since `takeTrainedUnits`.
  private var trainedUnits = 0

  /// The units trained by the jobs collected since the last call (the pace spends them).
  func takeTrainedUnits() -> Int {
    defer { trainedUnits = 0 }
    return trainedUnits
  }
  /// The longest a frame waits after drawing for the worker's current slice (milliseconds): a
  /// small network's slice (at most `BackgroundTrainer.sliceMilliseconds`) is still taken at once.
  /// nil waits for every slice, however long (the loop before the hand-over; `bench` compares).
  let waitMilliseconds: Double?

  init(waitMilliseconds: Double? = 2) {
    self.waitMilliseconds = waitMilliseconds
  }

  /// Whether the worker holds the state (a job running or not yet collected).
  var isBusy: Bool { trainer.isBusy }

  /// Frame start: takes a job that finished since the last frame, then starts a new one when
  /// `training` and the worker is free. Returns the trained grid outputs to show (2-D mode).
  func begin(_ state: inout AppState, training: Bool, limit: @autoclosure () -> Int?, deadline: Double)
    -> PreparedOutputs?
  {
    let prepared = trainer.isBusy ? collect(&state, actions: [], stopNow: false, waitSeconds: 0) : nil
    if training && !trainer.isBusy {
      trainer.start(state, limit: limit(), deadline: deadline)
    }
    return prepared
  }

  /// After drawing: the trained state if the worker is done (waiting at most `waitMilliseconds`;
  /// `settle` waits for it, for commands that read or replace the state), then this frame's
  /// `actions` — or, while the worker still runs, they wait in `queued` for its state.
  @discardableResult
  func end(_ state: inout AppState, actions: [Action], stopNow: Bool, settle: Bool = false)
    -> PreparedOutputs?
  {
    collect(
      &state, actions: actions, stopNow: stopNow || settle,
      waitSeconds: settle ? nil : waitMilliseconds.map { $0 / 1000 })
  }

  /// Stops the worker after its slice and applies everything queued.
  func settle(_ state: inout AppState) {
    end(&state, actions: [], stopNow: true, settle: true)
  }

  private func collect(_ state: inout AppState, actions: [Action], stopNow: Bool, waitSeconds: Double?)
    -> PreparedOutputs?
  {
    var prepared: PreparedOutputs?
    if let outcome = trainer.finish(stopNow: stopNow, waitingAtMost: waitSeconds) {
      trainedUnits += outcome.units
      state = outcome.state
      prepared = outcome.prepared
    }
    queued += actions
    if !trainer.isBusy {
      for action in queued { reduce(&state, action) }
      queued = []
    }
    return prepared
  }

  func shutDown() { trainer.shutDown() }
}
