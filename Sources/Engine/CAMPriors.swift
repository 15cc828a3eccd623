/// One start of a class activation maximization.
struct CAMRun: Sendable {
  var image: [Float]
  var probabilities: [Float]
  /// The target's logit minus the largest other logit.
  var margin: Float
}

/// Scratch images of one `CAMAscent.advance` call.
struct CAMBuffers {
  var shifted: [Float]
  var gradient: [Float]
  var scratch: [Float]
  var sum: [Float]
  init(count: Int) {
    shifted = [Float](repeating: 0, count: count)
    gradient = shifted
    scratch = shifted
    sum = shifted
  }
}

/// Generic image priors of the class pictures: nothing here knows what a class should look like.
enum CAMPriors {
  /// Every 2×2 block replaced by its mean (an odd last row or column keeps its pixels).
  static func halfResolution(_ image: inout [Float], width: Int, height: Int) {
    for y in stride(from: 0, to: height - 1, by: 2) {
      for x in stride(from: 0, to: width - 1, by: 2) {
        let i = y * width + x
        let m = (image[i] + image[i + 1] + image[i + width] + image[i + width + 1]) * 0.25
        image[i] = m
        image[i + 1] = m
        image[i + width] = m
        image[i + width + 1] = m
      }
    }
  }

  /// ∂/∂x of the anisotropic total variation Σ |x(p) − x(right)| + |x(p) − x(below)|, into `out`.
  static func totalVariationGradient(_ image: [Float], into out: inout [Float], width: Int, height: Int) {
    for i in out.indices { out[i] = 0 }
    for y in 0..<height {
      for x in 0..<width {
        let i = y * width + x
        if x + 1 < width {
          let d = image[i] - image[i + 1]
          let s: Float = d > 0 ? 1 : (d < 0 ? -1 : 0)
          out[i] += s
          out[i + 1] -= s
        }
        if y + 1 < height {
          let d = image[i] - image[i + width]
          let s: Float = d > 0 ? 1 : (d < 0 ? -1 : 0)
          out[i] += s
          out[i + width] -= s
        }
      }
    }
  }

  /// Multiplies every pixel by 1 − strength · clamp((r − side/4) / (side/7), 0, 1), r its distance
  /// from the image's centre and side the shorter side: the middle disc keeps its pixels, a ring
  /// around it fades more and more, the corners by `strength`. Done every step, it leaves one
  /// subject in the middle (for 28×28: untouched within 7 pixels of the centre, fully faded from 11).
  static func fadeEdges(_ image: inout [Float], width: Int, height: Int, strength: Float) {
    let side = Float(min(width, height))
    let inner = side / 4
    let ramp = side / 7
    let cx = Float(width - 1) / 2
    let cy = Float(height - 1) / 2
    for y in 0..<height {
      let dy = Float(y) - cy
      for x in 0..<width {
        let dx = Float(x) - cx
        let r = (dx * dx + dy * dy).squareRoot()
        let t = min(max((r - inner) / ramp, 0), 1)
        image[y * width + x] *= 1 - strength * t
      }
    }
  }

  /// Shifts the image by whole pixels so that its brightness-weighted centre (above its darkest
  /// pixel) lands on the image's centre; an image of one value stays as it is.
  static func center(_ image: inout [Float], scratch: inout [Float], width: Int, height: Int) {
    var lo = Float.infinity
    for v in image { lo = min(lo, v) }
    var total = 0.0
    var sx = 0.0
    var sy = 0.0
    for y in 0..<height {
      for x in 0..<width {
        let v = Double(image[y * width + x] - lo)
        total += v
        sx += v * Double(x)
        sy += v * Double(y)
      }
    }
    guard total > 0 else { return }
    let dx = Int((Double(width - 1) / 2 - sx / total).rounded())
    let dy = Int((Double(height - 1) / 2 - sy / total).rounded())
    guard dx != 0 || dy != 0 else { return }
    CAMAscent.shift(image, by: (dx, dy), into: &scratch, width: width, height: height)
    image = scratch
  }
}

extension CAMAscent {
  /// ∂score/∂image at `image`, averaged over `jitterSamples` jittered copies; nil when not finite.
  mutating func gradient(
    of image: [Float], kernel: borrowing CNNKernel, holds: Bool, buffers b: inout CAMBuffers
  ) -> [Float]? {
    let w = network.shape.width
    let h = network.shape.height
    for i in b.sum.indices { b.sum[i] = 0 }
    let samples = max(1, settings.jitterSamples)
    for _ in 0..<samples {
      var dx = 0
      var dy = 0
      if settings.jitter > 0 {
        dx = rng.index(below: 2 * settings.jitter + 1) - settings.jitter
        dy = rng.index(below: 2 * settings.jitter + 1) - settings.jitter
      }
      if dx != 0 || dy != 0 {
        CAMAscent.shift(image, by: (dx, dy), into: &b.shifted, width: w, height: h)
        b.shifted.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
      } else if !holds || samples > 1 {
        image.withUnsafeBufferPointer { kernel.forward(image: $0.baseAddress!) }
      }
      kernel.setObjectiveGradient(class: targetClass, objective: settings.objective)
      kernel.backward(accumulate: false, inputGradient: true)
      if dx != 0 || dy != 0 {
        b.scratch.withUnsafeMutableBufferPointer { kernel.copyInputGradient(to: $0.baseAddress!) }
        CAMAscent.shift(b.scratch, by: (-dx, -dy), into: &b.gradient, width: w, height: h)
      } else {
        b.gradient.withUnsafeMutableBufferPointer { kernel.copyInputGradient(to: $0.baseAddress!) }
      }
      if samples == 1 { return CAMAscent.allFinite(b.gradient) ? b.gradient : nil }
      for i in b.sum.indices { b.sum[i] += b.gradient[i] }
    }
    return CAMAscent.allFinite(b.sum) ? b.sum : nil
  }

  /// z_c − max_{j≠c} z_j after a forward pass: how clearly the class wins (no saturation at p = 1).
  static func margin(_ kernel: borrowing CNNKernel, _ c: Int) -> Float {
    var other = -Float.infinity
    for j in 0..<kernel.layout.classes where j != c { other = max(other, kernel.logits[j]) }
    return kernel.logits[c] - other
  }
}
