import Training

extension PlaygroundConfig {
  /// Six hidden layers of four sigmoid neurons on the circle: the textbook vanishing gradient.
  public static var deepSigmoid: PlaygroundConfig {
    var config = PlaygroundConfig()
    config.hiddenLayers = Array(repeating: 4, count: 6)
    config.activation = .sigmoid
    return config
  }
}
