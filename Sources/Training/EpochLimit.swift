/// Epoch counts saturate at `Int.max` (2^63 − 1) instead of wrapping around to a negative epoch
/// that no session file could hold: training at the maximum does nothing, and says so.
public enum EpochLimit {
  /// The largest epoch count a session can reach.
  public static let maximum = Int.max

  /// How many of `epochs` can still be trained from `epoch` without passing the maximum.
  public static func room(for epochs: Int, from epoch: Int) -> Int {
    max(0, min(epochs, maximum - max(0, epoch)))
  }

  /// What to tell the learner when `epochs` more cannot all be trained from `epoch`, or nil.
  public static func note(epochs: Int, from epoch: Int) -> String? {
    let room = room(for: epochs, from: epoch)
    guard room < epochs else { return nil }
    if room == 0 {
      return "the session is at epoch \(epoch), the largest epoch count (2^63 − 1); training does nothing"
    }
    return "the session is at epoch \(epoch); epoch counts stop at 2^63 − 1, so only \(room) more epoch\(room == 1 ? " is" : "s are") trained"
  }
}
