/// The optimizer's memory in canonical order, for session files and exports.
///
/// `first` and `second` list the weights' entries (canonical order, as `Network.flatWeights`) then
/// the biases' (as `flatBiases`); empty when the optimizer keeps no such buffer.
public struct FlatOptimizerState: Sendable, Equatable, Hashable {
  public var first: [Float]
  public var second: [Float]
  public var step: Int

  public init(first: [Float] = [], second: [Float] = [], step: Int = 0) {
    self.first = first
    self.second = second
    self.step = step
  }

  public var isEmpty: Bool { first.isEmpty && second.isEmpty && step == 0 }
}

extension OptimizerState {
  /// This state in canonical order for `network` (the network it was trained with).
  public func flat(for network: Network) -> FlatOptimizerState {
    FlatOptimizerState(
      first: firstWeights.isEmpty ? [] : network.canonical(firstWeights, firstBiases),
      second: secondWeights.isEmpty ? [] : network.canonical(secondWeights, secondBiases), step: step)
  }

  /// The state saved by `flat(for:)`; nil when a buffer's length does not fit `network`.
  public init?(flat: FlatOptimizerState, for network: Network) {
    self.init()
    let count = network.parameterCounts.weights + network.parameterCounts.biases
    if !flat.first.isEmpty {
      guard flat.first.count == count else { return nil }
      (firstWeights, firstBiases) = network.padded(flat.first)
    }
    if !flat.second.isEmpty {
      guard flat.second.count == count else { return nil }
      (secondWeights, secondBiases) = network.padded(flat.second)
    }
    guard flat.step >= 0 else { return nil }
    step = flat.step
  }
}

extension Network {
  /// Values stored in the weight and bias layouts, read out in canonical order.
  func canonical(_ w: [Lanes], _ b: [Lanes]) -> [Float] {
    var out: [Float] = []
    for entry in layout {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn { out.append(w[entry.weightOffset + i * entry.cout + j / 8][j % 8]) }
      }
    }
    for entry in layout {
      for j in 0..<entry.nOut { out.append(b[entry.biasOffset + j / 8][j % 8]) }
    }
    return out
  }

  /// Canonical-order values (weights then biases) placed in the padded layouts.
  func padded(_ values: [Float]) -> ([Lanes], [Lanes]) {
    var w = [Lanes](repeating: Lanes(repeating: 0), count: weights.count)
    var b = [Lanes](repeating: Lanes(repeating: 0), count: biases.count)
    var n = 0
    for entry in layout {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn {
          w[entry.weightOffset + i * entry.cout + j / 8][j % 8] = values[n]
          n += 1
        }
      }
    }
    for entry in layout {
      for j in 0..<entry.nOut {
        b[entry.biasOffset + j / 8][j % 8] = values[n]
        n += 1
      }
    }
    return (w, b)
  }
}

extension CNNOptimizerState {
  /// This state in the CNN's canonical parameter order (as `CNN.flatParameters`).
  public func flat(for network: CNN) -> FlatOptimizerState {
    let order = network.layout.canonicalIndices
    return FlatOptimizerState(
      first: first.isEmpty ? [] : order.map { first[$0] }, second: second.isEmpty ? [] : order.map { second[$0] },
      step: step)
  }

  /// The state saved by `flat(for:)`; nil when a buffer's length does not fit `network`.
  public init?(flat: FlatOptimizerState, for network: CNN) {
    self.init()
    let order = network.layout.canonicalIndices
    func place(_ values: [Float]) -> [Float]? {
      guard values.count == order.count else { return nil }
      var out = [Float](repeating: 0, count: network.layout.parameterCount)
      for (n, k) in order.enumerated() { out[k] = values[n] }
      return out
    }
    if !flat.first.isEmpty {
      guard let v = place(flat.first) else { return nil }
      first = v
    }
    if !flat.second.isEmpty {
      guard let v = place(flat.second) else { return nil }
      second = v
    }
    guard flat.step >= 0 else { return nil }
    step = flat.step
  }
}
