import Foundation

/// How many epochs fit in one frame's training budget, adapted from how long the last slice took.
struct TrainingClock {
  /// Milliseconds of each frame given to training (the rest draws; 60 frames/s is 16.7 ms).
  var budgetMilliseconds = 9.0
  private(set) var epochsPerSlice = 1

  /// Adjusts the slice after one took `milliseconds`.
  mutating func record(milliseconds: Double) {
    if milliseconds < budgetMilliseconds * 0.5 {
      epochsPerSlice = min(epochsPerSlice * 2, 100_000)
    } else if milliseconds > budgetMilliseconds && epochsPerSlice > 1 {
      epochsPerSlice = max(1, Int(Double(epochsPerSlice) * budgetMilliseconds / milliseconds))
    }
  }
}
