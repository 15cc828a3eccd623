import Engine

/// The time machine's side of a run: training and changes go through the timeline, and any
/// earlier moment can be shown, continued from, and the later history brought back.
extension TrainingRun {
  /// The moment shown when it is not the present (nil at the present).
  public var viewing: TrainingPosition? { present == nil ? nil : session.position }

  /// Whether "Continue from here" or Reset set a history aside that an undo brings back.
  public var canUndoBranch: Bool { setAside != nil }

  /// The latest moment (the present), also while an earlier one shows: what a session file saves.
  public var presentSession: SessionFile { present?.session ?? session }

  /// The latest moment of the run (where training would go on if it were not viewing the past).
  public var end: TrainingPosition { timeline.end }

  /// The memory the run's history takes: the timeline and the charts.
  public var historyBytes: Int {
    timeline.bytes + (history.trainLoss.buckets.count * 3) * MemoryLayout<ChartSeries.Bucket>.stride
  }

  /// Applies `change` to the present and records it (viewing the past first continues from
  /// there); the chart keeps its history.
  package mutating func edit(_ change: SessionFile.Change) throws(ConfigError) {
    continueHere()
    let words = session.describe(change)
    let settingsOnly = isSettings(change)
    try session.apply(change)
    let replaces = settingsOnly && timeline.events.last.map { isSettings($0.change) } == true
    timeline.record(change, at: session.position, words: words, replaces: replaces)
    // Settings change what training does next, not the network or the data: nothing to measure.
    guard !settingsOnly else { return }
    evaluation = session.measure()
    recordHistory()
    noteDivergence()
    revision += 1
  }

  private func isSettings(_ change: SessionFile.Change) -> Bool {
    SessionFile.isSettings(change)
  }

  /// Trains the present `units` more (viewing the past first continues from there); true when the
  /// run should measure (an epoch ended or training diverged).
  package mutating func advance(units: Int) -> Bool {
    continueHere()
    return timeline.train(&session, units: units)
  }

  /// Trains the present `epochs` more whole epochs; returns those done.
  @discardableResult
  package mutating func advance(epochs: Int) -> Int {
    continueHere()
    return timeline.train(&session, epochs: epochs)
  }

  /// Changes the live settings (learning rate, batch size, …) of the present and records it.
  package mutating func editSettings(_ change: (inout SessionFile.Config) -> Void) throws(ConfigError) {
    var next = session.config
    change(&next)
    guard next != session.config else { return }
    try edit(SessionFile.settingsChange(next))
  }

  /// Records the divergence the last training or measurement found, once, so a replay stops where
  /// this run stopped.
  package mutating func noteDivergence() {
    guard let reason = session.divergence else { return }
    if case .some(let last) = timeline.events.last, SessionFile.isDivergence(last.change) { return }
    timeline.record(SessionFile.divergedChange(reason), at: session.position, words: "diverged", replaces: false)
  }

  /// Shows the run as it was at `position` (the present when at or past the end); training and
  /// changes then continue from that moment. Pauses.
  package mutating func seek(to position: TrainingPosition) throws(ConfigError) {
    isPlaying = false
    if position >= timeline.end {
      if let now = present {
        session = now.session
        evaluation = now.evaluation
        present = nil
        revision += 1
      }
      return
    }
    let target = max(position, timeline.start.position)
    if target == session.position { return }
    var moment = try timeline.rebuild(at: target)
    let measured = moment.measure()
    if present == nil { present = Moment(session: session, evaluation: evaluation) }
    session = moment
    evaluation = measured
    revision += 1
  }

  /// "Continue from here": when an earlier moment shows, the later history is set aside (one
  /// `undoBranch` brings it back) and the run goes on from this moment.
  package mutating func continueHere() {
    guard let now = present else { return }
    setAside = SetAside(moment: now, timeline: timeline, history: history)
    timeline.cut(after: session.position)
    history.truncate(afterEpoch: session.epoch)
    recordHistory()
    present = nil
    revision += 1
  }

  /// Brings back the history the last "Continue from here" or Reset set aside (what was trained
  /// since is dropped). Pauses.
  package mutating func undoBranch() {
    guard let aside = setAside else { return }
    session = aside.moment.session
    evaluation = aside.moment.evaluation
    timeline = aside.timeline
    history = aside.history
    present = nil
    setAside = nil
    isPlaying = false
    revision += 1
  }

  /// Reset: the initial weights again on a new timeline; the old history is set aside for undo.
  package mutating func resetKeepingUndo() {
    continueHere()
    let before = SetAside(moment: Moment(session: session, evaluation: evaluation), timeline: timeline, history: history)
    let worthKeeping = session.position > timeline.start.position || !timeline.events.isEmpty
    session.reset()
    isPlaying = false
    remeasure(keepHistory: false)
    if worthKeeping { setAside = before }
  }
}

extension TrainingHistory {
  /// Drops what was recorded after `epoch` (a branch: the later history is set aside).
  public mutating func truncate(afterEpoch epoch: Int) {
    trainLoss.truncate(afterEpoch: epoch)
    testLoss.truncate(afterEpoch: epoch)
    testAccuracy.truncate(afterEpoch: epoch)
  }
}

extension ChartSeries {
  /// Drops every bucket holding a sample after `epoch` (a branch's later history).
  public mutating func truncate(afterEpoch epoch: Int) {
    while let last = buckets.last, last.lastEpoch > epoch {
      appendedCount -= last.count
      buckets.removeLast()
    }
  }
}

/// A run's timeline as the window shows it: its span in epochs (fractions inside a CNN epoch),
/// the moment shown, and where the recorded changes happened.
public struct TimelineView: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var shown: Double
  /// True while an earlier moment than the present shows.
  public var isViewingPast: Bool
  public var markers: [Marker]
  /// Whether an undo brings back a history set aside (by "Continue from here" or Reset).
  public var canUndo: Bool

  public struct Marker: Sendable, Equatable {
    public var epoch: Double
    public var words: String
  }

  /// Where `epoch` sits on the track (0 at the start, 1 at the end).
  public func fraction(_ epoch: Double) -> Float {
    end > start ? Float((epoch - start) / (end - start)) : 1
  }
}

extension TrainingRun {
  /// The timeline as the window shows it.
  public var timelineView: TimelineView {
    let examples = Double(max(1, session.trainingExamples))
    func epochs(_ p: TrainingPosition) -> Double { Double(p.epoch) + Double(p.example) / examples }
    return TimelineView(
      start: epochs(timeline.start.position), end: epochs(timeline.end), shown: epochs(session.position),
      isViewingPast: present != nil,
      markers: timeline.events.filter { !SessionFile.isDivergence($0.change) }
        .map { TimelineView.Marker(epoch: epochs($0.position), words: $0.words) },
      canUndo: setAside != nil)
  }
}
