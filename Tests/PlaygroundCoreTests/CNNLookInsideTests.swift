import Datasets
import Engine
import Testing
import Training

/// Adversarial examples, adversarial training, unit maximisation and embeddings on a small shapes
/// session (four classes, one conv layer: trains in about a second).
@Suite struct CNNLookInsideTests {
  static func config(adversarial: AdversarialTraining? = nil) -> CNNConfig {
    var c = CNNConfig()
    c.convLayers = [8]
    c.imagesPerClass = 60
    c.adversarialTraining = adversarial
    return c
  }

  static func trained(epochs: Int = 6, adversarial: AdversarialTraining? = nil) throws -> CNNExperiment {
    var e = try CNNExperiment(config: config(adversarial: adversarial))
    e.train(epochs: epochs)
    return e
  }

  @Test(arguments: [AttackMethod.fgsm, .pgd], [Float(0.05), 0.2])
  func attackStaysWithinEpsilonAndInRange(method: AttackMethod, epsilon: Float) throws {
    let e = try Self.trained()
    for n in 0..<5 {
      let image = e.test[n].pixels
      let r = e.network.attack(image: image, settings: AttackSettings(method: method, epsilon: epsilon))
      #expect(r.linfDistance <= epsilon + 1e-6)
      #expect(r.adversarial.allSatisfy { $0 >= 0 && $0 <= 1 })
      for i in image.indices { #expect(abs(r.adversarial[i] - image[i]) <= epsilon + 1e-6) }
      #expect(r.linfDistance > 0, "the attack moved the image")
      // Untargeted: the original answer's probability does not rise.
      #expect(r.adversarialProbabilities[r.originalClass] <= r.originalProbabilities[r.originalClass] + 1e-4)
    }
  }

  @Test func targetedAttackReachesItsTarget() throws {
    let e = try Self.trained()
    let image = e.test[0].pixels
    let answer = e.network.predict(image: image)
    let target = (answer + 1) % e.classCount
    let r = e.network.attack(image: image, settings: AttackSettings(method: .pgd, epsilon: 0.3, target: target, steps: 40))
    #expect(r.adversarialClass == target)
    #expect(r.fools)
    #expect(r.linfDistance <= 0.3 + 1e-6)
  }

  @Test func smallestFoolingEpsilonIsTheBoundary() throws {
    let e = try Self.trained()
    let image = e.test[1].pixels
    let settings = AttackSettings(method: .pgd)
    let found = try #require(e.network.smallestFoolingEpsilon(image: image, settings: settings))
    #expect(found.fools)
    var below = settings
    below.epsilon = found.settings.epsilon - 1.0 / 2048
    #expect(!e.network.attack(image: image, settings: below).fools)
  }

  /// Mean smallest fooling ε (PGD) over the first `count` test images the network answers right.
  static func meanFoolingEpsilon(_ e: CNNExperiment, count: Int = 20) -> Float {
    var total: Float = 0
    var n = 0
    for image in e.test where n < count && e.network.predict(image: image.pixels) == image.label {
      let found = e.network.smallestFoolingEpsilon(image: image.pixels, settings: AttackSettings(method: .pgd))
      total += found?.settings.epsilon ?? 1
      n += 1
    }
    return total / Float(max(n, 1))
  }

  @Test func adversarialTrainingRaisesTheFoolingEpsilon() throws {
    let plain = try Self.trained(epochs: 8)
    var robust = try Self.trained(epochs: 8, adversarial: AdversarialTraining(share: 0.5, epsilon: 0.15))
    let a = Self.meanFoolingEpsilon(plain)
    let b = Self.meanFoolingEpsilon(robust)
    #expect(b > a * 1.2, "plain \(a), adversarially trained \(b)")
    #expect(robust.measure().test.accuracy > 0.8)
  }

  @Test func adversarialTrainingIsDeterministicAndSlicesMatch() throws {
    let adv = AdversarialTraining(share: 0.3, epsilon: 0.1)
    let a = try Self.trained(epochs: 2, adversarial: adv)
    var b = try CNNExperiment(config: Self.config(adversarial: adv))
    var done = 0
    while b.epoch < 2 { done += b.trainBatches(min(7, b.batches(untilEpoch: 2))) }
    #expect(a.network.checksum == b.network.checksum)
    let plain = try Self.trained(epochs: 2)
    #expect(plain.network.checksum != a.network.checksum)
    let off = try Self.trained(epochs: 2, adversarial: AdversarialTraining(share: 0, epsilon: 0.1))
    #expect(off.network.checksum == plain.network.checksum, "a share of 0 trains as without")
  }

  @Test(arguments: [1, 2]) func maximisationRaisesItsUnit(layer: Int) throws {
    let e = try Self.trained()
    let n = e.network.shape.unitCount(layer: layer)!
    var settings = CAMSettings()
    settings.start = .noise
    var start = [Float](repeating: 0, count: 28 * 28)
    var rng = SeededGenerator(seed: 0)
    for i in start.indices { start[i] = Float(rng.uniform(0.4, 0.6)) }
    for u in 0..<n {
      let unit = CNNUnit(layer: layer, unit: u)
      let before = e.network.unitResponses(unit, samples: ImageSamples(width: 28, height: 28, pixels: start, labels: [0]))
      let result = e.network.maximizeUnit(unit, settings: settings)
      #expect(result.activation > before[0].activation, "layer \(layer) unit \(u)")
      #expect(result.image.allSatisfy { $0 >= 0 && $0 <= 1 })
      let top = e.network.topImages(unit, samples: e.testSamples)
      #expect(top.count == 9 && Set(top).count == 9)
      let r = e.network.unitResponses(unit, samples: e.testSamples)
      #expect(r[top[0]].activation == r.map(\.activation).max())
    }
  }

  @Test func silhouetteRisesWithTraining() throws {
    let untrained = try CNNExperiment(config: Self.config())
    let trained = try Self.trained()
    // At the dense layer (the pooled maps of one conv layer after a few epochs need not separate more).
    for layer in [2] {
      let a = Embedding.silhouette(untrained.network.layerActivations(untrained.testSamples, layer: layer), labels: untrained.testSamples.labels)
      let b = Embedding.silhouette(trained.network.layerActivations(trained.testSamples, layer: layer), labels: trained.testSamples.labels)
      #expect(b > a, "layer \(layer): \(a) → \(b)")
    }
  }
}
