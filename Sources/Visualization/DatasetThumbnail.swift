import ImmediateUI

/// A dataset's small preview: its points on a light background, no heatmap.
public enum DatasetThumbnail {
  /// The light background, a touch darker than the near-white so white-ringed points need none.
  public static let background: UInt32 = 0xFFF3_F4F5

  /// A `size × size` preview of `points` over `domain`; points are plain discs of radius
  /// max(1.2, size/45) px (rings would swallow them at this size), class-colored, or by value for
  /// regression (classCount 0, or points with class −1).
  public static func render(
    points: [PlotPoint], size: Int, domain: ClosedRange<Double> = -6...6, classCount: Int = 2,
    valueRange: ClosedRange<Float> = -1...1
  ) -> Raster {
    var raster = Raster(width: size, height: size, fill: background)
    PointsLayer.draw(
      into: &raster, points: points, domain: domain, radius: max(1.2, Float(size) / 45),
      classCount: classCount, outlineWidth: 0, valueRange: valueRange)
    return raster
  }
}
