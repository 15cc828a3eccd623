import Engine
import ImmediateUI
import Localization
import PlaygroundCore
import Training
import Visualization

/// Type sizes for a projector (logical points): nothing under 15.
enum TypeSize {
  static let caption: Float = 15
  static let body: Float = 17
  static let heading: Float = 18
  static let counter: Float = 28
}

/// A stable texture slot for a named visual (FNV-1a, the same in every run).
func textureKey(_ name: String) -> Int {
  Int(truncatingIfNeeded: WidgetID.fnv1a("PlaygroundUI." + name))
}

enum Format {
  /// The epoch counter as the playground shows it: at least six digits in groups, "000,123" (any
  /// count in groups with `minimumDigits` 1: "1,000").
  static func epoch(_ n: Int, minimumDigits: Int = 6) -> String {
    var digits = String(max(0, n))
    if digits.count < minimumDigits {
      digits = String(repeating: "0", count: minimumDigits - digits.count) + digits
    }
    // English groups with commas; languages that write a decimal comma group with a thin space.
    let separator = tr(",::thousands")
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
      out.append(ch)
    }
    return out
  }

  /// The epoch counter for a box `width` wide: the whole grouped value ("1,487,352") when it
  /// fits, else millions or billions with three significant digits ("12.3 M"); never cut.
  static func epoch(_ n: Int, fitting width: Float, measure: (String) -> Float) -> String {
    let full = epoch(n)
    return measure(full) <= width ? full : epochShort(n)
  }

  /// "1.49 M", "12.3 M", "149 M", "1.49 B": three significant digits, rounded down so the
  /// counter never shows more epochs than were trained.
  static func epochShort(_ n: Int) -> String {
    let v = Double(max(0, n))
    let (unit, suffix) = v >= 1e9 ? (1e9, " B") : (v >= 1e6 ? (1e6, " M") : (1e3, " k"))
    let x = v / unit
    let decimals = x >= 100 ? 0 : (x >= 10 ? 1 : 2)
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let down = (x * scale).rounded(.down) / scale
    return NumberFormat.fixed(Float(down), decimals: decimals) + suffix
  }

  /// A loss with three decimals ("0.123"); "NaN" once training diverged.
  static func loss(_ v: Float) -> String {
    v.isFinite ? NumberFormat.fixed(v, decimals: 3) : "NaN"
  }

  /// An accuracy in percent with one decimal ("98.4%").
  static func percent(_ v: Float) -> String {
    guard v.isFinite else { return "—" }
    return v >= 0.9995 ? "100%" : NumberFormat.fixed(v * 100, decimals: 1) + "%"
  }

  /// A weight or bias for the tooltip and the editor.
  static func parameter(_ v: Float) -> String { NumberFormat.fixed(v, decimals: 3) }
}

/// The playground's menus: the values offered and their names.
enum Choices {
  static let learningRates: [Double] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
  static let regularizationRates: [Double] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
  static let activations: [Activation] = [.relu, .tanh, .sigmoid, .linear]
  static let regularizations: [Regularization] = [.none, .l1, .l2]
  static let problems: [ProblemKind] = [.classification, .regression]

  /// `values` with `current` added in order when a lesson set a value the menu lacks, and the
  /// index of `current`.
  static func menu(_ values: [Double], current: Double) -> (values: [Double], selected: Int) {
    if let i = values.firstIndex(where: { abs($0 - current) <= 1e-12 * max(1, abs(current)) }) {
      return (values, i)
    }
    var all = values
    let at = all.firstIndex { $0 > current } ?? all.count
    all.insert(current, at: at)
    return (all, at)
  }

  static func name(_ v: Double) -> String { NumberFormat.compact(Float(v)) }

  static func name(_ a: Activation) -> String {
    switch a {
    case .relu: verbatim("ReLU")
    case .tanh: verbatim("Tanh")
    case .sigmoid: tr("Sigmoid")
    case .linear: tr("Linear")
    }
  }

  static func name(_ r: Regularization) -> String {
    switch r {
    case .none: tr("None")
    case .l1: verbatim("L1")
    case .l1Proximal: tr("L1 prox")
    case .l2: verbatim("L2")
    }
  }

  static func name(_ p: ProblemKind) -> String {
    switch p {
    case .classification: tr("Classification")
    case .regression: tr("Regression")
    }
  }

  /// A class's name for tooltips: its number first, then its colour in words (never colour alone).
  static func className(_ k: Int) -> String {
    let names = [
      tr("orange"), tr("blue"), tr("dark red"), tr("sky blue"), tr("wine"), tr("sand"), tr("pink"), tr("rose"), tr("gray"),
      tr("brown"),
    ]
    return tr("class {1} ({2})", k + 1, names[k % names.count])
  }
}

extension UIContext {
  /// The largest size from `size` down to 15 pt at which `text` fits in `width`.
  func fittingSize(_ text: String, width: Float, from size: Float, weight: FontWeight = .regular) -> Float {
    var s = size
    while s > TypeSize.caption && measure(text, size: s, weight: weight).width > width { s -= 1 }
    return s
  }

  /// An invisible button over `rect` (a tile, a thumbnail): hovered and clicked.
  func region(_ id: String, _ rect: Rect) -> (hovered: Bool, clicked: Bool) {
    let clicked = withID(id) { button("", in: rect, style: .plain) }
    noteControl(id, rect)
    return (isMouseOver(rect), clicked)
  }
}
