import ImmediateUI
import PlaygroundCore
import Training

/// The top bar of both modes: reset, play, step and the epoch counter on the left; the "2-D | CNN"
/// switch and help on the right; between them the mode's captioned menus, speed first.
///
/// Menus that do not fit beside the buttons wrap, in order, into a second row across the whole
/// width (the rest of the window starts at `height`), so no caption or value is ever cut: at
/// 1280 × 800 everything is one row; at 853 × 533 (1280 × 800 at zoom 1.5) two.
struct TopBarPlan: Hashable, Sendable {
  /// What sits between the counter and the mode switch, in reading order.
  enum Item: Hashable, Sendable {
    case speed, learningRate, activation, regularization, regularizationRate, problemType
    /// CNN mode: batch size and the test accuracy / loss readout.
    case batchSize, summary
    /// Both modes: the optimizer and the dropout rate (`TopBarLearning`).
    case optimizer, dropout
  }

  static let rowHeight: Float = 78
  static let secondRowHeight: Float = 66
  /// A menu's box sits this far below its row's top; its caption fills the space above.
  static let boxTop: Float = 32
  static let boxHeight: Float = 36
  static let spacing: Float = 10
  static let side: Float = 16
  static let epochWidth: Float = 130
  static let modeSwitchWidth: Float = 124

  /// The items of a mode, in order.
  static func items(_ mode: AppMode) -> [Item] {
    switch mode {
    case .dense:
      [.speed, .learningRate, .activation, .regularization, .regularizationRate, .problemType, .optimizer, .dropout]
    case .cnn: [.speed, .learningRate, .batchSize, .summary, .optimizer, .dropout]
    }
  }

  /// Widths each item needs for its longest entry at 17 pt (and its caption at 15 pt), measured
  /// with DejaVu Sans; a row with room to spare widens them up to 1.3×.
  static func need(_ item: Item) -> Float {
    switch item {
    case .speed: 92
    case .learningRate: 112
    case .activation: 114
    case .regularization: 116
    case .regularizationRate: 90
    case .problemType: 160
    case .batchSize: 100
    case .summary: 244
    case .optimizer: 140
    case .dropout: 84
    }
  }

  var height: Float
  var reset = Rect.zero, play = Rect.zero, step = Rect.zero, epoch = Rect.zero
  var modeSwitch = Rect.zero, help = Rect.zero
  /// Each item's box (a menu's closed box; the summary's whole area).
  var cells: [Item: Rect] = [:]

  /// A menu showing `value` needs room for it at 15 pt (the smallest its type shrinks to): digits
  /// are 0.64 em in DejaVu Sans, so 9.6 px a character is an upper bound for numbers, plus the
  /// padding and chevron. A typed rate ("0.0025") or speed ("5,000") widens its menu, or wraps it.
  static func need(_ item: Item, showing value: String?) -> Float {
    let text = value.map { Float($0.count) * 9.6 + 46 } ?? 0
    return max(need(item), text.rounded(.up))
  }

  /// The values the menus show for `state` (the ones a learner or lesson can make long).
  static func values(_ state: AppState) -> [Item: String] {
    [
      .speed: SpeedChoices.name(state.active.speed), .learningRate: Choices.name(state.active.learningRate),
      .regularizationRate: Choices.name(state.config.regularizationRate),
    ]
  }

  /// The plan for a bar `width` wide at the top of the window, its menus showing `values`.
  init(width: Float, mode: AppMode, values: [Item: String] = [:]) {
    let s = TopBarPlan.self
    func square(_ side: Float, _ x: Float) -> Rect {
      Rect(x: x, y: s.rowHeight / 2 - side / 2, width: side, height: side)
    }
    reset = square(40, s.side)
    play = square(58, reset.maxX + 10)
    step = square(40, play.maxX + 10)
    epoch = Rect(x: step.maxX + 14, y: 8, width: s.epochWidth, height: s.rowHeight - 16)
    help = square(40, width - s.side - 40)
    modeSwitch = Rect(
      x: help.minX - 14 - s.modeSwitchWidth, y: s.boxTop, width: s.modeSwitchWidth, height: s.boxHeight)

    // Row 1 takes items in order while they fit; the rest wrap into rows across the whole width
    // (two at 853 px; three in a lesson's narrower bar), each holding at least one item.
    var rest = TopBarPlan.items(mode)[...]
    var row = 0
    height = s.rowHeight
    while !rest.isEmpty {
      let start = row == 0 ? epoch.maxX + 12 : s.side
      let end = row == 0 ? modeSwitch.minX - 12 : width - s.side
      var taken: [Item] = []
      var x = start
      for item in rest {
        let w = TopBarPlan.need(item, showing: values[item])
        guard x + w <= end || (row > 0 && taken.isEmpty) else { break }
        taken.append(item)
        x += w + s.spacing
      }
      rest = rest.dropFirst(taken.count)
      let top = row == 0 ? 0 : s.rowHeight + Float(row - 1) * s.secondRowHeight
      place(taken, from: start, to: end, y: top + (row == 0 ? s.boxTop : s.boxTop - 8), values: values)
      if row > 0 { height += s.secondRowHeight }
      row += 1
    }
  }

  /// Lays `items` left to right between `start` and `end`, sharing spare room up to 1.3× each
  /// (a window too narrow even for one row of them shrinks them; the menus then shrink their type).
  private mutating func place(
    _ items: [Item], from start: Float, to end: Float, y: Float, values: [Item: String]
  ) {
    guard !items.isEmpty else { return }
    let needs = items.map { TopBarPlan.need($0, showing: values[$0]) }
    let room = end - start - TopBarPlan.spacing * Float(items.count - 1)
    let scale = min(1.3, room / needs.reduce(0, +))
    var x = start
    for (item, need) in zip(items, needs) {
      let w = (need * scale).rounded(.down)
      cells[item] = Rect(x: x, y: y, width: w, height: TopBarPlan.boxHeight)
      x += w + TopBarPlan.spacing
    }
  }

  /// Where a menu's caption goes: just above its box.
  static func caption(for box: Rect) -> Rect {
    Rect(x: box.x, y: box.y - 24, width: box.width + 9, height: 20)
  }
}

extension Layout {
  /// A top bar menu's box with its caption above (what a lesson covers or veils).
  static func menuWithCaption(_ box: Rect) -> Rect {
    Rect(x: box.x, y: box.y - 26, width: box.width + 9, height: box.height + 28)
  }

  /// Places the top bar's parts for `mode` (its height was planned by `TopBarPlan`).
  mutating func layTopBar(_ plan: TopBarPlan) {
    let dy = topBar.y
    func at(_ r: Rect) -> Rect { r.offset(dx: topBar.x, dy: dy) }
    resetButton = at(plan.reset)
    playButton = at(plan.play)
    stepButton = at(plan.step)
    epoch = at(plan.epoch)
    helpButton = at(plan.help)
    modeSwitchBox = at(plan.modeSwitch)
    func cell(_ item: TopBarPlan.Item) -> Rect { plan.cells[item].map(at) ?? .zero }
    speed = cell(.speed)
    learningRate = cell(.learningRate)
    activation = cell(.activation)
    regularization = cell(.regularization)
    regularizationRate = cell(.regularizationRate)
    problemType = cell(.problemType)
    cnnBatchSize = cell(.batchSize)
    cnnSummary = cell(.summary)
    optimizer = cell(.optimizer)
    dropout = cell(.dropout)
  }
}
