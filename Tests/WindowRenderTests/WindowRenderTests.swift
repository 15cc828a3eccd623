import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SDLFrontend
import Testing
import Training

/// Whole frames of the playground rendered with SDL's software renderer (no display needed) and
/// checked pixel by pixel in regions whose content is known.
@Suite(.serialized) @MainActor struct WindowRenderTests {
  struct Frame {
    var raster: Raster
    var layout: Layout
  }

  func render(_ state: AppState, size: Size = Size(1280, 800)) throws -> Frame {
    let canvas = try OffscreenCanvas(width: Int(size.width), height: Int(size.height))
    let ui = UIContext(theme: .light, measurer: canvas.measurer)
    let view = PlaygroundView()
    var input = UIInput()
    input.windowSize = size
    input.mouse = Point(-100, -100)
    ui.begin(input)
    _ = view.frame(state, ui)
    return Frame(raster: try canvas.render(ui.end()), layout: view.layout(for: size, state: state))
  }

  /// Counts pixels in `rect` that satisfy `test` (r, g, b in 0…255).
  func count(_ raster: Raster, in rect: Rect, _ test: (Int, Int, Int) -> Bool) -> Int {
    var n = 0
    for y in Int(rect.minY)..<Int(rect.maxY) {
      for x in Int(rect.minX)..<Int(rect.maxX) {
        let p = raster[x, y]
        if test(Int(p >> 16 & 0xFF), Int(p >> 8 & 0xFF), Int(p & 0xFF)) { n += 1 }
      }
    }
    return n
  }

  func isBlue(_ r: Int, _ g: Int, _ b: Int) -> Bool { b > r + 60 && b > 150 }
  func isOrange(_ r: Int, _ g: Int, _ b: Int) -> Bool { r > b + 60 && r > 200 && g > 100 }

  @Test func trainedCircleShowsBothClassesInTheOutputAndABluePlayButton() throws {
    var state = try AppState()
    reduce(&state, .train(epochs: 300))
    let frame = try render(state)
    let plot = frame.layout.plot
    let area = Int(plot.width * plot.height)
    let blue = count(frame.raster, in: plot, isBlue)
    let orange = count(frame.raster, in: plot, isOrange)
    // The circle: blue inside, orange ring and corners; both take a real share of the plot.
    #expect(blue > area / 10 && orange > area / 5, "blue \(blue) orange \(orange) of \(area)")
    // The centre of the plot is inside the circle (blue), a corner outside (orange).
    let c = frame.raster[Int(plot.midX), Int(plot.midY)]
    // (The heatmap is drawn at the playground's 160/255 over white, so a light blue.)
    #expect(Int(c & 0xFF) > Int(c >> 16 & 0xFF) + 30, "centre \(String(c, radix: 16))")
    let k = frame.raster[Int(plot.minX) + 6, Int(plot.minY) + 6]
    #expect(isOrange(Int(k >> 16 & 0xFF), Int(k >> 8 & 0xFF), Int(k & 0xFF)), "corner \(String(k, radix: 16))")
    // The play button is the accent blue.
    let play = frame.layout.playButton
    #expect(count(frame.raster, in: play, isBlue) > Int(play.width * play.height) / 3)
  }

  @Test func untrainedAndTrainedFramesDiffer() throws {
    var state = try AppState()
    let before = try render(state).raster
    reduce(&state, .train(epochs: 100))
    let after = try render(state).raster
    #expect(before.width == 1280 && before.height == 800)
    #expect(before != after)
  }

  @Test func divergenceShowsAWarningBanner() throws {
    var config = PlaygroundConfig()
    config.dataset = .regPlane
    config.problem = .regression
    config.activation = .linear
    config.learningRate = 10
    var state = try AppState(config: config)
    for _ in 0..<20 { reduce(&state, .train(epochs: 10)) }
    #expect(state.banner != nil)
    let frame = try render(state)
    let banner = try #require(frame.layout.banner)
    // The banner is drawn: not the page background, with dark text on it.
    let dark = count(frame.raster, in: banner) { r, g, b in r + g + b < 200 }
    #expect(dark > 50)
    let plain = try render(try AppState())
    #expect(plain.layout.banner == nil)
  }

  @Test func threeClassesUseAThirdHue() throws {
    var config = PlaygroundConfig()
    config.dataset = .blobs3
    var state = try AppState(config: config)
    reduce(&state, .train(epochs: 200))
    let frame = try render(state)
    // The third class is dark red (#B2182B): red well above green and blue.
    let red = count(frame.raster, in: frame.layout.plot) { r, g, b in r > g + 60 && r > b + 40 && r < 220 && g < 120 }
    #expect(red > Int(frame.layout.plot.width * frame.layout.plot.height) / 10)
  }
}
