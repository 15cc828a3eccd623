import ImmediateUI
import PlaygroundCore
import Testing
import Visualization
import _TestSupport

@testable import PlaygroundUI
import Training

@Suite struct ChartViewTests {
  let rect = Rect(x: 40, y: 30, width: 420, height: 260)

  func series(_ values: [Float], every: Int = 10) -> ChartSeries {
    var s = ChartSeries()
    for (i, v) in values.enumerated() { s.append(epoch: i * every, value: v) }
    return s
  }

  func texts(_ list: DrawList) -> [(String, Point)] {
    list.commands.compactMap {
      if case .text(let s, let at, _, _, _, _) = $0 { return (s, at) }
      return nil
    }
  }

  /// Draws `spec` in `rect` and returns the geometry and the text drawn.
  func draw(_ spec: ChartSpec) -> (ChartGeometry, [(String, Point)]) {
    let ui = UIContext(measurer: ApproximateTextMeasurer())
    var input = UIInput()
    input.windowSize = Size(600, 400)
    ui.begin(input)
    let g = ui.chart(spec, in: rect)
    return (g, texts(ui.end()))
  }

  func inside(_ inner: Rect, _ outer: Rect) -> Bool {
    inner.minX >= outer.minX - 0.5 && inner.maxX <= outer.maxX + 0.5 && inner.minY >= outer.minY - 0.5
      && inner.maxY <= outer.maxY + 0.5
  }

  @Test func labelledTicksSitInsideTheChartAndAreDrawn() {
    let loss = series((0...30).map { 0.7 * Float(1 - Double($0) / 40) })
    let spec = ChartSpec(
      title: "Loss",
      lines: [
        ChartLine(series: loss, name: "Training", color: .black),
        ChartLine(series: loss, name: "Test", color: .black),
      ])
    let (g, drawn) = draw(spec)
    #expect(g.yRange.lowerBound == 0)
    #expect(g.yRange.upperBound >= 0.7 && g.yRange.upperBound <= 0.8)
    #expect(g.yTicks.count >= 3 && g.xTicks.count >= 3)
    #expect(g.xTicks.map(\.label).first == "0")
    #expect(inside(g.plotArea, rect))
    for tick in g.yTicks + g.xTicks {
      #expect(inside(tick.box, rect), "\(tick.label) at \(tick.box)")
      #expect(drawn.contains { $0.0 == tick.label }, "\(tick.label) is not drawn")
    }
    for tick in g.yTicks { #expect(tick.box.maxX <= g.plotArea.minX) }
    for tick in g.xTicks { #expect(tick.box.minY >= g.plotArea.maxY) }
    // Neighbouring x labels do not touch; y ticks go up the plot as values grow.
    for (a, b) in zip(g.xTicks, g.xTicks.dropFirst()) { #expect(a.box.maxX < b.box.minX) }
    for (a, b) in zip(g.yTicks, g.yTicks.dropFirst()) { #expect(a.position > b.position) }
    for name in ["Loss", "epoch", "Training", "Test"] { #expect(drawn.contains { $0.0 == name }, "\(name)") }
    for entry in g.legend { #expect(inside(entry.text, rect)) }
  }

  @Test func aLossThatBarelyMovedLooksFlatOnTheLinearAxis() {
    let loss = series((0...50).map { 0.69 - 0.0004 * Float($0) })
    let spec = ChartSpec(title: "Loss", lines: [ChartLine(series: loss, name: "Test", color: .black)])
    let (g, _) = draw(spec)
    let line = LineChart.polyline(series: loss, in: g.plotArea, yRange: g.yRange, epochRange: g.epochs)
    let rise = (line.map(\.y).max() ?? 0) - (line.map(\.y).min() ?? 0)
    #expect(rise < g.plotArea.height * 0.05, "a 3% drop spans \(rise) of \(g.plotArea.height) px")
  }

  @Test func logAxisHasDecadeTicks() {
    let loss = series((0...40).map { 0.7 * (0..<$0).reduce(Float(1)) { p, _ in p * 0.85 } })
    let spec = ChartSpec(
      title: "Loss", lines: [ChartLine(series: loss, name: "Test", color: .black)], logScale: true)
    let (g, drawn) = draw(spec)
    #expect(g.yRange.lowerBound <= loss.valueExtent!.lowerBound && g.yRange.upperBound == 1)
    #expect(g.yTicks.map(\.label) == ["0.001", "0.01", "0.1", "1"])
    // Equal spacing: each decade is the same height.
    let gaps = zip(g.yTicks, g.yTicks.dropFirst()).map { $0.position - $1.position }
    for gap in gaps { #expect(abs(gap - gaps[0]) < 0.5) }
    for tick in g.yTicks { #expect(drawn.contains { $0.0 == tick.label }) }
  }

  @Test func accuracyChartLabelsPercent() {
    let accuracy = series([0.5, 0.7, 0.9, 0.95])
    let spec = ChartSpec(
      title: "Accuracy", lines: [ChartLine(series: accuracy, name: "Test", color: .black)], fixedRange: 0...1,
      percent: true)
    let (g, _) = draw(spec)
    #expect(g.yTicks.first?.label == "0%" && g.yTicks.last?.label == "100%")
  }

  @Test func expandAndLogScaleGoThroughActions() throws {
    let h = try ViewHarness(size: Size(1280, 800))
    reduce(&h.state, .train(epochs: 50))
    let before = h.layout
    h.frame()
    let expand = before.chartExpandButton
    #expect(expand.width > 0 && before.plot.width > 200)
    let clicked = h.click(expand.center)
    #expect(clicked.actions.contains(.setChartExpanded(true)))
    h.apply(clicked.actions)
    #expect(h.state.chart.expanded)
    let expanded = h.layout
    // The charts take the plot's place: at least as tall (loss and accuracy together) and wide as
    // the plot was.
    let bottom = max(expanded.lossChart.maxY, expanded.accuracyChart?.maxY ?? 0)
    #expect(expanded.lossChart.width >= before.plot.width && bottom - expanded.lossChart.minY >= before.plot.height)
    #expect(expanded.plot.width == 0)
    let log = try #require(expanded.chartLogToggle)
    h.frame()
    let logClick = h.click(log.center)
    #expect(logClick.actions.contains(.setChartLogScale(true)))
    h.apply(logClick.actions)
    #expect(h.state.chart.logScale)
    h.frame()
    #expect(h.texts.contains { $0.0 == "0.1" || $0.0 == "1" })
    let back = h.click(expanded.chartExpandButton.center)
    #expect(back.actions.contains(.setChartExpanded(false)))
    h.apply(back.actions)
    #expect(!h.state.chart.expanded)
    #expect(h.layout.plot == before.plot)
    // Training is untouched by the view actions.
    #expect(h.state.experiment.epoch == 50)
  }
}

extension ChartViewTests {
  @Test func aShortChartKeepsItsYLabelsApart() {
    let loss = series((0...30).map { 2 - Float($0) / 20 })
    let spec = ChartSpec(title: "Loss", lines: [ChartLine(series: loss, name: "Test", color: .black)])
    for height: Float in [70, 80, 95, 120, 160] {
      let ui = UIContext(measurer: ApproximateTextMeasurer())
      ui.begin(UIInput())
      let g = ui.chart(spec, in: Rect(x: 0, y: 0, width: 300, height: height))
      #expect(!g.yTicks.isEmpty)
      #expect(g.yTicks.last?.position == g.plotArea.minY, "the top of the axis is labelled")
      for (a, b) in zip(g.yTicks, g.yTicks.dropFirst()) {
        #expect(a.box.minY >= b.box.maxY - 4, "\(height): \(a.label) and \(b.label) collide")
      }
    }
  }
}
