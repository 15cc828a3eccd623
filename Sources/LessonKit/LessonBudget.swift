import Datasets
import PlaygroundCore
import Training

/// Each `train` step and each task's solution, costed before the lesson is accepted
/// (`TrainingCost`): the network and data a step trains are followed through the `set:` and
/// `addPoints:` steps before it, and a step over `TrainingCost.lessonBound` is refused with its
/// estimate. The learner can still train longer with Play; a lesson cannot make them wait a day.
extension Lesson {
  /// One error per step whose training would cost more than the bound.
  func budgetErrors() -> [LessonError] {
    var config = setup
    var cnnSetup = cnn
    var points = (setup.dataset == .custom ? 0 : Self.generatedPoints) + setupPoints.count
    var errors: [LessonError] = []
    func apply(_ change: ConfigChange) {
      config = change.applied(to: config)
      if change.cnn.shapesDataset && cnnSetup == nil { cnnSetup = CNNSetup() }
      if let shapes = change.cnn.shapes { cnnSetup?.shapes = shapes }
      if let layers = change.cnn.convLayers { cnnSetup?.convLayers = layers }
    }
    func check(_ epochs: Int, _ step: Step, what: String) {
      let cost =
        cnnSetup.map { TrainingCost.cnn($0.config(setup: config), epochs: epochs) }
        ?? TrainingCost.dense(config, points: points, epochs: epochs)
      guard cost > TrainingCost.lessonBound else { return }
      errors.append(
        LessonError(
          step.actionLocation, step: step.number,
          "\(what) \(epochs) epochs would cost \(TrainingCost.describe(cost)); a lesson step may cost at most "
            + "\(TrainingCost.scientific(TrainingCost.lessonBound)) (train fewer epochs, or use a smaller network)"))
    }
    for step in steps {
      switch step.action {
      case .set(let change)?: apply(change)
      case .addPoints(let added)?: points += added.count
      case .train(let epochs)?: check(epochs, step, what: "train:")
      case .task(let task)?:
        for part in task.solution {
          switch part {
          case .set(let change): apply(change)
          case .addPoints(let added): points += added.count
          case .train(let epochs): check(epochs, step, what: "the solution's train:")
          case .setWeight: break
          }
        }
      default: break
      }
    }
    return errors
  }

  /// Points a generated 2-D dataset has (before the split).
  static let generatedPoints = 500
}
