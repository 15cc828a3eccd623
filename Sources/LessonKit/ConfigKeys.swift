import Datasets
import Engine
import PlaygroundCore
import Training
import Yams

/// Reading config keys (`setup:` and `set:`) into `ConfigChange` entries, with range checks made by
/// `PlaygroundConfig.validate()` so lessons, the command line and the share string agree.
extension YAMLReader {
  /// Every config key a lesson may use.
  static let configKeys = [
    "problem", "dataset", "noise", "trainRatio", "seed", "features", "hiddenLayers", "activation",
    "learningRate", "regularization", "regularizationRate", "batchSize", "init", "showTestData", "discretize",
    "shapes", "convLayers", "speed",
  ] + LearningKey.names

  /// Reads a map of config keys. `extraKeys` are allowed too and returned untouched (`points`).
  func configChange(_ node: Node, _ what: String, extraKeys: [String] = []) throws(LessonError) -> (
    ConfigChange, [Pair]
  ) {
    let pairs = try mapping(node, what)
    try checkKeys(pairs, allowed: YAMLReader.configKeys + extraKeys, in: what)
    var change = ConfigChange(entries: [], cnn: .init(), location: location(node), keyLocations: [:])
    var extras: [Pair] = []
    for pair in pairs {
      if extraKeys.contains(pair.key) {
        extras.append(pair)
        continue
      }
      if pair.key == "speed" {
        guard let text = scalarText(pair.value), case .scalar = pair.value, let speed = TrainingSpeed(text: text)
        else {
          throw error(pair.value, "speed must be \(TrainingSpeed.allowed); found \(describe(pair.value))")
        }
        change.speed = speed
        change.keyLocations[pair.key] = location(pair.value)
        continue
      }
      if let entry = try configEntry(pair, cnn: &change.cnn) {
        // Range checks: the key alone on the defaults must validate.
        var probe = PlaygroundConfig()
        if case .dataset(let d) = entry { probe.problem = d.isRegression ? .regression : .classification }
        probe = ConfigChange(entries: [entry], cnn: .init(), location: change.location).applied(to: probe)
        do {
          try probe.validate()
        } catch {
          if error.key == pair.key || (pair.key == "init" && error.key == "initialization") {
            throw self.error(pair.value, error.message)
          }
        }
        change.entries.append(entry)
        change.keyLocations[pair.key] = location(pair.value)
      }
    }
    return (change, extras)
  }

  /// Validates a whole config (cross-key rules such as a regression dataset for classification),
  /// pointing at the offending key's value when the map has it, else at the map.
  func validate(_ config: PlaygroundConfig, pairs: [Pair], mapNode: Node) throws(LessonError) {
    do {
      try config.validate()
    } catch {
      let key = error.key == "initialization" ? "init" : error.key
      let node = pairs.first { $0.key == key }?.value ?? mapNode
      throw self.error(node, error.message)
    }
  }

  private func configEntry(_ pair: Pair, cnn: inout ConfigChange.CNNChange) throws(LessonError)
    -> ConfigChange.Entry?
  {
    let v = pair.value
    let key = pair.key
    switch key {
    case "problem": return .problem(try choice(v, key, ProblemKind.self))
    case "dataset":
      if scalarText(v) == "shapes" {
        cnn.shapesDataset = true
        return nil
      }
      return .dataset(try choice(v, key, DatasetKind.self, extra: ["shapes"]))
    case "noise": return .noise(try integer(v, key, in: -1_000_000...1_000_000))
    case "trainRatio": return .trainRatio(try integer(v, key, in: -1_000_000...1_000_000))
    case "seed":
      if let text = scalarText(v), let seed = UInt64(text.trimmingCharacters(in: .whitespaces)) {
        return .seed(seed)
      }
      throw error(v, "seed must be a whole number ≥ 0, found \(describe(v))")
    case "features":
      var features: [Feature] = []
      for item in try list(v, key, example: "[x1, x2, x1sq]") {
        features.append(try choice(item, "feature", Feature.self))
      }
      return .features(features)
    case "hiddenLayers":
      let items = try list(v, key, example: "[4, 2] (or [] for no hidden layer)")
      var layers: [Int] = []
      for item in items {
        layers.append(try integer(item, "a hidden layer's neuron count", in: -1_000_000...1_000_000))
      }
      return .hiddenLayers(layers)
    case "activation": return .activation(try choice(v, key, Activation.self))
    case "learningRate": return .learningRate(try number(v, key))
    case "regularization": return .regularization(try choice(v, key, Regularization.self))
    case "regularizationRate": return .regularizationRate(try number(v, key))
    case "batchSize": return .batchSize(try integer(v, key, in: -1_000_000...1_000_000))
    case "init": return .initialization(try choice(v, key, WeightInit.self))
    case "showTestData": return .showTestData(try bool(v, key))
    case "discretize": return .discretize(try bool(v, key))
    case "optimizer", "momentum", "dropout", "lrSchedule": return .learning(try learningKey(pair))
    case "shapes":
      var names: [String] = []
      for item in try list(v, key, example: "[circle, square, triangle]") {
        let name = try string(item, "a shape")
        guard CNNSetup.knownShapes.contains(name) else {
          var message = "'\(name)' is not a shape"
          if let c = closest(name, in: CNNSetup.knownShapes) { message += "; did you mean \(c)?" }
          throw error(item, message + " (shapes: \(CNNSetup.knownShapes.joined(separator: ", ")))")
        }
        guard !names.contains(name) else { throw error(item, "shapes lists \(name) twice") }
        names.append(name)
      }
      guard names.count >= 2 else { throw error(v, "shapes needs at least two shape classes") }
      cnn.shapes = names
      return nil
    default:  // convLayers
      let items = try list(v, key, example: "[8, 16]")
      guard CNNSetup.layerCount.contains(items.count) else {
        throw error(
          v,
          "convLayers has \(items.count) layers; allowed: \(CNNSetup.layerCount.lowerBound) to \(CNNSetup.layerCount.upperBound)"
        )
      }
      var filters: [Int] = []
      for item in items {
        filters.append(try integer(item, "a conv layer's filter count", in: CNNSetup.filters))
      }
      cnn.convLayers = filters
      return nil
    }
  }

  /// One of an enum's raw values.
  func choice<T: RawRepresentable & CaseIterable>(
    _ node: Node, _ what: String, _ type: T.Type, extra: [String] = []
  ) throws(LessonError) -> T where T.RawValue == String {
    let allowed = T.allCases.map(\.rawValue) + extra
    guard let text = scalarText(node), case .scalar = node else {
      throw error(node, "\(what) must be one of \(allowed.joined(separator: ", ")); found \(describe(node))")
    }
    guard let value = T(rawValue: text) else {
      var message = "'\(text)' is not a valid \(what)"
      if let c = closest(text, in: allowed) { message += "; did you mean \(c)?" }
      throw error(node, message + " (allowed: \(allowed.joined(separator: ", ")))")
    }
    return value
  }
}
