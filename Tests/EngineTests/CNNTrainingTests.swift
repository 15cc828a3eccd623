import Testing

@testable import Engine

/// 12×12 images of two classes: class 0 lights the left half, class 1 the right half (plus noise).
func leftRightImages(count: Int, rng: inout SeededGenerator) -> ImageSamples {
  var s = ImageSamples(width: 12, height: 12)
  for n in 0..<count {
    let label = n % 2
    var image = [Float](repeating: 0, count: 144)
    for y in 0..<12 {
      for x in 0..<12 {
        let lit = (x < 6) == (label == 0)
        image[y * 12 + x] = Float((lit ? 0.6 : 0) + 0.4 * rng.nextUnit())
      }
    }
    s.append(image, label: label)
  }
  return s
}

let leftRightShape = CNNShape(
  width: 12, height: 12,
  convs: [ConvLayerSpec(filters: 4, kernel: 3, pool: 2), ConvLayerSpec(filters: 8, kernel: 3, pool: 3)],
  classes: 2)

func trainedLeftRight(epochs: Int = 5, seed: UInt64 = 1) -> (CNN, ImageSamples) {
  var rng = SeededGenerator(seed: seed)
  let samples = leftRightImages(count: 60, rng: &rng)
  var net = CNN(shape: leftRightShape, rng: &rng)
  net.train(epochs: epochs, on: samples, options: CNNTrainingOptions(learningRate: 0.05, batchSize: 10))
  return (net, samples)
}

@Suite struct CNNTrainingTests {
  @Test func learnsAndReportsMetrics() {
    let (net, samples) = trainedLeftRight()
    let m = net.metrics(on: samples)
    #expect(m.accuracy == 1, "\(m)")
    #expect(m.loss < 0.2)
    #expect(m.count == 60)
    #expect(m.confusion == [[30, 0], [0, 30]])
    #expect(m.classAccuracy == [1, 1])
    let p = net.probabilities(samples)
    #expect(p.count == 120)
    #expect(abs(p[0] + p[1] - 1) < 1e-6)
    #expect(net.predict(image: samples.image(1)) == 1)
  }

  @Test func confusionCountsMistakes() {
    var rng = SeededGenerator(seed: 3)
    let net = CNN(shape: leftRightShape, rng: &rng)
    let samples = leftRightImages(count: 40, rng: &rng)
    let m = net.metrics(on: samples)
    #expect(m.confusion.flatMap { $0 }.reduce(0, +) == 40)
    #expect(m.confusion[0].reduce(0, +) == 20)
    let correct = m.confusion[0][0] + m.confusion[1][1]
    #expect(abs(m.accuracy - Float(correct) / 40) < 1e-6)
    #expect(abs(m.classAccuracy[1] - Float(m.confusion[1][1]) / 20) < 1e-6)
  }

  @Test func sameSeedSameBitsAndPiecesMatchOneCall() {
    let a = trainedLeftRight(epochs: 3, seed: 5).0
    let b = trainedLeftRight(epochs: 3, seed: 5).0
    let c = trainedLeftRight(epochs: 3, seed: 6).0
    #expect(a.checksum == b.checksum)
    #expect(a.checksum != c.checksum)
    // The same three epochs as uneven slices of mini-batches (a window's frame budget).
    var rng = SeededGenerator(seed: 5)
    let samples = leftRightImages(count: 60, rng: &rng)
    var net = CNN(shape: leftRightShape, rng: &rng)
    var cursor = CNNTrainingCursor()
    let options = CNNTrainingOptions(learningRate: 0.05, batchSize: 10)
    for slice in [1, 7, 4, 6] {
      #expect(net.train(batches: slice, on: samples, options: options, cursor: &cursor) == nil)
    }
    #expect(cursor.epoch == 3 && cursor.example == 0)
    #expect(net.checksum == a.checksum)
  }

  /// Pins the kernels' arithmetic: it changes only when the math or a draw order changes on purpose.
  @Test func goldenChecksum() {
    #expect(trainedLeftRight(epochs: 3, seed: 5).0.checksum == "3fddbe75f61bfd93")
  }

  @Test func divergenceStopsTraining() {
    var rng = SeededGenerator(seed: 1)
    let samples = leftRightImages(count: 60, rng: &rng)
    var net = CNN(shape: leftRightShape, rng: &rng)
    var p = net.flatParameters
    p[0] = .nan
    net.setParameters(p)
    let report = net.train(
      epochs: 5, on: samples, options: CNNTrainingOptions(learningRate: 0.05, batchSize: 10))
    #expect(report.divergence != nil)
    #expect(report.epochs == 1)
    #expect(!net.isFinite)
    #expect(net.metrics(on: samples).loss.isNaN)
  }

  @Test func activationsAndFilters() {
    let (net, samples) = trainedLeftRight()
    let image = samples.image(0)
    let a = net.activations(image: image)
    #expect(a.maps.count == 2 && a.pooledMaps.count == 2)
    #expect(a.featureMap(stage: 0, channel: 3).count == 144)
    #expect(a.pooledMap(stage: 0, channel: 3).count == 36)
    #expect(a.featureMap(stage: 1, channel: 7).count == 36)
    #expect(a.pooledMap(stage: 1, channel: 7).count == 4)
    #expect(a.maps.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "after ReLU")
    // Every pooled value is the maximum of its 2×2 window.
    let map = a.featureMap(stage: 0, channel: 1)
    let pooled = a.pooledMap(stage: 0, channel: 1)
    for py in 0..<6 {
      for px in 0..<6 {
        let window = [0, 1, 12, 13].map { map[(py * 2) * 12 + px * 2 + $0] }
        #expect(pooled[py * 6 + px] == window.max()!)
      }
    }
    #expect(a.probabilities == net.probabilities(image: image))
    #expect(a.predictedClass == 0)
    // Filters in canonical order: stage 0's weights come first, [out][in][ky][kx].
    let flat = net.flatParameters
    #expect(net.filter(stage: 0, output: 2, input: 0) == Array(flat[18..<27]))
    #expect(net.filterBias(stage: 0, output: 1) == flat[4 * 9 + 1])
    #expect(net.denseWeights(class: 1).count == 2 * 2 * 8)
    #expect(net.filterRange(stage: 1).lowerBound < 0)
  }

  @Test func saliencyIsTheGradientsMagnitude() {
    let (net, samples) = trainedLeftRight()
    let image = samples.image(0)
    let g = net.inputGradient(image: image, class: 0)
    let s = net.saliency(image: image, class: 0)
    #expect(s == g.map { abs($0) })
    #expect(s.contains { $0 > 0 })
  }
}
