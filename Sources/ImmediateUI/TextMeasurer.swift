/// Measures one line of text so widgets can lay it out; the SDL back end measures with the real
/// font, tests and headless runs use `ApproximateTextMeasurer`.
public protocol TextMeasurer {
  /// The size in logical pixels of `text` drawn at `size` logical points, regular weight.
  func measure(_ text: String, size: Float) -> Size
  /// The size in logical pixels of `text` drawn at `size` logical points in `weight`.
  func measure(_ text: String, size: Float, weight: FontWeight) -> Size
}

extension TextMeasurer {
  /// By default bold measures like regular.
  public func measure(_ text: String, size: Float, weight: FontWeight) -> Size {
    measure(text, size: size)
  }
}

/// A font-free measurer: each character is 0.55·size wide and a line is 1.2·size tall.
public struct ApproximateTextMeasurer: TextMeasurer, Sendable {
  public init() {}

  public func measure(_ text: String, size: Float) -> Size {
    Size(Float(text.count) * 0.55 * size, 1.2 * size)
  }
}
