/// Adversarial training (Goodfellow et al. 2015): in every mini-batch a share of the examples is
/// replaced by its FGSM image at ε (made against the network as it stands at that batch, with
/// the example's true label), so the network learns to answer the same inside the ε-box.
///
/// Which examples are replaced is decided by a hash of (seed, epoch, example): the same seed gives
/// the same bits, and training sliced into frames gives the same bits as one long call.
public struct AdversarialTraining: Sendable, Codable, Equatable, Hashable {
  /// The fraction of each batch replaced, 0 to 1 (rounded to whole examples per batch).
  public var share: Double
  /// The FGSM step: the most any pixel changes.
  public var epsilon: Double
  /// Mixed into the choice of examples (the session's seed; not stored in files).
  public var seed: UInt64 = 0

  enum CodingKeys: String, CodingKey {
    case share, epsilon
  }

  public init(share: Double, epsilon: Double, seed: UInt64 = 0) {
    self.share = share
    self.epsilon = epsilon
    self.seed = seed
  }

  /// Allowed ranges.
  public static let shareRange = 0.0...1.0
  public static let epsilonRange = 0.0...1.0

  /// Why these settings are out of range, or nil.
  public var problem: String? {
    if !(share.isFinite && Self.shareRange.contains(share)) {
      return "the adversarial share must be from 0 to 1, got \(share)"
    }
    if !(epsilon.isFinite && Self.epsilonRange.contains(epsilon)) {
      return "the adversarial epsilon must be from 0 to 1, got \(epsilon)"
    }
    return nil
  }

  /// How many of a batch of `count` examples are replaced.
  func replaced(of count: Int) -> Int {
    min(count, max(0, Int((share * Double(count)).rounded())))
  }

  /// The example's rank key: the `replaced` smallest keys of a batch are attacked.
  func key(epoch: Int, example: Int) -> UInt64 {
    var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: epoch &+ 1)
    z = z &+ 0xBF58_476D_1CE4_E5B9 &* UInt64(truncatingIfNeeded: example &+ 1)
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Accumulates the gradients of one batch, the chosen examples replaced by their FGSM images.
  func trainBatch(
    _ kernel: borrowing CNNKernel, images: UnsafePointer<Float>, labels: [Int], range: Range<Int>,
    epoch: Int, pixels: Int
  ) {
    let m = replaced(of: range.count)
    let chosen = Set(range.sorted { (key(epoch: epoch, example: $0), $0) < (key(epoch: epoch, example: $1), $1) }.prefix(m))
    let eps = Float(epsilon)
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * pixels)
    defer { scratch.deallocate() }
    let gradient = scratch + pixels
    for n in range {
      var x = images + n * pixels
      if chosen.contains(n) {
        scratch.update(from: x, count: pixels)
        kernel.lossInputGradient(image: x, label: labels[n], into: gradient)
        CNNKernel.signStep(scratch, gradient: gradient, step: eps, origin: x, epsilon: eps, count: pixels)
        x = UnsafePointer(scratch)
      }
      kernel.forward(image: x)
      _ = kernel.crossEntropy(label: labels[n])
      kernel.backward(accumulate: true, inputGradient: false)
    }
  }
}
