import Testing

@testable import Engine

/// A plain double-precision CNN written straight from the math (planar maps, nested loops): the
/// oracle for the fast kernels. Parameters in canonical order (see `CNN.flatParameters`).
struct ReferenceCNN {
  let shape: CNNShape
  var p: [Double]

  init(_ net: CNN) {
    shape = net.shape
    p = net.flatParameters.map(Double.init)
  }

  /// The logits of one image.
  func logits(_ image: [Double]) -> [Double] {
    var maps = [image]  // [channel][y * w + x]
    var w = shape.width
    var h = shape.height
    var i = 0
    for spec in shape.convs {
      let k = spec.kernel
      let pad = k / 2
      let cin = maps.count
      var out: [[Double]] = []
      var weights: [Double] = []
      for _ in 0..<(spec.filters * cin * k * k) {
        weights.append(p[i])
        i += 1
      }
      for o in 0..<spec.filters {
        let bias = p[i + o]
        var z = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
          for x in 0..<w {
            var s = bias
            for c in 0..<cin {
              for ky in 0..<k {
                for kx in 0..<k {
                  let yy = y + ky - pad
                  let xx = x + kx - pad
                  if yy < 0 || yy >= h || xx < 0 || xx >= w { continue }
                  s += weights[((o * cin + c) * k + ky) * k + kx] * maps[c][yy * w + xx]
                }
              }
            }
            z[y * w + x] = max(s, 0)
          }
        }
        out.append(z)
      }
      i += spec.filters
      let s = spec.pool
      let wp = w / s
      let hp = h / s
      maps = out.map { z in
        var m = [Double](repeating: 0, count: wp * hp)
        for py in 0..<hp {
          for px in 0..<wp {
            var best = -Double.infinity
            for dy in 0..<s {
              for dx in 0..<s { best = max(best, z[(py * s + dy) * w + px * s + dx]) }
            }
            m[py * wp + px] = best
          }
        }
        return m
      }
      w = wp
      h = hp
    }
    let features = maps.flatMap { $0 }
    var z = [Double](repeating: 0, count: shape.classes)
    for k in 0..<shape.classes {
      for f in 0..<features.count { z[k] += p[i + k * features.count + f] * features[f] }
    }
    i += shape.classes * features.count
    for k in 0..<shape.classes { z[k] += p[i + k] }
    return z
  }

  func probabilities(_ image: [Double]) -> [Double] {
    let z = logits(image)
    let m = z.max()!
    let e = z.map { Scalar.exp($0 - m) }
    let sum = e.reduce(0, +)
    return e.map { $0 / sum }
  }

  /// Mean cross-entropy over the samples.
  func loss(_ samples: ImageSamples) -> Double {
    var total = 0.0
    for n in 0..<samples.count {
      total -= Scalar.log(probabilities(samples.image(n).map(Double.init))[samples.labels[n]])
    }
    return total / Double(samples.count)
  }
}

/// Random images in [0, 1] with random labels.
func randomImages(_ shape: CNNShape, count: Int, rng: inout SeededGenerator) -> ImageSamples {
  var s = ImageSamples(width: shape.width, height: shape.height)
  for _ in 0..<count {
    s.append(
      (0..<(shape.width * shape.height)).map { _ in Float(rng.nextUnit()) },
      label: rng.index(below: shape.classes))
  }
  return s
}

/// A network with non-zero biases (so the bias paths are exercised).
func randomCNN(_ shape: CNNShape, seed: UInt64) -> CNN {
  var rng = SeededGenerator(seed: seed)
  var net = CNN(shape: shape, rng: &rng)
  var p = net.flatParameters
  for i in 0..<p.count where p[i] == 0 { p[i] = Float(rng.uniform(-0.1, 0.1)) }
  net.setParameters(p)
  return net
}

@Suite struct CNNGradientTests {
  /// Small nets covering 3×3 and 5×5 kernels, pools 1, 2 and 3, channel counts below, at and above
  /// one chunk of eight, and non-square images (to catch swapped axes).
  static let shapes: [CNNShape] = [
    CNNShape(
      width: 12, height: 10,
      convs: [ConvLayerSpec(filters: 3, kernel: 3, pool: 2), ConvLayerSpec(filters: 9, kernel: 5, pool: 3)],
      classes: 3),
    CNNShape(
      width: 13, height: 11,
      convs: [ConvLayerSpec(filters: 8, kernel: 5, pool: 3), ConvLayerSpec(filters: 4, kernel: 3, pool: 1)],
      classes: 4),
    CNNShape(
      width: 9, height: 9,
      convs: [
        ConvLayerSpec(filters: 17, kernel: 3, pool: 1), ConvLayerSpec(filters: 5, kernel: 3, pool: 2),
      ], classes: 2),
  ]

  @Test(arguments: 0..<3)
  func forwardMatchesTheReference(index: Int) {
    let shape = CNNGradientTests.shapes[index]
    let net = randomCNN(shape, seed: 7)
    var rng = SeededGenerator(seed: 8)
    let images = randomImages(shape, count: 4, rng: &rng)
    let reference = ReferenceCNN(net)
    let fast = net.probabilities(images)
    for n in 0..<images.count {
      let expected = reference.probabilities(images.image(n).map(Double.init))
      for k in 0..<shape.classes {
        #expect(abs(Double(fast[n * shape.classes + k]) - expected[k]) < 1e-5, "image \(n) class \(k)")
      }
      let acts = net.activations(image: images.image(n))
      #expect(acts.probabilities == Array(fast[(n * shape.classes)..<((n + 1) * shape.classes)]))
    }
  }

  /// Central differences of the double-precision reference loss against the kernel's gradient,
  /// for every weight and bias of conv, pool and dense layers.
  @Test(arguments: 0..<3)
  func parameterGradientMatchesFiniteDifferences(index: Int) {
    let shape = CNNGradientTests.shapes[index]
    let net = randomCNN(shape, seed: 11)
    var rng = SeededGenerator(seed: 12)
    let images = randomImages(shape, count: 3, rng: &rng)
    let analytic = net.gradient(on: images)
    var reference = ReferenceCNN(net)
    #expect(abs(Double(analytic.loss) - reference.loss(images)) < 1e-5)
    let h = 1e-4
    var worst = 0.0
    for i in 0..<reference.p.count {
      let saved = reference.p[i]
      reference.p[i] = saved + h
      let plus = reference.loss(images)
      reference.p[i] = saved - h
      let minus = reference.loss(images)
      reference.p[i] = saved
      let numeric = (plus - minus) / (2 * h)
      let error = abs(numeric - Double(analytic.parameters[i])) / (1e-3 + abs(numeric))
      worst = max(worst, error)
      #expect(error < 1e-2, "parameter \(i): numeric \(numeric), analytic \(analytic.parameters[i])")
    }
    #expect(analytic.parameters.count == net.parameterCount)
    #expect(worst < 1e-2)
  }

  /// The same check for ∂(score)/∂(input pixel), for both CAM objectives.
  @Test(arguments: 0..<3, CNNObjective.allCases)
  func inputGradientMatchesFiniteDifferences(index: Int, objective: CNNObjective) {
    let shape = CNNGradientTests.shapes[index]
    let net = randomCNN(shape, seed: 21)
    var rng = SeededGenerator(seed: 22)
    let image = randomImages(shape, count: 1, rng: &rng).image(0)
    let reference = ReferenceCNN(net)
    for c in 0..<shape.classes {
      let analytic = net.inputGradient(image: image, class: c, objective: objective)
      func score(_ x: [Double]) -> Double {
        objective == .logit ? reference.logits(x)[c] : reference.probabilities(x)[c]
      }
      var x = image.map(Double.init)
      let h = 1e-4
      var largest = 0.0
      for i in 0..<x.count {
        let saved = x[i]
        x[i] = saved + h
        let plus = score(x)
        x[i] = saved - h
        let minus = score(x)
        x[i] = saved
        let numeric = (plus - minus) / (2 * h)
        largest = max(largest, abs(numeric))
        #expect(
          abs(numeric - Double(analytic[i])) < 1e-4 + 1e-2 * abs(numeric),
          "pixel \(i) class \(c): numeric \(numeric), analytic \(analytic[i])")
      }
      // The check is only meaningful when the gradient is not all zeros.
      #expect(largest > 1e-3)
    }
  }

  /// The reference CNN on 28×28 images: a sample of its 4,000+ parameters.
  @Test func referenceNetGradientOnASample() {
    let shape = CNNShape.reference(classes: 4)
    let net = randomCNN(shape, seed: 31)
    var rng = SeededGenerator(seed: 32)
    let images = randomImages(shape, count: 2, rng: &rng)
    let analytic = net.gradient(on: images)
    var reference = ReferenceCNN(net)
    let h = 1e-4
    for i in stride(from: 0, to: reference.p.count, by: 97) {
      let saved = reference.p[i]
      reference.p[i] = saved + h
      let plus = reference.loss(images)
      reference.p[i] = saved - h
      let minus = reference.loss(images)
      reference.p[i] = saved
      let numeric = (plus - minus) / (2 * h)
      #expect(abs(numeric - Double(analytic.parameters[i])) < 1e-4 + 1e-2 * abs(numeric), "parameter \(i)")
    }
  }

  @Test func shapeFamilyAndProblems() {
    let reference = CNNShape.reference(classes: 4)
    #expect(
      reference.convs == [
        ConvLayerSpec(filters: 8, kernel: 5, pool: 2), ConvLayerSpec(filters: 16, kernel: 5, pool: 3),
      ])
    #expect(reference.featureCount == 256)
    let pooled = reference.pooledSize(stage: 0)
    #expect(pooled.width == 14 && pooled.height == 14)
    #expect(CNNShape.family(convLayers: [8], classes: 4).featureCount == 9 * 9 * 8)
    #expect(CNNShape.family(convLayers: [4, 4, 4, 4, 4], classes: 4).problem != nil)
    #expect(CNNShape.family(convLayers: [8, 0], classes: 4).problem != nil)
    #expect(CNNShape.family(convLayers: [8, 16], classes: 1).problem != nil)
    var rng = SeededGenerator(seed: 0)
    let net = CNN(shape: reference, rng: &rng)
    #expect(net.parameterCount == 8 * 26 + 16 * (8 * 25 + 1) + 4 * 257)
    #expect(net.flatParameters.count == net.parameterCount)
  }
}
