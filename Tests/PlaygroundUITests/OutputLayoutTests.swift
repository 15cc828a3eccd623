import ImmediateUI
import PlaygroundCore
import Testing

@testable import PlaygroundUI
import Training

/// The output panel's own layout for panels of many sizes (the window's column split decides
/// which size it gets).
@Suite struct OutputLayoutTests {
  func lay(_ state: AppState, width: Float, height: Float) -> Layout {
    var l = Layout()
    l.window = Rect(x: 0, y: 0, width: width + 40, height: height + 100)
    l.outputPanel = Rect(x: 20, y: 90, width: width, height: height)
    l.layOutputPanel(state: state)
    return l
  }

  /// The parts that must not overlap: the plot with its tick gutters, the table, the controls.
  func parts(_ l: Layout) -> [(String, Rect)] {
    let o = OutputMetrics.self
    var out: [(String, Rect)] = [("stats", l.stats), ("copy", l.copyConfigButton)]
    if l.plot.width > 0 {
      out.append(
        (
          "plot",
          Rect(
            x: l.plot.x - o.plotGutterLeft, y: l.plot.y - 10, width: l.plot.width + o.plotGutterLeft + 10,
            height: l.plot.height + o.plotGutterBottom + 10)
        ))
      out += [("showTest", l.showTestToggle), ("discretize", l.discretizeToggle)]
    }
    out += l.classButtons.enumerated().map { ("class \($0.offset)", $0.element) }
    if let r = l.legend { out.append(("legend", r)) }
    if let r = l.warpPicker { out.append(("warp", r)) }
    out.append(("chart", l.lossChart))
    if let r = l.accuracyChart { out.append(("accuracy", r)) }
    return out
  }

  func check(_ l: Layout, _ context: String) {
    let all = parts(l)
    for (name, r) in all {
      #expect(r.minX >= l.outputPanel.minX && r.maxX <= l.outputPanel.maxX + 0.01, "\(context): \(name) \(r)")
      #expect(r.minY >= l.outputPanel.minY && r.maxY <= l.outputPanel.maxY + 0.01, "\(context): \(name) \(r)")
    }
    for i in all.indices {
      for j in all.indices where j > i {
        let o = all[i].1.intersection(all[j].1)
        #expect(
          o.width < 0.5 || o.height < 0.5,
          "\(context): \(all[i].0) \(all[i].1) overlaps \(all[j].0) \(all[j].1)")
      }
    }
  }

  @Test func partsStayInsideAndApartAtManyPanelSizes() throws {
    for config in [PlaygroundConfig(), SampleConfigs.threeClasses, SampleConfigs.regression] {
      var state = try AppState(config: config)
      for expanded in [false, true] {
        reduce(&state, .setChartExpanded(expanded))
        for width in stride(from: Float(300), through: 560, by: 20) {
          for height in stride(from: Float(400), through: 900, by: 25) {
            check(
              lay(state, width: width, height: height), "\(config.dataset) \(width)×\(height) \(expanded)")
          }
        }
      }
    }
  }

  @Test func plotGrowsWithThePanelAndKeepsAReadableSize() throws {
    let state = try AppState()
    // A panel 490 wide in a 853 × 533 window (1280 × 800 at zoom 1.5): the plot beside its column.
    let short = lay(state, width: 490, height: 431)
    #expect(short.plot.width >= 260, "plot \(short.plot.width)")
    // Growing the panel never shrinks the plot by more than the fifth a shown chart may take.
    var previous: Float = 0
    for step in 0..<20 {
      let l = lay(state, width: 320 + Float(step) * 12, height: 430 + Float(step) * 20)
      #expect(l.plot.width >= previous * 0.8, "step \(step): \(l.plot.width) after \(previous)")
      #expect(l.plot.width == l.plot.height)
      previous = max(previous, l.plot.width)
    }
    // Tall panels show the chart under the plot; short ones fold it behind a button.
    #expect(lay(state, width: 400, height: 900).chartLogToggle != nil)
    #expect(lay(state, width: 400, height: 450).chartLogToggle == nil)
  }
}
