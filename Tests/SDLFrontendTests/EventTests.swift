import CSDL2
import ImmediateUI
import SDLFrontend
import Testing

@Suite(.serialized) @MainActor struct EventTests {
  /// Pushes `events` through SDL's real queue, then translates whatever comes out.
  func roundTrip(_ events: [SDL_Event], translator: EventTranslator, input start: UIInput = UIInput()) throws
    -> UIInput
  {
    let system = try SDLSystem(video: true)
    SDL_FlushEvents(SDL_FIRSTEVENT.rawValue, SDL_LASTEVENT.rawValue)
    for var e in events { #expect(SDL_PushEvent(&e) == 1) }
    var input = start
    input.startFrame()
    var e = SDL_Event()
    while SDL_PollEvent(&e) == 1 { translator.apply(e, to: &input) }
    withExtendedLifetime(system) {}
    return input
  }

  func mouseButton(_ type: SDL_EventType, x: Int32, y: Int32, button: Int32 = SDL_BUTTON_LEFT) -> SDL_Event {
    var e = SDL_Event()
    e.type = type.rawValue
    e.button.button = UInt8(button)
    e.button.x = x
    e.button.y = y
    return e
  }

  func key(_ sym: SDL_KeyCode, mod: SDL_Keymod = KMOD_NONE) -> SDL_Event {
    var e = SDL_Event()
    e.type = SDL_KEYDOWN.rawValue
    e.key.keysym.sym = SDL_Keycode(sym.rawValue)
    e.key.keysym.mod = UInt16(mod.rawValue)
    return e
  }

  func text(_ s: String) -> SDL_Event {
    var e = SDL_Event()
    e.type = SDL_TEXTINPUT.rawValue
    withUnsafeMutableBytes(of: &e.text.text) { buf in
      for (i, byte) in s.utf8.prefix(31).enumerated() { buf[i] = byte }
    }
    return e
  }

  @Test func mouseEventsBecomeLogicalPositionsAndButtons() throws {
    var motion = SDL_Event()
    motion.type = SDL_MOUSEMOTION.rawValue
    motion.motion.x = 300
    motion.motion.y = 120
    let input = try roundTrip(
      [motion, mouseButton(SDL_MOUSEBUTTONDOWN, x: 310, y: 130)], translator: EventTranslator(zoom: 2))
    #expect(input.mouse == Point(155, 65))
    #expect(input.pressed == .left && input.buttonsDown == .left && input.released.isEmpty)
    #expect(input.scaleFactor == 2)

    let next = try roundTrip(
      [mouseButton(SDL_MOUSEBUTTONUP, x: 310, y: 130)], translator: EventTranslator(zoom: 2), input: input)
    #expect(next.pressed.isEmpty && next.released == .left && next.buttonsDown.isEmpty)
  }

  @Test func keysCarryModifiersAndTextArrivesComposed() throws {
    let input = try roundTrip(
      [
        key(SDLK_RETURN), key(SDLK_a, mod: KMOD_LSHIFT), text("A"), key(SDLK_F5),
        key(SDLK_BACKSPACE, mod: KMOD_RCTRL), text("é"),
      ],
      translator: EventTranslator())
    #expect(
      input.keys == [
        KeyPress(.enter), KeyPress(.character("a"), modifiers: .shift), KeyPress(.function(5)),
        KeyPress(.backspace, modifiers: .ctrl),
      ])
    #expect(input.text == "Aé")
  }

  @Test func wheelResizeAndQuit() throws {
    var wheel = SDL_Event()
    wheel.type = SDL_MOUSEWHEEL.rawValue
    wheel.wheel.preciseY = 1.5
    wheel.wheel.y = 1
    var resize = SDL_Event()
    resize.type = SDL_WINDOWEVENT.rawValue
    resize.window.event = UInt8(SDL_WINDOWEVENT_SIZE_CHANGED.rawValue)
    resize.window.data1 = 1000
    resize.window.data2 = 700
    var quit = SDL_Event()
    quit.type = SDL_QUIT.rawValue
    let input = try roundTrip([wheel, resize, quit], translator: EventTranslator(zoom: 1.25))
    #expect(input.wheel == Point(0, 1.5))
    #expect(input.windowSize == Size(800, 560))
    #expect(input.quitRequested)
  }

  @Test func leavingTheWindowUnhoversEverything() {
    var input = UIInput(mouse: Point(10, 10))
    var leave = SDL_Event()
    leave.type = SDL_WINDOWEVENT.rawValue
    leave.window.event = UInt8(SDL_WINDOWEVENT_LEAVE.rawValue)
    EventTranslator().apply(leave, to: &input)
    #expect(input.mouse == UIInput.offscreen)
  }

  @Test func keycodeTable() {
    #expect(EventTranslator.key(SDL_Keycode(SDLK_SPACE.rawValue)) == .space)
    #expect(EventTranslator.key(SDL_Keycode(SDLK_ESCAPE.rawValue)) == .escape)
    #expect(EventTranslator.key(SDL_Keycode(SDLK_F12.rawValue)) == .function(12))
    #expect(EventTranslator.key(SDL_Keycode(SDLK_1.rawValue)) == .character("1"))
    #expect(EventTranslator.key(SDL_Keycode(SDLK_LSHIFT.rawValue)) == nil)
  }
}

@Suite struct FontLocatorTests {
  @Test func searchOrderStartsWithTheEnvironment() {
    let dirs = FontLocator.candidateDirectories(
      environment: ["NEURALPLAYGROUND_ASSETS": "/opt/np"], executablePaths: ["/a/b/c/playground"],
      currentDirectory: "/work")
    #expect(
      dirs == [
        "/opt/np/fonts", "/a/b/c/Assets/fonts", "/a/b/Assets/fonts", "/a/Assets/fonts", "/Assets/fonts",
        "/a/b/share/neuralplayground/Assets/fonts", "/work/Assets/fonts", "/usr/share/fonts/truetype/dejavu",
      ])
  }

  @Test func theRepositoryFontIsFoundFromTheTestBinary() throws {
    let dir = try FontLocator.fontDirectory()
    #expect(dir.hasSuffix("Assets/fonts"))
  }

  @Test func missingFontNamesEveryPathTried() {
    do {
      _ = try FontLocator.fontDirectory(candidates: ["/nowhere/one", "/nowhere/two"])
      Issue.record("expected an error")
    } catch let error as SDLError {
      #expect(error.message.contains("/nowhere/one/DejaVuSans.ttf"))
      #expect(error.message.contains("/nowhere/two/DejaVuSans.ttf"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
