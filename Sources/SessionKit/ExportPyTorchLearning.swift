import Engine
import Training

/// The optimizer, dropout and schedule of a 2-D PyTorch export, and the optimizer's state at the
/// moment of export, so `--train N` continues exactly where the playground stood.
enum PyTorchLearning {
  /// Python constants: OPTIMIZER, MOMENTUM, DROPOUT, LR_SCHEDULE, OPTIMIZER_STEP, OPTIMIZER_STATE.
  static func constants(_ experiment: Experiment) -> String {
    constants(
      experiment.config.learningSettings, experiment.optimizerState.flat(for: experiment.network),
      order: "every weight (layer by layer, LAYERS order) then every bias")
  }

  /// The constants for `settings` and the optimizer's `state`, its buffers listed in `order`.
  static func constants(_ settings: LearningSettings, _ state: FlatOptimizerState, order: String) -> String {
    let schedule: String
    switch settings.lrSchedule {
    case .constant: schedule = "(\"constant\",)"
    case .step(let every, let factor): schedule = "(\"step\", \(every), \(Python.double(factor)))"
    case .exponential(let factor): schedule = "(\"exp\", \(Python.double(factor)))"
    }
    func list(_ values: [Float]) -> String {
      values.isEmpty ? "None" : "[" + values.map(Python.float).joined(separator: ", ") + "]"
    }
    return """
      # How the averaged gradient g becomes a step (PyTorch's rules; see optimizer_step below),
      # the dropout rate of the hidden layers while training, and the learning-rate schedule:
      # ("constant",), ("step", EVERY, FACTOR): rate * FACTOR ** (epoch // EVERY), or
      # ("exp", FACTOR): rate * FACTOR ** epoch, with epochs counted from 0.
      OPTIMIZER = "\(settings.optimizer.rawValue)"
      MOMENTUM = \(Python.double(settings.momentum))
      DROPOUT = \(Python.double(settings.dropout))
      LR_SCHEDULE = \(schedule)
      # The optimizer's memory when exported: momentum buffers or RMSprop's running squares
      # ("first"), Adam's moments ("first" = m, "second" = v) and its step count, \(order);
      # None when empty.
      OPTIMIZER_STEP = \(state.step)
      OPTIMIZER_STATE = {"first": \(list(state.first)), "second": \(list(state.second))}

      """
  }
}
