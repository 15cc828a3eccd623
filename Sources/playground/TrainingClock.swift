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
