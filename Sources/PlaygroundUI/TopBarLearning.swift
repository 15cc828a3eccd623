import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Training

/// The top bar's optimizer and dropout menus, for the run that shows. Both change live: a new
/// optimizer starts from empty buffers (momentum, Adam's moments), dropout applies from the next
/// training example and never to measuring or the pictures.
enum LearningChoices {
  static let optimizers: [Optimizer] = Optimizer.allCases
  static let dropouts: [Double] = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]

  static func name(_ o: Optimizer) -> String {
    switch o {
    case .sgd: verbatim("SGD")
    case .momentum: tr("Momentum")
    case .nesterov: verbatim("Nesterov")
    case .rmsprop: verbatim("RMSprop")
    case .adam: verbatim("Adam")
    }
  }

  /// The dropout entries with `current` inserted in order when a lesson or flag set another rate.
  static func dropoutMenu(current: Double) -> (values: [Double], selected: Int) {
    var values = dropouts
    if let i = values.firstIndex(of: current) { return (values, i) }
    let at = values.firstIndex { $0 > current } ?? values.count
    values.insert(current, at: at)
    return (values, at)
  }

  static func dropoutName(_ rate: Double) -> String { rate == 0 ? tr("Off") : Choices.name(rate) }
}

extension PlaygroundView {
  /// Optimizer and dropout menus; each choice sends the run's whole learning settings.
  func drawLearningMenus(
    _ ui: UIContext, _ l: Layout, _ settings: LearningSettings, baseRate: Double, epoch: Int, into actions: inout [Action]
  ) {
    guard l.optimizer.width > 0 else { return }
    let options = LearningChoices.optimizers
    let selected = options.firstIndex(of: settings.optimizer) ?? 0
    if let i = topBarMenu(ui, tr("Optimizer"), options.map(LearningChoices.name), selected, l.optimizer) {
      var next = settings
      next.optimizer = options[i]
      actions.append(.setLearning(next))
    }
    hint(
      ui, l.optimizer,
      tr("How gradients become steps; a new optimizer starts with empty memory (momentum, Adam's averages)") + "\n"
        + MathsCards.optimizer(settings, baseRate: baseRate, epoch: epoch))
    let drop = LearningChoices.dropoutMenu(current: settings.dropout)
    if let i = topBarMenu(ui, tr("Dropout"), drop.values.map(LearningChoices.dropoutName), drop.selected, l.dropout) {
      var next = settings
      next.dropout = drop.values[i]
      actions.append(.setLearning(next))
    }
    hint(ui, l.dropout, tr("Fraction of hidden neurons switched off for each training example (never when measuring)"))
  }
}
