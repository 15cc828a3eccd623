import Datasets
import Engine

/// What training will cost, estimated before it starts, in multiply-adds: the network's
/// multiply-adds for one example (forward pass; the backward pass costs about twice that, so
/// training costs 3×), times the training examples, times the epochs.
///
/// Lessons and the command line refuse work over their bound with this estimate in the message,
/// so a 232-byte lesson cannot ask for a day of computing (README, "Reliability").
public enum TrainingCost {
  /// Multiply-adds per second assumed for the time in messages (this 2-core machine trains the
  /// reference CNN at about 14 billion per second and small dense nets at a few billion).
  public static let assumedRate = 1e10
  /// The most one lesson step (a `train` step or a task's solution) may cost: about 100 s.
  public static let lessonBound = 1e12
  /// The most one command-line run (`train`, `export`, `cam`) may cost: about an hour.
  public static let commandLineBound = 3.6e13

  /// Multiply-adds of one forward pass of a dense net with these layer widths (inputs first).
  public static func denseForward(layers: [Int]) -> Double {
    zip(layers, layers.dropFirst()).reduce(0) { $0 + Double($1.0) * Double($1.1) }
  }

  /// Multiply-adds of one forward pass of the CNN `shape`: each stage's convolution at its input
  /// size (k² · in · out per pixel, same padding), then the dense layer to the classes.
  public static func cnnForward(_ shape: CNNShape) -> Double {
    var w = shape.width
    var h = shape.height
    var channels = 1
    var total = 0.0
    for conv in shape.convs {
      total += Double(w * h) * Double(conv.kernel * conv.kernel) * Double(channels) * Double(conv.filters)
      channels = conv.filters
      w /= max(1, conv.pool)
      h /= max(1, conv.pool)
    }
    return total + Double(w * h * channels) * Double(shape.classes)
  }

  /// Training `epochs` epochs of the 2-D net of `config` on `points` points (before the split).
  public static func dense(_ config: PlaygroundConfig, points: Int, epochs: Int) -> Double {
    dense(config, trainExamples: Double(points) * Double(config.trainRatio) / 100, epochs: epochs)
  }

  /// Training `epochs` epochs of the 2-D net of `config` on `trainExamples` training points.
  public static func dense(_ config: PlaygroundConfig, trainExamples: Double, epochs: Int) -> Double {
    let outputs = config.classCount > 2 ? config.classCount : 1
    let layers = [config.features.count] + config.hiddenLayers + [outputs]
    return 3 * denseForward(layers: layers) * trainExamples * Double(epochs)
  }

  /// Training `epochs` epochs of the CNN of `config` with `extraImages` imported images.
  public static func cnn(_ config: CNNConfig, extraImages: Int = 0, epochs: Int) -> Double {
    let images = Double(config.shapes.count * config.imagesPerClass + extraImages)
    let examples = images * Double(config.trainRatio) / 100
    return 3 * cnnForward(config.shape) * examples * Double(epochs)
  }

  /// Training `epochs` epochs of the CNN `shape` on `trainExamples` training images.
  public static func cnn(_ shape: CNNShape, trainExamples: Double, epochs: Int) -> Double {
    3 * cnnForward(shape) * trainExamples * Double(epochs)
  }

  /// "2.6e15 multiply-adds, about 3 days at 10 billion a second".
  public static func describe(_ cost: Double) -> String {
    let seconds = cost / assumedRate
    let time: String
    switch seconds {
    case ..<120: time = "\(Int(seconds.rounded())) s"
    case ..<7200: time = "\(Int((seconds / 60).rounded())) minutes"
    case ..<172_800: time = "\(Int((seconds / 3600).rounded())) hours"
    default: time = "\(Int((seconds / 86400).rounded())) days"
    }
    return "\(scientific(cost)) multiply-adds, about \(time) at \(Int(assumedRate / 1e9)) billion a second"
  }

  /// `2.6e15`: two significant digits.
  public static func scientific(_ x: Double) -> String {
    guard x.isFinite, x > 0 else { return "0" }
    var exponent = 0
    var m = x
    while m >= 10 {
      m /= 10
      exponent += 1
    }
    while m < 1 {
      m *= 10
      exponent -= 1
    }
    let tenths = Int((m * 10).rounded())
    let mantissa = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    return exponent == 0 ? mantissa : "\(mantissa)e\(exponent)"
  }
}
