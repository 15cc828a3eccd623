import Training

/// "Explain a step": one training point of the 2-D run walked through one training step, stage by
/// stage — the forward pass layer by layer, the loss, the backward pass from the output back, and
/// the optimizer's update. The numbers are the engine's own (`Experiment.explainStep`); this value
/// only says which point and which stage show. Training is paused while it is open.
public struct StepWalkthrough: Equatable, Sendable {
  /// The training point, 0-based in the run's training set (the command line's `--example` − 1).
  public internal(set) var example: Int
  /// Index into `stages(layerCount:)`.
  public internal(set) var stageIndex: Int
  public init(example: Int, stageIndex: Int = 0) {
    self.example = example
    self.stageIndex = stageIndex
  }

  /// The stage that shows for a network of `layerCount` weighted layers.
  public func stage(layerCount: Int) -> ExplainStage {
    let all = ExplainStage.all(layerCount: layerCount)
    return all[min(max(0, stageIndex), all.count - 1)]
  }
}

/// One stage of the walk-through. Layers count weighted layers from 1 (the first hidden layer; the
/// last is the output), as the network panel numbers its columns after the inputs.
public enum ExplainStage: Hashable, Sendable {
  /// Layers 1…`layer` have their z and a.
  case forward(layer: Int)
  /// The output against the target.
  case loss
  /// Layers `layer`…last have their ∂L/∂a; links into them their ∂L/∂w.
  case backward(layer: Int)
  /// Every weight's old → new value under the run's optimizer.
  case update

  /// Forward 1…L, the loss, backward L…1, the update: 2L + 2 stages.
  public static func all(layerCount: Int) -> [ExplainStage] {
    let l = max(1, layerCount)
    return (1...l).map { .forward(layer: $0) } + [.loss] + (1...l).reversed().map { .backward(layer: $0) } + [.update]
  }

  /// The name `named` reads back: `forward1`, `loss`, `backward2`, `update`.
  public var name: String {
    switch self {
    case .forward(let k): return "forward\(k)"
    case .loss: return "loss"
    case .backward(let k): return "backward\(k)"
    case .update: return "update"
    }
  }

  /// The lesson and command-line name: `forward`, `forward2`, `loss`, `backward`, `backward1`,
  /// `update` (a bare `forward` is layer 1, a bare `backward` the output layer).
  public static func named(_ name: String, layerCount: Int) -> ExplainStage? {
    let l = max(1, layerCount)
    switch name {
    case "loss": return .loss
    case "update": return .update
    case "forward": return .forward(layer: 1)
    case "backward": return .backward(layer: l)
    default:
      for (prefix, make) in [("forward", ExplainStage.forward), ("backward", ExplainStage.backward)] as [(String, (Int) -> ExplainStage)]
      where name.hasPrefix(prefix) {
        guard let k = Int(name.dropFirst(prefix.count)), k >= 1, k <= l else { return nil }
        return make(k)
      }
      return nil
    }
  }
}

/// What the walk-through can be asked to do.
public enum ExplainAction: Equatable, Sendable {
  /// Opens it on training point `example` (0-based) at its first stage; pauses training.
  case enter(example: Int)
  /// Another training point, same stage.
  case pick(example: Int)
  /// The next or previous stage (clamped at the ends).
  case next
  case back
  /// A stage by value (a lesson's `explain:` step).
  case show(ExplainStage)
  /// Back to the normal view.
  case leave
}

extension AppState {
  /// The numbers of the open walk-through's step, from the engine (nil when none is open).
  public var explainedStep: ExplainedStep? {
    guard let explain, mode == .dense else { return nil }
    return experiment.explainStep(example: explain.example)
  }

  /// The stage that shows (nil when no walk-through is open).
  public var explainStage: ExplainStage? {
    explain?.stage(layerCount: experiment.network.layerCount)
  }
}

/// The walk-through's own actions. Any action that trains, rebuilds the data or network, or
/// switches modes closes it first (`closesExplanation`).
func reduceExplain(_ state: inout AppState, _ action: ExplainAction) {
  let count = state.experiment.train.count
  let stages = ExplainStage.all(layerCount: state.experiment.network.layerCount)
  switch action {
  case .enter(let example):
    guard state.mode == .dense, count > 0 else { return }
    state.dense.isPlaying = false
    state.explain = StepWalkthrough(example: min(max(0, example), count - 1))
  case .pick(let example):
    guard state.explain != nil, count > 0 else { return }
    state.explain!.example = (example % count + count) % count
  case .next:
    guard state.explain != nil else { return }
    state.explain!.stageIndex = min(stages.count - 1, state.explain!.stageIndex + 1)
  case .back:
    guard state.explain != nil else { return }
    state.explain!.stageIndex = max(0, state.explain!.stageIndex - 1)
  case .show(let stage):
    guard state.explain != nil, let k = stages.firstIndex(of: stage) else { return }
    state.explain!.stageIndex = k
  case .leave:
    state.explain = nil
  }
}

/// True for actions after which the walk-through's point or network would no longer be the one
/// it was opened on: training, new data or a new network, another mode, a restored session.
/// Weight and bias edits and the learning settings keep it open (its numbers follow them), as do
/// CNN actions, which leave the 2-D run alone.
func closesExplanation(_ action: Action) -> Bool {
  switch action {
  case .explain, .showGradients, .setWeight, .setBias, .focusNeuron, .showWarp, .toggleHelp, .showSidePanel, .dismissBanner,
    .showBanner, .setChartExpanded, .setChartLogScale, .selectClass, .setShowTestData, .setDiscretize,
    .setLearningRate, .setRegularization, .setRegularizationRate, .setLearning, .setSpeed, .pause, .cnn, .configureCNN:
    return false
  default:
    return true
  }
}
