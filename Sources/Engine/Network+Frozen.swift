/// The weights L1 regularization has frozen at 0, so a saved session continues training exactly.
///
/// `Kernel.update` freezes a weight the L1 step pulls onto 0 (it stays 0 from then on, whatever the
/// regularization). That rule lives in the `trainable` mask, which `flatWeights` does not show, so
/// session files carry the frozen weights as canonical indices (positions in `flatWeights`).
extension Network {
  /// Canonical indices (positions in `flatWeights`) of the weights frozen at 0, ascending.
  public var frozenWeightIndices: [Int] {
    var out: [Int] = []
    var index = 0
    for entry in layout {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn {
          if !trainable[entry.weightOffset + i * entry.cout + j / 8][j % 8] { out.append(index) }
          index += 1
        }
      }
    }
    return out
  }

  /// Freezes the weights at `indices` (canonical, as `frozenWeightIndices`); every other weight
  /// becomes trainable. Indices must lie in `0..<parameterCounts.weights`.
  public mutating func setFrozenWeights(_ indices: [Int]) {
    var frozen = [Bool](repeating: false, count: parameterCounts.weights)
    for k in indices {
      precondition(frozen.indices.contains(k), "frozen weight index \(k) out of range")
      frozen[k] = true
    }
    var index = 0
    for entry in layout {
      for j in 0..<entry.nOut {
        for i in 0..<entry.nIn {
          trainable[entry.weightOffset + i * entry.cout + j / 8][j % 8] = !frozen[index]
          index += 1
        }
      }
    }
  }
}
