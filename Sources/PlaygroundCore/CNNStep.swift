import Engine
import Training

/// "Explain a step" for the CNN: one training image walked through one training step, stage by
/// stage — each conv layer's maps, the dense layer's scores, the loss, the backward pass from the
/// scores back to the first layer, and the optimizer's update. The numbers are the engine's own
/// (`CNNExperiment.explainStep`); this value only says which image, stage and filters show.
///
/// Stages are those of the 2-D walk-through (`ExplainStage`) with the conv layers and then the
/// dense layer as weighted layers 1…L.
public struct CNNStepChoice: Sendable, Equatable {
  /// The training image, 0-based (the command line's `--example` − 1).
  public internal(set) var example = 0
  /// Index into `ExplainStage.all(layerCount:)`.
  public internal(set) var stageIndex = 0
  /// Per conv layer (from 0), the filter the figures follow (nil: the one with the largest
  /// gradient on this image).
  public internal(set) var filters: [Int?] = []

  public init() {}
}

/// What a learner does on the step page.
public enum CNNStepAction: Equatable, Sendable {
  /// Another training image (wraps around), same stage.
  case pick(example: Int)
  case next
  case back
  /// A stage by value (a lesson's `explain:` step).
  case show(ExplainStage)
  /// Follow filter `filter` (from 0) of conv layer `layer` (from 1).
  case follow(layer: Int, filter: Int)
}

extension CNNAppState {
  /// Weighted layers of the walk-through: the conv layers, then the dense layer.
  public var stepLayerCount: Int { config.convLayers.count + 1 }

  /// The stage the step page shows.
  public var stepStage: ExplainStage {
    let all = ExplainStage.all(layerCount: stepLayerCount)
    return all[min(max(0, inside.step.stageIndex), all.count - 1)]
  }

  /// The training image the step page explains, within the training set.
  public var stepExample: Int {
    let count = experiment.train.count
    return count == 0 ? 0 : min(max(0, inside.step.example), count - 1)
  }

  /// The step's numbers from the engine (nil without training images or after a divergence).
  public var explainedStep: CNNExplainedStep? {
    guard experiment.divergence == nil else { return nil }
    return experiment.explainStep(example: stepExample, filters: inside.step.filters)
  }
}

/// The step page's share of `reduceCNN`.
func reduceStep(_ cnn: inout CNNAppState, _ action: CNNStepAction) {
  let stages = ExplainStage.all(layerCount: cnn.stepLayerCount)
  switch action {
  case .pick(let example):
    let count = cnn.experiment.train.count
    guard count > 0 else { return }
    cnn.inside.step.example = (example % count + count) % count
  case .next:
    cnn.inside.step.stageIndex = min(stages.count - 1, max(0, cnn.inside.step.stageIndex) + 1)
  case .back:
    cnn.inside.step.stageIndex = max(0, min(stages.count - 1, cnn.inside.step.stageIndex) - 1)
  case .show(let stage):
    guard let k = stages.firstIndex(of: stage) else { return }
    cnn.inside.step.stageIndex = k
  case .follow(let layer, let filter):
    let convs = cnn.config.convLayers
    guard layer >= 1, layer <= convs.count, (0..<convs[layer - 1]).contains(filter) else { return }
    var filters = cnn.inside.step.filters
    while filters.count < convs.count { filters.append(nil) }
    filters[layer - 1] = filter
    cnn.inside.step.filters = filters
  }
}
