/// The projector theme (`--theme high-contrast`): black text and dark borders on white, thicker
/// control outlines and focus ring; the panels draw links 1.6 times thicker and data points 1.6
/// times larger, their rings with them (`visualScale`).
extension Theme {
  public static let highContrast: Theme = {
    var t = Theme()
    t.windowBackground = Color(rgb: 0xFFFFFF)
    t.panelBorder = Color(rgb: 0x25292E)
    t.separator = Color(rgb: 0x8C939B)
    t.text = Color(rgb: 0x000000)
    t.mutedText = Color(rgb: 0x25292E)
    t.disabledText = Color(rgb: 0x5F666E)
    t.accent = Color(rgb: 0x005A9C)
    t.accentHover = Color(rgb: 0x004C85)
    t.accentPressed = Color(rgb: 0x003D6B)
    t.controlBorder = Color(rgb: 0x25292E)
    t.track = Color(rgb: 0x5F666E)
    t.focusRing = Color(rgb: 0xB00060)
    t.borderWidth = 2.5
    t.focusWidth = 4
    t.visualScale = 1.6
    return t
  }()
}
