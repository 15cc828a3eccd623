import Engine
import Foundation
import LessonKit
import PlaygroundCore
import Testing

/// Lessons 25–27 walk the learner through the Attack, Units and Embedding pages; what their text
/// says those pages show holds for the lessons' own runs (seed 5, 10 epochs).
@Suite struct InsidePagesLessonTests {
  /// The lesson's state at the first step that opens `page`, after the training before it.
  static func state(_ file: String, atPage page: CNNPage) throws -> AppState {
    let lesson = try Lesson.load(path: lessonsDirectory + "/" + file)
    var state = try lesson.startingState()
    var guide = GuidedLesson(lesson: lesson, state: &state)
    while state.cnn?.page != page {
      guide.showMe(&state)
      let moved = guide.next(&state)
      #expect(moved, "\(file) never opens the \(page) page")
      if !moved { break }
    }
    return state
  }

  @Test func foolTheNetworkOnTheAttackPage() throws {
    var state = try Self.state("25-fool-the-network.yaml", atPage: .attack)
    var cnn = try #require(state.cnn)
    #expect(cnn.experiment.epoch == 10 && cnn.selectedTestImage == 0 && !cnn.inspectDrawing)
    var settings = cnn.shownAttack
    #expect(settings.method == .fgsm, "FGSM is chosen")
    settings.epsilon = 0.1
    reduce(&state, .cnn(.inside(.setAttack(settings))))
    cnn = try #require(state.cnn)
    let a = cnn.experiment.network.attack(image: cnn.inspectedImage, settings: cnn.shownAttack)
    #expect(cnn.experiment.className(a.originalClass) == "Triangle")
    #expect(abs(a.originalProbabilities[a.originalClass] - 0.996) < 0.0005, "99.6% sure")
    #expect(cnn.experiment.className(a.adversarialClass) == "Cross")
    settings.method = .pgd
    reduce(&state, .cnn(.inside(.setAttack(settings))))
    reduce(&state, .cnn(.inside(.findSmallestEpsilon)))
    let epsilon = try #require(state.cnn?.inside.attack.epsilon)
    #expect(abs(epsilon - 0.07) < 0.01, "about 0.07: \(epsilon)")
  }

  @Test func eachFilterOnTheUnitsPage() throws {
    let state = try Self.state("26-what-each-filter-wants.yaml", atPage: .units)
    let cnn = try #require(state.cnn)
    #expect(cnn.experiment.epoch == 10, "trained: epoch \(cnn.experiment.epoch)")
    #expect(cnn.shownUnitsLayer == 1 && cnn.unitCount(layer: 1) == 8, "layer 1, eight filters")
    let network = cnn.experiment.network
    let unit = CNNUnit(layer: 1, unit: 6)
    let picture = network.maximizeUnit(unit, settings: cnn.unitSettings)
    let top = network.topImages(unit, samples: cnn.experiment.testSamples)
    #expect(top.allSatisfy { cnn.experiment.className(cnn.experiment.test[$0].label) == "Circle" }, "filter 7's top nine are circles")
    let best = network.unitResponses(unit, samples: cnn.experiment.testSamples)[top[0]].activation
    #expect(picture.activation >= 2 * best, "the picture reaches at least twice the best test image")
  }

  @Test func classesSeparateOnTheEmbeddingPage() throws {
    let lesson = try Lesson.load(path: lessonsDirectory + "/27-watching-the-classes-separate.yaml")
    var state = try lesson.startingState()
    var guide = GuidedLesson(lesson: lesson, state: &state)
    func silhouette(_ layer: Int) throws -> Double {
      let cnn = try #require(state.cnn)
      let samples = cnn.experiment.testSamples
      return Embedding.silhouette(cnn.experiment.network.layerActivations(samples, layer: layer), labels: samples.labels)
    }
    while state.cnn?.page != .embedding { _ = guide.next(&state) }
    #expect(state.cnn?.shownEmbeddingLayer == 3 && state.cnn?.inside.projection == .pca, "Dense and PCA are chosen")
    #expect(abs(try silhouette(3) - 0.05) < 0.03, "about 0.05 before training")
    while state.active.epoch < 10 {
      guide.showMe(&state)
      _ = guide.next(&state)
    }
    let grown = try (0...3).map(silhouette)
    #expect(zip(grown, [0.06, 0.08, 0.12, 0.60]).allSatisfy { abs($0 - $1) < 0.03 }, "\(grown)")
  }
}
