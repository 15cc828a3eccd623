import ImmediateUI
import PlaygroundCore

/// Where "Explain a step" puts its controls while it holds the output panel: the title and Done,
/// Back / Next with the stage's name, the point chooser, the stage's explanation, and the output
/// plot (the layout's `plot`) where the learner clicks a training point.
public struct ExplainPanelLayout: Hashable, Sendable {
  public var title: Rect
  public var leave: Rect
  public var back: Rect
  public var next: Rect
  /// "2 of 6 · Forward: hidden layer 2".
  public var stage: Rect
  public var previousPoint: Rect
  public var nextPoint: Rect
  /// "Point 12 of 250".
  public var point: Rect
  /// The stage's explanation with its numbers.
  public var text: Rect

  /// Cuts `inner` (the output panel inside its margin; `heading` already cut from it) and sets
  /// `layout.plot`: the plot beside the text when the panel is wide and short, under it otherwise.
  init(_ inner: Rect, heading: Rect, layout: inout Layout) {
    let o = OutputMetrics.self
    var rest = inner
    leave = Rect(x: heading.maxX - 96, y: heading.midY - 17, width: 96, height: 34)
    title = Rect(x: heading.x, y: heading.y, width: max(0, leave.minX - 8 - heading.x), height: heading.height)
    var row = rest.cutTop(34, spacing: 8)
    back = row.cutLeft(84, spacing: 8)
    next = row.cutLeft(84, spacing: 8)
    stage = row
    row = rest.cutTop(34, spacing: 8)
    previousPoint = row.cutLeft(34, spacing: 6)
    nextPoint = row.cutLeft(34, spacing: 8)
    point = row
    // Wide and short: text in a column right of the plot; otherwise text above the plot.
    let besideSide = min(rest.height - 10 - o.plotGutterBottom, rest.width - o.plotGutterLeft - 12 - 220)
    if besideSide >= 160 && besideSide * 1.6 < rest.width {
      _ = rest.cutTop(10)
      layout.plot = Rect(x: rest.x + o.plotGutterLeft, y: rest.y, width: besideSide, height: besideSide)
      text = Rect(x: layout.plot.maxX + 12, y: rest.y, width: rest.maxX - layout.plot.maxX - 12, height: rest.height)
    } else {
      let textHeight = min(max(96, rest.height * 0.42), 190).rounded()
      text = rest.cutTop(textHeight, spacing: 12)
      let side = max(40, min(rest.width - o.plotGutterLeft - 6, rest.height - o.plotGutterBottom).rounded(.down))
      let x = (rest.midX - (side + o.plotGutterLeft) / 2 + o.plotGutterLeft).rounded()
      layout.plot = Rect(x: x, y: rest.y, width: side, height: side)
    }
  }

  /// Every rectangle, for snapping and audits.
  var all: [Rect] { [title, leave, back, next, stage, previousPoint, nextPoint, point, text] }
}
