import ImmediateUI
import Localization
import PlaygroundCore
import Training

/// The speed menu's entries for each mode.
enum SpeedChoices {
  /// The mode's steps, with `current` added in order when it is not one of them (a `--speed 7`
  /// or a lesson's `speed:`), and the index of `current`.
  static func menu(mode: AppMode, current: TrainingSpeed) -> (values: [TrainingSpeed], selected: Int) {
    var values = TrainingSpeed.steps(for: mode)
    if let i = values.firstIndex(of: current) { return (values, i) }
    let at = values.firstIndex { ($0.rate ?? .max) > (current.rate ?? .max) } ?? values.count
    values.insert(current, at: at)
    return (values, at)
  }

  static func name(_ speed: TrainingSpeed) -> String {
    speed.rate.map { Format.epoch($0, minimumDigits: 1) } ?? tr("Max")
  }

  /// The menu's caption: what the mode's speed counts.
  static func caption(_ mode: AppMode) -> String {
    switch mode {
    case .dense: tr("Epochs/s")
    case .cnn: tr("Images/s")
    }
  }

  static func hint(_ mode: AppMode) -> String {
    switch mode {
    case .dense: tr("Training speed in epochs per second (60: one per frame); Max trains as fast as the machine can")
    case .cnn: tr("Training speed in images per second; Max trains as fast as the machine can")
    }
  }
}

/// A rate menu's choice or typed text as an action: a typed value is checked as the command line
/// checks it, and a bad one explains itself in the banner and changes nothing.
enum TypedRate {
  /// Learning rate: a number > 0 and at most 10 (`set` makes the action).
  static func learningRate(_ event: EntryMenuEvent, _ values: [Double], set: (Double) -> Action) -> Action {
    switch event {
    case .chosen(let i): return set(values[i])
    case .typed(let text):
      guard let v = number(text), v > 0, v <= 10 else {
        return .showBanner(
          Banner(.error, tr("Learning rate must be a number greater than 0 and at most 10; '{1}' is not.", text)))
      }
      return set(v)
    }
  }

  /// Regularization rate: a number from 0 to 10.
  static func regularizationRate(_ event: EntryMenuEvent, _ values: [Double]) -> Action {
    switch event {
    case .chosen(let i): return .setRegularizationRate(values[i])
    case .typed(let text):
      guard let v = number(text), v >= 0, v <= 10 else {
        return .showBanner(
          Banner(.error, tr("Regularization rate must be a number from 0 to 10; '{1}' is not.", text)))
      }
      return .setRegularizationRate(v)
    }
  }

  /// A decimal number as typed: spaces ignored, a decimal comma read as a point ("0,15").
  static func number(_ text: String) -> Double? {
    let cleaned = String(text.filter { $0 != " " }.map { $0 == "," ? "." : $0 })
    guard let v = Double(cleaned), v.isFinite else { return nil }
    return v
  }
}

extension PlaygroundView {
  /// How many values the learning-rate menu lists for `current` (its "Other…" row comes after
  /// them), for scripts that click the open menu.
  public static func learningRateMenuCount(_ current: Double) -> Int {
    Choices.menu(Choices.learningRates, current: current).values.count
  }
}
