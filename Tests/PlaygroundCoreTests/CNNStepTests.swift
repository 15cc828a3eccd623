import Engine
import PlaygroundCore
import Testing
import Training

/// The CNN step page's state: stages, images and followed filters, and the update it explains.
@Suite struct CNNStepTests {
  static func state() throws -> AppState {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    reduce(&state, .train(epochs: 1))
    return state
  }

  @Test func openingPausesAndTheStagesClamp() throws {
    var state = try Self.state()
    reduce(&state, .togglePlay)
    #expect(state.cnn?.isPlaying == true)
    reduce(&state, .cnn(.showPage(.step)))
    #expect(state.cnn?.isPlaying == false)
    let stages = ExplainStage.all(layerCount: state.cnn!.stepLayerCount)
    #expect(stages.count == 8, "two conv layers and the dense layer: 3 forward, loss, 3 backward, update")
    reduce(&state, .cnn(.inside(.step(.back))))
    #expect(state.cnn?.stepStage == .forward(layer: 1))
    for _ in 0..<20 { reduce(&state, .cnn(.inside(.step(.next)))) }
    #expect(state.cnn?.stepStage == .update)
    reduce(&state, .cnn(.inside(.step(.show(.backward(layer: 2))))))
    #expect(state.cnn?.stepStage == .backward(layer: 2))
    reduce(&state, .cnn(.inside(.step(.show(.forward(layer: 9))))))
    #expect(state.cnn?.stepStage == .backward(layer: 2), "a stage the network lacks changes nothing")
    reduce(&state, .cnn(.inside(.step(.follow(layer: 2, filter: 11)))))
    #expect(state.cnn?.explainedStep?.filters[1].output == 11)
    reduce(&state, .cnn(.inside(.step(.follow(layer: 2, filter: 99)))))
    #expect(state.cnn?.explainedStep?.filters[1].output == 11, "a filter the layer lacks changes nothing")
  }

  @Test func theUpdateIsOneSGDStepOnTheImage() throws {
    var state = try Self.state()
    reduce(&state, .cnn(.inside(.step(.pick(example: 12)))))
    let cnn = try #require(state.cnn)
    let step = try #require(cnn.explainedStep)
    #expect(step.example == 12)
    #expect(step.image == cnn.experiment.train[12].pixels)
    #expect(step.explanation.label == cnn.experiment.train[12].label)
    // SGD with a batch of one: w ← w − η·∂L/∂w, for every parameter.
    let rate = step.learningRate
    #expect(rate == Float(cnn.config.learningRate))
    for k in step.parametersBefore.indices {
      let expected = step.parametersBefore[k] - rate * step.explanation.parameterGradients[k]
      #expect(abs(step.parametersAfter[k] - expected) <= 1e-6 * max(1, abs(expected)), "parameter \(k)")
    }
    #expect(step.lossAfter < step.explanation.loss, "one step on the image lowers its loss")
    // Explaining changes nothing: the session trains on as before.
    #expect(state.cnn?.experiment.network == cnn.experiment.network)
  }
}
