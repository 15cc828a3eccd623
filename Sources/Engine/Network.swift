/// A dense network: every neuron of one layer feeds every neuron of the next.
///
/// Storage is flat and padded to chunks of eight lanes so the hot loops run on `SIMD8<Float>`.
/// Layer l (0-based, counting weighted layers: hidden layers then the output) maps `nIn` inputs
/// to `nOut` outputs, with `cin = ⌈nIn/8⌉` and `cout = ⌈nOut/8⌉` chunks. Its weight w(j←i), from
/// input i to output j, lives in `weights[weightOffset + i·cout + j/8][j % 8]`, so one chunk holds
/// the weights from input i to eight consecutive outputs. Biases live in
/// `biases[biasOffset + j/8][j % 8]`. Padding lanes hold 0 and are frozen (never updated).
public struct Network: Sendable, Equatable {
  /// The architecture this network was built for.
  public let shape: NetworkShape
  /// Weights in the padded layout described above.
  public internal(set) var weights: [Lanes]
  /// Biases in the padded layout described above.
  public internal(set) var biases: [Lanes]
  /// Which weight lanes may change: false for padding and for weights L1 has frozen at 0.
  var trainable: [SIMDMask<SIMD8<Int32>>]
  let layout: [LayerLayout]

  /// Offsets and sizes of one weighted layer.
  struct LayerLayout: Sendable, Equatable {
    var nIn: Int
    var nOut: Int
    var cin: Int
    var cout: Int
    var weightOffset: Int
    var biasOffset: Int
    /// Where this layer's output starts in a buffer holding every layer's activations (chunks).
    var activationOffset: Int
    var weightChunks: Int { 8 * cin * cout }
  }

  /// Builds the network and draws its initial parameters from `rng`.
  ///
  /// Draw order: layer by layer from the input side; within a layer, output neuron by output
  /// neuron; within a neuron, its incoming weights in input order. Biases draw nothing.
  public init(shape: NetworkShape, initialization: WeightInit = .playground, rng: inout SeededGenerator) {
    precondition(shape.inputs >= 1, "a network needs at least one input")
    precondition(shape.hidden.allSatisfy { $0 >= 1 }, "hidden layers need at least one neuron")
    self.shape = shape
    var layout: [LayerLayout] = []
    var weightCount = 0
    var biasCount = 0
    let widths = shape.widths
    var activationOffset = (widths[0] + 7) / 8
    for l in 0..<(widths.count - 1) {
      let nIn = widths[l]
      let nOut = widths[l + 1]
      let entry = LayerLayout(
        nIn: nIn, nOut: nOut, cin: (nIn + 7) / 8, cout: (nOut + 7) / 8,
        weightOffset: weightCount, biasOffset: biasCount, activationOffset: activationOffset)
      weightCount += entry.weightChunks
      biasCount += entry.cout
      activationOffset += entry.cout
      layout.append(entry)
    }
    self.layout = layout
    weights = [Lanes](repeating: Lanes(repeating: 0), count: weightCount)
    biases = [Lanes](repeating: Lanes(repeating: 0), count: biasCount)
    trainable = [SIMDMask<SIMD8<Int32>>](repeating: SIMDMask(repeating: false), count: weightCount)
    for (l, entry) in layout.enumerated() {
      let isOutput = l == layout.count - 1
      for j in 0..<entry.nOut {
        let bias: Float
        switch initialization {
        case .playground: bias = 0.1
        case .xavier, .he, .zero: bias = 0
        }
        biases[entry.biasOffset + j / 8][j % 8] = bias
        for i in 0..<entry.nIn {
          let w: Double
          switch initialization {
          case .playground: w = rng.nextUnit() - 0.5
          case .xavier:
            let a = (6.0 / Double(entry.nIn + entry.nOut)).squareRoot()
            w = rng.uniform(-a, a)
          case .he: w = rng.normal(mean: 0, standardDeviation: (2.0 / Double(entry.nIn)).squareRoot())
          case .zero: w = 0
          }
          let index = entry.weightOffset + i * entry.cout + j / 8
          weights[index][j % 8] = Float(w)
          trainable[index][j % 8] = true
        }
      }
      _ = isOutput
    }
  }

  /// Number of weighted layers (hidden layers plus the output layer).
  public var layerCount: Int { layout.count }

  /// Inputs and outputs of weighted layer `layer`.
  public func layerSize(_ layer: Int) -> (inputs: Int, outputs: Int) {
    (layout[layer].nIn, layout[layer].nOut)
  }

  /// The weight from neuron `from` of the previous layer to neuron `to` of weighted layer `layer`.
  public func weight(layer: Int, from i: Int, to j: Int) -> Float {
    let entry = layout[layer]
    return weights[entry.weightOffset + i * entry.cout + j / 8][j % 8]
  }

  /// Sets one weight by hand; a weight frozen by L1 becomes trainable again.
  public mutating func setWeight(layer: Int, from i: Int, to j: Int, value: Float) {
    let entry = layout[layer]
    precondition(i < entry.nIn && j < entry.nOut, "weight index out of range")
    weights[entry.weightOffset + i * entry.cout + j / 8][j % 8] = value
    trainable[entry.weightOffset + i * entry.cout + j / 8][j % 8] = true
  }

  /// The bias of neuron `neuron` of weighted layer `layer`.
  public func bias(layer: Int, neuron j: Int) -> Float {
    biases[layout[layer].biasOffset + j / 8][j % 8]
  }

  /// Sets one bias by hand.
  public mutating func setBias(layer: Int, neuron j: Int, value: Float) {
    precondition(j < layout[layer].nOut, "bias index out of range")
    biases[layout[layer].biasOffset + j / 8][j % 8] = value
  }

  /// Every weight in canonical order: layer, then output neuron, then input neuron.
  public var flatWeights: [Float] {
    var out: [Float] = []
    for (l, entry) in layout.enumerated() {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn { out.append(weight(layer: l, from: i, to: j)) }
      }
    }
    return out
  }

  /// Every bias in canonical order: layer, then neuron.
  public var flatBiases: [Float] {
    var out: [Float] = []
    for (l, entry) in layout.enumerated() {
      for j in 0..<entry.nOut { out.append(bias(layer: l, neuron: j)) }
    }
    return out
  }

  /// Replaces every weight and bias (canonical order, as `flatWeights` / `flatBiases`).
  public mutating func setParameters(weights w: [Float], biases b: [Float]) {
    precondition(w.count == parameterCounts.weights && b.count == parameterCounts.biases)
    var wi = 0
    var bi = 0
    for (l, entry) in layout.enumerated() {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn {
          weights[entry.weightOffset + i * entry.cout + j / 8][j % 8] = w[wi]
          wi += 1
        }
        setBias(layer: l, neuron: j, value: b[bi])
        bi += 1
      }
    }
  }

  /// How many weights and biases the network has (without padding).
  public var parameterCounts: (weights: Int, biases: Int) {
    (
      layout.reduce(0) { $0 + $1.nIn * $1.nOut },
      layout.reduce(0) { $0 + $1.nOut }
    )
  }

  /// Weights with |w| < threshold (L1 drives useless weights here).
  public func countSmallWeights(below threshold: Float = 1e-3) -> Int {
    flatWeights.reduce(0) { $0 + (abs($1) < threshold ? 1 : 0) }
  }

  /// True when every weight and bias is a finite number.
  public var isFinite: Bool {
    weights.allSatisfy(\.allFinite) && biases.allSatisfy(\.allFinite)
  }

  /// A hex digest (FNV-1a, 64 bits) of every weight's and bias's bit pattern in canonical order.
  public var checksum: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ value: Float) {
      var bits = value.bitPattern
      for _ in 0..<4 {
        hash ^= UInt64(bits & 0xFF)
        hash = hash &* 0x0000_0100_0000_01B3
        bits >>= 8
      }
    }
    for w in flatWeights { mix(w) }
    for b in flatBiases { mix(b) }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Total chunks needed to hold every layer's activations (input included).
  var activationChunks: Int {
    guard let last = layout.last else { return 0 }
    return last.activationOffset + last.cout
  }

  /// Chunks per input row.
  public var inputChunks: Int { (shape.inputs + 7) / 8 }
}
