import Datasets
import Engine
import Testing

@testable import PlaygroundCore
@testable import SessionKit
import Visualization

/// The CNN page is state: turned by `.cnn(.showPage)`, kept across rebuilds and restores, and the
/// window loop's class-pictures clock reads it.
@Suite struct CNNPageTests {
  @Test func showPageTurnsThePageAndRebuildsKeepIt() throws {
    var state = try CNNAppStateTests.cnnState()
    #expect(state.cnn?.page == .results)
    reduce(&state, .cnn(.showPage(.classPictures)))
    #expect(state.cnn?.page == .classPictures)
    reduce(&state, .cnn(.toggleClass(.circle)))
    #expect(state.cnn?.config.shapes.contains(.circle) == false, "a new session from the seed")
    #expect(state.cnn?.page == .classPictures, "the page is a view choice: a rebuild keeps it")
    reduce(&state, .cnn(.showPage(.drawing)))
    #expect(state.cnn?.page == .drawing)
  }

  @Test func showPageWithoutACNNSessionChangesNothing() throws {
    var state = try AppState()
    reduce(&state, .cnn(.showPage(.classPictures)))
    #expect(state.cnn == nil && state.classPicturesAdvance == nil)
  }

  @Test func restoreKeepsThePageShowing() throws {
    var state = try CNNAppStateTests.cnnState()
    reduce(&state, .step)
    let session = try #require(state.cnn.map { CNNSessionFile(state: $0) })
    reduce(&state, .cnn(.showPage(.classPictures)))
    try state.restore(session)
    #expect(state.cnn?.page == .classPictures && state.cnn?.experiment.epoch == 1)
  }

  @Test func theClassPicturesClockRunsOnlyWhileThePageShowsAndPicturesGrow() throws {
    var state = try CNNAppStateTests.cnnState()
    reduce(&state, .train(epochs: 1))
    #expect(state.classPicturesAdvance == nil, "the results page does not pay for the ascent")
    reduce(&state, .cnn(.showPage(.classPictures)))
    #expect(state.classPicturesAdvance == .cnn(.advanceCAM(steps: 4)), "paused: 4 steps a frame")
    reduce(&state, .play)
    #expect(state.classPicturesAdvance == .cnn(.advanceCAM(steps: 2)), "training shares the frame: 2")
    reduce(&state, .pause)
    reduce(&state, .toggleHelp)
    #expect(state.classPicturesAdvance == nil, "help covers the page")
    reduce(&state, .toggleHelp)
    reduce(&state, .setMode(.dense))
    #expect(state.classPicturesAdvance == nil, "the 2-D mode shows no class pictures")
    reduce(&state, .setMode(.cnn))
    // The loop's frames, as the window runs them, until every picture has finished.
    var settings = CAMSettings()
    settings.maxSteps = 10
    reduce(&state, .cnn(.setCAMSettings(settings)))
    var frames = 0
    while let advance = state.classPicturesAdvance, frames < 100 {
      reduce(&state, advance)
      frames += 1
    }
    #expect(frames == 3, "10 steps at 4 a frame")
    #expect(state.cnn?.camFinished == true && state.cnn?.cams.allSatisfy { $0.steps == 10 } == true)
  }
}
