import ImmediateUI
import Testing

@testable import Visualization

@Suite struct AxisTicksTests {
  /// True when `step` is 1, 2 or 5 times a power of ten.
  func isNice(_ step: Float) -> Bool {
    var m = step
    while m >= 10 { m /= 10 }
    while m < 1 { m *= 10 }
    return [1, 2, 5, 10].contains { abs(m - $0) < 1e-3 }
  }

  @Test func linearTicksAreNiceAndCoverTheRaisedRange() {
    #expect(AxisTicks.step(span: 0.73, approximateCount: 5) == 0.2)
    #expect(AxisTicks.niceRange(0...0.73) == (0...0.8, 0.2))
    #expect(
      AxisTicks.multiples(of: 0.2, in: 0...0.8).map { AxisTicks.label($0, step: 0.2) } == [
        "0", "0.2", "0.4", "0.6", "0.8",
      ])
    #expect(AxisTicks.linear(in: 0...0.73) == [0, 0.2, 0.4, 0.6])
    // Many ranges: the top is raised to a multiple of a nice step and becomes the last tick.
    var top: Float = 0.0013
    while top < 5000 {
      for count in [2, 4, 5, 8] {
        let (range, step) = AxisTicks.niceRange(0...top, approximateCount: count)
        let ticks = AxisTicks.multiples(of: step, in: range)
        #expect(range.upperBound >= top && range.upperBound < top + step * 1.001, "\(top) → \(range)")
        #expect(isNice(step), "step \(step) for \(top)")
        #expect(ticks.first == 0, "\(top)")
        #expect(abs((ticks.last ?? 0) - range.upperBound) <= step * 1e-3, "\(top): \(ticks)")
        #expect(ticks.count >= 2 && ticks.count <= 2 * count + 1, "\(top) \(count): \(ticks)")
      }
      top *= 1.37
    }
  }

  @Test func labelsUseTheDecimalsOfTheStep() {
    #expect(AxisTicks.label(0.25, step: 0.05) == "0.25")
    #expect(AxisTicks.label(0.4, step: 0.2) == "0.4")
    #expect(AxisTicks.label(300, step: 100) == "300")
    #expect(AxisTicks.label(0.002, step: 0.001) == "0.002")
  }

  @Test func logAxesSpanWholeDecadesWithDecadeTicks() {
    #expect(AxisTicks.decadeRange(0.03...0.7) == 0.01...1)
    #expect(AxisTicks.decadeRange(0.2...0.5) == 0.1...1)
    #expect(AxisTicks.decadeRange(0.1...1) == 0.1...1)
    #expect(AxisTicks.decadeRange(0.00042...3) == 0.0001...10)
    #expect(AxisTicks.decades(in: 0.01...1) == [0.01, 0.1, 1])
    #expect(
      AxisTicks.decades(in: 0.0001...10).map(AxisTicks.decadeLabel) == [
        "1e-4", "0.001", "0.01", "0.1", "1", "10",
      ])
    // Too many decades for the room: every second one, still decades.
    let sparse = AxisTicks.decades(in: 1e-8...1, maximumCount: 4)
    #expect(sparse.count <= 5 && sparse.count >= 3)
    #expect(sparse.last == 1)
    for v in sparse {
      #expect(AxisTicks.decadeLabel(v).hasPrefix("1") || AxisTicks.decadeLabel(v).hasPrefix("0.0"))
    }
  }

  @Test func epochTicksAreWholeRoundNumbers() {
    #expect(AxisTicks.epochs(in: 0...300) == [0, 50, 100, 150, 200, 250, 300])
    #expect(AxisTicks.epochs(in: 0...3) == [0, 1, 2, 3])
    #expect(AxisTicks.epochs(in: 0...1, approximateCount: 8) == [0, 1])
    #expect(AxisTicks.epochs(in: 17...1234, approximateCount: 4) == [200, 400, 600, 800, 1000, 1200])
    #expect(AxisTicks.epochLabel(1500) == "1,500")
    #expect(AxisTicks.epochLabel(1005) == "1,005")
    #expect(AxisTicks.epochLabel(20_000) == "20k")
    #expect(AxisTicks.epochLabel(999) == "999")
  }
}
