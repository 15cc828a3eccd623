import ImmediateUI
import PlaygroundCore

/// Sizes of the output panel's parts, in logical pixels (estimates of the 15–17 pt text they hold).
enum OutputMetrics {
  /// Left of the plot: the y tick labels (−6 … 6); below it: the x tick labels.
  static let plotGutterLeft: Float = 28
  static let plotGutterBottom: Float = 24
  /// The loss/accuracy table: a head row and two value rows.
  static let statsHeight: Float = 74
  /// The smallest loss chart worth showing (header, a plot area, the epoch labels).
  static let chartMinimum: Float = 140
  /// Widths of the toggles (long and short labels).
  static let showTestWidth: Float = 168
  static let discretizeWidth: Float = 186
  static let shortToggleWidth: Float = 124
  /// The folded chart's icon button beside the table.
  static let chartIconSide: Float = 40
  /// One class's legend entry (swatch and "Class 1"), the warp menu.
  static let classEntryWidth: Float = 100
  static let narrowClassEntryWidth: Float = 90
  static let warpPickerWidth: Float = 140
  /// The side column beside the plot when the panel is wide and short, and its table as a list.
  static let sideColumn: Float = 164
  /// The narrow table: a head row ("Test", "Train") and rows for loss and accuracy.
  static let sideStatsHeight: Float = 3 * 24
  /// Rows of the side column's class legend.
  static let sideLegendRow: Float = 32
  /// The header controls of the chart: Log scale and expand.
  static let logToggleWidth: Float = 66
  static let expandSide: Float = 30
}

extension Layout {
  /// Heading with Copy config; the loss/accuracy table; the plot with its axis ticks; the class
  /// legend (or the color bar) and the warp menu; the display toggles; the loss chart below when
  /// there is room, else behind a "Loss chart" button. When the panel is wide and short, the
  /// legend and toggles go beside the plot instead. Expanded, the chart takes everything under
  /// the table.
  mutating func layOutputPanel(state: AppState) {
    let m = Metrics.self
    let o = OutputMetrics.self
    var inner = outputPanel.inset(m.margin)
    let heading = inner.cutTop(m.headingRow, spacing: 8)
    copyConfigButton = Rect(x: heading.maxX - 140, y: heading.midY - 17, width: 140, height: 34)
    // Where the folded chart's button goes: a chart icon left of Copy config.
    let folded = Rect(
      x: copyConfigButton.minX - 10 - o.chartIconSide, y: copyConfigButton.y, width: o.chartIconSide,
      height: 34)
    let body = inner
    let regression = state.config.problem == .regression
    let classes = regression ? 0 : max(2, state.experiment.classCount)
    let hidden = state.config.hiddenLayers
    let hasWarp = hidden.contains(where: { $0 >= 2 })

    if state.explain != nil {
      explainPanel = ExplainPanelLayout(inner, heading: heading, layout: &self)
      return
    }
    if state.chart.expanded {
      var rest = body
      stats = rest.cutTop(o.statsHeight, spacing: 12)
      layChart(in: rest, accuracy: !regression)
      chartExpandButton = chartHeaderControls(lossChart).expand
      return
    }

    // Items under (or beside) the plot, as widths to flow into rows.
    let legendItems: [Float] =
      (regression
        ? [min(280, body.width)]
        // Entries narrow (to a 15 pt label) so up to three classes share one row in a narrow panel.
        : Array(
          repeating: max(
            o.narrowClassEntryWidth,
            min(o.classEntryWidth, ((body.width - Float(classes - 1) * 10) / Float(classes)).rounded(.down))),
          count: classes))
      + (hasWarp ? [o.warpPickerWidth] : [])
    // Short labels ("Test data", "Discretize") when both long ones do not fit one row.
    let longToggles = body.width >= o.showTestWidth + o.discretizeWidth + 10
    let toggleItems: [Float] =
      longToggles ? [o.showTestWidth, o.discretizeWidth] : [o.shortToggleWidth, o.shortToggleWidth]

    // Stacked: the table on top, the plot, then rows across the panel's width.
    func stackedBelow(chartCollapsed: Bool) -> Float {
      o.statsHeight + 12 + 8 + Self.flowHeight(legendItems, width: body.width, row: m.controlHeight) + 8
        + Self.flowHeight(toggleItems, width: body.width, row: m.toggleHeight)
    }
    let stackedSide = { (below: Float) in
      min(body.width - o.plotGutterLeft - 6, body.height - o.plotGutterBottom - below).rounded(.down)
    }
    let collapsedSide = stackedSide(stackedBelow(chartCollapsed: true))
    let openSide = stackedSide(stackedBelow(chartCollapsed: false) + o.chartMinimum + 10)
    // Beside: the table (as a list), legend, toggles and the chart button right of the plot.
    // A panel wider than a full-height plot needs gives the column the rest (up to 320), so the
    // legend flows into fewer rows.
    let fullHeightSide = body.height - 10 - o.plotGutterBottom
    let column = max(o.sideColumn, min(320, body.width - o.plotGutterLeft - 12 - fullHeightSide))
    let columnItems = (legendItems + toggleItems).map { min($0, column) }
    let legendRow = regression ? m.controlHeight : o.sideLegendRow
    let columnNeeds =
      o.sideStatsHeight + 8
      + Self.flowHeight(Array(columnItems.prefix(legendItems.count)), width: column, row: legendRow)
      + 8 + Self.flowHeight(Array(columnItems.suffix(2)), width: column, row: m.toggleHeight)
    let besideSide = min(body.width - o.plotGutterLeft - 12 - column, body.height - 10 - o.plotGutterBottom)
      .rounded(.down)
    // The column may run below the plot when the panel is taller than the plot is wide.
    let beside = body.height - 10 >= columnNeeds ? besideSide : 0

    // The chart shows under the plot when that costs the plot at most a fifth and keeps it ≥ 260.
    let chartOpen = openSide >= max(260, collapsedSide * 0.8) && openSide >= beside
    var rest = body
    if !chartOpen && beside > collapsedSide {
      let side = max(60, beside)
      _ = rest.cutTop(10)  // room for the top tick label's upper half
      let block = rest.cutTop(max(side + o.plotGutterBottom, columnNeeds))
      plot = Rect(x: block.x + o.plotGutterLeft, y: block.y, width: side, height: side)
      var right = Rect(
        x: plot.maxX + 12, y: block.y, width: block.maxX - plot.maxX - 12, height: block.height)
      stats = right.cutTop(o.sideStatsHeight, spacing: 8)
      let legendRects = Self.flow(Array(columnItems.prefix(legendItems.count)), in: &right, row: legendRow)
      _ = right.cutTop(8)
      let rowRects = Self.flow(Array(columnItems.suffix(2)), in: &right, row: m.toggleHeight)
      assignLegend(legendRects, classes: classes, regression: regression, warp: hasWarp)
      showTestToggle = rowRects[0]
      discretizeToggle = rowRects[1]
    } else {
      let side = max(60, chartOpen ? openSide : collapsedSide)
      stats = rest.cutTop(o.statsHeight, spacing: 12)
      let block = rest.cutTop(side + o.plotGutterBottom, spacing: 8)
      let x = (block.midX - (side + o.plotGutterLeft) / 2 + o.plotGutterLeft).rounded()
      plot = Rect(x: x, y: block.y, width: side, height: side)
      let legendRects = Self.flow(legendItems, in: &rest, row: m.controlHeight)
      _ = rest.cutTop(8)
      let rowRects = Self.flow(toggleItems, in: &rest, row: m.toggleHeight)
      assignLegend(legendRects, classes: classes, regression: regression, warp: hasWarp)
      showTestToggle = rowRects[0]
      discretizeToggle = rowRects[1]
      if chartOpen {
        _ = rest.cutTop(10)
        layChart(in: rest, accuracy: false)
        chartExpandButton = chartHeaderControls(lossChart).expand
      }
    }

    if !chartOpen {
      chartExpandButton = folded
      lossChart = folded
    }

    guard let warp = state.warp, hidden.indices.contains(warp.layer), hidden[warp.layer] >= 2 else { return }
    let s = (plot.width * 0.36).rounded()
    warpView = Rect(x: plot.maxX - s - 6, y: plot.y + 6, width: s, height: s)
  }

  /// The loss chart (and the accuracy chart under it when asked and tall enough) filling `area`.
  private mutating func layChart(in area: Rect, accuracy: Bool) {
    var area = area
    if accuracy && area.height >= 2 * OutputMetrics.chartMinimum + 12 {
      let split = (area.height * 0.58).rounded()
      lossChart = area.cutTop(split, spacing: 12)
      accuracyChart = area
    } else {
      lossChart = area
    }
    let controls = chartHeaderControls(lossChart)
    chartLogToggle = controls.log
  }

  /// The Log scale toggle and the expand button at the right of a chart's header.
  func chartHeaderControls(_ chart: Rect) -> (log: Rect, expand: Rect) {
    let o = OutputMetrics.self
    let expand = Rect(
      x: chart.maxX - o.expandSide, y: chart.y + (ChartGeometry.headerHeight - o.expandSide) / 2,
      width: o.expandSide, height: o.expandSide)
    let log = Rect(
      x: expand.minX - 10 - o.logToggleWidth, y: expand.y, width: o.logToggleWidth, height: o.expandSide)
    return (log, expand)
  }

  /// Class entries (or the color bar) and the warp menu from flowed rects, in that order.
  private mutating func assignLegend(_ rects: [Rect], classes: Int, regression: Bool, warp: Bool) {
    var rects = rects
    if warp { warpPicker = rects.removeLast() }
    if regression {
      legend = rects.first
    } else {
      classButtons = rects
    }
  }

  /// Rows needed to flow items of `widths` (spacing 10) into `width`, each `row` high, 6 apart.
  static func flowHeight(_ widths: [Float], width: Float, row: Float) -> Float {
    var rows = 0
    var x = Float.infinity
    for w in widths {
      if x + w > width {
        rows += 1
        x = w + 10
      } else {
        x += w + 10
      }
    }
    return Float(rows) * row + Float(max(0, rows - 1)) * 6
  }

  /// Places items of `widths` left to right in rows of `row` height cut from the top of `area`.
  static func flow(_ widths: [Float], in area: inout Rect, row: Float) -> [Rect] {
    var rects: [Rect] = []
    var line = Rect.zero
    var x = Float.infinity
    for w in widths {
      if x + w > area.maxX + 0.01 {
        if !rects.isEmpty { _ = area.cutTop(6) }
        line = area.cutTop(row)
        x = line.x
      }
      rects.append(Rect(x: x, y: line.y, width: min(w, line.width), height: row))
      x += w + 10
    }
    return rects
  }
}

extension Layout {
  /// The output plot's side for an output panel of `panel` size showing `state` (0 while the chart
  /// is expanded), so the window's column split can give OUTPUT the width its plot needs.
  public static func outputPlotSide(panel: Size, state: AppState) -> Float {
    var l = Layout()
    l.outputPanel = Rect(x: 0, y: 0, width: panel.width, height: panel.height)
    l.layOutputPanel(state: state)
    return l.plot.width
  }
}
