import Engine
import ImmediateUI
import Localization
import PlaygroundCore

/// One weight or bias of the network (layers count weighted layers from 0, as `Action` does).
enum Parameter: Hashable, CustomStringConvertible {
  case weight(layer: Int, from: Int, to: Int)
  case bias(layer: Int, neuron: Int)

  func value(in network: Network) -> Float {
    switch self {
    case .weight(let l, let i, let j): network.weight(layer: l, from: i, to: j)
    case .bias(let l, let j): network.bias(layer: l, neuron: j)
    }
  }

  /// The action that sets it to `v`.
  func action(_ v: Float) -> Action {
    switch self {
    case .weight(let l, let i, let j): .setWeight(layer: l, from: i, to: j, value: v)
    case .bias(let l, let j): .setBias(layer: l, neuron: j, value: v)
    }
  }

  var title: String {
    switch self {
    case .weight: tr("Weight")
    case .bias: tr("Bias")
    }
  }

  var description: String {
    switch self {
    case .weight(let l, let i, let j): "w.\(l).\(i).\(j)"
    case .bias(let l, let j): "b.\(l).\(j)"
    }
  }
}

/// The open number box for a weight or bias.
struct ParameterEditor {
  var parameter: Parameter
  /// The text field's box.
  var box: Rect

  /// The white card around the box and its caption.
  var card: Rect { Rect(x: box.x - 8, y: box.y - 30, width: box.width + 16, height: box.height + 38) }
}

/// A drawn connection: which weight, its curve, its value.
struct Link {
  var parameter: Parameter
  var curve: CubicBezier
  var weight: Float
  /// The theme's `visualScale`: 1.6 in the high-contrast theme, for the back of a projected room.
  var thickness: Float = 1
  /// A hue other than the weight's blue / orange ("Show gradients"): then `weight` is a strength
  /// 0…4 that fades from light gray to it.
  var tint: Color? = nil

  /// The stroke width: grows with |w| as the playground's (1 px at 0), at most 7.4 px (× thickness).
  var width: Float { (1 + min(abs(weight), 4) * 1.6) * thickness }

  /// Blue for positive, orange for negative; small weights fade toward light gray.
  var color: Color {
    guard let tint else { return Link.color(weight) }
    return Color(rgb: 0xC9CFD6).mixed(with: tint, 0.1 + 0.9 * min(1, abs(weight) / 4))
  }

  /// Blue for positive, orange for negative; values near 0 fade toward light gray.
  static func color(_ value: Float) -> Color {
    let hue = value >= 0 ? Color(rgb: 0x0877BD) : Color(rgb: 0xF59322)
    let strength = value.isFinite ? min(1, abs(value)) : 0
    return Color(rgb: 0xC9CFD6).mixed(with: hue, 0.35 + 0.65 * strength)
  }

  /// True when `p` is within reach of the curve (its half-width plus a few pixels).
  func isNear(_ p: Point) -> Bool {
    let reach = max(5, width / 2 + 3)
    let lo = Point(min(curve.p0.x, curve.p1.x) - reach, min(curve.p0.y, curve.p1.y) - reach)
    let hi = Point(max(curve.p0.x, curve.p1.x) + reach, max(curve.p0.y, curve.p1.y) + reach)
    guard p.x >= lo.x, p.x <= hi.x, p.y >= lo.y, p.y <= hi.y else { return false }
    let points = curve.flattened(segments: 14)
    for k in 1..<points.count where distance(p, points[k - 1], points[k]) <= reach { return true }
    return false
  }

  private func distance(_ p: Point, _ a: Point, _ b: Point) -> Float {
    let ab = b - a
    let length2 = ab.x * ab.x + ab.y * ab.y
    let t = length2 > 0 ? min(1, max(0, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / length2)) : 0
    return p.distance(to: a + ab * t)
  }
}

enum NetworkGeometry {
  /// Every link from each tile's right edge to the next layer's tiles' left edges.
  static func links(_ state: AppState, _ layout: Layout) -> [Link] {
    let network = state.experiment.network
    let features = state.config.features
    var out: [Link] = []
    for l in 0..<network.layerCount {
      let from = layout.neuronTiles(layer: l, features: features)
      let to = layout.neuronTiles(layer: l + 1, features: features)
      let size = network.layerSize(l)
      guard from.count == size.inputs, to.count == size.outputs else { continue }
      for (i, a) in from.enumerated() {
        for (j, b) in to.enumerated() {
          let p0 = Point(a.maxX + 1, a.midY)
          let p1 = Point(b.minX - 1, b.midY)
          let mid = (p0.x + p1.x) / 2
          let curve = CubicBezier(p0, Point(mid, p0.y), Point(mid, p1.y), p1)
          out.append(
            Link(
              parameter: .weight(layer: l, from: i, to: j), curve: curve,
              weight: network.weight(layer: l, from: i, to: j)))
        }
      }
    }
    return out
  }

  /// The small bias square at a neuron tile's lower left.
  static func biasRect(for tile: Rect) -> Rect {
    let s = max(9, (tile.width * 0.2).rounded())
    return Rect(x: tile.minX - s - 3, y: tile.maxY - s, width: s, height: s)
  }
}

extension PlaygroundView {
  /// Draws the open editor's box and handles Enter / Escape / click-away; returns its drawing
  /// (painted on top of the panel by the caller).
  func runEditor(_ f: inout FrameBuilder) -> DrawList {
    guard let editor else { return DrawList() }
    let ui = f.ui
    let saved = ui.draw
    ui.draw = DrawList()
    let card = editor.card
    ui.draw.fillRoundedRect(card.offset(dx: 0, dy: 2), radius: 8, Color(argb: 0x2000_0000))
    ui.draw.fillRoundedRect(card, radius: 8, f.theme.panel)
    ui.draw.strokeRoundedRect(card, radius: 8, width: 1.5, f.theme.accent)
    ui.label(
      tr("{1} (Enter)", editor.parameter.title),
      in: Rect(x: card.x + 8, y: card.y + 4, width: card.width - 16, height: 22),
      size: TypeSize.caption, color: f.theme.mutedText)
    let current = Format.parameter(editor.parameter.value(in: f.state.experiment.network))
    let id = "edit \(editor.parameter)"
    let event = ui.textField(id: id, text: current, in: editor.box)
    switch event {
    case .committed(let text)?:
      let cleaned = String(text.filter { !$0.isWhitespace }.map { $0 == "," ? "." : $0 })
      if let v = Float(cleaned), v.isFinite {
        if v != editor.parameter.value(in: f.state.experiment.network) {
          f.actions.append(editor.parameter.action(v))
        }
      } else if !cleaned.isEmpty {
        f.actions.append(
          .showBanner(Banner(.error, tr("“{1}” is not a number; type a value like 0.5 or -1.2.", text))))
      }
      self.editor = nil
    case .cancelled?:
      self.editor = nil
    default:
      if ui.focusedID != ui.id(id) { self.editor = nil }
    }
    let drawn = self.editor == nil ? DrawList() : ui.draw
    ui.draw = saved
    return drawn
  }

  /// Opens the editor for `parameter` under the mouse, inside `bounds`.
  func openEditor(_ parameter: Parameter, bounds: Rect, mouse: Point) {
    let w: Float = 130
    let h: Float = 38
    let x = min(max(bounds.minX + 8, mouse.x - w / 2), bounds.maxX - w - 8)
    let y = min(max(bounds.minY + 38, mouse.y - h / 2), bounds.maxY - h - 8)
    editor = ParameterEditor(parameter: parameter, box: Rect(x: x, y: y, width: w, height: h))
  }
}
