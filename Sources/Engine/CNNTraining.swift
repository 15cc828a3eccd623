/// Labelled one-channel images for a `CNN`: `count` images of `width × height` floats, row-major,
/// stored one after another, and a class index per image.
public struct ImageSamples: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var pixels: [Float]
  public private(set) var labels: [Int]

  /// An empty set of `width × height` images.
  public init(width: Int = 28, height: Int = 28) {
    self.width = width
    self.height = height
    pixels = []
    labels = []
  }

  /// Images from a flat `labels.count × width × height` buffer.
  public init(width: Int, height: Int, pixels: [Float], labels: [Int]) {
    precondition(pixels.count == width * height * labels.count, "pixels do not match the labels")
    self.width = width
    self.height = height
    self.pixels = pixels
    self.labels = labels
  }

  public var count: Int { labels.count }
  public var pixelCount: Int { width * height }

  /// Adds one image (row-major, `width × height`) with its class.
  public mutating func append(_ image: [Float], label: Int) {
    precondition(image.count == pixelCount, "an image has \(pixelCount) pixels, got \(image.count)")
    pixels += image
    labels.append(label)
  }

  /// Image `n` as a row-major array.
  public func image(_ n: Int) -> [Float] {
    Array(pixels[n * pixelCount..<(n + 1) * pixelCount])
  }
}

/// Mini-batch SGD settings for a CNN.
public struct CNNTrainingOptions: Sendable, Codable, Equatable {
  public var learningRate: Float
  public var batchSize: Int
  /// Adversarial training (nil = off): part of every batch trains on FGSM images instead.
  public var adversarial: AdversarialTraining? = nil
  /// How the gradient becomes a step (see `Optimizer`).
  public var optimizer: Optimizer = .sgd
  /// μ of momentum and Nesterov.
  public var momentum: Float = Optimizer.defaultMomentum
  /// The fraction of the dense layer's inputs dropped per training image (inverted dropout).
  public var dropout: Float = 0

  public init(
    learningRate: Float = 0.03, batchSize: Int = 10, optimizer: Optimizer = .sgd,
    momentum: Float = Optimizer.defaultMomentum, dropout: Float = 0, adversarial: AdversarialTraining? = nil
  ) {
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.optimizer = optimizer
    self.momentum = momentum
    self.dropout = dropout
    self.adversarial = adversarial
  }
}

/// Where training stands inside the sample set: training can stop after any mini-batch (a
/// window's frame budget) and continue later with the same bits as one long call.
public struct CNNTrainingCursor: Sendable, Equatable, Codable {
  /// Whole passes over the samples completed.
  public var epoch: Int = 0
  /// The next example to train on.
  public var example: Int = 0
  public init() {}
}

/// Loss, accuracy, per-class accuracy and the confusion matrix of a CNN on a set of images.
public struct CNNMetrics: Sendable, Equatable, Codable {
  /// Mean cross-entropy −log p_y.
  public var loss: Float
  /// Fraction of images whose most probable class is right.
  public var accuracy: Float
  /// Per class: the fraction of its images classified right (0 for a class with no images).
  public var classAccuracy: [Float]
  /// `confusion[actual][predicted]`: how many images of class `actual` were predicted `predicted`.
  public var confusion: [[Int]]
  /// Images measured.
  public var count: Int
}

/// A loss and its exact gradient with respect to every parameter (canonical order).
public struct CNNGradient: Sendable {
  public var loss: Float
  public var parameters: [Float]
}

extension CNN {
  /// Trains for `epochs` passes over `samples`, visiting them in stored order; an update follows
  /// every `batchSize` examples and the epoch's final partial batch:
  /// w ← w − (η / n) · Σ ∂L/∂w over the n examples of the batch.
  /// Stops early, reporting why, when a parameter becomes NaN or infinite.
  @discardableResult
  public mutating func train(epochs: Int, on samples: ImageSamples, options: CNNTrainingOptions)
    -> TrainingReport
  {
    guard epochs > 0, samples.count > 0 else { return TrainingReport(epochs: 0, divergence: nil) }
    var cursor = CNNTrainingCursor()
    let perEpoch = (samples.count + options.batchSize - 1) / options.batchSize
    let divergence = train(batches: epochs * perEpoch, on: samples, options: options, cursor: &cursor)
    return TrainingReport(epochs: cursor.epoch, divergence: divergence)
  }

  /// Trains `batches` mini-batches from `cursor`, advancing it; a batch never crosses the end of
  /// an epoch. Returns why training stopped when a parameter became NaN or infinite (checked at
  /// the end of every epoch and of the call), else nil.
  public mutating func train(
    batches: Int, on samples: ImageSamples, options: CNNTrainingOptions, cursor: inout CNNTrainingCursor
  ) -> String? {
    var state = CNNOptimizerState()
    var rng = SeededGenerator(seed: 0)
    return train(
      batches: batches, on: samples, options: options, cursor: &cursor, state: &state, dropoutGenerator: &rng)
  }

  /// `train(batches:on:options:cursor:)` carrying the optimizer's state between calls and drawing
  /// dropout masks from `dropoutGenerator` (nothing is drawn without dropout).
  public mutating func train(
    batches: Int, on samples: ImageSamples, options: CNNTrainingOptions, cursor: inout CNNTrainingCursor,
    state: inout CNNOptimizerState, dropoutGenerator: inout SeededGenerator
  ) -> String? {
    precondition(
      samples.width == shape.width && samples.height == shape.height, "images do not fit the network")
    precondition(options.batchSize >= 1, "batch size must be at least 1")
    guard batches > 0, samples.count > 0 else { return nil }
    var kernel = CNNKernel(network: self)
    let dropout = options.dropout > 0
    kernel.dropping = dropout
    let pixels = samples.pixelCount
    var divergence: String?
    state.prepare(count: layout.parameterCount, optimizer: options.optimizer)
    var step = state.step
    let second = options.optimizer == .adam
    var rng = dropoutGenerator
    state.first.withUnsafeMutableBufferPointer { first in
    state.second.withUnsafeMutableBufferPointer { secondBuffer in
    samples.pixels.withUnsafeBufferPointer { images in
      var buffers = CNNStateBuffers(first: first.baseAddress, second: second ? secondBuffer.baseAddress : nil)
      for _ in 0..<batches {
        if cursor.example >= samples.count { cursor.example = 0 }
        let end = min(cursor.example + options.batchSize, samples.count)
        if let adversarial = options.adversarial {
          adversarial.trainBatch(
            kernel, images: images.baseAddress!, labels: samples.labels, range: cursor.example..<end,
            epoch: cursor.epoch, pixels: pixels)
        } else {
          for n in cursor.example..<end {
            if dropout { kernel.drawDropMask(rate: options.dropout, rng: &rng) }
            kernel.forward(image: images.baseAddress! + n * pixels)
            _ = kernel.crossEntropy(label: samples.labels[n])
            kernel.backward(accumulate: true, inputGradient: false)
          }
        }
        step += 1
        buffers.step = step
        kernel.update(count: end - cursor.example, options: options, state: buffers)
        cursor.example = end
        if end == samples.count {
          cursor.epoch += 1
          cursor.example = 0
          if !kernel.parametersAreFinite() {
            divergence = "a weight became NaN or infinite during epoch \(cursor.epoch)"
            break
          }
        }
      }
    }
    }
    }
    if options.optimizer == .adam { state.step = step }
    dropoutGenerator = rng
    if divergence == nil && !kernel.parametersAreFinite() {
      divergence = "a weight became NaN or infinite during epoch \(cursor.epoch + 1)"
    }
    kernel.store(into: &self)
    return divergence
  }

  /// The mean loss over `samples` and its exact gradient (no update is made). Uses the same
  /// passes as `train`; the tests compare it with finite differences.
  public func gradient(on samples: ImageSamples) -> CNNGradient {
    let kernel = CNNKernel(network: self)
    var loss: Float = 0
    samples.pixels.withUnsafeBufferPointer { images in
      for n in 0..<samples.count {
        kernel.forward(image: images.baseAddress! + n * samples.pixelCount)
        loss += kernel.crossEntropy(label: samples.labels[n]).loss
        kernel.backward(accumulate: true, inputGradient: false)
      }
    }
    let storage = kernel.accumulatedGradient()
    let n = Float(max(samples.count, 1))
    return CNNGradient(loss: loss / n, parameters: layout.canonicalIndices.map { storage[$0] / n })
  }

  /// Loss, accuracy, per-class accuracy and the confusion matrix over `samples` (forward only).
  public func metrics(on samples: ImageSamples) -> CNNMetrics {
    let k = shape.classes
    var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
    var loss: Float = 0
    if samples.count > 0 {
      let kernel = CNNKernel(network: self)
      samples.pixels.withUnsafeBufferPointer { images in
        for n in 0..<samples.count {
          kernel.forward(image: images.baseAddress! + n * samples.pixelCount)
          let label = samples.labels[n]
          let r = kernel.crossEntropy(label: label)
          loss += r.loss
          confusion[label][r.predicted] += 1
        }
      }
    }
    var correct = 0
    var classAccuracy = [Float](repeating: 0, count: k)
    for c in 0..<k {
      correct += confusion[c][c]
      let total = confusion[c].reduce(0, +)
      classAccuracy[c] = total == 0 ? 0 : Float(confusion[c][c]) / Float(total)
    }
    let count = max(samples.count, 1)
    return CNNMetrics(
      loss: samples.count == 0 ? 0 : loss / Float(count),
      accuracy: samples.count == 0 ? 0 : Float(correct) / Float(count),
      classAccuracy: classAccuracy, confusion: confusion, count: samples.count)
  }

  /// The softmax probabilities of every image, `count × classes`, image by image.
  public func probabilities(_ samples: ImageSamples) -> [Float] {
    let k = shape.classes
    var out = [Float](repeating: 0, count: samples.count * k)
    guard samples.count > 0 else { return out }
    let kernel = CNNKernel(network: self)
    samples.pixels.withUnsafeBufferPointer { images in
      for n in 0..<samples.count {
        kernel.forward(image: images.baseAddress! + n * samples.pixelCount)
        for j in 0..<k { out[n * k + j] = kernel.probs[j] }
      }
    }
    return out
  }

  /// The softmax probabilities of one `width × height` image.
  public func probabilities(image: [Float]) -> [Float] {
    precondition(
      image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    return probabilities(ImageSamples(width: shape.width, height: shape.height, pixels: image, labels: [0]))
  }

  /// The most probable class of one image.
  public func predict(image: [Float]) -> Int {
    let p = probabilities(image: image)
    var best = 0
    for j in 1..<p.count where p[j] > p[best] { best = j }
    return best
  }
}
