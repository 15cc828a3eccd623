import ArgumentParser
import Datasets
import Engine
import PlaygroundCore

extension DatasetKind: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension Regularization: ExpressibleByArgument {}
extension WeightInit: ExpressibleByArgument {}
extension ProblemKind: ExpressibleByArgument {}

/// The config keys of the lesson format as kebab-case flags.
struct ConfigOptions: ParsableArguments {
  @Option(help: "classification or regression (default: from the dataset).")
  var problem: ProblemKind?
  @Option(help: "The dataset: \(DatasetKind.allCases.filter { $0 != .custom }.map(\.rawValue).joined(separator: ", ")).")
  var dataset: DatasetKind?
  @Option(help: "Noise in percent, 0 to 50.")
  var noise: Int = 0
  @Option(help: "Percent of the points used for training, 10 to 90.")
  var trainRatio: Int = 50
  @Option(help: "The random seed (an integer ≥ 0): the same seed gives the same run.")
  var seed: UInt64 = 0
  @Option(help: "Comma-separated input features from \(Feature.allNames).")
  var features: String = "x1,x2"
  @Option(help: "Comma-separated neurons per hidden layer, e.g. 4,2; \"none\" for no hidden layer.")
  var hiddenLayers: String = "4,2"
  @Option(help: "Hidden activation: relu, tanh, sigmoid, linear.")
  var activation: Activation = .tanh
  @Option(help: "Learning rate, > 0 and at most 10.")
  var learningRate: Double = 0.03
  @Option(help: "none, l1 or l2.")
  var regularization: Regularization = .none
  @Option(help: "Regularization rate, 0 to 10.")
  var regularizationRate: Double = 0
  @Option(help: "Examples per weight update, 1 to 500.")
  var batchSize: Int = 10
  @Option(name: .customLong("init"), help: "Initial weights: playground, xavier, he, zero.")
  var initialization: WeightInit = .playground
  @Option(help: "A CSV file of your own points (x,y,label; header optional).")
  var csv: String?

  /// The flag that sets a config key, for messages.
  static func flag(for key: String) -> String {
    var out = "--"
    for c in key {
      if c.isUppercase {
        out += "-" + c.lowercased()
      } else {
        out.append(c)
      }
    }
    return key == "initialization" ? "--init" : out
  }

  /// The validated config and any points from --csv; throws a UsageError naming the flag.
  func makeConfig() throws -> (PlaygroundConfig, [DataPoint]) {
    var config = PlaygroundConfig()
    config.noise = noise
    config.trainRatio = trainRatio
    config.seed = seed
    config.activation = activation
    config.learningRate = learningRate
    config.regularization = regularization
    config.regularizationRate = regularizationRate
    config.batchSize = batchSize
    config.initialization = initialization
    config.features = try features.split(separator: ",", omittingEmptySubsequences: false).map {
      let name = $0.trimmingCharacters(in: .whitespaces)
      guard let f = Feature(rawValue: name) else {
        throw UsageError(message: "--features: unknown feature '\(name)'; allowed: \(Feature.allNames)")
      }
      return f
    }
    let layers = hiddenLayers.trimmingCharacters(in: .whitespaces)
    if layers.isEmpty || layers == "none" {
      config.hiddenLayers = []
    } else {
      config.hiddenLayers = try layers.split(separator: ",", omittingEmptySubsequences: false).map {
        guard let n = Int($0.trimmingCharacters(in: .whitespaces)) else {
          throw UsageError(message: "--hidden-layers: '\($0)' is not a whole number of neurons; use e.g. 4,2")
        }
        return n
      }
    }
    var points: [DataPoint] = []
    if let dataset {
      config.dataset = dataset
    } else if csv != nil {
      config.dataset = .custom
    }
    config.problem = problem ?? (config.dataset.isRegression ? .regression : .classification)
    if let csv {
      let text: String
      do {
        text = try String(contentsOfFile: csv, encoding: .utf8)
      } catch {
        throw UsageError(message: "--csv: cannot read '\(csv)': \(error.localizedDescription)")
      }
      do {
        points = try PointsCSV.parse(text, source: csv, regression: config.problem == .regression)
      } catch {
        throw UsageError(message: "--csv: \(error.description)")
      }
    }
    do {
      try config.validate()
    } catch {
      throw UsageError(message: "\(ConfigOptions.flag(for: error.key)): \(error.message)")
    }
    return (config, points)
  }
}
