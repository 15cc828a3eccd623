/// Colors, type sizes and metrics for every widget, tuned to read on a classroom projector:
/// light panels and dark gray text (contrast above 10:1), body text at 16 pt, nothing below 15 pt,
/// generous hit targets. The palette follows TensorFlow Playground (blue #0877BD, orange #F59322).
public struct Theme: Hashable, Sendable {
  // MARK: Surfaces
  public var windowBackground = Color(rgb: 0xEEF1F4)
  public var panel = Color(rgb: 0xFFFFFF)
  public var panelBorder = Color(rgb: 0xC9CFD6)
  public var separator = Color(rgb: 0xDDE2E7)

  // MARK: Text
  public var text = Color(rgb: 0x25292E)
  public var mutedText = Color(rgb: 0x545B64)
  public var disabledText = Color(rgb: 0x8C939B)
  public var textOnAccent = Color(rgb: 0xFFFFFF)

  // MARK: Accents
  public var accent = Color(rgb: 0x0877BD)
  public var accentHover = Color(rgb: 0x0A6AA8)
  public var accentPressed = Color(rgb: 0x055A8F)
  public var accentSoft = Color(rgb: 0xD6E9F6)
  public var orange = Color(rgb: 0xF59322)

  // MARK: Controls
  public var control = Color(rgb: 0xE4E8EC)
  public var controlHover = Color(rgb: 0xD5DBE1)
  public var controlPressed = Color(rgb: 0xC3CBD3)
  public var controlBorder = Color(rgb: 0xA9B2BC)
  public var controlDisabled = Color(rgb: 0xEEF0F2)
  public var track = Color(rgb: 0xBCC4CD)
  public var focusRing = Color(rgb: 0x0877BD)
  public var tooltipBackground = Color(rgb: 0x25292E)
  public var tooltipText = Color(rgb: 0xFFFFFF)

  // MARK: Type sizes (logical points)
  public var smallSize: Float = 15
  public var bodySize: Float = 17
  public var headingSize: Float = 21
  public var titleSize: Float = 28

  // MARK: Metrics (logical pixels)
  public var controlHeight: Float = 38
  public var cornerRadius: Float = 6
  public var padding: Float = 10
  public var spacing: Float = 8
  public var borderWidth: Float = 1.5
  public var focusWidth: Float = 2.5
  public var sliderThumbRadius: Float = 10
  public var sliderTrackHeight: Float = 6
  /// How much thicker links and larger points are drawn (1; 1.6 in the high-contrast theme).
  public var visualScale: Float = 1

  public init() {}

  /// The default light theme.
  public static let light = Theme()
}
