import CSDL2
import ImmediateUI
import SDLFrontend
import Testing

@Suite(.serialized) @MainActor struct WindowTests {
  @Test func systemCanBeStartedAndStoppedRepeatedly() throws {
    for _ in 0..<3 {
      let a = try SDLSystem()
      let b = try SDLSystem(video: false)
      #expect(SDL_WasInit(SDL_INIT_VIDEO) != 0)
      withExtendedLifetime((a, b)) {}
    }
    let window = try Window(title: "after restarts", width: 64, height: 48, hidden: true)
    #expect(window.size == (64, 48))
  }

  @Test func hiddenAppWindowRendersAndReadsInput() throws {
    let app = try AppWindow(
      title: "NeuralPlayground test", width: 320, height: 200, software: true, vsync: false, hidden: true)
    #expect(app.renderer.driverName == "software")
    var click = SDL_Event()
    click.type = SDL_MOUSEBUTTONDOWN.rawValue
    click.button.button = UInt8(SDL_BUTTON_LEFT)
    click.button.x = 40
    click.button.y = 30
    SDL_FlushEvents(SDL_FIRSTEVENT.rawValue, SDL_LASTEVENT.rawValue)
    SDL_PushEvent(&click)
    let input = app.pollInput()
    #expect(input.mouse == Point(40, 30) && input.pressed == .left)
    #expect(input.windowSize == Size(320, 200) && input.scaleFactor == 1)

    let ui = UIContext(measurer: app.measurer)
    ui.begin(input)
    ui.draw.fillRect(Rect(x: 0, y: 0, width: 10, height: 10), red)
    _ = ui.button("Play", in: Rect(x: 20, y: 20, width: 100, height: 40))
    let px = try app.snapshot(ui.end())
    #expect(px.width == 320 && px[5, 5] == red.argb)
    #expect(ui.activeID == ui.id("Play"))
    try app.present(DrawList())
  }

  @Test func zoomEnlargesTheUI() throws {
    let app = try AppWindow(
      title: "zoomed", width: 300, height: 200, zoom: 1.5, software: true, vsync: false, hidden: true)
    let input = app.pollInput()
    #expect(input.windowSize == Size(200, 200 / 1.5) && input.scaleFactor == 1.5)
    var list = DrawList()
    list.fillRect(Rect(x: 10, y: 10, width: 10, height: 10), red)
    let px = try app.snapshot(list)
    #expect(px[15, 15] == red.argb && px[29, 29] == red.argb && px[31, 31] != red.argb)
  }
}
