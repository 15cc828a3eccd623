import ImmediateUI

/// How a neuron's outputs are brought into [−1, 1] for the diverging scale.
public enum TileScaling: String, Equatable, Sendable, Codable {
  /// Already in [−1, 1] (tanh): shown as is.
  case identity
  /// In [0, 1] (sigmoid σ): shown as 2σ − 1, so ½ is neutral.
  case sigmoid
  /// Unbounded (ReLU, linear): divided by the largest |value| on the grid, so the strongest
  /// response is full color and the tile shows shape, not size. An all-zero grid (a dead ReLU)
  /// stays neutral.
  case maxAbsolute
}

/// One neuron's output map, drawn in its small tile in the network diagram.
public enum NeuronTile {
  /// `values` mapped into [−1, 1] by `scaling` (NaN stays NaN and shows neutral).
  ///
  /// identity: v; sigmoid: 2v − 1; maxAbsolute: v / max |v| over the finite values (0 if that is 0).
  public static func normalized(_ values: [Float], scaling: TileScaling) -> [Float] {
    switch scaling {
    case .identity:
      return values
    case .sigmoid:
      return values.map { 2 * $0 - 1 }
    case .maxAbsolute:
      var largest: Float = 0
      for v in values where v.isFinite { largest = max(largest, abs(v)) }
      let k: Float = largest > 0 ? 1 / largest : 0
      return values.map { $0.isNaN ? $0 : max(-1, min(1, $0 * k)) }
    }
  }

  /// A `size × size` tile of an n × n grid of a neuron's outputs (a `PlotGrid`, row 0 at the top);
  /// n defaults to √count. Full-strength colors: a small tile needs all the contrast it can get.
  public static func render(
    values: [Float], gridSize: Int? = nil, size: Int, scaling: TileScaling = .identity,
    discretize: Bool = false, smooth: Bool = false
  ) -> Raster {
    let n = gridSize ?? squareSide(values.count)
    var raster = Raster(width: size, height: size)
    Heatmap.draw(
      .binary(normalized(values, scaling: scaling)), gridSize: n, into: &raster,
      style: HeatmapStyle(discretize: discretize, smooth: smooth))
    return raster
  }

  /// The side of a square grid with `count` samples (a precondition that it is one).
  static func squareSide(_ count: Int) -> Int {
    var n = 0
    while (n + 1) * (n + 1) <= count { n += 1 }
    precondition(n * n == count && n > 0, "tile values must be an n×n grid")
    return n
  }
}
