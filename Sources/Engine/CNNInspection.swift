/// What a class score means when we differentiate it with respect to the input image.
public enum CNNObjective: String, CaseIterable, Sendable, Codable {
  /// The softmax probability p_c (ShapeShop's choice): ∂p_c/∂z_j = p_c · (δ_cj − p_j).
  case probability
  /// The raw logit z_c: ∂z_c/∂z_j = δ_cj. Unbounded, so it keeps growing where p_c saturates.
  case logit
}

/// Every intermediate value of one image through a CNN, for showing inside the network.
public struct CNNActivations: Sendable, Equatable {
  public let shape: CNNShape
  /// The class logits z and softmax probabilities p.
  public let logits: [Float]
  public let probabilities: [Float]
  /// Per stage, the conv output after ReLU, planar `[channel][y][x]` (`mapSize(stage:)`).
  public let maps: [[Float]]
  /// Per stage, the max-pooled maps, planar `[channel][y][x]` (`pooledSize(stage:)`).
  public let pooledMaps: [[Float]]

  /// Channel `channel` of stage `stage` after ReLU, row-major.
  public func featureMap(stage: Int, channel: Int) -> [Float] {
    let s = shape.mapSize(stage: stage)
    let n = s.width * s.height
    return Array(maps[stage][channel * n..<(channel + 1) * n])
  }

  /// Channel `channel` of stage `stage` after pooling, row-major.
  public func pooledMap(stage: Int, channel: Int) -> [Float] {
    let s = shape.pooledSize(stage: stage)
    let n = s.width * s.height
    return Array(pooledMaps[stage][channel * n..<(channel + 1) * n])
  }

  /// The most probable class.
  public var predictedClass: Int {
    var best = 0
    for j in 1..<probabilities.count where probabilities[j] > probabilities[best] { best = j }
    return best
  }
}

extension CNNKernel {
  /// Writes ∂objective/∂z for class `c` into `logitGrads` (after a forward pass).
  @inline(__always)
  func setObjectiveGradient(class c: Int, objective: CNNObjective) {
    for j in 0..<layout.classes {
      switch objective {
      case .logit: logitGrads[j] = j == c ? 1 : 0
      case .probability: logitGrads[j] = probs[c] * ((j == c ? 1 : 0) - probs[j])
      }
    }
  }

  /// ∂objective/∂image after `backward(…, inputGradient: true)`, into `out` (row-major).
  @inline(__always)
  func copyInputGradient(to out: UnsafeMutablePointer<Float>) {
    let s = stages[0]
    for y in 0..<s.h {
      out.advanced(by: y * s.w).update(from: planeGrads[0] + (y + s.pad) * s.padW + s.pad, count: s.w)
    }
  }
}

extension CNN {
  /// Every layer's output for one `width × height` image.
  public func activations(image: [Float]) -> CNNActivations {
    precondition(
      image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    let kernel = CNNKernel(network: self)
    image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
    return activations(of: kernel)
  }

  /// Every layer's output as `kernel`'s last forward pass left it.
  func activations(of kernel: borrowing CNNKernel) -> CNNActivations {
    var maps: [[Float]] = []
    var pooledMaps: [[Float]] = []
    for (l, s) in layout.stages.enumerated() {
      func planar(_ p: UnsafeMutablePointer<Float>, _ w: Int, _ h: Int) -> [Float] {
        var out = [Float](repeating: 0, count: s.cout * w * h)
        for c in 0..<s.cout {
          for i in 0..<(w * h) { out[c * w * h + i] = p[i * s.cop + c] }
        }
        return out
      }
      maps.append(planar(kernel.maps[l], s.w, s.h))
      pooledMaps.append(planar(kernel.pooled[l], s.wp, s.hp))
    }
    let k = shape.classes
    return CNNActivations(
      shape: shape, logits: (0..<k).map { kernel.logits[$0] },
      probabilities: (0..<k).map { kernel.probs[$0] },
      maps: maps, pooledMaps: pooledMaps)
  }

  /// ∂objective/∂image for class `c`: how each pixel would change the class's score.
  public func inputGradient(image: [Float], class c: Int, objective: CNNObjective = .logit) -> [Float] {
    precondition(
      image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    precondition(c >= 0 && c < shape.classes, "class \(c) out of range")
    let kernel = CNNKernel(network: self)
    var out = [Float](repeating: 0, count: image.count)
    image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
    kernel.setObjectiveGradient(class: c, objective: objective)
    kernel.backward(accumulate: false, inputGradient: true)
    out.withUnsafeMutableBufferPointer { kernel.copyInputGradient(to: $0.baseAddress!) }
    return out
  }

  /// Saliency: |∂score/∂pixel| for class `c` (Simonyan et al. 2014), by default the logit's.
  /// Large values mark the pixels whose change would move the class's score most.
  public func saliency(image: [Float], class c: Int, objective: CNNObjective = .logit) -> [Float] {
    inputGradient(image: image, class: c, objective: objective).map { abs($0) }
  }
}
