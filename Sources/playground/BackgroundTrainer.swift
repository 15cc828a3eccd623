import Foundation
import PlaygroundCore
import PlaygroundUI
import Training

/// Trains on a second thread while the main thread draws.
///
/// At the start of a frame the loop hands the worker a copy of the state (a value: the main thread
/// keeps drawing its own copy, untouched); the worker sends `.train` slices through `reduce` on
/// its copy until the frame's deadline; after drawing, the loop takes the trained state back and
/// only then applies the frame's actions. So every change still goes through `reduce`, in one
/// order — train, then what the learner did during the frame — and the bits are the ones a single
/// thread gets from the same epochs: training is sequential over epochs, so how they are sliced
/// changes nothing. A lesson's limit stops the worker exactly at its epoch count.
final class BackgroundTrainer: @unchecked Sendable {
  /// The longest slice between checks of the deadline and of a stop request.
  static let sliceMilliseconds = 1.5

  private struct Job {
    var state: AppState
    /// The most units (epochs; mini-batches in CNN mode) to train, nil for no limit.
    var limit: Int?
    /// Monotonic seconds by which the worker should be done.
    var deadline: Double
  }

  /// What a job did.
  struct Outcome {
    var state: AppState
    /// Units trained and the seconds the worker spent on them.
    var units: Int
    var seconds: Double
    /// The trained state's grid outputs for the view (2-D mode), evaluated here rather than on
    /// the main thread.
    var prepared: PreparedOutputs?
  }

  private let condition = NSCondition()
  private var job: Job?
  private var outcome: Outcome?
  private var running = false
  private var stopRequested = false
  private var shuttingDown = false
  /// Only the worker thread touches them.
  private var clock = TrainingClock()
  /// What the clock's speed was measured on. Other work (another mode, network or data set)
  /// starts it over with a probe slice: a rate measured on a small network would size the first
  /// slice of a big one to seconds, and the window waits for each slice.
  private var clockWork: AnyHashable?
  private var preparer = OutputPreparer()
  /// How long preparing the view's outputs takes (smoothed): training stops that much earlier.
  private var prepareMilliseconds = 1.0

  init() {
    let thread = Thread { [self] in workerLoop() }
    thread.name = "training"
    thread.start()
  }

  /// Whether a job was started and not yet collected.
  var isBusy: Bool {
    condition.lock()
    defer { condition.unlock() }
    return running || outcome != nil
  }

  /// Starts training a copy of `state` until `deadline` (monotonic seconds), at most `limit` units.
  func start(_ state: AppState, limit: Int?, deadline: Double) {
    condition.lock()
    precondition(!running && outcome == nil, "collect the last job with finish() first")
    job = Job(state: state, limit: limit, deadline: deadline)
    running = true
    stopRequested = false
    condition.broadcast()
    condition.unlock()
  }

  /// The trained state. `stopNow` asks the worker to stop after its current slice instead of
  /// training on to the deadline.
  func finish(stopNow: Bool = false) -> Outcome? {
    finish(stopNow: stopNow, waitingAtMost: nil)
  }

  /// As `finish(stopNow:)`, but waits at most `seconds` (nil: as long as it takes): nil when the
  /// worker is still on its slice then (the stop request stays; collect it later).
  func finish(stopNow: Bool, waitingAtMost seconds: Double?) -> Outcome? {
    condition.lock()
    defer { condition.unlock() }
    guard running || outcome != nil else { return nil }
    if stopNow { stopRequested = true }
    let limit = seconds.map { Date(timeIntervalSinceNow: $0) }
    while outcome == nil {
      if let limit {
        if !condition.wait(until: limit) && outcome == nil { return nil }
      } else {
        condition.wait()
      }
    }
    let done = outcome
    outcome = nil
    return done
  }

  /// Ends the worker thread (after the current job).
  func shutDown() {
    condition.lock()
    shuttingDown = true
    stopRequested = true
    condition.broadcast()
    condition.unlock()
  }

  private func workerLoop() {
    // Drawing comes first: on a busy machine (2 cores, a compiler running) the scheduler gives this
    // thread what the main thread leaves rather than an equal share (Linux: a per-thread nice value).
    #if os(Linux)
      // On Linux the nice value is per thread, and `who` 0 is the calling thread; 8 steps below
      // the main thread's, which it inherited.
      let which = __priority_which_t(PRIO_PROCESS.rawValue)
      _ = setpriority(which, 0, min(19, getpriority(which, 0) + 8))
    #endif
    while true {
      condition.lock()
      while job == nil && !shuttingDown { condition.wait() }
      if shuttingDown {
        condition.unlock()
        return
      }
      let next = job!
      job = nil
      condition.unlock()
      let result = run(next)
      condition.lock()
      outcome = result
      running = false
      condition.broadcast()
      condition.unlock()
    }
  }

  private var shouldStop: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopRequested
  }

  private func run(_ job: Job) -> Outcome {
    var state = job.state
    let work = state.active.workload
    if work != clockWork {
      clock = TrainingClock()
      clockWork = work
    }
    let start = FramePacer.now()
    var units = 0
    while !shouldStop {
      let left = job.limit.map { $0 - units } ?? .max
      let remaining = (job.deadline - FramePacer.now()) * 1000 - prepareMilliseconds
      // Stop when the next slice would not fit (a probe slice of 1 always runs once).
      guard left > 0, remaining > 0.05 || units == 0 else { break }
      let n = min(left, clock.units(for: min(BackgroundTrainer.sliceMilliseconds, remaining)))
      let t0 = FramePacer.now()
      reduce(&state, .trainSlice(units: n))
      clock.record(units: n, milliseconds: (FramePacer.now() - t0) * 1000)
      units += n
      // Diverged (the reducer pauses): nothing more to do this frame.
      if !state.isPlaying { break }
    }
    let t0 = FramePacer.now()
    let prepared = units > 0 ? preparer.prepare(state) : nil
    if units > 0 { prepareMilliseconds = prepareMilliseconds * 0.8 + (FramePacer.now() - t0) * 1000 * 0.2 }
    return Outcome(state: state, units: units, seconds: FramePacer.now() - start, prepared: prepared)
  }
}

/// A training slice of the run that shows, whatever its kind: `.trainSlice` units (2-D epochs,
/// CNN mini-batches), paced by the run's speed and a lesson's epoch allowance.
enum TrainingSlice {
  /// The most units this frame trains: the lesson's allowance and, below max speed, what the
  /// pace grants now (at max, the allowance alone, as before the speed control).
  static func frameLimit(allowance: Int?, state: AppState, pace: inout TrainingPace, now: Double) -> Int? {
    let run = state.active
    let lessonLimit = limit(epochs: allowance, state: state)
    guard run.isPlaying, let rate = run.speed.rate else {
      pace.stop()
      return lessonLimit
    }
    let granted = pace.grant(now: now, perSecond: Double(rate), cost: Double(run.speedUnitsPerUnit))
    return min(lessonLimit ?? granted, granted)
  }

  /// A lesson's epoch allowance as units of the run that shows.
  static func limit(epochs allowance: Int?, state: AppState) -> Int? {
    guard let allowance else { return nil }
    let run = state.active
    return run.units(untilEpoch: run.epoch + allowance)
  }
}
