extension UIContext {
  /// A horizontal slider with its value printed on the right; returns the new value while dragged.
  ///
  /// The mouse's x maps to t in 0…1 across the track; the value is lo + t·(hi − lo), or with
  /// `logarithmic` lo·(hi/lo)^t so each decade gets equal room (learning rates). `step` snaps
  /// linear values to lo + k·step. `label` names the slider for its ID; draw a caption with
  /// `label(_:in:)`. Returns nil when the value did not change this frame.
  public func slider(
    _ label: String, value: Float, range: ClosedRange<Float>, logarithmic: Bool = false,
    step: Float? = nil, in rect: Rect, format: (Float) -> String = NumberFormat.compact,
    enabled: Bool = true
  ) -> Float? {
    precondition(!logarithmic || range.lowerBound > 0, "a logarithmic slider needs a positive range")
    let t = theme
    let textSize = t.bodySize
    let valueWidth =
      max(
        56,
        measure(format(range.lowerBound), size: textSize).width,
        measure(format(range.upperBound), size: textSize).width) + t.spacing
    let (valueRect, trackArea) = rect.splitRight(valueWidth)
    let track = SliderTrack(area: trackArea, thumbRadius: t.sliderThumbRadius)

    let state = interact(id(label), trackArea, enabled: enabled, name: label)
    var newValue: Float? = nil
    // The keyboard: each arrow moves one step (or a twentieth of the track).
    let steps = takeArrowSteps(id(label))
    if steps != 0 {
      var v: Float
      if let step, step > 0, !logarithmic {
        v = value + Float(steps) * step
      } else {
        let at = SliderMapping.fraction(of: value, range: range, logarithmic: logarithmic) + Float(steps) * 0.05
        v = SliderMapping.value(at: min(1, max(0, at)), range: range, logarithmic: logarithmic)
      }
      v = min(range.upperBound, max(range.lowerBound, v))
      if v != value { newValue = v }
    }
    if state.pressed || state.held {
      let fraction = track.fraction(atX: input.mouse.x)
      var v = SliderMapping.value(at: fraction, range: range, logarithmic: logarithmic)
      if let step, step > 0, !logarithmic {
        v = range.lowerBound + ((v - range.lowerBound) / step).rounded() * step
        v = min(range.upperBound, max(range.lowerBound, v))
      }
      if v != value { newValue = v }
    }

    let shown = newValue ?? value
    let fraction = SliderMapping.fraction(of: shown, range: range, logarithmic: logarithmic)
    let thumb = Point(track.x0 + fraction * (track.x1 - track.x0), rect.midY)
    let h = t.sliderTrackHeight
    let bar = Rect(x: track.x0, y: rect.midY - h / 2, width: track.x1 - track.x0, height: h)
    draw.fillRoundedRect(bar, radius: h / 2, t.track)
    let filled = Rect(x: bar.x, y: bar.y, width: thumb.x - bar.x, height: h)
    draw.fillRoundedRect(filled, radius: h / 2, enabled ? t.accent : t.disabledText)
    let grow: Float = state.hovered || state.active ? 2 : 0
    let r = t.sliderThumbRadius + grow
    draw.fillCircle(
      center: thumb, radius: r, enabled ? (state.active ? t.accentPressed : t.accent) : t.disabledText)
    draw.fillCircle(center: thumb, radius: r * 0.45, t.panel)
    draw.text(
      format(shown), at: Point(valueRect.maxX, rect.midY), size: textSize,
      enabled ? t.text : t.disabledText, alignment: .right)
    return newValue
  }

  /// A − value + control for small integers (hidden layers, neurons); returns value ∓ 1 when a
  /// button is clicked, clamped to `range`, or nil.
  public func stepper(
    _ label: String, value: Int, range: ClosedRange<Int>, in rect: Rect,
    format: (Int) -> String = { String($0) }, enabled: Bool = true
  ) -> Int? {
    let side = min(rect.height, rect.width / 3)
    var rest = rect
    let minus = rest.cutLeft(side)
    let plus = rest.cutRight(side)
    var result: Int? = nil
    pushID(label)
    if iconButton("minus", icon: .minus, in: minus, enabled: enabled && value > range.lowerBound) {
      result = max(range.lowerBound, value - 1)
    }
    if iconButton("plus", icon: .plus, in: plus, enabled: enabled && value < range.upperBound) {
      result = min(range.upperBound, value + 1)
    }
    popID()
    let shown = result ?? value
    draw.text(
      format(shown), at: rest.center, size: theme.bodySize, enabled ? theme.text : theme.disabledText,
      alignment: .center, weight: .bold)
    return result == value ? nil : result
  }
}

/// The horizontal extent the slider thumb's center can travel.
struct SliderTrack {
  let x0: Float
  let x1: Float

  init(area: Rect, thumbRadius: Float) {
    x0 = area.minX + thumbRadius
    x1 = max(x0, area.maxX - thumbRadius)
  }

  /// Where `x` falls along the track, clamped to 0…1.
  func fraction(atX x: Float) -> Float {
    guard x1 > x0 else { return 0 }
    return min(1, max(0, (x - x0) / (x1 - x0)))
  }
}

/// Slider value ↔ track fraction, linear or logarithmic.
public enum SliderMapping {
  /// The value at fraction `t` of the track: lo + t·(hi − lo), or lo·(hi/lo)^t when logarithmic.
  public static func value(at t: Float, range: ClosedRange<Float>, logarithmic: Bool) -> Float {
    let t = min(1, max(0, t))
    let lo = range.lowerBound
    let hi = range.upperBound
    if t == 0 { return lo }
    if t == 1 { return hi }
    guard logarithmic else { return lo + t * (hi - lo) }
    return min(hi, max(lo, uiExp(uiLog(lo) + t * (uiLog(hi) - uiLog(lo)))))
  }

  /// The inverse of `value(at:)`, clamped to 0…1.
  public static func fraction(of v: Float, range: ClosedRange<Float>, logarithmic: Bool) -> Float {
    let lo = range.lowerBound
    let hi = range.upperBound
    guard hi > lo else { return 0 }
    let t: Float
    if logarithmic {
      t = (uiLog(max(v, lo)) - uiLog(lo)) / (uiLog(hi) - uiLog(lo))
    } else {
      t = (v - lo) / (hi - lo)
    }
    return min(1, max(0, t))
  }
}
