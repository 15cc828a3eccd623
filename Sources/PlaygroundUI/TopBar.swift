import ImmediateUI
import Localization
import PlaygroundCore
import Training

extension PlaygroundView {
  /// The 2-D top bar: the shared parts, then activation, regularization, its rate
  /// and the problem type (the rates also take a typed value).
  func drawTopBar(_ f: inout FrameBuilder) {
    let ui = f.ui
    let l = f.layout
    let config = f.state.config
    drawTopBarFrame(ui, l, f.state, into: &f.actions)
    let activation = Choices.activations.firstIndex(of: config.activation) ?? 0
    if let i = topBarMenu(ui, tr("Activation"), Choices.activations.map(Choices.name), activation, l.activation) {
      f.actions.append(.setActivation(Choices.activations[i]))
    }
    hint(ui, l.activation, MathsCards.activation(config.activation))
    let regularization = Choices.regularizations.firstIndex(of: config.regularization) ?? 0
    if let i = topBarMenu(
      ui, tr("Regularization"), Choices.regularizations.map(Choices.name), regularization, l.regularization)
    {
      f.actions.append(.setRegularization(Choices.regularizations[i]))
    }
    let epoch = f.state.experiment.epoch
    let regularizationCard = { MathsCards.regularization(
      config.regularization, rate: config.regularizationRate,
      learningRate: config.learningSettings.learningRate(base: config.learningRate, epoch: epoch)) }
    hint(ui, l.regularization, regularizationCard())
    let regRates = Choices.menu(Choices.regularizationRates, current: config.regularizationRate)
    if let event = entryMenu(
      ui, tr("Reg. rate"), regRates.values.map(Choices.name), regRates.selected, l.regularizationRate,
      card: regularizationCard)
    {
      f.actions.append(TypedRate.regularizationRate(event, regRates.values))
    }
    let problem = Choices.problems.firstIndex(of: config.problem) ?? 0
    if let i = topBarMenu(ui, tr("Problem type"), Choices.problems.map(Choices.name), problem, l.problemType) {
      f.actions.append(.selectProblem(Choices.problems[i]))
    }
  }

  /// What both modes' top bars share, for the run that shows: the panel, reset, the round play
  /// button, step, the epoch counter, the speed and learning-rate menus, the "2-D | CNN" switch
  /// and help.
  func drawTopBarFrame(_ ui: UIContext, _ l: Layout, _ state: AppState, into actions: inout [Action]) {
    let run = state.active
    let playing = run.isPlaying
    let mode = state.mode
    let t = ui.theme
    ui.draw.fillRect(l.topBar, t.panel)
    ui.draw.fillRect(
      Rect(x: l.topBar.x, y: l.topBar.maxY - 1, width: l.topBar.width, height: 1), t.panelBorder)

    if ui.iconButton("Reset", icon: .reset, in: l.resetButton) { actions.append(.reset) }
    hint(ui, l.resetButton, tr("Reset the network (R)"))
    // The play button is round: a corner radius of half its side.
    let savedRadius = ui.theme.cornerRadius
    ui.theme.cornerRadius = l.playButton.width / 2
    if ui.iconButton("Play", icon: playing ? .pause : .play, in: l.playButton, style: .primary) {
      actions.append(.togglePlay)
    }
    ui.theme.cornerRadius = savedRadius
    hint(ui, l.playButton, playing ? tr("Pause training (Space)") : tr("Start training (Space)"))
    if ui.iconButton("Step", icon: .step, in: l.stepButton) { actions.append(.step) }
    hint(ui, l.stepButton, tr("Train one epoch (→)"))

    ui.label(tr("Epoch"), in: l.epoch.splitTop(20).top, size: TypeSize.caption, color: t.mutedText)
    let counter = l.epoch.splitTop(22).rest
    let text = Format.epoch(run.epoch, fitting: counter.width) {
      ui.measure($0, size: TypeSize.counter, weight: .bold).width
    }
    ui.label(text, in: counter, size: TypeSize.counter, color: t.text, alignment: .left, weight: .bold)

    let steps = SpeedChoices.menu(mode: mode, current: run.speed)
    if let i = topBarMenu(ui, SpeedChoices.caption(mode), steps.values.map(SpeedChoices.name), steps.selected, l.speed) {
      actions.append(.setSpeed(steps.values[i]))
    }
    hint(ui, l.speed, SpeedChoices.hint(mode))

    let rates = Choices.menu(Choices.learningRates, current: run.learningRate)
    if let event = entryMenu(
      ui, tr("Learning rate"), rates.values.map(Choices.name), rates.selected, l.learningRate, short: tr("Learning rate::short"),
      card: { MathsCards.optimizer(run.learningSettings, baseRate: run.learningRate, epoch: run.epoch) })
    {
      actions.append(TypedRate.learningRate(event, rates.values, set: Action.setLearningRate))
    }

    let r = l.modeSwitch
    ui.label(tr("Mode"), in: TopBarPlan.caption(for: r), size: TypeSize.caption, color: t.mutedText)
    let modes: [AppMode] = [.dense, .cnn]
    if let i = ui.segmented("mode", options: [tr("2-D"), verbatim("CNN")], selected: modes.firstIndex(of: mode) ?? 0, in: r) {
      actions.append(.setMode(modes[i]))
    }
    hint(ui, r, tr("2-D: points in the plane · CNN: a convolutional network on shape images"))

    drawLearningMenus(ui, l, run.learningSettings, baseRate: run.learningRate, epoch: run.epoch, into: &actions)

    if ui.button("?", in: l.helpButton) { actions.append(.toggleHelp) }
    hint(ui, l.helpButton, tr("Keyboard shortcuts (H)"))
  }

  /// A dropdown with its caption above it. A narrow box shrinks the menu's type a little (never
  /// below 15 pt) rather than cut words.
  func topBarMenu(
    _ ui: UIContext, _ caption: String, _ options: [String], _ selected: Int, _ rect: Rect, short: String? = nil
  ) -> Int? {
    menuCaption(ui, caption, short: short, rect)
    return withMenuType(ui, options, rect) { ui.dropdown(caption, options: options, selected: selected, in: rect) }
  }

  /// A captioned dropdown whose last row, "Other…", takes a typed value.
  func entryMenu(
    _ ui: UIContext, _ caption: String, _ options: [String], _ selected: Int, _ rect: Rect, short: String? = nil,
    card: (() -> String)? = nil
  ) -> EntryMenuEvent? {
    menuCaption(ui, caption, short: short, rect)
    let choose = tr("Choose a value, or Other… to type one")
    hint(ui, rect, card.map { $0() + "\n" + choose } ?? choose)
    return withMenuType(ui, options, rect) { ui.entryMenu(caption, options: options, selected: selected, in: rect, other: tr("Other…")) }
  }

  /// A menu's caption above it: `short` (a language's shorter words) where the whole does not fit.
  private func menuCaption(_ ui: UIContext, _ caption: String, short: String?, _ rect: Rect) {
    let r = TopBarPlan.caption(for: rect)
    let text = short.map { ui.measure(caption, size: TypeSize.caption).width <= r.width ? caption : $0 } ?? caption
    ui.label(text, in: r, size: TypeSize.caption, color: ui.theme.mutedText)
  }

  private func withMenuType<T>(_ ui: UIContext, _ options: [String], _ rect: Rect, _ body: () -> T) -> T {
    let room = rect.width - 2 * ui.theme.padding - 26
    let widest = options.map { ui.measure($0, size: TypeSize.body).width }.max() ?? 0
    let saved = ui.theme.bodySize
    if widest > room {
      ui.theme.bodySize = max(TypeSize.caption, (TypeSize.body * room / widest).rounded(.down))
    }
    defer { ui.theme.bodySize = saved }
    return body()
  }

  /// A tooltip for a button while the mouse rests on it (not while pressing).
  func hint(_ ui: UIContext, _ rect: Rect, _ text: @autoclosure () -> String) {
    if ui.isMouseOver(rect) && ui.activeID == nil && ui.focusedID == nil { ui.tooltip(text()) }
  }
}
