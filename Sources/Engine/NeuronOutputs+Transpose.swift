extension NeuronOutputs {
  /// Every neuron's output at every point, neuron-major: layer by layer (inputs first), neuron by
  /// neuron, each a run of `pointCount` values. The storage is point-major, so this transposes it
  /// in one sequential pass (reading it neuron by neuron would stride through all of it per neuron).
  public func neuronMajor() -> [Float] {
    let total = widths.reduce(0, +)
    let count = pointCount
    let floatsPerPoint = chunksPerPoint * Lanes.scalarCount
    return [Float](unsafeUninitializedCapacity: total * count) { out, initialized in
      values.withUnsafeBytes { raw in
        let v = raw.bindMemory(to: Float.self)
        for p in 0..<count {
          let point = p * floatsPerPoint
          var k = 0
          for (layer, width) in widths.enumerated() {
            // Neuron n of a layer sits at lane n & 7 of chunk n >> 3: float n after the layer's start.
            let base = point + chunkOffsets[layer] * Lanes.scalarCount
            for n in 0..<width {
              out[k * count + p] = v[base + n]
              k += 1
            }
          }
        }
      }
      initialized = total * count
    }
  }
}
