import Datasets
import Foundation
import Engine
import Testing

@testable import PlaygroundCore
@testable import Training

/// "Explain a step": entering, stepping and leaving through the reducer, and the numbers the
/// window shows (`ExplainFigures`) checked against the network by hand and by finite differences.
@Suite struct StepWalkthroughTests {
  func state(_ edit: (inout PlaygroundConfig) -> Void = { _ in }) throws -> AppState {
    var config = PlaygroundConfig()
    config.hiddenLayers = [3, 2]
    edit(&config)
    var state = try AppState(config: config)
    reduce(&state, .train(epochs: 3))
    return state
  }

  @Test func enteringPausesAndStagesStepWithinTheirEnds() throws {
    var s = try state()
    reduce(&s, .play)
    #expect(s.isPlaying)
    reduce(&s, .explain(.enter(example: 4)))
    #expect(!s.isPlaying)
    #expect(s.explain == StepWalkthrough(example: 4, stageIndex: 0))
    // Three weighted layers: forward 1…3, loss, backward 3…1, update.
    let expected: [ExplainStage] = [
      .forward(layer: 1), .forward(layer: 2), .forward(layer: 3), .loss, .backward(layer: 3), .backward(layer: 2),
      .backward(layer: 1), .update,
    ]
    #expect(ExplainStage.all(layerCount: 3) == expected)
    reduce(&s, .explain(.back))
    #expect(s.explainStage == .forward(layer: 1))
    var seen: [ExplainStage] = []
    for _ in 0..<10 {
      seen.append(s.explainStage!)
      reduce(&s, .explain(.next))
    }
    #expect(Array(seen.prefix(8)) == expected)
    #expect(s.explainStage == .update, "Next stops at the update")
    reduce(&s, .explain(.show(.loss)))
    #expect(s.explainStage == .loss)
    reduce(&s, .explain(.leave))
    #expect(s.explain == nil)
    #expect(s.explainedStep == nil)
  }

  @Test func pickingWrapsAroundTheTrainingPoints() throws {
    var s = try state()
    let count = s.experiment.train.count
    reduce(&s, .explain(.pick(example: 3)))
    #expect(s.explain == nil, "picking needs an open walk-through")
    reduce(&s, .explain(.enter(example: 0)))
    reduce(&s, .explain(.next))
    reduce(&s, .explain(.pick(example: -1)))
    #expect(s.explain == StepWalkthrough(example: count - 1, stageIndex: 1))
    reduce(&s, .explain(.pick(example: count)))
    #expect(s.explain?.example == 0)
    reduce(&s, .explain(.enter(example: 10_000)))
    #expect(s.explain?.example == count - 1)
  }

  @Test func trainingOrANewNetworkLeavesButWeightEditsKeepIt() throws {
    var s = try state()
    reduce(&s, .explain(.enter(example: 2)))
    let before = try #require(s.explainedStep)
    reduce(&s, .setWeight(layer: 0, from: 0, to: 0, value: 0.5))
    #expect(s.explain != nil)
    let after = try #require(s.explainedStep)
    #expect(after.weightsBefore[0] == 0.5)
    #expect(after.explanation.layers[0][0].z != before.explanation.layers[0][0].z)
    reduce(&s, .setLearningRate(0.1))
    #expect(s.explainedStep?.learningRate == 0.1)
    for action in [Action.step, .togglePlay, .addLayer, .selectDataset(.xor), .reset] {
      var t = s
      reduce(&t, action)
      #expect(t.explain == nil, "\(action) closes it")
    }
  }

  @Test func namedStagesReadAsLessonsWriteThem() {
    #expect(ExplainStage.named("forward", layerCount: 3) == .forward(layer: 1))
    #expect(ExplainStage.named("forward2", layerCount: 3) == .forward(layer: 2))
    #expect(ExplainStage.named("backward", layerCount: 3) == .backward(layer: 3))
    #expect(ExplainStage.named("backward1", layerCount: 3) == .backward(layer: 1))
    #expect(ExplainStage.named("loss", layerCount: 3) == .loss)
    #expect(ExplainStage.named("update", layerCount: 3) == .update)
    #expect(ExplainStage.named("forward4", layerCount: 3) == nil)
    #expect(ExplainStage.named("sideways", layerCount: 3) == nil)
  }

  /// z = b + Σ w·a and a = f(z) from the network's own weights, in double.
  @Test(arguments: [Activation.tanh, .sigmoid, .relu]) func forwardNumbersAreTheNetworks(activation: Activation) throws {
    var s = try state { $0.activation = activation; $0.features = [.x1, .x2, .x1sq] }
    reduce(&s, .explain(.enter(example: 7)))
    let x = try #require(ExplainFigures(s))
    let net = s.experiment.network
    let point = s.experiment.train[7]
    let one = Experiment.samples([point], s.config.features)
    let row = (0..<one.featureCount).map { one.feature(0, $0) }
    #expect(x.step.explanation.inputs == row)
    var previous = row.map(Double.init)
    for l in 0..<net.layerCount {
      let (nIn, nOut) = net.layerSize(l)
      var next: [Double] = []
      for j in 0..<nOut {
        var z = Double(net.bias(layer: l, neuron: j))
        for i in 0..<nIn { z += Double(net.weight(layer: l, from: i, to: j)) * previous[i] }
        let n = try #require(x.neuron(layer: l + 1, index: j))
        #expect(abs(Double(n.z) - z) < 1e-5, "z of layer \(l + 1) neuron \(j)")
        let a: Double =
          l < net.layerCount - 1
          ? Double(activation.scalar(Float(z))) : Double(Float(z).isFinite ? tanh(Float(z)) : .nan)
        #expect(abs(Double(n.a) - a) < 1e-5, "a of layer \(l + 1) neuron \(j)")
        next.append(Double(n.a))
      }
      previous = next
    }
  }

  /// Every link's ∂L/∂w, as the window addresses it, equals the loss's finite difference when
  /// that weight moves by ±h through the reducer; SGD's update is w − η·∂L/∂w.
  @Test func linkGradientsAreFiniteDifferencesAndSGDUpdates() throws {
    var s = try state { $0.learningRate = 0.1 }
    reduce(&s, .explain(.enter(example: 11)))
    let x = try #require(ExplainFigures(s))
    let h: Float = 1e-2
    for l in 0..<x.layerCount {
      for j in 0..<x.sizes[l].outputs {
        for i in 0..<x.sizes[l].inputs {
          let w = x.weight(layer: l, from: i, to: j)
          var plus = s
          reduce(&plus, .setWeight(layer: l, from: i, to: j, value: w.before + h))
          var minus = s
          reduce(&minus, .setWeight(layer: l, from: i, to: j, value: w.before - h))
          let lp = Double(try #require(plus.explainedStep).explanation.loss)
          let lm = Double(try #require(minus.explainedStep).explanation.loss)
          let numeric = (lp - lm) / Double(2 * h)
          #expect(abs(numeric - Double(w.gradient)) < 2e-3 + 2e-2 * abs(numeric), "weight \(l).\(i).\(j)")
          #expect(abs(w.after - (w.before - 0.1 * w.gradient)) <= 1e-6 * max(1, abs(w.before)), "SGD update of \(l).\(i).\(j)")
        }
        let b = x.bias(layer: l, neuron: j)
        #expect(b.gradient == x.neuron(layer: l + 1, index: j)?.dLdz, "∂L/∂b = δ")
        #expect(abs(b.after - (b.before - 0.1 * b.gradient)) <= 1e-6 * max(1, abs(b.before)))
      }
    }
  }
}
