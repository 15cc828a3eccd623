import ImmediateUI
import Localization
import Training
import Visualization

/// One curve of a chart and its legend entry.
struct ChartLine {
  var series: ChartSeries
  var name: String
  var color: Color
  var width: Float = 2.5
}

/// What a chart shows: a titled y axis (loss, accuracy) over the epochs, one or more curves.
struct ChartSpec {
  /// The y axis's title, written above it ("Loss").
  var title: String
  var lines: [ChartLine]
  /// Log₁₀ y axis with decade ticks (positive values only).
  var logScale = false
  /// A fixed y range (accuracy 0…1); nil fits the data (linear from 0 up to a nice top).
  var fixedRange: ClosedRange<Float>? = nil
  /// Tick labels as percentages (0.5 → "50%").
  var percent = false
}

/// A tick: its value, where it sits on its axis, its label and the label's box.
struct ChartTick: Equatable {
  var position: Float
  var label: String
  var box: Rect
}

/// Where a chart's parts sit in its rectangle, and its ticks; pure, so tests can check it.
///
/// The header row holds the y axis title and the legend (its right `reserve` pixels are left for
/// the caller's controls); the legend takes a second row when the header is too narrow. y tick
/// labels sit in a gutter left of the plot area, x tick labels under it, and the x axis title
/// ("epoch") at the bottom right.
struct ChartGeometry {
  static let headerHeight: Float = 30
  static let labelHeight: Float = 20

  var rect: Rect
  var title: Rect
  /// Legend entries: a line swatch and the name's box.
  var legend: [(swatch: Rect, text: Rect)]
  var plotArea: Rect
  var yRange: ClosedRange<Float>
  var epochs: ClosedRange<Int>
  var yTicks: [ChartTick]
  var xTicks: [ChartTick]
  var xTitle: Rect

  init(_ spec: ChartSpec, in rect: Rect, reserve: Float = 0, measure: (String) -> Size) {
    self.rect = rect
    let series = spec.lines.map(\.series)
    epochs = LineChart.epochRange(fitting: series) ?? 0...1
    if epochs.lowerBound == epochs.upperBound { epochs = epochs.lowerBound...(epochs.lowerBound + 1) }

    // Header: title, then the legend on the same row if it fits, else on a row of its own.
    var body = rect
    let header = body.cutTop(Self.headerHeight)
    let titleSize = measure(spec.title)
    title = Rect(
      x: header.x, y: header.midY - titleSize.height / 2, width: titleSize.width, height: titleSize.height)
    let entries = spec.lines.map { measure($0.name).width }
    let legendWidth = entries.reduce(0) { $0 + 26 + $1 } + Float(max(0, entries.count - 1)) * 14
    var legendRow = header
    legendRow.x = title.maxX + 16
    legendRow.width = header.maxX - reserve - 8 - legendRow.x
    if spec.lines.count > 1 && legendWidth > legendRow.width {
      legendRow = body.cutTop(Self.labelHeight + 2)
    }
    var x = legendRow.x
    legend = entries.map { w in
      let swatch = Rect(x: x, y: legendRow.midY - 2, width: 20, height: 4)
      let text = Rect(x: x + 26, y: legendRow.midY - Self.labelHeight / 2, width: w, height: Self.labelHeight)
      x = text.maxX + 14
      return (swatch, text)
    }
    if spec.lines.count < 2 { legend = [] }

    // The y range and its labels decide the gutter's width.
    let fitted = LineChart.yRange(fitting: series, logScale: spec.logScale)
    let range = spec.fixedRange ?? (spec.logScale ? AxisTicks.decadeRange(fitted) : fitted)
    _ = body.cutTop(10)  // room for the top tick label's upper half
    let xRow = body.cutBottom(Self.labelHeight + 4)
    let approximateY = max(2, Int(body.height / 44))
    let nice = AxisTicks.niceRange(range, approximateCount: approximateY)
    let yRange = spec.logScale || spec.fixedRange != nil ? range : nice.range
    self.yRange = yRange
    let yStep = nice.step
    let yValues =
      spec.logScale
      ? AxisTicks.decades(in: yRange, maximumCount: max(2, Int(body.height / 28)))
      : AxisTicks.multiples(of: yStep, in: yRange)
    let yLabels = yValues.map { v -> String in
      if spec.logScale { return AxisTicks.decadeLabel(v) }
      return spec.percent
        ? AxisTicks.label(v * 100, step: yStep * 100) + "%" : AxisTicks.label(v, step: yStep)
    }
    let yWidths = yLabels.map { measure($0).width }
    let gutter = max(titleSize.width * 0.5, (yWidths.max() ?? 0) + 10)
    let xTitleSize = measure(tr("epoch"))
    let rightPad: Float = 12
    plotArea = Rect(
      x: body.x + gutter, y: body.y, width: max(1, body.width - gutter - rightPad),
      height: max(1, body.height))
    let area = plotArea
    yTicks = zip(yValues, zip(yLabels, yWidths)).map { v, label in
      let y = LineChart.y(value: v, in: area, yRange: yRange, logScale: spec.logScale)
      let h = Self.labelHeight
      return ChartTick(
        position: y, label: label.0,
        box: Rect(x: area.minX - 7 - label.1, y: y - h / 2, width: label.1, height: h))
    }
    // In a short chart, labels one line apart at most: keep the top one, then every one below
    // that clears the last kept.
    var kept: [ChartTick] = []
    for tick in yTicks.reversed() where kept.last.map({ tick.box.minY >= $0.box.maxY - 4 }) ?? true {
      kept.append(tick)
    }
    yTicks = kept.reversed()

    // x ticks: whole epochs, labels centred under them, none across the "epoch" title or a neighbour.
    xTitle = Rect(
      x: rect.maxX - xTitleSize.width, y: xRow.maxY - Self.labelHeight, width: xTitleSize.width,
      height: Self.labelHeight)
    let approximateX = max(2, Int(area.width / 90))
    var xTicks: [ChartTick] = []
    for epoch in AxisTicks.epochs(in: epochs, approximateCount: approximateX) {
      let label = AxisTicks.epochLabel(epoch)
      let w = measure(label).width
      let x = LineChart.x(epoch: epoch, in: area, epochRange: epochs)
      var box = Rect(x: x - w / 2, y: xRow.y + 4, width: w, height: Self.labelHeight)
      box.x = max(rect.minX, box.x)
      let clear = box.maxX <= xTitle.minX - 8 && (xTicks.last.map { $0.box.maxX + 10 <= box.minX } ?? true)
      if clear { xTicks.append(ChartTick(position: x, label: label, box: box)) }
    }
    self.xTicks = xTicks
  }
}

extension UIContext {
  /// Draws `spec` in `rect` with axes, ticks, gridlines and legend (see `ChartGeometry`);
  /// `reserve` pixels at the header's right stay free for the caller's controls.
  @discardableResult
  func chart(_ spec: ChartSpec, in rect: Rect, reserve: Float = 0) -> ChartGeometry {
    let caption = TypeSize.caption
    let g = ChartGeometry(spec, in: rect, reserve: reserve) { self.measure($0, size: caption) }
    let t = theme
    let area = g.plotArea
    draw.fillRect(area, Color(rgb: 0xF7F8FA))
    if spec.logScale {
      // Faint lines at 2…9 × each decade, so the log scale reads as one.
      for decade in AxisTicks.decades(in: (g.yRange.lowerBound / 10)...g.yRange.upperBound, maximumCount: 64)
      {
        for k in 2...9 {
          let v = decade * Float(k)
          guard v > g.yRange.lowerBound && v < g.yRange.upperBound else { continue }
          let y = LineChart.y(value: v, in: area, yRange: g.yRange, logScale: true)
          draw.line(from: Point(area.minX, y), to: Point(area.maxX, y), width: 1, Color(rgb: 0xE6E9ED))
        }
      }
    }
    for tick in g.yTicks {
      draw.line(
        from: Point(area.minX, tick.position), to: Point(area.maxX, tick.position), width: 1, t.separator)
      draw.line(
        from: Point(area.minX - 5, tick.position), to: Point(area.minX, tick.position), width: 1.5,
        t.mutedText)
      label(tick.label, in: tick.box, size: caption, color: t.mutedText, alignment: .right)
    }
    for tick in g.xTicks {
      draw.line(
        from: Point(tick.position, area.maxY), to: Point(tick.position, area.maxY + 5), width: 1.5,
        t.mutedText)
      label(tick.label, in: tick.box, size: caption, color: t.mutedText, alignment: .center)
    }
    draw.line(from: Point(area.minX, area.minY), to: Point(area.minX, area.maxY), width: 1.5, t.mutedText)
    draw.line(from: Point(area.minX, area.maxY), to: Point(area.maxX, area.maxY), width: 1.5, t.mutedText)
    label(spec.title, in: g.title, size: caption, color: t.text)
    label(tr("epoch"), in: g.xTitle, size: caption, color: t.mutedText, alignment: .right)
    for (line, entry) in zip(spec.lines, g.legend) {
      draw.fillRect(entry.swatch, line.color)
      label(line.name, in: entry.text, size: caption, color: t.text)
    }
    pushClip(area.inset(dx: -2, dy: -2))
    for line in spec.lines {
      let points = LineChart.polyline(
        series: line.series, in: area, yRange: g.yRange, epochRange: g.epochs, logScale: spec.logScale)
      if points.count >= 2 { draw.polyline(points, width: line.width, line.color) }
    }
    popClip()
    return g
  }
}
