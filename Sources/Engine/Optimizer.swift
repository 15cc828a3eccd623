/// How the averaged mini-batch gradient ḡ turns into a parameter step (PyTorch's update rules).
///
/// With learning rate η (per parameter, g = ḡ):
///
///     sgd       w ← w − η·g
///     momentum  b ← μ·b + g;                 w ← w − η·b
///     nesterov  b ← μ·b + g;                 w ← w − η·(g + μ·b)
///     rmsprop   s ← α·s + (1 − α)·g²;        w ← w − η·g / (√s + ε)
///     adam      t ← t + 1; m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²
///               w ← w − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Regularization (L2, L1) follows the optimizer's step, exactly as after plain SGD.
public enum Optimizer: String, CaseIterable, Sendable, Codable {
  case sgd, momentum, nesterov, rmsprop, adam

  /// PyTorch's defaults.
  public static let defaultMomentum: Float = 0.9
  public static let beta1: Float = 0.9
  public static let beta2: Float = 0.999
  public static let alpha: Float = 0.99
  public static let epsilon: Float = 1e-8

  /// True for the optimizers that keep a per-parameter buffer.
  public var hasState: Bool { self != .sgd }
  /// True when it keeps a second buffer (RMSprop's s is the first; Adam's v is the second).
  var usesSecond: Bool { self == .adam }

  /// Adam's bias corrections for step t: η/(1 − β₁ᵗ) and √(1 − β₂ᵗ), in double then rounded.
  static func adamCorrections(learningRate: Float, step: Int) -> (stepSize: Float, root2: Float) {
    // β₁ᵗ and β₂ᵗ from the decimal constants, as PyTorch computes them in double.
    let p1 = power(0.9, step)
    let p2 = power(0.999, step)
    return (Float(Double(learningRate) / (1 - p1)), Float((1 - p2).squareRoot()))
  }
}

/// xⁿ by repeated squaring (IEEE multiplies only, so the same bits everywhere).
func power(_ x: Double, _ n: Int) -> Double {
  var result = 1.0
  var base = x
  var k = max(n, 0)
  while k > 0 {
    if k & 1 == 1 { result *= base }
    base *= base
    k >>= 1
  }
  return result
}

/// A learning rate that changes with the epoch (the rate of epoch e, counting from 0).
public enum LearningRateSchedule: Sendable, Codable, Hashable, CustomStringConvertible {
  /// η every epoch.
  case constant
  /// η·factor^⌊e / every⌋ (PyTorch's StepLR).
  case step(every: Int, factor: Double)
  /// η·factor^e (PyTorch's ExponentialLR).
  case exponential(factor: Double)

  /// The rate for epoch `epoch` (0-based), multiplying the factor once per decay as PyTorch does.
  public func rate(base: Double, epoch: Int) -> Double {
    let decays: Int
    let factor: Double
    switch self {
    case .constant: return base
    case .step(let every, let f):
      decays = epoch / max(every, 1)
      factor = f
    case .exponential(let f):
      decays = epoch
      factor = f
    }
    var rate = base
    for _ in 0..<min(decays, 100_000) { rate *= factor }
    return rate
  }

  /// `constant`, `step:EVERY:FACTOR` or `exp:FACTOR` (the flag, lesson and share-string form).
  public var description: String {
    switch self {
    case .constant: "constant"
    case .step(let every, let factor): "step:\(every):\(factor)"
    case .exponential(let factor): "exp:\(factor)"
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let schedule = LearningRateSchedule(text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a schedule: \(text)"))
    }
    self = schedule
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }

  /// Parses `description`'s forms; nil when malformed or out of range (factor in (0, 1], every ≥ 1).
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    switch parts.first {
    case "constant" where parts.count == 1: self = .constant
    case "step" where parts.count == 3:
      guard let every = Int(parts[1]), every >= 1, let f = Double(parts[2]), f > 0, f <= 1 else { return nil }
      self = .step(every: every, factor: f)
    case "exp" where parts.count == 2:
      guard let f = Double(parts[1]), f > 0, f <= 1 else { return nil }
      self = .exponential(factor: f)
    default: return nil
    }
  }
}

/// The optimizer's memory between steps: momentum buffers or RMSprop's running squares (`first`),
/// Adam's moments (`first` = m, `second` = v), and Adam's step count.
///
/// Kept in the padded layout of the network it belongs to; empty until the first update of an
/// optimizer that needs it, so plain SGD carries nothing.
public struct OptimizerState: Sendable, Equatable {
  var firstWeights: [Lanes] = []
  var firstBiases: [Lanes] = []
  var secondWeights: [Lanes] = []
  var secondBiases: [Lanes] = []
  /// Updates Adam has made (its t).
  public internal(set) var step: Int = 0

  public init() {}

  /// True when nothing has been recorded yet.
  public var isEmpty: Bool { firstWeights.isEmpty && secondWeights.isEmpty && step == 0 }

  /// Allocates zeroed buffers for `network` and `optimizer` where missing.
  mutating func prepare(for network: Network, optimizer: Optimizer) {
    guard optimizer.hasState else { return }
    let zero = Lanes(repeating: 0)
    if firstWeights.count != network.weights.count || firstBiases.count != network.biases.count {
      firstWeights = [Lanes](repeating: zero, count: network.weights.count)
      firstBiases = [Lanes](repeating: zero, count: network.biases.count)
    }
    if optimizer.usesSecond
      && (secondWeights.count != network.weights.count || secondBiases.count != network.biases.count)
    {
      secondWeights = [Lanes](repeating: zero, count: network.weights.count)
      secondBiases = [Lanes](repeating: zero, count: network.biases.count)
    }
  }
}

/// Pointers to one state buffer pair for the kernel's update.
struct StateBuffers {
  var firstW: UnsafeMutablePointer<Lanes>?
  var firstB: UnsafeMutablePointer<Lanes>?
  var secondW: UnsafeMutablePointer<Lanes>?
  var secondB: UnsafeMutablePointer<Lanes>?
  var step: Int = 0
  static var none: StateBuffers { StateBuffers() }
}

/// What an optimizer step needs of a parameter value: element-wise arithmetic, a scale by a
/// Float and a square root. `Float` (the CNN, one parameter) and `Lanes` (the dense kernel,
/// eight) both have it already, so the update rule below is written once for both.
protocol OptimizerValue {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static func * (a: Float, b: Self) -> Self
  static func + (a: Self, b: Float) -> Self
  static func / (a: Self, b: Float) -> Self
  func squareRoot() -> Self
}

extension Float: OptimizerValue {}
extension SIMD8: OptimizerValue where Scalar == Float {}

/// One optimizer step on a parameter value (one Float, or eight lanes) with gradient `g`
/// (already averaged). `first`/`second` are its buffers; returns the new parameter value.
/// Specialised and inlined at each call site, so each type runs its own straight-line code.
@inline(__always)
func optimizerStep<V: OptimizerValue>(
  _ optimizer: Optimizer, w: V, g: V, rate: Float, momentum: Float,
  first: inout V, second: inout V, adam: (stepSize: Float, root2: Float)
) -> V {
  switch optimizer {
  case .sgd:
    return w - rate * g
  case .momentum:
    first = momentum * first + g
    return w - rate * first
  case .nesterov:
    first = momentum * first + g
    return w - rate * (g + momentum * first)
  case .rmsprop:
    first = Optimizer.alpha * first + (1 - Optimizer.alpha) * (g * g)
    return w - rate * (g / (first.squareRoot() + Optimizer.epsilon))
  case .adam:
    first = Optimizer.beta1 * first + (1 - Optimizer.beta1) * g
    second = Optimizer.beta2 * second + (1 - Optimizer.beta2) * (g * g)
    let denom = second.squareRoot() / adam.root2 + Optimizer.epsilon
    return w - adam.stepSize * (first / denom)
  }
}

/// A CNN's optimizer memory in the network's storage layout (see `OptimizerState`).
public struct CNNOptimizerState: Sendable, Equatable {
  var first: [Float] = []
  var second: [Float] = []
  /// Updates Adam has made (its t).
  public internal(set) var step: Int = 0

  public init() {}

  mutating func prepare(count: Int, optimizer: Optimizer) {
    guard optimizer.hasState else { return }
    if first.count != count { first = [Float](repeating: 0, count: count) }
    if optimizer.usesSecond && second.count != count { second = [Float](repeating: 0, count: count) }
  }
}

/// Pointers to a CNN's state buffers for the kernel's update.
struct CNNStateBuffers {
  var first: UnsafeMutablePointer<Float>?
  var second: UnsafeMutablePointer<Float>?
  var step: Int = 0
  static var none: CNNStateBuffers { CNNStateBuffers() }
}
