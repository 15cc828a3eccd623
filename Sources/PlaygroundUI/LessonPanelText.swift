import ImmediateUI
import LessonKit
import Localization
import PlaygroundCore

/// One paragraph of the lesson panel's scrolling text; `mark` draws a check (true) or a cross (false).
struct LessonTextBlock {
  var text: String
  var size: Float = TypeSize.body
  var color: Color
  var weight: FontWeight = .regular
  var mark: Bool? = nil
}

extension PlaygroundView {
  /// The step's text, in reading order: what to do, the question, training progress, the hint, a
  /// note when free play changed the step's settings, and after the step the ✓/✗ sentences.
  func lessonBlocks(_ f: inout FrameBuilder, guide: GuidedLesson, changed: [String]) -> [LessonTextBlock] {
    let t = f.theme
    let muted = t.mutedText
    var blocks: [LessonTextBlock] = []
    if let say = guide.step.say { blocks.append(LessonTextBlock(text: verbatim(say), color: t.text)) }
    switch guide.step.action {
    case .ask(let question)?:
      blocks.append(LessonTextBlock(text: verbatim(question.question), color: t.text, weight: .bold))
    case .train(let epochs)?:
      blocks.append(
        LessonTextBlock(
          text: Self.trainingLine(
            epochs: epochs, trained: guide.epochsTrained(in: f.state), report: guide.report),
          size: TypeSize.caption, color: muted, weight: .bold))
    case .task(let task)?:
      if guide.report == nil, let hint = task.hint {
        blocks.append(LessonTextBlock(text: tr("Hint: {1}", verbatim(hint)), size: TypeSize.caption, color: muted))
      }
    default: break
    }
    if !changed.isEmpty {
      blocks.append(
        LessonTextBlock(
          text: tr(
            "You changed {1} since the lesson set it up, so this step's text may not match the screen. \"Set up this step\" puts back the lesson's settings (your changes are replaced).",
            Self.list(changed)),
          size: TypeSize.caption, color: Color(rgb: 0xC25E00), weight: .bold))
    }
    if let report = guide.report {
      let caption = TypeSize.caption
      let green = Color(rgb: 0x2E7D32)
      let orange = Color(rgb: 0xC25E00)
      func add(_ ok: Bool, _ line: String) {
        blocks.append(
          LessonTextBlock(text: line, size: caption, color: ok ? green : orange, weight: .bold, mark: ok))
      }
      if let goal = report.goal {
        add(goal.holds, report.solutionApplied ? tr("{1} (done by Show me)", verbatim(goal.sentence)) : verbatim(goal.sentence))
      }
      if case .ask(let question)? = guide.step.action, let answer = report.answer {
        let verdict = answer.correct ? tr("Right.") : tr("Not quite.")
        // The verdict in the learner's language, then the lesson's own words.
        add(answer.correct, question.explain.map { verbatim(verdict + " " + $0) } ?? verdict)
      }
      for e in report.expectations { add(e.holds, verbatim(e.sentence)) }
    }
    for error in guide.stepErrors {
      blocks.append(LessonTextBlock(text: verbatim(error.message), size: TypeSize.caption, color: Color(rgb: 0xC62828)))
    }
    return blocks
  }

  /// "Trained 40 of 100 epochs. Press Play.", then what was really done: "Trained 100 epochs." or
  /// "Stopped after 1 epoch: training diverged." (the counter and the text agree).
  static func trainingLine(epochs: Int, trained: Int, report: StepReport?) -> String {
    let done = min(epochs, trained)
    guard let report else { return tr("Trained {1} of {2} epochs. Press Play.", done, epochs) }
    if report.metrics.diverged && done < epochs {
      return done == 1 ? tr("Stopped after 1 epoch: training diverged.") : tr("Stopped after {1} epochs: training diverged.", done)
    }
    return done == 1 ? tr("Trained 1 epoch.") : tr("Trained {1} epochs.", done)
  }

  /// "the dataset", "the dataset and the features", "a, b and c".
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : tr("{1} and {2}", items.dropLast().joined(separator: ", "), last)
  }

  /// Draws `blocks` in `area`, scrolled by the session's offset. Text that does not fit scrolls
  /// (mouse wheel over it; a bar on the right and a "more" line say there is more): only whole lines
  /// inside the area are drawn, so nothing is cut and every line can be reached.
  func drawScrollingText(
    _ f: inout FrameBuilder, blocks: [LessonTextBlock], in area: Rect, guide: GuidedLesson
  ) {
    let ui = f.ui
    let gap: Float = 10
    func wrapped(_ width: Float) -> [(LessonTextBlock, [String], Float)] {
      blocks.map { b in
        let lh = (ui.measure("Ag", size: b.size, weight: b.weight).height * 1.1).rounded()
        let w = width - (b.mark == nil ? 0 : 26)
        return (b, ui.wrap(b.text, toWidth: w, size: b.size, weight: b.weight), lh)
      }
    }
    func height(_ laid: [(LessonTextBlock, [String], Float)]) -> Float {
      laid.reduce(0) { $0 + max(Float($1.1.count) * $1.2, $1.0.mark == nil ? 0 : 22) + gap }
    }
    var laid = wrapped(area.width)
    var view = area
    let cueHeight: Float = 22
    let overflows = height(laid) > area.height
    if overflows {
      view = Rect(x: area.x, y: area.y, width: area.width - 12, height: area.height - cueHeight)
      laid = wrapped(view.width)
    }
    let total = height(laid)
    // Too little room for even one line: nothing can be scrolled into view, so it is truly cut.
    if let tallest = laid.map(\.2).max(), view.height < tallest {
      for (_, lines, lh) in laid {
        for line in lines {
          ui.noteTruncation(
            line, in: Rect(x: view.x, y: view.y, width: view.width, height: lh), how: "no room to scroll")
        }
      }
      return
    }
    let maxScroll = max(0, total - view.height)
    let scroll = min(max(0, guide.textScroll), maxScroll)
    if overflows, ui.isMouseOver(area), ui.input.wheel.y != 0 {
      f.lessonCommands.append(.scroll(to: min(max(0, scroll - ui.input.wheel.y * 40), maxScroll)))
    }
    var y = view.y - scroll
    for (block, lines, lh) in laid {
      let top = y
      let x = view.x + (block.mark == nil ? 0 : 26)
      for line in lines {
        if y >= view.y - 0.5 && y + lh <= view.maxY + 0.5 {
          ui.draw.text(line, at: Point(x, y), size: block.size, block.color, weight: block.weight)
        }
        y += lh
      }
      if let ok = block.mark, top >= view.y - 0.5, top + 20 <= view.maxY + 0.5 {
        drawMark(ui, ok: ok, at: Rect(x: view.x, y: top + 2, width: 18, height: 18), color: block.color)
      }
      y = max(y, top + (block.mark == nil ? 0 : 22)) + gap
    }
    guard overflows else { return }
    // The scroll bar: where the view is in the whole text.
    let track = Rect(x: area.maxX - 6, y: view.y, width: 6, height: view.height)
    ui.draw.fillRoundedRect(track, radius: 3, Color(rgb: 0xD8E2EA))
    let thumbHeight = max(24, track.height * view.height / total)
    let thumbY = track.y + (track.height - thumbHeight) * (maxScroll > 0 ? scroll / maxScroll : 0)
    ui.draw.fillRoundedRect(
      Rect(x: track.x, y: thumbY, width: 6, height: thumbHeight), radius: 3, f.theme.accent)
    let cue = scroll < maxScroll - 1 ? tr("more below ↓ (scroll)") : tr("↑ more above (scroll)")
    ui.label(
      cue, in: Rect(x: area.x, y: view.maxY + 2, width: area.width, height: cueHeight - 2),
      size: TypeSize.caption,
      color: f.theme.mutedText, weight: .bold)
  }

  func drawMark(_ ui: UIContext, ok: Bool, at mark: Rect, color: Color) {
    if ok {
      ui.draw.polyline(
        [Point(mark.x + 2, mark.midY), Point(mark.x + 7, mark.maxY - 2), Point(mark.maxX - 1, mark.y + 2)],
        width: 3.5, color)
    } else {
      ui.draw.line(
        from: Point(mark.x + 3, mark.y + 3), to: Point(mark.maxX - 3, mark.maxY - 3), width: 3.5, color)
      ui.draw.line(
        from: Point(mark.maxX - 3, mark.y + 3), to: Point(mark.x + 3, mark.maxY - 3), width: 3.5, color)
    }
  }
}
