import ImmediateUI
import PlaygroundCore

extension PlaygroundView {
  /// Reset, the big round play button, step, the epoch counter and the training menus.
  func drawTopBar(_ f: inout FrameBuilder) {
    let ui = f.ui
    let l = f.layout
    let t = f.theme
    let config = f.state.config
    ui.draw.fillRect(l.topBar, t.panel)
    ui.draw.fillRect(
      Rect(x: l.topBar.x, y: l.topBar.maxY - 1, width: l.topBar.width, height: 1), t.panelBorder)

    if ui.iconButton("Reset", icon: .reset, in: l.resetButton) { f.actions.append(.reset) }
    hint(ui, l.resetButton, "Reset the network (R)")
    // The play button is round: a corner radius of half its side.
    let savedRadius = ui.theme.cornerRadius
    ui.theme.cornerRadius = l.playButton.width / 2
    let icon: Icon = f.state.isPlaying ? .pause : .play
    if ui.iconButton("Play", icon: icon, in: l.playButton, style: .primary) { f.actions.append(.togglePlay) }
    ui.theme.cornerRadius = savedRadius
    hint(ui, l.playButton, f.state.isPlaying ? "Pause training (Space)" : "Start training (Space)")
    if ui.iconButton("Step", icon: .step, in: l.stepButton) { f.actions.append(.step) }
    hint(ui, l.stepButton, "Train one epoch (→)")

    ui.label("Epoch", in: l.epoch.splitTop(20).top, size: TypeSize.caption, color: t.mutedText)
    ui.label(
      Format.epoch(f.state.experiment.epoch), in: l.epoch.splitTop(22).rest, size: TypeSize.counter,
      color: t.text, alignment: .left, weight: .bold)

    let rates = Choices.menu(Choices.learningRates, current: config.learningRate)
    if let i = menu(&f, "Learning rate", rates.values.map(Choices.name), rates.selected, l.learningRate) {
      f.actions.append(.setLearningRate(rates.values[i]))
    }
    let activation = Choices.activations.firstIndex(of: config.activation) ?? 0
    if let i = menu(&f, "Activation", Choices.activations.map(Choices.name), activation, l.activation) {
      f.actions.append(.setActivation(Choices.activations[i]))
    }
    let regularization = Choices.regularizations.firstIndex(of: config.regularization) ?? 0
    if let i = menu(
      &f, "Regularization", Choices.regularizations.map(Choices.name), regularization, l.regularization)
    {
      f.actions.append(.setRegularization(Choices.regularizations[i]))
    }
    let regRates = Choices.menu(Choices.regularizationRates, current: config.regularizationRate)
    if let i = menu(
      &f, "Reg. rate", regRates.values.map(Choices.name), regRates.selected, l.regularizationRate)
    {
      f.actions.append(.setRegularizationRate(regRates.values[i]))
    }
    let problem = Choices.problems.firstIndex(of: config.problem) ?? 0
    // The problem menu gives the mode switch room on its right.
    var problemRect = l.problemType
    problemRect.width = min(problemRect.width, l.modeSwitch.minX - 12 - problemRect.x)
    if let i = menu(&f, "Problem type", Choices.problems.map(Choices.name), problem, problemRect) {
      f.actions.append(.selectProblem(Choices.problems[i]))
    }
    drawModeSwitch(ui, l, mode: .dense, into: &f.actions)

    if ui.button("?", in: l.helpButton) { f.actions.append(.toggleHelp) }
    hint(ui, l.helpButton, "Keyboard shortcuts (H)")
  }

  /// A dropdown with its caption above it.
  private func menu(
    _ f: inout FrameBuilder, _ caption: String, _ options: [String], _ selected: Int, _ rect: Rect
  )
    -> Int?
  {
    let box = Rect(x: rect.x, y: f.layout.topBar.y + 8, width: rect.width + 9, height: 20)
    let ui = f.ui
    ui.label(caption, in: box, size: TypeSize.caption, color: f.theme.mutedText)
    // A narrow window shrinks the menu's type a little (never below 15 pt) rather than cut words.
    let room = rect.width - 2 * ui.theme.padding - 26
    let widest = options.map { ui.measure($0, size: TypeSize.body).width }.max() ?? 0
    let saved = ui.theme.bodySize
    if widest > room {
      ui.theme.bodySize = max(TypeSize.caption, (TypeSize.body * room / widest).rounded(.down))
    }
    defer { ui.theme.bodySize = saved }
    return ui.dropdown(caption, options: options, selected: selected, in: rect)
  }

  /// A tooltip for a button while the mouse rests on it (not while pressing).
  func hint(_ ui: UIContext, _ rect: Rect, _ text: String) {
    if ui.isMouseOver(rect) && ui.activeID == nil && ui.focusedID == nil { ui.tooltip(text) }
  }
}
