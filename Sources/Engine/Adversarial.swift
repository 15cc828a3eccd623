/// How an adversarial attack perturbs an image.
public enum AttackMethod: String, CaseIterable, Sendable, Codable {
  /// Fast gradient sign method (Goodfellow et al. 2015): one step of ε · sign(∇loss).
  case fgsm
  /// Projected gradient descent (Madry et al. 2018): `steps` sign steps of 2.5·ε/steps, each
  /// projected back into the ε-box around the original image and into [0, 1]. No random start,
  /// so the same image and network give the same result.
  case pgd
}

/// What an attack is after and how hard it pushes.
public struct AttackSettings: Sendable, Equatable, Hashable, Codable {
  public var method: AttackMethod = .fgsm
  /// The most any pixel may change (L∞ budget), in image units (pixels live in [0, 1]).
  public var epsilon: Float = 0.1
  /// Nil: untargeted (any class but the original one). Else the class the attack steers toward.
  public var target: Int? = nil
  /// Gradient steps of the projected attack (ignored by FGSM).
  public var steps: Int = 20

  public init(method: AttackMethod = .fgsm, epsilon: Float = 0.1, target: Int? = nil, steps: Int = 20) {
    self.method = method
    self.epsilon = epsilon
    self.target = target
    self.steps = steps
  }
}

/// An attacked image beside its original: both images, both probability vectors, the distances.
public struct AdversarialExample: Sendable, Equatable {
  public let original: [Float]
  public let adversarial: [Float]
  public let originalProbabilities: [Float]
  public let adversarialProbabilities: [Float]
  public let settings: AttackSettings

  /// The network's answer for the original image (the class an untargeted attack moves away from).
  public var originalClass: Int { Self.argmax(originalProbabilities) }
  public var adversarialClass: Int { Self.argmax(adversarialProbabilities) }
  /// adversarial − original, per pixel.
  public var perturbation: [Float] { zip(adversarial, original).map { $0 - $1 } }
  /// The largest change of any pixel (≤ ε).
  public var linfDistance: Float { perturbation.reduce(0) { max($0, abs($1)) } }
  /// The Euclidean length of the change.
  public var l2Distance: Float {
    var s = 0.0
    for d in perturbation { s += Double(d) * Double(d) }
    return Float(s.squareRoot())
  }
  /// Untargeted: the answer changed; targeted: the answer is the target.
  public var fools: Bool {
    if let t = settings.target { return adversarialClass == t }
    return adversarialClass != originalClass
  }

  static func argmax(_ p: [Float]) -> Int {
    var best = 0
    for j in p.indices where p[j] > p[best] { best = j }
    return best
  }
}

extension CNNKernel {
  /// ∂(−log p_label)/∂image of `image` into `out` (one forward and one backward pass; no
  /// parameter gradient is accumulated). Returns the loss.
  @inline(__always)
  @discardableResult
  func lossInputGradient(image: UnsafePointer<Float>, label: Int, into out: UnsafeMutablePointer<Float>) -> Float {
    forward(image: image)
    let loss = crossEntropy(label: label).loss
    backward(accumulate: false, inputGradient: true)
    copyInputGradient(to: out)
    return loss
  }

  /// One signed step from `x` in place: x ← clamp(x + step · sign(g)) (descend with a negative
  /// step), then projected into the ε-box around `origin` and into [0, 1].
  @inline(__always)
  static func signStep(
    _ x: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, step: Float,
    origin: UnsafePointer<Float>, epsilon: Float, count: Int
  ) {
    for i in 0..<count {
      let s: Float = g[i] > 0 ? 1 : (g[i] < 0 ? -1 : 0)
      let v = x[i] + step * s
      let lo = max(origin[i] - epsilon, 0)
      let hi = min(origin[i] + epsilon, 1)
      var clipped = min(max(v, lo), hi)
      // origin ± ε rounds to a float that may lie just outside the box: step back inside.
      while clipped - origin[i] > epsilon { clipped = clipped.nextDown }
      while origin[i] - clipped > epsilon { clipped = clipped.nextUp }
      x[i] = clipped
    }
  }
}

extension CNN {
  /// ∂(−log p_label)/∂image: the direction that makes `label` least likely fastest.
  public func lossInputGradient(image: [Float], label: Int) -> [Float] {
    precondition(image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    let kernel = CNNKernel(network: self)
    var out = [Float](repeating: 0, count: image.count)
    image.withUnsafeBufferPointer { x in
      out.withUnsafeMutableBufferPointer { kernel.lossInputGradient(image: x.baseAddress!, label: label, into: $0.baseAddress!) }
    }
    return out
  }

  /// Attacks `image` (pixels in [0, 1]): untargeted raises the loss of the network's own answer,
  /// targeted lowers the loss of `settings.target`. The result stays within ε of `image` per pixel
  /// and in [0, 1].
  public func attack(image: [Float], settings: AttackSettings) -> AdversarialExample {
    precondition(image.count == shape.width * shape.height, "an image has \(shape.width * shape.height) pixels")
    if let t = settings.target { precondition(t >= 0 && t < shape.classes, "class \(t) out of range") }
    let original = image.map { min(max($0.isFinite ? $0 : 0, 0), 1) }
    let before = probabilities(image: original)
    let source = AdversarialExample.argmax(before)
    let epsilon = max(0, settings.epsilon.isFinite ? settings.epsilon : 0)
    // Untargeted: climb the loss of the original answer; targeted: descend the target's loss.
    let label = settings.target ?? source
    let direction: Float = settings.target == nil ? 1 : -1
    var x = original
    let n = original.count
    let kernel = CNNKernel(network: self)
    var g = [Float](repeating: 0, count: n)
    let steps = settings.method == .fgsm ? 1 : max(1, settings.steps)
    let step = settings.method == .fgsm ? epsilon : 2.5 * epsilon / Float(steps)
    original.withUnsafeBufferPointer { o in
      x.withUnsafeMutableBufferPointer { xs in
        g.withUnsafeMutableBufferPointer { gs in
          for _ in 0..<steps {
            kernel.lossInputGradient(image: xs.baseAddress!, label: label, into: gs.baseAddress!)
            CNNKernel.signStep(
              xs.baseAddress!, gradient: gs.baseAddress!, step: direction * step, origin: o.baseAddress!,
              epsilon: epsilon, count: n)
          }
        }
      }
    }
    return AdversarialExample(
      original: original, adversarial: x, originalProbabilities: before,
      adversarialProbabilities: probabilities(image: x), settings: settings)
  }

  /// The smallest ε (to within 1/2¹²) at which the attack fools the network on `image`, by
  /// bisection on [0, 1] (12 halvings, so deterministic), with the example at that ε; nil when
  /// even ε = 1 does not fool it.
  public func smallestFoolingEpsilon(image: [Float], settings: AttackSettings, halvings: Int = 12)
    -> AdversarialExample?
  {
    var s = settings
    s.epsilon = 1
    let whole = attack(image: image, settings: s)
    guard whole.fools else { return nil }
    var best = whole
    var lo: Float = 0
    var hi: Float = 1
    for _ in 0..<halvings {
      let mid = (lo + hi) / 2
      s.epsilon = mid
      let e = attack(image: image, settings: s)
      if e.fools {
        hi = mid
        best = e
      } else {
        lo = mid
      }
    }
    return best
  }
}
