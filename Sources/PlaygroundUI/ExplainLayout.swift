import ImmediateUI
import PlaygroundCore

/// Where "Explain a step" puts its point chooser, explanation and plot while it holds the output
/// panel. The plot is the layout's `plot`, where a click picks a training point.
public struct ExplainPanelLayout: Hashable, Sendable {
  public var title: Rect
  public var previousPoint: Rect
  public var nextPoint: Rect
  /// "Point 12 of 250".
  public var point: Rect
  /// The stage's explanation with its numbers.
  public var text: Rect

  /// Cuts `inner` (the output panel inside its margin; `heading` already cut from it) and sets
  /// `layout.plot`: beside the text when that gives a larger plot (a wide, short panel), else
  /// under it.
  init(_ inner: Rect, heading: Rect, layout: inout Layout) {
    let o = OutputMetrics.self
    var rest = inner
    // A wide panel puts the point chooser beside the title, leaving the plot that row.
    var row: Rect
    if inner.width >= 480 {
      var head = heading
      title = head.cutLeft(min(220, (head.width * 0.4).rounded()), spacing: 12)
      row = head
    } else {
      title = heading
      row = rest.cutTop(34, spacing: 8)
    }
    let side = row.height
    previousPoint = row.cutLeft(side, spacing: 6)
    nextPoint = row.cutLeft(side, spacing: 8)
    point = row
    // The plot first; the text keeps at least 110 (six lines of 13 pt, eight of 11 pt).
    let textMinimum: Float = 110
    let stackedSide = min(rest.width - o.plotGutterLeft - 6, rest.height - textMinimum - 12 - o.plotGutterBottom)
      .rounded(.down)
    // Room the plot cannot use (a tall, narrow panel) goes to the text, up to 190; the rest stays
    // below the plot.
    let textHeight = min(max(textMinimum, rest.height - max(40, stackedSide) - 12 - o.plotGutterBottom), 190)
    let besideSide = min(rest.height - 10 - o.plotGutterBottom, rest.width - o.plotGutterLeft - 12 - 220)
    if besideSide > stackedSide && besideSide >= 160 {
      _ = rest.cutTop(10)
      layout.plot = Rect(x: rest.x + o.plotGutterLeft, y: rest.y, width: besideSide, height: besideSide)
      text = Rect(x: layout.plot.maxX + 12, y: rest.y, width: rest.maxX - layout.plot.maxX - 12, height: rest.height)
    } else {
      text = rest.cutTop(textHeight, spacing: 12)
      let side = max(40, min(rest.width - o.plotGutterLeft - 6, rest.height - o.plotGutterBottom).rounded(.down))
      let x = (rest.midX - (side + o.plotGutterLeft) / 2 + o.plotGutterLeft).rounded()
      layout.plot = Rect(x: x, y: rest.y, width: side, height: side)
    }
  }
}

/// The walk-through's Back, Next, stage name and Done, in the network panel's heading row (where
/// the layer buttons are while it is closed), so they sit beside the numbers they step through
/// even when a narrow window folds OUTPUT behind a tab.
public struct ExplainBarLayout: Hashable, Sendable {
  public var back: Rect
  public var next: Rect
  /// "3 of 8: Forward: hidden layer 2".
  public var stage: Rect
  public var leave: Rect

  init(row: Rect) {
    var row = row
    let height = row.height
    let width: Float = row.width < 400 ? 68 : (row.width < 520 ? 76 : 96)
    let button = { (r: Rect) in Rect(x: r.x, y: row.midY - height / 2, width: r.width, height: height) }
    back = button(row.cutLeft(width, spacing: 6))
    next = button(row.cutLeft(width, spacing: 10))
    leave = button(row.cutRight(width, spacing: 10))
    stage = row
  }
}

extension Layout {
  /// The walk-through's parts, when one is open: the bar over the network and the output panel's
  /// place.
  mutating func layExplain(state: AppState) {
    guard state.explain != nil else { return }
    let left = networkPanel.x + Metrics.margin
    // The heading row ends at the Explain button when it sits there, else at the count's end.
    let right = explainButton.minY < layerCountLabel.maxY ? max(explainButton.maxX, layerCountLabel.maxX) : layerCountLabel.maxX
    explainBar = ExplainBarLayout(
      row: Rect(x: left, y: layerCountLabel.y, width: max(0, right - left), height: layerCountLabel.height))
  }
}
