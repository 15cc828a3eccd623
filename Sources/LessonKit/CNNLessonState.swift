import Datasets
import Engine
import Foundation
import PlaygroundCore
import Training

/// The CNN mode's side of a lesson: its starting state, its metrics, and the few readings the
/// session needs from whichever mode is showing.
extension Lesson {
  /// A CNN lesson's state: the 2-D playground from `setup` (its shared keys), with the CNN session
  /// made from `shapes`, `convLayers` and the shared keys, showing the CNN mode.
  func cnnStartingState(_ cnn: CNNSetup) throws(LessonError) -> AppState {
    var state: AppState
    do {
      var dense = setup
      dense.dataset = .circle
      dense.problem = .classification
      state = try AppState(config: dense)
    } catch {
      throw LessonError(setupLocation, "setup: \(error.message)")
    }
    reduce(&state, .configureCNN(cnn.config(setup: setup)))
    reduce(&state, .setMode(.cnn))
    // Settings the CNN refuses (checked by the parser already) come back in the banner.
    if let banner = state.banner, banner.kind == .error { throw LessonError(setupLocation, "setup: \(banner.text)") }
    return state
  }
}

/// The epoch counter of the mode showing (a lesson counts a `train` step's epochs with it).
enum LessonState {
  /// The epoch counter of the mode showing.
  static func epoch(_ state: AppState) -> Int { state.active.epoch }
}

extension StateMetrics {
  /// A metric in the CNN mode. The point-plane metrics (weights, neurons, outputs at a point) belong
  /// to the 2-D playground and say so.
  static func read(_ metric: Metric, cnn: CNNAppState, camScores: CAMScoreCache) throws(MetricError) -> Value {
    let e = cnn.experiment
    func shape(_ name: String) throws(MetricError) -> (ShapeKind, Int) {
      guard let kind = ShapeKind(rawValue: name), let index = e.classIndex(kind) else {
        throw MetricError(
          "\(metric.name): \(name) is not one of this lesson's shapes (\(e.config.shapes.map(\.rawValue).joined(separator: ", ")))"
        )
      }
      return (kind, index)
    }
    switch metric {
    case .epoch: return .number(Double(e.epoch))
    case .trainLoss: return .number(Double(cnn.evaluation.train.loss))
    case .testLoss: return .number(Double(cnn.evaluation.test.loss))
    case .trainAccuracy: return .number(Double(cnn.evaluation.train.accuracy))
    case .testAccuracy: return .number(Double(cnn.evaluation.test.accuracy))
    case .diverged: return .bool(cnn.run.hasDiverged)
    case .trainPoints: return .number(Double(e.train.count))
    case .testPoints: return .number(Double(e.test.count))
    case .maxWeight: return .number(Double(e.network.flatParameters.reduce(Float(0)) { max($0, abs($1)) }))
    case .camScore(let name):
      let (kind, _) = try shape(name)
      guard !cnn.run.hasDiverged else { return .number(0) }
      return .number(Double(camScores.score(kind, of: e, revision: cnn.revision)))
    case .confusion(let actual, let predicted):
      let (_, a) = try shape(actual)
      let (_, b) = try shape(predicted)
      return .number(Double(cnn.evaluation.test.confusion[a][b]))
    case .config(let control): return try configValue(control, cnn.config)
    case .deadNeurons, .zeroWeights, .weight, .bias, .gradient, .outputAt, .classAt:
      throw MetricError("\(metric.name) is for the 2-D playground; this lesson is about the CNN (dataset: shapes)")
    case .ofRun:
      throw MetricError("\(metric.name): a run's metric names one metric")
    }
  }

  static func configValue(_ control: Control, _ c: CNNConfig) throws(MetricError) -> Value {
    switch control {
    case .dataset: return .name("shapes")
    case .problem: return .name("classification")
    case .trainRatio: return .number(Double(c.trainRatio))
    case .seed: return .number(Double(c.seed))
    case .learningRate: return .number(c.learningRate)
    case .batchSize: return .number(Double(c.batchSize))
    case .shapes: return .list(c.shapes.map { .name($0.rawValue) })
    case .convLayers: return .list(c.convLayers.map { .number(Double($0)) })
    default: throw MetricError("\(control.rawValue) is for the 2-D playground; this lesson is about the CNN")
    }
  }
}

/// `camScore` runs 200 ascent steps per class; conditions are checked after every frame of a task,
/// so the last scores are kept per network (the CNN state's revision and epoch). A lesson session
/// owns one (no global): its checks share it; a lone `Condition.evaluate(in:)` uses its own.
final class CAMScoreCache: @unchecked Sendable {
  private let lock = NSLock()
  private var key: (revision: Int, epoch: Int, checksum: String)?
  private var scores: [ShapeKind: Float] = [:]

  func score(_ kind: ShapeKind, of experiment: CNNExperiment, revision: Int) -> Float {
    let k = (revision, experiment.epoch, experiment.network.checksum)
    lock.lock()
    if let key, key == k, let s = scores[kind] {
      lock.unlock()
      return s
    }
    lock.unlock()
    let s = experiment.camScore(kind)
    lock.lock()
    if key.map({ $0 != k }) ?? true {
      key = k
      scores = [:]
    }
    scores[kind] = s
    lock.unlock()
    return s
  }
}
