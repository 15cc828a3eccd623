import ImmediateUI
import PlaygroundCore
import Testing

@testable import PlaygroundUI

/// The epoch counter's text and typed rates turned into actions.
@Suite struct TopBarFormatTests {
  /// A width rule for tests: every character 10 px.
  func tenPerCharacter(_ s: String) -> Float { Float(s.count) * 10 }

  @Test func theCounterShowsItsWholeValueOrMillions() {
    #expect(Format.epoch(123) == "000,123")
    #expect(Format.epoch(1_487_352) == "1,487,352")
    #expect(Format.epoch(1_487_352, fitting: 90, measure: tenPerCharacter) == "1,487,352")
    #expect(Format.epoch(1_487_352, fitting: 80, measure: tenPerCharacter) == "1.48 M")
    #expect(Format.epoch(12_345_678, fitting: 80, measure: tenPerCharacter) == "12.3 M")
    #expect(Format.epoch(123_456_789, fitting: 80, measure: tenPerCharacter) == "123 M")
    #expect(Format.epoch(2_000_000_000, fitting: 80, measure: tenPerCharacter) == "2.00 B")
    #expect(!Format.epoch(9_999_999, fitting: 60, measure: tenPerCharacter).contains("…"))
  }

  @Test func typedLearningRatesAreCheckedLikeTheCommandLine() {
    let values = [0.01, 0.03]
    #expect(TypedRate.learningRate(.typed("0.15"), values, set: Action.setLearningRate) == .setLearningRate(0.15))
    #expect(TypedRate.learningRate(.typed(" 0,2 "), values, set: Action.setLearningRate) == .setLearningRate(0.2))
    #expect(TypedRate.learningRate(.chosen(1), values, set: Action.setLearningRate) == .setLearningRate(0.03))
    for bad in ["0", "-1", "11", "abc", "nan", "inf"] {
      guard case .showBanner(let banner) = TypedRate.learningRate(.typed(bad), values, set: Action.setLearningRate)
      else {
        Issue.record("\(bad) was accepted")
        continue
      }
      #expect(banner.kind == .error && banner.text.contains("Learning rate") && banner.text.contains(bad))
    }
    #expect(TypedRate.regularizationRate(.typed("0"), values) == .setRegularizationRate(0))
    #expect(TypedRate.regularizationRate(.typed("10"), values) == .setRegularizationRate(10))
    if case .showBanner(let b) = TypedRate.regularizationRate(.typed("10.5"), values) {
      #expect(b.text.contains("from 0 to 10"))
    } else {
      Issue.record("10.5 was accepted")
    }
  }

  @Test func theSpeedMenuListsAnOffMenuSpeedInOrder() {
    let menu = SpeedChoices.menu(mode: .dense, current: .perSecond(7))
    #expect(menu.values.map(SpeedChoices.name) == ["1", "5", "7", "20", "60", "300", "Max"])
    #expect(menu.selected == 2)
    #expect(SpeedChoices.menu(mode: .cnn, current: .cnnDefault).selected == 2)
    #expect(SpeedChoices.name(.perSecond(5000)) == "5,000")
  }
}
