import Datasets
import Engine
import Localization
import Training

/// The only place the app state changes. Invalid requests leave the state as it was and explain
/// themselves in the banner.
public func reduce(_ state: inout AppState, _ action: Action) {
  if state.explain != nil, closesExplanation(action) { state.explain = nil }
  switch action {
  case .togglePlay, .play, .pause, .step, .train, .trainSlice, .reset, .setLearningRate, .setBatchSize, .setSpeed,
    .seek, .continueFromHere, .undoBranch, .setLearning:
    reduceActiveRun(&state, action)
    recordLinkGradients(&state, after: action)
  case .compare(let action):
    reduceComparison(&state, action)
  case .setMode(let mode):
    guard mode != state.mode else { return }
    state.dense.isPlaying = false
    state.cnn?.run.isPlaying = false
    switch mode {
    case .cnn where state.cnn == nil:
      do {
        state.cnn = try CNNAppState()
      } catch {
        state.banner = Banner(.error, error.message)
        return
      }
    case .cnn, .dense: break
    }
    state.mode = mode
    state.dense.revision += 1
  case .cnn(let cnnAction):
    guard state.cnn != nil else { return }
    reduceCNN(&state.cnn!, cnnAction, &state.banner)
  case .configureCNN(let config):
    configureCNN(&state, config)
  case .regenerate:
    rebuild(&state) { $0.seed = $0.seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 >> 1 }
  case .selectProblem(let problem):
    rebuild(&state) {
      $0.problem = problem
      if $0.dataset.isRegression != (problem == .regression) {
        $0.dataset = DatasetKind.offered(for: problem)[0]
      }
    }
  case .selectDataset(let dataset):
    rebuild(&state) {
      $0.dataset = dataset
      $0.problem = dataset.isRegression ? .regression : .classification
    }
  case .setNoise(let noise): rebuild(&state) { $0.noise = noise }
  case .setTrainRatio(let ratio): rebuild(&state) { $0.trainRatio = ratio }
  case .setShowTestData(let show): live(&state) { $0.showTestData = show }
  case .setDiscretize(let on): live(&state) { $0.discretize = on }
  case .addPoint(let x, let y, let label):
    guard abs(x) <= 6, abs(y) <= 6 else { return }
    let classes = state.dense.session.classCount
    if classes > 0 && (label < 0 || Int(label) >= classes) {
      state.banner = Banner(.error, tr("This dataset has {1} classes; class {2} does not exist.", classes, Int(label) + 1))
      return
    }
    edit(&state, .addPoint(DataPoint(x: x, y: y, label: label)))
  case .removePointNear(let x, let y):
    var probe = state.dense.session
    if probe.removeNearestPoint(x: x, y: y) { edit(&state, .removePoint(x: x, y: y)) }
  case .selectClass(let k):
    if k >= 0 && k < max(2, state.dense.session.classCount) { state.selectedClass = k }
  case .toggleFeature(let feature):
    rebuild(&state) { config in
      if let i = config.features.firstIndex(of: feature) {
        if config.features.count > 1 { config.features.remove(at: i) }
      } else {
        // Keep the canonical order so the network's inputs read like the feature column.
        let chosen = config.features + [feature]
        config.features = Feature.allCases.filter { chosen.contains($0) }
      }
    }
  case .addLayer:
    rebuild(&state) { if $0.hiddenLayers.count < PlaygroundConfig.Limits.windowLayers { $0.hiddenLayers.append(2) } }
  case .removeLayer:
    rebuild(&state) { if !$0.hiddenLayers.isEmpty { $0.hiddenLayers.removeLast() } }
  case .addNeuron(let layer):
    rebuild(&state) {
      if $0.hiddenLayers.indices.contains(layer) && $0.hiddenLayers[layer] < PlaygroundConfig.Limits.windowNeurons {
        $0.hiddenLayers[layer] += 1
      }
    }
  case .removeNeuron(let layer):
    rebuild(&state) {
      if $0.hiddenLayers.indices.contains(layer) && $0.hiddenLayers[layer] > 1 { $0.hiddenLayers[layer] -= 1 }
    }
  case .setActivation(let activation): rebuild(&state) { $0.activation = activation }
  case .setRegularization(let r): live(&state) { $0.regularization = r }
  case .setRegularizationRate(let rate): live(&state) { $0.regularizationRate = rate }
  case .setWeight(let layer, let from, let to, let value):
    guard value.isFinite, layer >= 0, layer < state.dense.session.network.layerCount else { return }
    let size = state.dense.session.network.layerSize(layer)
    guard from >= 0, from < size.inputs, to >= 0, to < size.outputs else { return }
    edit(&state, .setWeight(layer: layer, from: from, to: to, value: value))
  case .setBias(let layer, let neuron, let value):
    guard value.isFinite, layer >= 0, layer < state.dense.session.network.layerCount,
      neuron >= 0, neuron < state.dense.session.network.layerSize(layer).outputs
    else { return }
    edit(&state, .setBias(layer: layer, neuron: neuron, value: value))
  case .applyConfig(let config):
    rebuild(&state) { $0 = config }
  case .focusNeuron(let neuron): state.focusedNeuron = neuron
  case .showWarp(let choice): state.warp = choice
  case .toggleHelp: state.showHelp.toggle()
  case .explain(let action): reduceExplain(&state, action)
  case .showGradients(let on): state.linkGradients = on ? LinkGradients(state.experiment) : nil
  case .showSidePanel(let panel): state.sidePanel = panel
  case .dismissBanner: state.banner = nil
  case .showBanner(let banner): state.banner = banner
  case .setChartExpanded(let on): state.chart.expanded = on
  case .setChartLogScale(let on): state.chart.logScale = on
  case .restore(let session):
    restoreSession(&state, session)
  case .replaceState(let snapshot):
    state = snapshot.state
  }
}

/// A training action for the run that shows; the CNN's class pictures then follow its network.
/// While a comparison is open, run B trains in lockstep (the same steps, epochs and slices) and
/// its timeline moves with A's (B's history starts where Compare opened).
private func reduceActiveRun(_ state: inout AppState, _ action: Action) {
  if let comparison = state.showingComparison {
    switch action {
    case .step, .train, .trainSlice, .reset, .seek, .continueFromHere, .undoBranch:
      var banner: Banner?
      switch comparison.b {
      case .dense(var b):
        reduceTraining(&b, action, &banner)
        state.comparison?.b = .dense(b)
      case .cnn(var b):
        reduceTraining(&b, action, &banner)
        state.comparison?.b = .cnn(b)
      }
    default: break
    }
  }
  if state.showingCNN != nil {
    reduceTraining(&state.cnn!.run, action, &state.banner)
    state.cnn!.followNetwork()
  } else {
    reduceTraining(&state.dense, action, &state.banner)
  }
}

/// A change that keeps data and network (learning rate, regularization, batch size, display).
private func live(_ state: inout AppState, _ change: (inout PlaygroundConfig) -> Void) {
  live(&state.dense, &state.banner, change)
}

/// A change to the 2-D run's data or weights, recorded on its timeline.
private func edit(_ state: inout AppState, _ change: DenseChange) {
  do {
    try state.dense.edit(change)
  } catch {
    state.banner = Banner(.error, error.message)
  }
}

/// A change that needs new data or a new network: rebuilt from the seed, own points kept.
private func rebuild(_ state: inout AppState, _ change: (inout PlaygroundConfig) -> Void) {
  var config = state.config
  change(&config)
  guard config != state.config else { return }
  // Own points move to the new data only where their labels still mean something there.
  let points = state.dense.session.customPoints
  let kept = compatiblePoints(points, from: state.config, to: config)
  do {
    state.dense.session = try Experiment(config: config, customPoints: kept)
    if kept.count < points.count {
      let dropped = points.count - kept.count
      state.banner = Banner(
        .info,
        tr("{1} of your points did not fit this dataset's classes and were left out.", dropped))
    }
    state.dense.isPlaying = false
    if state.selectedClass >= max(2, state.dense.session.classCount) { state.selectedClass = 0 }
    if let warp = state.warp, warp.layer >= config.hiddenLayers.count || warp.first >= config.hiddenLayers[warp.layer]
      || warp.second >= config.hiddenLayers[warp.layer]
    {
      state.warp = nil
    }
    state.focusedNeuron = nil
    state.dense.remeasure(keepHistory: false)
  } catch {
    state.banner = Banner(.error, error.message)
  }
}

/// The learner's points that stay valid after a config change: none when the problem kind
/// changes (class indices are not values, nor the reverse); for classification, those whose class
/// the new dataset has.
func compatiblePoints(_ points: [DataPoint], from old: PlaygroundConfig, to new: PlaygroundConfig) -> [DataPoint] {
  if old.problem != new.problem { return [] }
  guard new.problem == .classification, new.dataset != .custom else { return points }
  let classes = new.dataset.classCount
  return points.filter { $0.label >= 0 && Int($0.label) < classes }
}
