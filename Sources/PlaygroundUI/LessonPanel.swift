import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore

/// What the learner asked the lesson panel for; the window applies it to its `GuidedLesson`.
public enum LessonPanelCommand: Equatable, Sendable {
  case next
  case back
  /// Apply the task's solution, train the step's epochs, or pick the question's answer.
  case showMe
  /// A question's choice, counting from 0.
  case answer(Int)
  /// Scroll the step's text to this offset (points from the top), from the mouse wheel.
  case scroll(to: Float)
  /// "Set up this step": replay the lesson's script up to this step (free play changed settings
  /// the step's text relies on).
  case setUp
}

/// Where the lesson panel's parts sit: a strip on the right of the window, full height.
public struct LessonPanelLayout: Hashable, Sendable {
  public var panel: Rect
  /// Title, "Step k of n", the step's text and the feedback.
  public var text: Rect
  public var backButton: Rect
  public var nextButton: Rect
  /// "Show me" (train and task steps; nil otherwise).
  public var showMeButton: Rect?
  /// "Set up this step", when free play changed what the step's text relies on (nil otherwise).
  public var setUpButton: Rect?
  /// One button per choice of a question, top to bottom.
  public var choiceButtons: [Rect]
  /// A short panel lists the choices with the step's text ("A. …", scrolling with it) and keeps
  /// only a row of letter buttons, so the text always has room.
  public var compactChoices = false

  /// The strip's width for a window `width` wide (the rest goes to the playground).
  public static func width(forWindow width: Float) -> Float {
    min(400, max(290, (width * 0.235).rounded()))
  }

  /// The strip for a window of `window`, starting `top` pixels down (under the top bar).
  public init(window: Size, step: Step, offersSetUp: Bool = false, top: Float = 0) {
    let w = Self.width(forWindow: window.width)
    panel = Rect(x: window.width - w, y: top, width: w, height: max(0, window.height - top))
    var inner = panel.inset(dx: 16, dy: 14)
    let nav = inner.cutBottom(46, spacing: 10)
    let halves = nav.columns(2, spacing: 10)
    backButton = halves[0]
    nextButton = halves[1]
    switch step.action {
    case .train?, .task?: showMeButton = inner.cutBottom(44, spacing: 10)
    default: showMeButton = nil
    }
    setUpButton = offersSetUp ? inner.cutBottom(44, spacing: 10) : nil
    if case .ask(let question)? = step.action {
      // Each choice gets the lines its text needs (about 8.6 px a character at 15 pt, plus room for
      // word wrap's ragged ends); the step's text above scrolls when little room is left.
      let perLine = max(10, Int((inner.width - 20) / 9.4))
      let heights = question.choices.map { choice in
        Float(min(6, max(1, (choice.count + perLine - 1) / perLine))) * 18 + 26
      }
      if inner.height - heights.reduce(0) { $0 + $1 + 8 } >= 160 {
        choiceButtons = Array(heights.reversed().map { inner.cutBottom($0, spacing: 8) }.reversed())
      } else {
        compactChoices = true
        choiceButtons = inner.cutBottom(40, spacing: 8).columns(question.choices.count, spacing: 8)
      }
    } else {
      choiceButtons = []
    }
    text = inner
  }
}

extension PlaygroundView {
  /// The lesson panel's layout for a window of `size` (nil outside guided mode); with `state`, the
  /// "Set up this step" button is placed when free play changed the step's settings.
  public func lessonLayout(for size: Size, state: AppState? = nil) -> LessonPanelLayout? {
    guard let lesson else { return nil }
    let offers = state.map { !lesson.changedSettings(in: $0).isEmpty } ?? false
    let top = state.map { layout(for: size, state: $0).topBar.maxY } ?? 0
    return LessonPanelLayout(window: size, step: lesson.step, offersSetUp: offers, top: top)
  }

  /// The step's text and feedback, the pointer, and the buttons.
  /// `pointer` is the highlighted control's rectangle, when the view shows it.
  func drawLessonPanel(_ f: inout FrameBuilder, guide: GuidedLesson, pointer: Rect?) {
    let ui = f.ui
    let t = f.theme
    let changed = guide.changedSettings(in: f.state)
    let l = LessonPanelLayout(
      window: ui.input.windowSize, step: guide.step, offersSetUp: !changed.isEmpty, top: f.layout.topBar.maxY)
    ui.draw.fillRect(l.panel, Color(rgb: 0xF4F8FB))
    ui.draw.fillRect(Rect(x: l.panel.x, y: l.panel.y, width: 3, height: l.panel.height), t.accent)

    // The title stays on top when it leaves the text room; otherwise (a long title in a small
    // window) it scrolls with the step's text rather than squeeze it out.
    var text = l.text
    let lessonTitle = verbatim(guide.lesson.title)
    let titleLines = ui.wrap(lessonTitle, toWidth: text.width, size: 20, weight: .bold).count
    let fixedTitle = titleLines <= 2 && text.height - 56 * Float(titleLines) >= 240
    if fixedTitle {
      let titleHeight = ui.paragraph(lessonTitle, in: text, size: 20, color: t.text, weight: .bold)
      _ = text.cutTop(titleHeight + 4)
    }
    let progress = text.cutTop(22, spacing: 4)
    ui.label(
      tr("Step {1} of {2}", guide.stepNumber, guide.stepCount), in: progress, size: TypeSize.caption,
      color: t.mutedText, weight: .bold)
    let bar = text.cutTop(6, spacing: 14)
    ui.draw.fillRoundedRect(bar, radius: 3, Color(rgb: 0xD8E2EA))
    let done = bar.width * Float(guide.stepNumber) / Float(max(1, guide.stepCount))
    ui.draw.fillRoundedRect(Rect(x: bar.x, y: bar.y, width: done, height: bar.height), radius: 3, t.accent)

    let title = LessonTextBlock(text: lessonTitle, size: 20, color: t.text, weight: .bold)
    var blocks = (fixedTitle ? [] : [title]) + lessonBlocks(&f, guide: guide, changed: changed)
    if l.compactChoices, case .ask(let question)? = guide.step.action {
      for (i, choice) in question.choices.enumerated() {
        blocks.append(LessonTextBlock(text: verbatim("\(Self.choiceLetter(i)). \(choice)"), size: TypeSize.caption, color: t.text))
      }
    }
    drawScrollingText(&f, blocks: blocks, in: text, guide: guide)

    if case .ask(let question)? = guide.step.action {
      drawChoices(
        &f, question: question, chosen: guide.chosenAnswer, rects: l.choiceButtons, lettersOnly: l.compactChoices)
    }
    if let setUp = l.setUpButton, ui.button(tr("Set up this step"), in: setUp, style: .primary) {
      f.lessonCommands.append(.setUp)
    }
    if let showMe = l.showMeButton,
      ui.button(tr("Show me"), in: showMe, enabled: guide.report == nil, style: .normal)
    {
      f.lessonCommands.append(.showMe)
    }
    if ui.button(tr("‹ Back"), in: l.backButton, enabled: !guide.isFirstStep) { f.lessonCommands.append(.back) }
    let ready = guide.report != nil
    if ui.button(
      guide.isLastStep ? tr("Finished") : tr("Next ›"), in: l.nextButton, enabled: !guide.isLastStep,
      style: ready && changed.isEmpty ? .primary : .normal)
    {
      f.lessonCommands.append(.next)
    }

    if let pointer { drawPointer(&f, at: pointer) }
  }

  /// The choices as wide buttons; after an answer the right one turns green and a wrong pick orange.
  /// "A", "B", "C", … for choice `i`.
  static func choiceLetter(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i % 26))) }

  private func drawChoices(
    _ f: inout FrameBuilder, question: Question, chosen: Int?, rects: [Rect], lettersOnly: Bool = false
  ) {
    let ui = f.ui
    let t = f.theme
    for (i, r) in rects.enumerated() where i < question.choices.count {
      let state = ui.region("lesson choice \(i)", r)
      var fill = state.hovered ? t.accentSoft : t.panel
      var edge = state.hovered ? t.accent : t.panelBorder
      if let chosen {
        if i == question.answer {
          fill = Color(rgb: 0xDFF2E0)
          edge = Color(rgb: 0x2E7D32)
        } else if i == chosen {
          fill = Color(rgb: 0xFFE9CC)
          edge = Color(rgb: 0xC25E00)
        }
      }
      ui.draw.fillRoundedRect(r, radius: 6, fill)
      ui.draw.strokeRoundedRect(r, radius: 6, width: i == chosen ? 3 : 1.5, edge)
      if lettersOnly {
        ui.label(verbatim(Self.choiceLetter(i)), in: r, size: TypeSize.body, color: t.text, alignment: .center, weight: .bold)
        if state.hovered && ui.activeID == nil { ui.tooltip(verbatim(question.choices[i])) }
        if state.clicked { f.lessonCommands.append(.answer(i)) }
        continue
      }
      let inner = r.inset(dx: 10, dy: 6)
      let lines = ui.wrap(verbatim(question.choices[i]), toWidth: inner.width, size: TypeSize.caption)
      let lineHeight = (ui.measure("Ag", size: TypeSize.caption).height * 1.1).rounded()
      let used = min(Float(lines.count) * lineHeight, inner.height)
      let top = Rect(x: inner.x, y: inner.midY - used / 2, width: inner.width, height: used + 1)
      ui.paragraph(question.choices[i], in: top, size: TypeSize.caption, color: t.text)
      if state.clicked { f.lessonCommands.append(.answer(i)) }
    }
  }
}
