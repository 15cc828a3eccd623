import Datasets
import Engine
import Localization
import Training

/// Two runs side by side: run B starts as an exact copy of the run that shows (A) — the same data,
/// the same weights, the same batch order — and differs in the settings the learner changes in it.
/// Both train in lockstep; closing keeps A.
public struct Comparison: Sendable {
  /// Run B, of the kind A is.
  public enum RunB: Sendable {
    case dense(TrainingRun<Experiment>)
    case cnn(TrainingRun<CNNExperiment>)
  }

  public internal(set) var b: RunB
  /// The mode the comparison belongs to (it shows only there).
  public let mode: AppMode

  /// B as a run without its kind (its epoch, losses, history).
  public var run: any ActiveRun {
    switch b {
    case .dense(let r): r
    case .cnn(let r): r
    }
  }
}

/// What the comparison changes: B's settings (live ones keep its start; others rebuild it from the
/// same seed), and opening and closing it.
public enum ComparisonAction: Equatable, Sendable {
  /// Makes B a copy of the run that shows (replacing any comparison).
  case open
  /// Closes the comparison; A stays as it is.
  case close
  /// B's 2-D settings: live ones change B as they stand; others rebuild B from the seed.
  case configureB(PlaygroundConfig)
  /// B's CNN settings (learning rate and batch size live; others rebuild B from the seed).
  case configureBCNN(CNNConfig)
}

extension AppState {
  /// The comparison of the mode that shows, if open.
  public var showingComparison: Comparison? { comparison.flatMap { $0.mode == mode ? $0 : nil } }

  /// The state with run B in A's place (what `b.` conditions read), or nil without a comparison.
  public var comparedState: AppState? {
    guard let comparison = showingComparison else { return nil }
    var state = self
    switch comparison.b {
    case .dense(let run): state.dense = run
    case .cnn(let run): state.cnn?.run = run
    }
    state.comparison = nil
    return state
  }

  /// The settings A and B differ in, by their lesson names (learningRate, batchSize, …).
  public var comparedSettings: [(name: String, a: String, b: String)] {
    guard let comparison = showingComparison else { return [] }
    switch comparison.b {
    case .dense(let run): return differences(dense.config, run.config)
    case .cnn(let run): return cnn.map { differences($0.config, run.config) } ?? []
    }
  }
}

/// The fields two values differ in, by name (Mirror keeps this in step with the configs' fields).
func differences<T>(_ a: T, _ b: T) -> [(name: String, a: String, b: String)] {
  let left = Mirror(reflecting: a).children
  let right = Array(Mirror(reflecting: b).children)
  var out: [(String, String, String)] = []
  for (i, child) in left.enumerated() where i < right.count {
    let x = describe(child.value)
    let y = describe(right[i].value)
    if x != y, let name = child.label { out.append((name, x, y)) }
  }
  return out
}

private func describe(_ value: Any) -> String {
  if let r = value as? any RawRepresentable { return "\(r.rawValue)" }
  if let list = value as? [Any] { return list.map(describe).joined(separator: ",") }
  return "\(value)"
}

/// The comparison's share of `reduce`.
func reduceComparison(_ state: inout AppState, _ action: ComparisonAction) {
  switch action {
  case .open:
    if let cnn = state.showingCNN {
      state.comparison = Comparison(b: .cnn(bCopy(cnn.run)), mode: .cnn)
    } else {
      state.comparison = Comparison(b: .dense(bCopy(state.dense)), mode: .dense)
    }
    state.dense.isPlaying = false
    state.cnn?.run.isPlaying = false
  case .close:
    state.comparison = nil
  case .configureB(let config):
    guard case .dense(var run)? = state.showingComparison?.b else { return }
    let points = state.dense.session.customPoints
    configure(&run, config, &state.banner) { (c: PlaygroundConfig) throws(ConfigError) -> Experiment in
      try Experiment(config: c, customPoints: points)
    }
    state.comparison?.b = .dense(run)
  case .configureBCNN(let config):
    guard case .cnn(var run)? = state.showingComparison?.b, let cnn = state.cnn else { return }
    let a = cnn.experiment
    configure(&run, config, &state.banner) { (c: CNNConfig) throws(ConfigError) -> CNNExperiment in
      try CNNExperiment(config: c, drawings: a.drawings(keepingClassesFor: c.shapes), imported: a.imported)
    }
    state.comparison?.b = .cnn(run)
  }
}

/// B starts as A's present: the same session (data, weights, batch order, position) and charts,
/// on a history of its own from here.
private func bCopy<S: ReplayableSession>(_ a: TrainingRun<S>) -> TrainingRun<S> {
  var b = TrainingRun(a.presentSession, speed: a.speed, history: a.history, fromSeed: false)
  b.isPlaying = false
  return b
}

/// Sets B's config: the live settings as they stand (B keeps A's start); any other change
/// rebuilds B from the seed (`make`).
private func configure<S: ReplayableSession>(
  _ run: inout TrainingRun<S>, _ config: S.Config, _ banner: inout Banner?, make: (S.Config) throws(ConfigError) -> S
) {
  guard config != run.config else { return }
  if run.config.differsOnlyLive(from: config) {
    live(&run, &banner) { $0 = config }
    return
  }
  do {
    run = TrainingRun(try make(config), speed: run.speed)
  } catch {
    banner = Banner(.error, tr("Run B: {1}", verbatim(error.message)))
  }
}
