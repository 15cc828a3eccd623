import Engine

/// A run's whole history since its start: the session it started from, every change made along
/// the way at the exact position it applied, and keyframes (copies of the session) every so often,
/// so that any earlier moment is rebuilt exactly: from the nearest keyframe before it, the engine
/// replays the recorded changes and the training in between. The same seed gives the same bits, so
/// the rebuilt moment equals the one the run had then.
///
/// Memory stays bounded however long a run trains: keyframes sit on a grid of `spacing` epochs and,
/// when there are more than `keyframeLimit`, every other one is dropped and the spacing doubles.
public struct RunTimeline<Session: ReplayableSession>: Sendable {
  /// A change other than training, where it applied and what it did in words.
  public struct Event: Sendable, Equatable {
    public var position: TrainingPosition
    public var change: Session.Change
    public var words: String

    public init(position: TrainingPosition, change: Session.Change, words: String) {
      self.position = position
      self.change = change
      self.words = words
    }
  }

  /// A copy of the session at `position`, taken when `events` changes had been applied.
  struct Keyframe: Sendable {
    var position: TrainingPosition
    var events: Int
    var session: Session
  }

  /// The most keyframes kept (besides the start).
  public static var keyframeLimit: Int { 96 }

  /// The session at the timeline's start (a new run, a reset, a rebuild, a file's start).
  public private(set) var start: Session
  /// True when the start's weights are the seed's initial ones (not a file's saved weights).
  public let startsFromSeed: Bool
  /// Every change, in the order applied (positions never decrease).
  public private(set) var events: [Event] = []
  var keyframes: [Keyframe] = []
  /// Epochs between keyframes (a power of two).
  public private(set) var spacing = 1
  /// The latest moment: where the run's present stands.
  public private(set) var end: TrainingPosition
  /// Checks a file's history carried (position, events applied, digest) that no keyframe in
  /// memory covers yet: saved again with the run, so a reopened session keeps all its checks.
  var carriedChecks: [(position: TrainingPosition, events: Int, digest: String)] = []

  public init(start: Session, fromSeed: Bool) {
    self.start = start
    self.startsFromSeed = fromSeed
    end = start.position
  }

  /// A timeline read from a file: its start, its changes and where it ends (keyframes are rebuilt
  /// on the way when the run is first sought or replayed).
  package init(
    start: Session, fromSeed: Bool, events: [Event], end: TrainingPosition,
    checks: [(position: TrainingPosition, events: Int, digest: String)] = []
  ) {
    self.start = start
    self.startsFromSeed = fromSeed
    self.events = events
    self.end = max(end, start.position)
    carriedChecks = checks.filter { $0.position <= self.end && $0.events <= events.count }
  }

  /// Each keyframe's position, the events applied when it was taken and its digest (what a session
  /// file keeps of them).
  package var keyframeDigests: [(position: TrainingPosition, events: Int, digest: String)] {
    let own = keyframes.map { (position: $0.position, events: $0.events, digest: $0.session.digest) }
    let carried = carriedChecks.filter { c in !own.contains { $0.position == c.position } }
    return (own + carried).sorted { ($0.position, $0.events) < ($1.position, $1.events) }
  }

  /// The recorded keyframes' positions (oldest first; the start is not one of them).
  public var keyframePositions: [TrainingPosition] { keyframes.map(\.position) }

  /// The memory the history holds beyond the present session: keyframes and events.
  public var bytes: Int {
    keyframes.reduce(0) { $0 + $1.session.stateBytes + MemoryLayout<Keyframe>.stride }
      + start.stateBytes + events.count * (MemoryLayout<Event>.stride + 64)
  }

  // MARK: Recording

  /// Records `change` (already applied to the present) at `position`; a settings change right
  /// after another at the same position replaces it, so dragging a slider leaves one event.
  mutating func record(_ change: Session.Change, at position: TrainingPosition, words: String, replaces: Bool) {
    if replaces, let last = events.last, last.position == position, keyframes.last.map({ $0.events < events.count }) ?? true {
      events[events.count - 1] = Event(position: position, change: change, words: words)
    } else {
      events.append(Event(position: position, change: change, words: words))
    }
    end = max(end, position)
  }

  /// The next keyframe position after `position`.
  func nextGridPosition(after position: TrainingPosition) -> TrainingPosition {
    let next = position.epoch / spacing + 1
    return TrainingPosition(epoch: next > Int.max / spacing ? Int.max : next * spacing)
  }

  /// Trains the present `units` more, keeping keyframes on the grid; returns whether any slice
  /// ended an epoch or diverged (`train(units:)`'s answer).
  package mutating func train(_ session: inout Session, units: Int) -> Bool {
    var left = units
    var measure = false
    while left > 0 && session.divergence == nil {
      let grid = nextGridPosition(after: session.position)
      let toGrid = session.units(to: grid) ?? left
      let slice = min(left, max(1, toGrid))
      let before = session.position
      measure = session.train(units: slice) || measure
      left -= slice
      end = session.position
      if session.position == before { break }
      if session.position == grid { keep(session) }
    }
    return measure
  }

  /// Trains the present `epochs` more whole epochs (a partly trained one is finished first),
  /// keeping keyframes; returns the epochs done.
  package mutating func train(_ session: inout Session, epochs: Int) -> Int {
    let room = EpochLimit.room(for: epochs, from: session.epoch)
    guard room > 0, let units = session.units(to: TrainingPosition(epoch: session.epoch + room)) else { return 0 }
    let before = session.epoch
    _ = train(&session, units: units)
    return session.epoch - before
  }

  /// Adds a keyframe of `session`, taken when `applied` events had been applied (kept in order;
  /// a position that has one already keeps it).
  mutating func keep(_ session: Session, applied: Int? = nil) {
    let position = session.position
    guard position > start.position else { return }
    let index = keyframes.firstIndex { $0.position >= position } ?? keyframes.count
    if index < keyframes.count && keyframes[index].position == position { return }
    keyframes.insert(Keyframe(position: position, events: applied ?? events.count, session: session), at: index)
    if keyframes.count > Self.keyframeLimit {
      spacing *= 2
      keyframes.removeAll { $0.position.epoch % spacing != 0 || $0.position.example != 0 }
    }
  }

  // MARK: Rebuilding

  /// The session exactly as it was when training reached `target` (clamped to the timeline): the
  /// changes made at that position come after this moment (going back to the epoch where a
  /// setting changed shows the run before the change). Grid positions passed on the way that lack a keyframe (a history
  /// read from a file) get one, so a second visit is fast. Throws when a recorded change does not
  /// apply or a position cannot be reached (a damaged history).
  mutating func rebuild(at target: TrainingPosition) throws(ConfigError) -> Session {
    let target = min(max(target, start.position), end)
    let base = keyframes.last(where: { $0.position <= target })
    var session = base?.session ?? start
    var applied = base?.events ?? 0
    while applied < events.count, events[applied].position < target {
      try replayTraining(&session, to: events[applied].position, applied: applied)
      try session.apply(events[applied].change)
      applied += 1
    }
    try replayTraining(&session, to: target, applied: applied)
    return session
  }

  /// Trains a replayed session to `target` as far as it goes. With `keeping`, it stops on the grid
  /// positions it passes to keep the keyframes the grid lacks (taken when `keeping` events had been
  /// applied). False when training cannot get there: it diverged, or `target` is not a position
  /// this run reaches at its batch size (a damaged history).
  mutating func reach(_ session: inout Session, _ target: TrainingPosition, keeping applied: Int?) -> Bool {
    while session.position < target && session.divergence == nil {
      let grid = nextGridPosition(after: session.position)
      let stop = applied == nil ? target : min(grid, target)
      guard let units = session.units(to: stop), units > 0 else { return false }
      let before = session.position
      _ = session.train(units: units)
      if session.position == before { return false }
      if let applied, session.position == grid { keep(session, applied: applied) }
    }
    return session.position == target
  }

  /// `reach` for a rebuild: a run that diverged on the way stops there (as the recorded run did);
  /// a position training cannot reach is a damaged history.
  private mutating func replayTraining(
    _ session: inout Session, to target: TrainingPosition, applied: Int
  ) throws(ConfigError) {
    guard reach(&session, target, keeping: applied) || session.divergence != nil else {
      throw ConfigError(
        key: "history", message: "the history names \(target), which training cannot reach from \(session.position)")
    }
  }

  // MARK: Branching

  /// Forgets everything from the moment training reached `position` on (where it continues
  /// from): the changes made there and later, later keyframes; the end moves back.
  mutating func cut(after position: TrainingPosition) {
    events.removeAll { $0.position >= position }
    keyframes.removeAll { $0.position > position || $0.events > events.count }
    carriedChecks.removeAll { $0.position > position || $0.events > events.count }
    end = position
  }
}

extension RunTimeline {
  /// Re-executes the history from its start and compares the session at each check (a position,
  /// the events applied by then, the expected digest), in order. Returns the first check that
  /// differs and the digest found there (nil when every check agrees). Throws when a recorded
  /// change does not apply.
  package func firstDifference(
    _ checks: [(position: TrainingPosition, events: Int, digest: String)]
  ) throws(ConfigError) -> (index: Int, found: String)? {
    var session = start
    var applied = 0
    var replay = self  // keeps nothing (no keyframes on the way); only its training helper is used
    for (k, check) in checks.enumerated() {
      while applied < min(check.events, events.count) {
        guard replay.reach(&session, events[applied].position, keeping: nil) else { return (k, session.digest) }
        try session.apply(events[applied].change)
        applied += 1
      }
      guard replay.reach(&session, check.position, keeping: nil), session.digest == check.digest else {
        return (k, session.digest)
      }
    }
    return nil
  }
}
