import ImmediateUI

/// The output panel's picture: the network's heatmap with the data points on top, a thin frame
/// and ticks at the domain's ends and center (labels are text, drawn by the UI). Used for the
/// window's output panel and `playground train --png`.
public enum BoundaryImage {
  /// The frame and tick color: a mid gray that reads on both orange and blue.
  public static let frameColor: UInt32 = 0xFF70_7478

  /// A binary classifier's picture (values in [−1, 1] on a `PlotGrid`, row 0 at the top).
  public static func render(
    values: [Float], gridSize n: Int, points: [PlotPoint], size: Int, discretize: Bool,
    showTest: Bool
  ) -> Raster {
    render(
      .binary(values), gridSize: n, points: points, size: size, discretize: discretize, showTest: showTest)
  }

  /// A k-class classifier's picture (probabilities point-major, k per grid sample).
  public static func render(
    probabilities: [Float], classCount k: Int, gridSize n: Int, points: [PlotPoint], size: Int,
    discretize: Bool, showTest: Bool
  ) -> Raster {
    render(
      .multiClass(probabilities: probabilities, classCount: k), gridSize: n, points: points,
      size: size, discretize: discretize, showTest: showTest)
  }

  /// Any output field as a `size × size` picture.
  ///
  /// - opacity: the heatmap over white; the default is the playground's 160/255, which keeps the
  ///   fully colored points readable on top of it.
  /// - pointRadius: nil picks `defaultPointRadius(size:)`.
  public static func render(
    _ field: OutputField, gridSize n: Int, points: [PlotPoint], size: Int, discretize: Bool,
    showTest: Bool, smooth: Bool = false, opacity: Float = HeatmapStyle.playgroundOpacity,
    domain: ClosedRange<Double> = -6...6, pointRadius: Float? = nil, frame: Bool = true
  ) -> Raster {
    var raster = Raster(width: size, height: size)
    draw(
      field, gridSize: n, points: points, into: &raster, discretize: discretize, showTest: showTest,
      smooth: smooth, opacity: opacity, domain: domain, pointRadius: pointRadius, frame: frame)
    return raster
  }

  /// Paints the picture over the whole of `raster`, reusing its storage (the per-frame path).
  public static func draw(
    _ field: OutputField, gridSize n: Int, points: [PlotPoint], into raster: inout Raster,
    discretize: Bool, showTest: Bool, smooth: Bool = false,
    opacity: Float = HeatmapStyle.playgroundOpacity, domain: ClosedRange<Double> = -6...6,
    pointRadius: Float? = nil, frame: Bool = true
  ) {
    let style = HeatmapStyle(discretize: discretize, smooth: smooth, opacity: opacity)
    Heatmap.draw(field, gridSize: n, into: &raster, style: style)
    let (classCount, valueRange) = pointColoring(field)
    let radius = pointRadius ?? defaultPointRadius(size: min(raster.width, raster.height))
    // Training points first, then test points on top (as the playground layers them).
    for subset in showTest ? [PointSubset.training, .test] : [.training] {
      PointsLayer.draw(
        into: &raster, points: points, domain: domain, radius: radius, classCount: classCount,
        valueRange: valueRange, subset: subset)
    }
    if frame { drawFrame(into: &raster, domain: domain) }
  }

  /// The playground's points are 1 % of the panel (radius 3 at 300 px); a little larger here so
  /// they survive a projector: max(2.5, size/110).
  public static func defaultPointRadius(size: Int) -> Float {
    max(2.5, Float(size) / 110)
  }

  /// The plot values that get ticks (and labels, drawn by the UI): both ends and the center.
  public static func tickValues(domain: ClosedRange<Double> = -6...6) -> [Double] {
    [domain.lowerBound, (domain.lowerBound + domain.upperBound) / 2, domain.upperBound]
  }

  /// How points are colored for a field: its class count (0 for regression) and value range.
  static func pointColoring(_ field: OutputField) -> (classCount: Int, valueRange: ClosedRange<Float>) {
    switch field {
    case .binary: (2, -1...1)
    case .multiClass(_, let k): (k, -1...1)
    case .regression(_, let range): (0, range)
    }
  }

  /// A frame one line thick (size/300, at least 1 px) and inward ticks at `tickValues`, 1/40 of
  /// the side long, on all four edges.
  static func drawFrame(into raster: inout Raster, domain: ClosedRange<Double>) {
    let w = raster.width
    let h = raster.height
    guard w > 2, h > 2 else { return }
    let t = max(1, min(w, h) / 300)
    fill(&raster, x: 0, y: 0, width: w, height: t)
    fill(&raster, x: 0, y: h - t, width: w, height: t)
    fill(&raster, x: 0, y: 0, width: t, height: h)
    fill(&raster, x: w - t, y: 0, width: t, height: h)
    let length = max(3, min(w, h) / 40)
    let transform = PlotTransform(domain: domain, width: Float(w), height: Float(h))
    for value in tickValues(domain: domain) {
      let p = transform.pixel(x: value, y: value)
      // Center a t-wide tick on the value's pixel boundary, kept inside the image.
      let x = min(w - t, max(0, Int(p.x.rounded()) - t / 2))
      let y = min(h - t, max(0, Int(p.y.rounded()) - t / 2))
      fill(&raster, x: x, y: 0, width: t, height: length)
      fill(&raster, x: x, y: h - length, width: t, height: length)
      fill(&raster, x: 0, y: y, width: length, height: t)
      fill(&raster, x: w - length, y: y, width: length, height: t)
    }
  }

  /// Fills a pixel rectangle (already inside the raster) with the frame color.
  static func fill(_ raster: inout Raster, x: Int, y: Int, width: Int, height: Int) {
    for row in y..<(y + height) {
      for col in x..<(x + width) { raster.pixels[row * raster.width + col] = frameColor }
    }
  }
}
