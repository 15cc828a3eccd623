import ImmediateUI
import PlaygroundUI
import Testing

/// The quit prompt answers clicks and keys, and nothing else.
@Suite struct QuitPromptTests {
  func choice(keys: [KeyPress] = [], click: Point? = nil) -> QuitChoice? {
    let ui = UIContext()
    var input = UIInput(mouse: click ?? UIInput.offscreen, windowSize: Size(800, 600))
    input.keys = keys
    var answer: QuitChoice?
    if click != nil {
      input.pressed.insert(.left)
      input.buttonsDown.insert(.left)
      ui.begin(input)
      answer = QuitPrompt.frame(ui, sessionName: "s.json")
      _ = ui.end()
      input.startFrame()
      input.buttonsDown.remove(.left)
      input.released.insert(.left)
    }
    ui.begin(input)
    answer = answer ?? QuitPrompt.frame(ui, sessionName: "s.json")
    _ = ui.end()
    return answer
  }

  @Test func keysChoose() {
    #expect(choice() == nil)
    #expect(choice(keys: [KeyPress(.escape)]) == .cancel)
    #expect(choice(keys: [KeyPress(.enter)]) == .save)
    #expect(choice(keys: [KeyPress(.character("s"))]) == .save)
    #expect(choice(keys: [KeyPress(.character("d"))]) == .discard)
    #expect(choice(keys: [KeyPress(.character("q"))]) == nil)
    #expect(choice(keys: [KeyPress(.character("s"), modifiers: .ctrl)]) == nil)
  }

  /// 800×600: the card is 540×190 centered, buttons 130 wide at its bottom right, 10 apart.
  @Test func buttonsChoose() {
    #expect(choice(click: Point(300, 357)) == .save)
    #expect(choice(click: Point(440, 357)) == .discard)
    #expect(choice(click: Point(580, 357)) == .cancel)
    #expect(choice(click: Point(200, 250)) == nil)
  }

  @Test func inertInputHasNothingToActOn() {
    var input = UIInput(mouse: Point(10, 10), windowSize: Size(800, 600))
    input.pressed.insert(.left)
    input.keys = [KeyPress(.character("q"), modifiers: .ctrl)]
    input.quitRequested = true
    let quiet = QuitPrompt.inert(input)
    #expect(quiet.pressed.isEmpty && quiet.keys.isEmpty && !quiet.quitRequested && quiet.mouse == UIInput.offscreen)
    #expect(quiet.windowSize == input.windowSize)
  }
}
