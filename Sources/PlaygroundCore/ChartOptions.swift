
/// How the loss chart is shown. View state only: it never changes training, and sessions do not
/// store it.
public struct ChartOptions: Hashable, Sendable {
  /// The chart takes the output plot's place (the plot comes back when this is turned off).
  public var expanded = false
  /// Loss on a log₁₀ axis (decades), so small late improvements stay visible.
  public var logScale = false

  public init(expanded: Bool = false, logScale: Bool = false) {
    self.expanded = expanded
    self.logScale = logScale
  }
}
