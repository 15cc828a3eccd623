import Foundation
import ImmediateUI

/// Colour-vision deficiency simulation and colour difference, to check that the palettes stay
/// readable for every learner.
///
/// Simulation: Machado, Oliveira and Fernandes (2009), severity 1.0 (dichromacy): a 3×3 matrix
/// applied to linear-light sRGB, clamped to [0, 1]. Difference: CIE 1976 ΔE*ab, the Euclidean
/// distance in CIE L*a*b* (D65 white); about 2.3 is "just noticeable", above 20 clearly distinct.
enum ColorVision: String, CaseIterable, Sendable {
  case normal, protanopia, deuteranopia, tritanopia

  /// The simulation matrix (rows: output R, G, B) in linear sRGB.
  var matrix: [[Double]] {
    switch self {
    case .normal: return [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    case .protanopia:
      return [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    case .deuteranopia:
      return [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    case .tritanopia:
      return [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    }
  }

  /// sRGB channel (0…255) to linear light (0…1).
  static func linear(_ channel: UInt8) -> Double {
    let c = Double(channel) / 255
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
  }

  /// `color` as this viewer sees it, in linear light (r, g, b).
  func simulate(_ color: Color) -> (Double, Double, Double) {
    let rgb = [ColorVision.linear(color.r), ColorVision.linear(color.g), ColorVision.linear(color.b)]
    let m = matrix
    func row(_ i: Int) -> Double { min(1, max(0, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2])) }
    return (row(0), row(1), row(2))
  }

  /// CIE L*a*b* (D65) of a linear-light sRGB colour.
  static func lab(_ rgb: (Double, Double, Double)) -> (l: Double, a: Double, b: Double) {
    let (r, g, b) = rgb
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
  }

  /// ΔE*ab between two colours as this viewer sees them.
  func difference(_ p: Color, _ q: Color) -> Double {
    let a = ColorVision.lab(simulate(p))
    let b = ColorVision.lab(simulate(q))
    return ((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) + (a.b - b.b) * (a.b - b.b)).squareRoot()
  }
}
