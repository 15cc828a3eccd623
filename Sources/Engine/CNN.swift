/// A small convolutional network for one-channel images: conv stages (`ConvLayerSpec`), then one
/// dense layer from the flattened pooled maps to the class logits, then softmax.
///
///     z = W·flatten(stages(image)) + b      p = softmax(z)      L = −log p_y
///
/// All parameters live in one flat buffer in the storage layout of `CNNLayout` (channels padded to
/// chunks of eight, padding always 0). `flatParameters` gives them in canonical order, the order
/// of the checksum and of the initial draws:
/// per stage its weights `[out][in][ky][kx]` then biases `[out]`; then the dense weights
/// `[class][channel][y][x]` (the flatten order of the last pooled maps) then the dense biases.
public struct CNN: Sendable, Equatable {
  /// The architecture this network was built for.
  public let shape: CNNShape
  let layout: CNNLayout
  /// Every parameter in storage layout.
  var parameters: [Float]

  /// Builds the network and draws its initial weights from `rng`; biases start at 0.
  ///
  /// Conv weights are He-initialised, N(0, √(2 / fanIn)) with fanIn = k²·(input channels), because
  /// a ReLU follows them; dense weights are Xavier-uniform, U(−a, a) with a = √(6 / (fanIn + classes)).
  /// Draw order: canonical order (see the type's summary), one `normal` or `uniform` per weight.
  public init(shape: CNNShape, rng: inout SeededGenerator) {
    precondition(shape.problem == nil, shape.problem ?? "")
    self.shape = shape
    layout = CNNLayout(shape)
    parameters = [Float](repeating: 0, count: layout.parameterCount)
    let indices = layout.canonicalIndices
    var n = 0
    for s in layout.stages {
      let std = (2.0 / Double(s.kernel * s.kernel * s.cin)).squareRoot()
      for _ in 0..<(s.cout * s.cin * s.kernel * s.kernel) {
        parameters[indices[n]] = Float(rng.normal(mean: 0, standardDeviation: std))
        n += 1
      }
      n += s.cout
    }
    let a = (6.0 / Double(shape.featureCount + shape.classes)).squareRoot()
    for _ in 0..<(shape.classes * shape.featureCount) {
      parameters[indices[n]] = Float(rng.uniform(-a, a))
      n += 1
    }
  }

  /// How many weights and biases the network has (without padding).
  public var parameterCount: Int {
    var n = 0
    for s in layout.stages { n += s.cout * (s.cin * s.kernel * s.kernel + 1) }
    return n + shape.classes * (shape.featureCount + 1)
  }

  /// Every weight and bias in canonical order.
  public var flatParameters: [Float] {
    layout.canonicalIndices.map { parameters[$0] }
  }

  /// Replaces every parameter (canonical order, as `flatParameters`).
  public mutating func setParameters(_ values: [Float]) {
    let indices = layout.canonicalIndices
    precondition(values.count == indices.count, "expected \(indices.count) parameters, got \(values.count)")
    for (i, v) in zip(indices, values) { parameters[i] = v }
  }

  /// The k×k filter from input channel `input` to output channel `output` of conv stage `stage`,
  /// row-major (ky, kx).
  public func filter(stage: Int, output: Int, input: Int) -> [Float] {
    let s = layout.stages[stage]
    precondition(output < s.cout && input < s.cin, "filter index out of range")
    var out: [Float] = []
    out.reserveCapacity(s.kernel * s.kernel)
    for ky in 0..<s.kernel {
      for kx in 0..<s.kernel {
        out.append(parameters[s.weightOffset + ((ky * s.kernel + kx) * s.cs + input) * s.cop + output])
      }
    }
    return out
  }

  /// Sets one conv weight w(output, input, ky, kx) by hand.
  public mutating func setFilterWeight(stage: Int, output: Int, input: Int, ky: Int, kx: Int, value: Float) {
    let s = layout.stages[stage]
    precondition(
      output < s.cout && input < s.cin && ky < s.kernel && kx < s.kernel, "weight index out of range")
    parameters[s.weightOffset + ((ky * s.kernel + kx) * s.cs + input) * s.cop + output] = value
  }

  /// The bias of output channel `output` of conv stage `stage`.
  public func filterBias(stage: Int, output: Int) -> Float {
    parameters[layout.stages[stage].biasOffset + output]
  }

  /// The dense weights into class `k`, in flatten order `[channel][y][x]` of the last pooled maps.
  public func denseWeights(class k: Int) -> [Float] {
    let last = layout.stages[layout.stages.count - 1]
    var out: [Float] = []
    for c in 0..<last.cout {
      for y in 0..<last.hp {
        for x in 0..<last.wp {
          out.append(
            parameters[layout.denseWeightOffset + k * layout.features + (y * last.wp + x) * last.cop + c])
        }
      }
    }
    return out
  }

  /// The dense bias of class `k`.
  public func denseBias(class k: Int) -> Float {
    parameters[layout.denseBiasOffset + k]
  }

  /// Smallest and largest weight of conv stage `stage` (for a shared color scale over its filters).
  public func filterRange(stage: Int) -> ClosedRange<Float> {
    var lo = Float.infinity
    var hi = -Float.infinity
    let s = layout.stages[stage]
    for o in 0..<s.cout {
      for i in 0..<s.cin {
        for v in filter(stage: stage, output: o, input: i) {
          lo = min(lo, v)
          hi = max(hi, v)
        }
      }
    }
    return lo <= hi ? lo...hi : 0...0
  }

  /// True when every parameter is a finite number.
  public var isFinite: Bool {
    parameters.allSatisfy(\.isFinite)
  }

  /// A hex digest (FNV-1a, 64 bits) of every parameter's bit pattern in canonical order.
  public var checksum: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in layout.canonicalIndices {
      var bits = parameters[i].bitPattern
      for _ in 0..<4 {
        hash ^= UInt64(bits & 0xFF)
        hash = hash &* 0x0000_0100_0000_01B3
        bits >>= 8
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
