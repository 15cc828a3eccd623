import Foundation

/// Sizes training slices from the measured speed: units (epochs in the 2-D mode, mini-batches in
/// CNN mode) per millisecond, smoothed over the last slices.
struct TrainingClock {
  /// Units per millisecond; nil until the first slice is measured.
  private(set) var unitsPerMillisecond: Double?

  /// How many units fit in `milliseconds` (at least 1; 1 before anything was measured, so the
  /// first slice is a probe).
  func units(for milliseconds: Double) -> Int {
    guard let rate = unitsPerMillisecond, milliseconds > 0 else { return 1 }
    return max(1, min(1_000_000, Int(rate * milliseconds)))
  }

  /// Folds in one slice of `units` that took `milliseconds`. Slices under 50 µs are too short to
  /// time well and only raise the estimate when it was lower.
  mutating func record(units: Int, milliseconds: Double) {
    guard units > 0 else { return }
    let rate = Double(units) / max(milliseconds, 0.001)
    guard let old = unitsPerMillisecond else {
      unitsPerMillisecond = rate
      return
    }
    if milliseconds < 0.05 {
      unitsPerMillisecond = max(old, rate)
    } else {
      unitsPerMillisecond = old * 0.7 + rate * 0.3
    }
  }
}

/// The window's frame pacing: a steady 60 Hz schedule that starts over after a long stall rather
/// than rushing to catch up.
struct FramePacer {
  static let period = 1.0 / 60
  private var next: Double = 0

  /// Seconds on a monotonic clock.
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
  }

  /// Sleeps until the next frame is due.
  mutating func wait() {
    let now = FramePacer.now()
    if next == 0 || now > next + FramePacer.period {
      next = now + FramePacer.period
      return
    }
    let left = next - now
    if left > 0 { Thread.sleep(forTimeInterval: left) }
    next += FramePacer.period
  }
}

/// Holds training to the chosen speed: each frame, speed × elapsed time accrues as credit (in
/// epochs, or images in CNN mode); whole units are trained from it and the fraction carries to
/// the next frame, so 5 epochs per second over 60 Hz frames trains one epoch every 12 frames.
/// A stalled frame (a dragged window, a busy machine) grants at most `maxCatchUp` seconds' worth,
/// and unused credit is capped the same way, so a stall never comes back as a burst.
struct TrainingPace {
  /// The longest stretch of time one frame accrues credit for, in seconds.
  static let maxCatchUp = 0.25
  /// Credit not yet trained, in the speed's units (epochs or images).
  private(set) var credit = 0.0
  /// When credit last accrued (monotonic seconds); nil while paused.
  private var last: Double?

  /// Paused: playing again starts from no credit, without a burst for the paused time.
  mutating func stop() {
    last = nil
    credit = 0
  }

  /// How many whole units (`cost` speed units each: 1 epoch, or a mini-batch of images) may train
  /// at `now` at `perSecond`.
  mutating func grant(now: Double, perSecond: Double, cost: Double) -> Int {
    let cost = max(cost, 1e-9)
    let elapsed = last.map { min(max(0, now - $0), TrainingPace.maxCatchUp) } ?? 0
    last = now
    // The cap still lets one whole unit through when a unit costs more than the catch-up window.
    credit = min(credit + perSecond * elapsed, max(cost, perSecond * TrainingPace.maxCatchUp))
    // A hair of slack: 60 frames of 1/60 s at 60 per second sum to 59.999…, which is 60.
    return Int((credit / cost + 1e-6).rounded(.down))
  }

  /// Takes `units` that were trained off the credit (the worker may train fewer than granted).
  mutating func spend(_ units: Int, cost: Double) {
    credit = max(0, credit - Double(units) * cost)
  }
}
