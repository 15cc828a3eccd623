/// A hidden neuron's activation function f and its derivative f′.
public enum Activation: String, CaseIterable, Sendable, Codable {
  case relu, tanh, sigmoid, linear

  /// f(z) and f′(z) for eight lanes. ReLU uses f′(0) = 0, as the playground does.
  @inline(__always)
  func apply(_ z: Lanes) -> (value: Lanes, derivative: Lanes) {
    switch self {
    case .tanh:
      let y = FastMath.tanh(z)
      return (y, 1 - y * y)
    case .sigmoid:
      let y = FastMath.sigmoid(z)
      return (y, y * (1 - y))
    case .relu:
      let positive = z .> 0
      return (
        Lanes(repeating: 0).replacing(with: z, where: positive),
        Lanes(repeating: 0).replacing(with: 1, where: positive)
      )
    case .linear:
      return (z, Lanes(repeating: 1))
    }
  }

  /// f(z) for one value (reference implementation for tests and scalar paths).
  public func scalar(_ z: Float) -> Float {
    apply(Lanes(repeating: z)).value[0]
  }
}

/// The output neuron(s) and the loss the network minimizes.
public enum OutputKind: Sendable, Codable, Equatable, Hashable {
  /// Two classes as the playground: one tanh output, targets −1 (class 0) and +1 (class 1),
  /// loss ½(ŷ − y)².
  case binaryTanh
  /// Regression: one linear output, loss ½(ŷ − y)².
  case regression
  /// Three or more classes: k outputs through softmax, loss −log pᵧ (cross-entropy).
  case softmax(classes: Int)

  /// How many output neurons.
  public var width: Int {
    switch self {
    case .binaryTanh, .regression: 1
    case .softmax(let k): k
    }
  }
}

/// The penalty added to the loss for every weight (never the biases).
public enum Regularization: String, CaseIterable, Sendable, Codable {
  /// No penalty.
  case none
  /// rate · Σ|w| as TensorFlow Playground applies it: after the gradient step subtract
  /// η·rate·sign(w before the step); a weight that subtraction moves across 0 is set to 0 and its
  /// link dies (never updated again).
  case l1
  /// rate · Σ|w| by soft-thresholding (the proximal step): |v| shrinks by η·rate and stops at 0,
  /// where the weight is frozen. Lands useless weights exactly on 0 more often than `l1`.
  case l1Proximal = "l1-proximal"
  /// rate · Σ ½w².
  case l2

  /// dR/dw for eight lanes.
  @inline(__always)
  func derivative(_ w: Lanes) -> Lanes {
    switch self {
    case .none: return Lanes(repeating: 0)
    case .l2: return w
    case .l1, .l1Proximal:
      let zero = Lanes(repeating: 0)
      return zero.replacing(with: 1, where: w .> 0).replacing(with: -1, where: w .< 0)
    }
  }

  /// R(w) for one weight.
  public func penalty(_ w: Float) -> Float {
    switch self {
    case .none: 0
    case .l1, .l1Proximal: abs(w)
    case .l2: 0.5 * w * w
    }
  }
}

/// How weights and biases start.
public enum WeightInit: String, CaseIterable, Sendable, Codable {
  /// The playground's: weights U(−0.5, 0.5), biases 0.1.
  case playground
  /// Glorot/Xavier: weights U(−a, a) with a = √(6 / (fanIn + fanOut)), biases 0.
  case xavier
  /// He: weights N(0, √(2 / fanIn)), biases 0.
  case he
  /// Every weight and bias 0: all neurons of a layer stay identical (the symmetry lesson).
  case zero
}

/// The architecture: input width, hidden widths, the hidden activation and the output.
public struct NetworkShape: Sendable, Codable, Equatable, Hashable {
  public var inputs: Int
  public var hidden: [Int]
  public var activation: Activation
  public var output: OutputKind

  public init(inputs: Int, hidden: [Int], activation: Activation, output: OutputKind) {
    self.inputs = inputs
    self.hidden = hidden
    self.activation = activation
    self.output = output
  }

  /// Widths of every layer from the input to the output.
  public var widths: [Int] { [inputs] + hidden + [output.width] }
}

/// The settings of one stochastic-gradient-descent run.
public struct TrainingOptions: Sendable, Codable, Equatable {
  public var learningRate: Float
  public var batchSize: Int
  public var regularization: Regularization
  public var regularizationRate: Float
  /// How the gradient becomes a step (see `Optimizer`).
  public var optimizer: Optimizer = .sgd
  /// μ of momentum and Nesterov.
  public var momentum: Float = Optimizer.defaultMomentum
  /// The fraction of hidden activations dropped per training example (inverted dropout), 0–0.9.
  public var dropout: Float = 0

  public init(
    learningRate: Float = 0.03, batchSize: Int = 10, regularization: Regularization = .none,
    regularizationRate: Float = 0, optimizer: Optimizer = .sgd, momentum: Float = Optimizer.defaultMomentum,
    dropout: Float = 0
  ) {
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.regularization = regularization
    self.regularizationRate = regularizationRate
    self.optimizer = optimizer
    self.momentum = momentum
    self.dropout = dropout
  }
}
