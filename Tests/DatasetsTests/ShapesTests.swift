import Engine
import Testing

@testable import Datasets

@Suite struct ShapesTests {
  /// FNV-1a over the pixels' bits and the labels.
  func digest(_ images: [LabeledImage]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for image in images {
      for v in image.pixels + [Float(image.label)] {
        hash ^= UInt64(v.bitPattern)
        hash = hash &* 0x0000_0100_0000_01B3
      }
    }
    return hash
  }

  @Test func templatesAreCleanDistinctAndCentred() {
    let templates = ShapeKind.allCases.map { ShapeImages.template($0) }
    for (kind, t) in zip(ShapeKind.allCases, templates) {
      #expect(t.count == 28 * 28)
      #expect(t.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(kind)")
      let ink = t.reduce(0, +)
      #expect(ink > 20 && ink < 400, "\(kind) has \(ink) pixels of ink")
      // The ink's centre of mass is near the canvas centre (14, 14); a triangle's bounding box is
      // centred, so its mass sits lower.
      var cx: Float = 0
      var cy: Float = 0
      for y in 0..<28 {
        for x in 0..<28 {
          cx += t[y * 28 + x] * (Float(x) + 0.5)
          cy += t[y * 28 + x] * (Float(y) + 0.5)
        }
      }
      #expect(abs(cx / ink - 14) < 0.5, "\(kind) x")
      #expect(abs(cy / ink - 14) < ([.triangle, .hollowTriangle].contains(kind) ? 2.5 : 0.5), "\(kind) y")
      // Corners stay black.
      #expect(t[0] == 0 && t[27] == 0 && t[27 * 28] == 0 && t[28 * 28 - 1] == 0)
    }
    for i in 0..<templates.count {
      for j in (i + 1)..<templates.count {
        // The filled disc and square are the closest pair (r ≈ 0.93).
        #expect(
          CAMAscent.similarity(templates[i], templates[j]) < 0.95,
          "\(ShapeKind.allCases[i]) vs \(ShapeKind.allCases[j])")
      }
    }
    // Spot checks of geometry: a filled disc is solid at its centre, a ring is hollow.
    #expect(ShapeImages.template(.circle)[14 * 28 + 14] == 1)
    #expect(ShapeImages.template(.ring)[14 * 28 + 14] == 0)
    #expect(ShapeImages.template(.hollowSquare)[14 * 28 + 14] == 0)
    #expect(ShapeImages.template(.hline)[14 * 28 + 6] == 1 && ShapeImages.template(.hline)[6 * 28 + 14] == 0)
    #expect(ShapeImages.template(.vline)[6 * 28 + 14] == 1 && ShapeImages.template(.vline)[14 * 28 + 6] == 0)
  }

  @Test func noVariationRepeatsTheTemplate() {
    var rng = SeededGenerator(seed: 1)
    let images = ShapeImages.generate([.star, .ring], variation: .none, perClass: 5, rng: &rng)
    #expect(images.count == 10)
    #expect(images.map(\.label) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    #expect(images[0..<5].allSatisfy { $0.pixels == ShapeImages.template(.star) })
    #expect(images[5...].allSatisfy { $0.pixels == ShapeImages.template(.ring) })
  }

  @Test(arguments: [ShapeVariation.low, .moderate, .strong])
  func variationMakesEveryImageDifferent(variation: ShapeVariation) {
    var rng = SeededGenerator(seed: 2)
    let images = ShapeImages.generate(ShapeKind.allCases, variation: variation, perClass: 8, rng: &rng)
    #expect(images.count == 96)
    #expect(Set(images.map { $0.pixels.map(\.bitPattern) }).count == 96)
    #expect(images.allSatisfy { $0.pixels.allSatisfy { $0 >= 0 && $0 <= 1 } })
    // Images stay recognisable: closer to their own template than to most others, on average.
    var own = 0.0
    for image in images {
      own += Double(CAMAscent.similarity(image.pixels, ShapeImages.template(ShapeKind.allCases[image.label])))
    }
    #expect(own / 96 > (variation == .strong ? 0.25 : 0.4), "\(variation): \(own / 96)")
  }

  @Test func strongerVariationSpreadsImagesMore() {
    func spread(_ v: ShapeVariation) -> Double {
      var rng = SeededGenerator(seed: 4)
      let images = ShapeImages.generate([.square], variation: v, perClass: 30, rng: &rng)
      let t = ShapeImages.template(.square)
      return images.reduce(0.0) { $0 + Double(1 - CAMAscent.similarity($1.pixels, t)) } / 30
    }
    let levels = ShapeVariation.allCases.map(spread)
    #expect(levels[0] < 1e-6)
    #expect(levels[0] < levels[1] && levels[1] < levels[2] && levels[2] < levels[3], "\(levels)")
  }

  /// Every level draws the same numbers, so what follows the images (split, weights) sees the
  /// same stream.
  @Test func everyLevelDrawsTheSame() {
    var after: [UInt64] = []
    for v in ShapeVariation.allCases {
      var rng = SeededGenerator(seed: 8)
      _ = ShapeImages.generate([.circle, .cross], variation: v, perClass: 3, rng: &rng)
      after.append(rng.next())
    }
    #expect(Set(after).count == 1)
  }

  @Test func deterministicWithAGoldenDigest() {
    var a = SeededGenerator(seed: 11)
    var b = SeededGenerator(seed: 11)
    var c = SeededGenerator(seed: 12)
    let kinds: [ShapeKind] = [.circle, .triangle, .x]
    let first = ShapeImages.generate(kinds, variation: .moderate, perClass: 4, rng: &a)
    #expect(first == ShapeImages.generate(kinds, variation: .moderate, perClass: 4, rng: &b))
    #expect(first != ShapeImages.generate(kinds, variation: .moderate, perClass: 4, rng: &c))
    #expect(digest(first) == 2_845_084_325_304_327_857)
  }

  @Test func splitHonoursTheRatio() {
    var rng = SeededGenerator(seed: 3)
    let images = ShapeImages.generate([.circle, .square], variation: .low, perClass: 25, rng: &rng)
    let split = splitTrainTest(images, trainRatio: 70, rng: &rng)
    #expect(split.train.count == 35 && split.test.count == 15)
    let all = (split.train + split.test).map { $0.pixels.map(\.bitPattern) }
    #expect(Set(all) == Set(images.map { $0.pixels.map(\.bitPattern) }), "a permutation")
    #expect(split.train.map(\.label) != images.prefix(35).map(\.label), "shuffled")
  }

  @Test func namesRoundTrip() {
    for kind in ShapeKind.allCases {
      #expect(ShapeKind(rawValue: kind.rawValue) == kind)
      #expect(!kind.displayName.isEmpty)
    }
    #expect(ShapeKind(rawValue: "hollow-square") == .hollowSquare)
    #expect(ShapeKind.allCases.count >= 8)
    #expect(ShapeKind.defaultClasses == [.circle, .square, .triangle, .cross])
  }
}
