import Datasets
import Engine
import Localization

/// The whole configuration as one short, readable string, like the playground's URL:
/// `dataset=spiral&noise=10&features=x1,x2&hiddenLayers=8,8&learningRate=0.03&…`.
/// `playground --config STRING` opens it; keys are the lesson format's config keys.
extension PlaygroundConfig {
  public var shareString: String {
    var parts: [String] = []
    parts.append("problem=\(problem.rawValue)")
    parts.append("dataset=\(dataset.rawValue)")
    parts.append("noise=\(noise)")
    parts.append("trainRatio=\(trainRatio)")
    parts.append("seed=\(seed)")
    parts.append("features=\(features.map(\.rawValue).joined(separator: ","))")
    parts.append("hiddenLayers=\(hiddenLayers.map(String.init).joined(separator: ","))")
    parts.append("activation=\(activation.rawValue)")
    parts.append("learningRate=\(learningRate)")
    parts.append("regularization=\(regularization.rawValue)")
    parts.append("regularizationRate=\(regularizationRate)")
    parts.append("batchSize=\(batchSize)")
    parts.append("init=\(initialization.rawValue)")
    parts.append("showTestData=\(showTestData)")
    parts.append("discretize=\(discretize)")
    parts += learningSettings.shareParts
    return parts.joined(separator: "&")
  }

  /// Parses a share string; unknown keys and bad values are errors naming the key.
  public init(shareString: String) throws(ConfigError) {
    self.init()
    var sawProblem = false
    for part in shareString.split(separator: "&") where !part.isEmpty {
      let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(pieces[0])
      let value = pieces.count > 1 ? String(pieces[1]) : ""
      func bad(_ allowed: String) -> ConfigError {
        ConfigError(key: key, message: tr("{1}={2} is not valid; allowed: {3}", key, value, allowed))
      }
      func number<T: LosslessStringConvertible>(_ type: T.Type, _ allowed: String) throws(ConfigError) -> T {
        guard let v = T(value) else { throw bad(allowed) }
        return v
      }
      func enumValue<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ConfigError) -> T where T.RawValue == String {
        guard let v = T(rawValue: value) else {
          throw bad(T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
      }
      switch key {
      case "problem":
        problem = try enumValue(ProblemKind.self)
        sawProblem = true
      case "dataset": dataset = try enumValue(DatasetKind.self)
      case "noise": noise = try number(Int.self, "0 to 50")
      case "trainRatio": trainRatio = try number(Int.self, "10 to 90")
      case "seed": seed = try number(UInt64.self, "an integer ≥ 0")
      case "features":
        var list: [Feature] = []
        // An empty value is an empty list (`hiddenLayers=` is how no hidden layer is written);
        // otherwise every item must be there: `x1,,x2` and `4,,2` are mistakes, not lists.
        for name in value.split(separator: ",", omittingEmptySubsequences: value.isEmpty) {
          guard let f = Feature(rawValue: String(name)) else { throw bad(Feature.allNames) }
          list.append(f)
        }
        features = list
      case "hiddenLayers":
        var list: [Int] = []
        for n in value.split(separator: ",", omittingEmptySubsequences: value.isEmpty) {
          guard let v = Int(n) else { throw bad("comma-separated neuron counts such as 4,2") }
          list.append(v)
        }
        hiddenLayers = list
      case "activation": activation = try enumValue(Activation.self)
      case "learningRate": learningRate = try number(Double.self, "a number > 0")
      case "regularization": regularization = try enumValue(Regularization.self)
      case "regularizationRate": regularizationRate = try number(Double.self, "a number ≥ 0")
      case "batchSize": batchSize = try number(Int.self, "1 to 500")
      case "init": initialization = try enumValue(WeightInit.self)
      case "showTestData": showTestData = try number(Bool.self, "true, false")
      case "discretize": discretize = try number(Bool.self, "true, false")
      case "optimizer": optimizer = try enumValue(Optimizer.self)
      case "momentum": momentum = try number(Double.self, "0 to 0.999")
      case "dropout": dropout = try number(Double.self, "0 to 0.9")
      case "lrSchedule":
        guard let schedule = LearningRateSchedule(value) else { throw bad("constant, step:EVERY:FACTOR, exp:FACTOR") }
        lrSchedule = schedule
      default:
        throw ConfigError(key: key, message: tr("unknown setting '{1}' in the config string", key))
      }
    }
    if !sawProblem { problem = dataset.isRegression ? .regression : .classification }
    try validate()
  }
}
