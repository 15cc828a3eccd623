import ArgumentParser
import Engine
import Training

extension ConfigOptions {
  /// --optimizer, --momentum, --dropout and --lr-schedule as settings; a UsageError names the flag.
  func learningSettings() throws -> LearningSettings {
    var settings = LearningSettings()
    settings.optimizer = optimizer
    settings.momentum = momentum
    settings.dropout = dropout
    guard let schedule = LearningRateSchedule(lrSchedule) else {
      throw UsageError(
        message:
          "--lr-schedule: '\(lrSchedule)' is not a schedule; use constant, step:EVERY:FACTOR (e.g. step:50:0.5) or exp:FACTOR (e.g. exp:0.99), factors in (0, 1]"
      )
    }
    settings.lrSchedule = schedule
    do {
      try settings.validate()
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    return settings
  }
}
