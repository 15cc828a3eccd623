import Datasets
import Engine
import Training

/// A neuron by the name lessons use: an input feature (`x1`, `x1sq`, …), a hidden neuron
/// `h<layer>.<index>` counting both from 1 (`h1.1` is the first neuron of the first hidden layer),
/// or the output (`output`; `output.2` is the second class's output when there are three or more).
public enum NeuronName: Hashable, Sendable, CustomStringConvertible {
  case feature(Feature)
  /// Both numbers count from 1.
  case hidden(layer: Int, index: Int)
  /// Counts from 1; `output` alone is `output.1`.
  case output(index: Int)

  /// Parses `x1`, `h2.3`, `output`, `output.2`; nil for anything else.
  public init?(_ text: String) {
    if let feature = Feature(rawValue: text) {
      self = .feature(feature)
    } else if text == "output" {
      self = .output(index: 1)
    } else if text.hasPrefix("output.") {
      guard let k = NeuronName.positive(text.dropFirst(7)) else { return nil }
      self = .output(index: k)
    } else if text.hasPrefix("h") {
      let parts = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 2, let layer = NeuronName.positive(parts[0]),
        let index = NeuronName.positive(parts[1])
      else { return nil }
      self = .hidden(layer: layer, index: index)
    } else {
      return nil
    }
  }

  private static func positive(_ s: Substring) -> Int? {
    guard !s.isEmpty, s.count <= 4, s.allSatisfy(\.isASCII), let n = Int(s), n >= 1 else { return nil }
    return n
  }

  public var description: String {
    switch self {
    case .feature(let f): f.rawValue
    case .hidden(let layer, let index): "h\(layer).\(index)"
    case .output(let index): index == 1 ? "output" : "output.\(index)"
    }
  }
}

/// A neuron name that does not exist in the current network, with the reason.
public struct NeuronLookupError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Experiment {
  /// The neuron's position for the window's tiles: layer 0 is the inputs, 1… the hidden layers,
  /// the last the output.
  public func neuronRef(_ name: NeuronName) throws(NeuronLookupError) -> NeuronRef {
    let widths = network.shape.widths
    switch name {
    case .feature(let f):
      guard let i = config.features.firstIndex(of: f) else {
        throw NeuronLookupError("\(f.rawValue) is not an input now; the inputs are \(featureList)")
      }
      return NeuronRef(layer: 0, index: i)
    case .hidden(let layer, let index):
      let hidden = config.hiddenLayers
      guard layer <= hidden.count else {
        throw NeuronLookupError(
          "h\(layer).\(index): there is no hidden layer \(layer); the network has \(hidden.count)")
      }
      guard index <= hidden[layer - 1] else {
        throw NeuronLookupError(
          "h\(layer).\(index): hidden layer \(layer) has \(hidden[layer - 1]) neuron\(hidden[layer - 1] == 1 ? "" : "s")"
        )
      }
      return NeuronRef(layer: layer, index: index - 1)
    case .output(let index):
      let width = widths[widths.count - 1]
      guard index <= width else {
        throw NeuronLookupError("\(name): the network has \(width) output neuron\(width == 1 ? "" : "s")")
      }
      return NeuronRef(layer: widths.count - 1, index: index - 1)
    }
  }

  /// Where the weight from `from` to `to` lives: (weighted layer, input index, output index).
  /// `to` must be in the layer right after `from`'s.
  public func weightIndex(from: NeuronName, to: NeuronName) throws(NeuronLookupError) -> (
    layer: Int, from: Int, to: Int
  ) {
    let source = try neuronRef(from)
    let target = try neuronRef(to)
    guard target.layer == source.layer + 1 else {
      let next =
        source.layer + 1 == network.shape.widths.count - 1 ? "the output" : "hidden layer \(source.layer + 1)"
      let feeds = source.layer + 1 < network.shape.widths.count ? "; \(from) feeds \(next)" : ""
      throw NeuronLookupError("there is no weight from \(from) to \(to)\(feeds)")
    }
    return (target.layer - 1, source.index, target.index)
  }

  /// The weight from neuron `from` to neuron `to`.
  public func weight(from: NeuronName, to: NeuronName) throws(NeuronLookupError) -> Float {
    let w = try weightIndex(from: from, to: to)
    return network.weight(layer: w.layer, from: w.from, to: w.to)
  }

  /// Where a hidden or output neuron's bias lives: (weighted layer, neuron index).
  public func biasIndex(of name: NeuronName) throws(NeuronLookupError) -> (layer: Int, neuron: Int) {
    let ref = try neuronRef(name)
    guard ref.layer > 0 else { throw NeuronLookupError("\(name) is an input; inputs have no bias") }
    return (ref.layer - 1, ref.index)
  }

  /// The bias of a hidden or output neuron.
  public func bias(of name: NeuronName) throws(NeuronLookupError) -> Float {
    let b = try biasIndex(of: name)
    return network.bias(layer: b.layer, neuron: b.neuron)
  }

  /// Hidden ReLU neurons whose output is 0 on every training point: no gradient reaches their
  /// incoming weights, so they never recover. Always 0 for other activations.
  public var deadNeurons: Int {
    guard config.activation == .relu, !config.hiddenLayers.isEmpty, trainSamples.count > 0 else { return 0 }
    let outputs = network.evaluateAll(trainSamples)
    var dead = 0
    for (l, width) in config.hiddenLayers.enumerated() {
      for j in 0..<width {
        var alive = false
        for p in 0..<trainSamples.count where outputs.value(layer: l + 1, neuron: j, point: p) > 0 {
          alive = true
          break
        }
        if !alive { dead += 1 }
      }
    }
    return dead
  }

  /// Weights (not biases) with |w| < 10⁻³: the ones L1 regularization has switched off.
  public var zeroWeights: Int { network.countSmallWeights(below: 1e-3) }

  /// The largest |w| over all weights (not biases): L2 regularization keeps it small.
  public var largestWeight: Float { network.flatWeights.reduce(0) { max($0, abs($1)) } }

  /// The network's outputs at the point (x, y): one value for two classes (tanh, −1…1) and for
  /// regression, one probability per class for three or more.
  public func outputs(x: Double, y: Double) -> [Float] {
    let samples = Experiment.samples([DataPoint(x: x, y: y, label: 0)], config.features)
    return network.predict(samples)
  }

  /// The class the network predicts at (x, y), counting from 0 (class 0 is orange, 1 blue);
  /// nil for regression.
  public func predictedClass(x: Double, y: Double) -> Int? {
    let out = outputs(x: x, y: y)
    switch network.shape.output {
    case .regression: return nil
    case .binaryTanh: return out[0] >= 0 ? 1 : 0
    case .softmax:
      var best = 0
      for k in out.indices where out[k] > out[best] { best = k }
      return best
    }
  }

  private var featureList: String { config.features.map(\.rawValue).joined(separator: ", ") }
}
