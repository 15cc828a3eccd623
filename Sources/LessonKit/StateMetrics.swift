import Datasets
import Engine
import PlaygroundCore
import Training

/// Reads every metric of the lesson format from the app state.
struct StateMetrics: MetricReading {
  let state: AppState
  /// The CNN class-picture scores already computed (shared by a lesson session's checks).
  var camScores = CAMScoreCache()

  func read(_ metric: Metric) throws(MetricError) -> Value {
    if case .ofRun(let b, let inner) = metric {
      guard state.showingComparison != nil, let runB = state.comparedState else {
        throw MetricError("\(metric.name) reads a comparison; open one first (a `compare:` step)")
      }
      return try StateMetrics(state: b ? runB : state, camScores: camScores).read(inner)
    }
    if let cnn = state.showingCNN { return try StateMetrics.read(metric, cnn: cnn, camScores: camScores) }
    let experiment = state.experiment
    let evaluation = state.evaluation
    let classification = experiment.classCount > 0
    func lookup<T>(_ body: () throws(NeuronLookupError) -> T) throws(MetricError) -> T {
      do { return try body() } catch { throw MetricError("\(metric.name): \(error.message)") }
    }
    switch metric {
    case .epoch: return .number(Double(experiment.epoch))
    case .trainLoss: return .number(Double(evaluation.train.loss))
    case .testLoss: return .number(Double(evaluation.test.loss))
    case .trainAccuracy, .testAccuracy:
      guard classification else {
        throw MetricError("\(metric.name) is for classification; this is regression (use the losses)")
      }
      return .number(Double(metric == .trainAccuracy ? evaluation.train.accuracy : evaluation.test.accuracy))
    case .diverged: return .bool(StateMetrics.diverged(state))
    case .deadNeurons: return .number(Double(experiment.deadNeurons))
    case .zeroWeights: return .number(Double(experiment.zeroWeights))
    case .trainPoints: return .number(Double(experiment.train.count))
    case .testPoints: return .number(Double(experiment.test.count))
    case .maxWeight: return .number(Double(experiment.largestWeight))
    case .weight(let from, let to):
      return .number(
        Double(try lookup { () throws(NeuronLookupError) in try experiment.weight(from: from, to: to) }))
    case .bias(let n):
      return .number(Double(try lookup { () throws(NeuronLookupError) in try experiment.bias(of: n) }))
    case .gradient(let from, let to):
      guard let x = ExplainFigures(state) else {
        throw MetricError("\(metric.name) reads the explained step; open one first (an `explain:` step)")
      }
      let w = try lookup { () throws(NeuronLookupError) in try experiment.weightIndex(from: from, to: to) }
      return .number(Double(x.weight(layer: w.layer, from: w.from, to: w.to).gradient))
    case .outputAt(let x, let y): return .number(Double(experiment.outputs(x: x, y: y)[0]))
    case .classAt(let x, let y):
      guard let k = experiment.predictedClass(x: x, y: y) else {
        throw MetricError("\(metric.name) is for classification; use outputAt for regression")
      }
      return .number(Double(k))
    case .config(let control): return try StateMetrics.configValue(control, state.config)
    case .camScore, .confusion:
      throw MetricError("\(metric.name) needs the CNN mode (dataset: shapes)")
    case .ofRun:
      throw MetricError("\(metric.name): a run's metric names one metric")
    }
  }

  /// True when a weight or the loss is NaN or infinite.
  static func diverged(_ state: AppState) -> Bool { state.active.hasDiverged }

  static func configValue(_ control: Control, _ c: PlaygroundConfig) throws(MetricError) -> Value {
    switch control {
    case .problem: return .name(c.problem.rawValue)
    case .dataset: return .name(c.dataset.rawValue)
    case .noise: return .number(Double(c.noise))
    case .trainRatio: return .number(Double(c.trainRatio))
    case .seed: return .number(Double(c.seed))
    case .features: return .list(c.features.map { .name($0.rawValue) })
    case .hiddenLayers: return .list(c.hiddenLayers.map { .number(Double($0)) })
    case .activation: return .name(c.activation.rawValue)
    case .learningRate: return .number(c.learningRate)
    case .regularization: return .name(c.regularization.rawValue)
    case .regularizationRate: return .number(c.regularizationRate)
    case .batchSize: return .number(Double(c.batchSize))
    case .initialization: return .name(c.initialization.rawValue)
    case .showTestData: return .bool(c.showTestData)
    case .discretize: return .bool(c.discretize)
    default: throw MetricError("\(control.rawValue) needs the CNN mode (dataset: shapes)")
    }
  }
}

/// The headline numbers of a state, printed on every validation line.
public struct MetricSnapshot: Sendable, Equatable, CustomStringConvertible {
  public var epoch: Int
  public var trainLoss: Double
  public var testLoss: Double
  /// Nil for regression.
  public var trainAccuracy: Double?
  public var testAccuracy: Double?
  public var diverged: Bool

  public init(_ state: AppState) {
    let run = state.active
    let latest = run.latest
    epoch = run.epoch
    trainLoss = Double(latest.trainLoss)
    testLoss = Double(latest.testLoss)
    trainAccuracy = run.isClassifier ? Double(latest.trainAccuracy) : nil
    testAccuracy = run.isClassifier ? Double(latest.testAccuracy) : nil
    diverged = run.hasDiverged
  }

  /// `epoch 300, trainLoss 0.0123, testLoss 0.0131, trainAccuracy 1, testAccuracy 0.996`.
  public var description: String {
    var parts = [
      "epoch \(epoch)", "trainLoss \(formatNumber(trainLoss))", "testLoss \(formatNumber(testLoss))",
    ]
    if let trainAccuracy { parts.append("trainAccuracy \(formatNumber(trainAccuracy))") }
    if let testAccuracy { parts.append("testAccuracy \(formatNumber(testAccuracy))") }
    if diverged { parts.append("diverged") }
    return parts.joined(separator: ", ")
  }
}

/// A condition checked against a state: whether it holds and the metric values it read.
public struct ConditionResult: Sendable {
  public var condition: Condition
  public var holds: Bool
  /// Each metric the condition reads with its value, e.g. ("testLoss", "0.0131").
  public var observed: [(metric: String, value: String)]
  /// Why it could not be evaluated (a neuron the network lacks, a CNN metric in 2-D).
  public var error: String?
  /// The author's `met:` or `missed:` text, whichever applies.
  public var note: String?
  /// The author's `text:`: what the condition asks for, in words.
  public var text: String?
  /// Each metric the condition reads with its value, for showing in words.
  public var readings: [(metric: Metric, value: Value)]

  /// Evaluates `condition` against `state`.
  public init(
    _ condition: Condition, state: AppState, met: String? = nil, missed: String? = nil, text: String? = nil
  ) {
    self.init(condition, state: state, camScores: CAMScoreCache(), met: met, missed: missed, text: text)
  }

  /// Evaluates `condition` against `state`, reusing the CNN scores in `camScores`.
  init(
    _ condition: Condition, state: AppState, camScores: CAMScoreCache, met: String? = nil, missed: String? = nil,
    text: String? = nil
  ) {
    self.condition = condition
    let reader = StateMetrics(state: state, camScores: camScores)
    do {
      holds = try condition.root.evaluate(reader).truth
      error = nil
    } catch {
      holds = false
      self.error = error.message
    }
    readings = condition.metrics.compactMap { metric in (try? reader.read(metric)).map { (metric, $0) } }
    observed = readings.map { ($0.metric.name, $0.value.description) }
    note = holds ? met : missed
    self.text = text
  }

  /// `testLoss < 0.05 (testLoss = 0.0131)`.
  public var summary: String {
    if let error { return "\(condition.source) (\(error))" }
    guard !observed.isEmpty else { return condition.source }
    return condition.source + " (" + observed.map { "\($0.metric) = \($0.value)" }.joined(separator: ", ")
      + ")"
  }
}
