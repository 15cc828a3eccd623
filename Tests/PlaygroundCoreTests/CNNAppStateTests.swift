import Datasets
import Engine
import Testing

@testable import PlaygroundCore
@testable import Training
import Visualization

@Suite struct CNNAppStateTests {
  static func cnnState() throws -> AppState {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    return state
  }

  @Test func modeSwitchMakesTheCNNSessionOnceAndKeepsIt() throws {
    var state = try AppState()
    #expect(state.mode == .dense && state.cnn == nil)
    reduce(&state, .play)
    reduce(&state, .setMode(.cnn))
    #expect(state.mode == .cnn && !state.isPlaying, "switching pauses the 2-D training")
    let cnn = try #require(state.cnn)
    #expect(cnn.config == CNNConfig() && cnn.experiment.epoch == 0)
    reduce(&state, .step)
    #expect(state.cnn?.experiment.epoch == 1)
    #expect(state.experiment.epoch == 0, "training acts on the CNN in CNN mode")
    reduce(&state, .setMode(.dense))
    reduce(&state, .step)
    #expect(state.experiment.epoch == 1 && state.cnn?.experiment.epoch == 1)
    reduce(&state, .setMode(.cnn))
    #expect(state.cnn?.experiment.epoch == 1, "the CNN session is kept across switches")
  }

  @Test func trainingImprovesAccuracyAndRecordsHistory() throws {
    var state = try Self.cnnState()
    let before = try #require(state.cnn).evaluation.test.accuracy
    reduce(&state, .play)
    #expect(state.cnn?.isPlaying == true && state.isPlaying, "the window loop trains while isPlaying")
    reduce(&state, .train(epochs: 3))
    let cnn = try #require(state.cnn)
    #expect(cnn.experiment.epoch == 3)
    #expect(cnn.evaluation.test.accuracy > before + 0.3, "\(before) → \(cnn.evaluation.test.accuracy)")
    #expect(cnn.evaluation.test.accuracy >= 0.8)
    #expect(cnn.run.history.testAccuracy.points.count == 2 && cnn.run.history.testLoss.latest == cnn.evaluation.test.loss)
    reduce(&state, .togglePlay)
    #expect(state.cnn?.isPlaying == false && !state.isPlaying)
    reduce(&state, .play)
    reduce(&state, .setMode(.dense))
    #expect(!state.isPlaying && state.cnn?.isPlaying == false, "switching modes pauses")
  }

  @Test func divergencePausesWithABannerAndResetRecovers() throws {
    var state = try Self.cnnState()
    var experiment = try #require(state.cnn).experiment
    experiment.setFilterWeight(stage: 1, output: 0, input: 0, ky: 2, kx: 2, value: .nan)
    state.cnn = CNNAppState(experiment: experiment)
    reduce(&state, .play)
    reduce(&state, .train(epochs: 2))
    #expect(state.cnn?.experiment.divergence != nil)
    #expect(state.cnn?.isPlaying == false)
    #expect(state.banner?.kind == .warning)
    #expect(state.banner?.text.contains("Reset") == true)
    reduce(&state, .play)
    #expect(state.cnn?.isPlaying == false, "a diverged session does not play")
    reduce(&state, .reset)
    #expect(state.cnn?.experiment.divergence == nil && state.banner == nil)
    reduce(&state, .train(epochs: 1))
    #expect(state.cnn?.experiment.divergence == nil)
    #expect((state.cnn?.evaluation.test.accuracy ?? 0) > 0.5)
  }

  @Test func addingTheDrawingGrowsTheTrainingSet() throws {
    var state = try Self.cnnState()
    let count = try #require(state.cnn).experiment.train.count
    reduce(&state, .cnn(.addDrawing(.circle)))
    #expect(state.cnn?.experiment.train.count == count, "an empty drawing is refused")
    #expect(state.banner?.kind == .error)
    reduce(&state, .cnn(.setDrawing(ShapeImages.template(.cross))))
    reduce(&state, .cnn(.addDrawing(.cross)))
    let cnn = try #require(state.cnn)
    #expect(cnn.experiment.train.count == count + 1)
    #expect(cnn.experiment.drawings.count == 1 && cnn.experiment.train.last?.label == 3)
    #expect(state.banner?.kind == .info)
    // A class the session does not have is refused.
    reduce(&state, .cnn(.addDrawing(.star)))
    #expect(state.cnn?.experiment.train.count == count + 1 && state.banner?.kind == .error)
    // Drawings survive a rebuild that keeps their class.
    reduce(&state, .cnn(.toggleClass(.star)))
    #expect(state.cnn?.config.shapes == [.circle, .square, .triangle, .cross, .star])
    #expect(state.cnn?.experiment.drawings.first?.label == 3, "the cross drawing keeps its class")
  }

  @Test func paintingAndClearingTheDrawing() throws {
    var state = try Self.cnnState()
    reduce(&state, .cnn(.clearDrawing))
    #expect(state.cnn?.drawing.allSatisfy { $0 == 0 } == true && state.cnn?.inspectDrawing == true)
    reduce(&state, .cnn(.paint(x: 14, y: 14, radius: 1.5, value: 1)))
    #expect(state.cnn?.drawing[14 * 28 + 14] == 1)
    #expect(state.cnn?.drawing[0] == 0)
    reduce(&state, .cnn(.paint(x: 14, y: 14, radius: 3, value: 0)))
    #expect(state.cnn?.drawing.allSatisfy { $0 == 0 } == true)
  }

  @Test func networkSizeAndClassesRebuild() throws {
    var state = try Self.cnnState()
    reduce(&state, .cnn(.addFilter(layer: 0)))
    #expect(state.cnn?.config.convLayers == [9, 16])
    reduce(&state, .cnn(.removeConvLayer))
    #expect(state.cnn?.config.convLayers == [9])
    reduce(&state, .cnn(.addConvLayer))
    #expect(state.cnn?.config.convLayers == [9, 9])
    reduce(&state, .cnn(.toggleClass(.circle)))
    reduce(&state, .cnn(.toggleClass(.square)))
    #expect(state.cnn?.config.shapes == [.triangle, .cross])
    reduce(&state, .cnn(.toggleClass(.cross)))
    #expect(state.cnn?.config.shapes == [.triangle, .cross], "at least two classes stay")
    #expect(state.banner?.kind == .error)
    reduce(&state, .setLearningRate(0.1))
    reduce(&state, .setBatchSize(20))
    #expect(state.cnn?.config.learningRate == 0.1 && state.cnn?.config.batchSize == 20)
    #expect(state.cnn?.cams.count == 2)
  }

  @Test func camAdvancesAndRestartsWithNewSettings() throws {
    var state = try Self.cnnState()
    reduce(&state, .train(epochs: 2))
    reduce(&state, .pause)
    #expect(state.cnn?.cams.count == 4 && state.cnn?.cams.allSatisfy { $0.steps == 0 } == true)
    reduce(&state, .cnn(.advanceCAM(steps: 5)))
    #expect(state.cnn?.cams.allSatisfy { $0.steps == 5 } == true)
    var settings = CAMSettings()
    settings.maxSteps = 10
    settings.start = .gray
    reduce(&state, .cnn(.setCAMSettings(settings)))
    #expect(state.cnn?.camSettings == settings && state.cnn?.cams.allSatisfy { $0.steps == 0 } == true)
    for _ in 0..<4 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    #expect(state.cnn?.camFinished == true)
    #expect(state.cnn?.cams.allSatisfy { $0.steps == 10 } == true)
    settings.stepSize = -1
    reduce(&state, .cnn(.setCAMSettings(settings)))
    #expect(state.banner?.kind == .error && state.cnn?.camSettings.stepSize == 0.05)
  }
}
