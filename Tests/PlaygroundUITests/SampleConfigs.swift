import PlaygroundCore
import Training

/// Configurations the layout tests try beside the default: the ones whose OUTPUT panel differs.
enum SampleConfigs {
  /// Three classes (a three-entry legend) with a hidden layer of three (the warp menu).
  static var threeClasses: PlaygroundConfig {
    var c = PlaygroundConfig()
    c.dataset = .spiral3
    c.hiddenLayers = [16, 3]
    return c
  }

  /// Regression: the colour bar instead of class swatches.
  static var regression: PlaygroundConfig {
    var c = PlaygroundConfig()
    c.problem = .regression
    c.dataset = .regGauss
    return c
  }
}
