import Datasets
import Engine
import Localization
import Training

/// A run's recorded history in a session file (format 2), under `"timeline"` in the kind's payload:
///
///     "timeline": {
///       "start": { "fromSeed": true, "epoch": 0, "example": 0, "config": { … } },
///       "events": [ { "at": { "epoch": 120, "example": 0 }, "change": { … }, "words": "learning rate 0.1" } ],
///       "keyframes": [ { "at": { "epoch": 64, "example": 0 }, "events": 2, "digest": "3f…@64.0" } ],
///       "end": { "at": { "epoch": 300, "example": 0 }, "events": 6, "digest": "9a…@300.0" }
///     }
///
/// The start is the config and seed the run started from (its initial weights come from the seed;
/// `fromSeed: false` when it continued a session saved without a history, whose weights are then
/// in `start`); its data is the file's unless `start` lists it (2-D points edited on the way) or
/// counts it (CNN drawings added on the way, appended after the start's images). Events are every
/// change other than training, at the exact position it applied. A digest is the parameters'
/// checksum and the position: `playground replay` re-executes the history from the start and
/// compares every keyframe and the end, bit for bit.
public struct SavedTimeline<Change: Codable & Equatable & Sendable, Config: Codable & Equatable & Sendable>:
  Codable, Equatable, Sendable
{
  public struct Start: Codable, Equatable, Sendable {
    public var fromSeed: Bool
    public var epoch: Int
    public var example: Int
    public var config: Config
    /// 2-D: the data at the start, when it differs from the file's.
    public var train: [DataPoint]?
    public var test: [DataPoint]?
    public var ownPoints: [DataPoint]?
    /// CNN: training images and drawings at the start (the file's first ones).
    public var trainImages: Int?
    public var drawings: Int?
    /// The start's parameters when it is not the seed's (2-D: weights, biases, frozen weights;
    /// CNN: `weights` holds every parameter).
    public var weights: [Float]?
    public var biases: [Float]?
    public var frozenWeights: [Int]?
  }

  public struct Event: Codable, Equatable, Sendable {
    public var at: TrainingPosition
    public var change: Change
    public var words: String
  }

  /// A moment whose state replay checks: where, after how many events, and its digest.
  public struct Check: Codable, Equatable, Sendable {
    public var at: TrainingPosition
    public var events: Int
    public var digest: String
  }

  public var start: Start
  public var events: [Event]
  public var keyframes: [Check]
  public var end: Check

  /// The history of `run` (its present, even while it shows an earlier moment).
  public init<S: ReplayableSession>(_ run: TrainingRun<S>, start: Start) where S.Change == Change {
    let timeline = run.timeline
    self.start = start
    events = timeline.events.map { Event(at: $0.position, change: $0.change, words: $0.words) }
    keyframes = timeline.keyframeDigests.map { Check(at: $0.position, events: $0.events, digest: $0.digest) }
    end = Check(at: run.presentSession.position, events: events.count, digest: run.presentSession.digest)
  }

  /// Structural checks before replaying or opening: counts and order (values are checked as the
  /// changes are applied).
  public func validate() throws(SessionError) {
    guard start.epoch >= 0, start.example >= 0 else { throw SessionError(tr("timeline.start: a position is negative")) }
    let begin = TrainingPosition(epoch: start.epoch, example: start.example)
    var last = begin
    for (i, event) in events.enumerated() {
      guard event.at >= last else {
        throw SessionError(tr("timeline.events[{1}]: its position comes before the one of the event before it", i))
      }
      guard event.words.utf8.count <= SessionFormat.maximumTextBytes else {
        throw SessionError(tr("timeline.events[{1}].words: longer than {2} bytes", i, SessionFormat.maximumTextBytes))
      }
      last = event.at
    }
    var previous = begin
    for (i, check) in (keyframes + [end]).enumerated() {
      let name = i == keyframes.count ? "timeline.end" : "timeline.keyframes[\(i)]"
      guard check.at >= previous, check.events >= 0, check.events <= events.count else {
        throw SessionError(tr("{1}: out of order with the history before it", name))
      }
      previous = check.at
    }
    guard end.events == events.count, end.at >= last else {
      throw SessionError(tr("timeline.end: the history continues past its end"))
    }
  }
}

public typealias DenseTimeline = SavedTimeline<DenseChange, PlaygroundConfig>
public typealias CNNTimeline = SavedTimeline<CNNChange, CNNConfig>
