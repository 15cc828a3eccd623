/// One unit of a CNN, numbered as people and lessons number layers: layer 0 is the input pixels,
/// 1… the conv layers in order (a unit is one filter), and `convs.count + 1` the dense layer (a
/// unit is one class's logit). `unit` counts from 0 here; the command line shows it from 1.
public struct CNNUnit: Sendable, Hashable, Codable {
  public var layer: Int
  public var unit: Int
  public init(layer: Int, unit: Int) {
    self.layer = layer
    self.unit = unit
  }
}

/// A unit's response to one image and, for a filter, where it is strongest.
public struct UnitResponse: Sendable, Equatable {
  /// The unit's activation: a filter's mean over its pooled map, a dense unit's logit.
  public var activation: Float
  /// A filter's most active region in input pixels (x, y, width, height): the receptive field of
  /// its strongest pixel, clipped to the image. Nil for a dense unit.
  public var region: (x: Int, y: Int, width: Int, height: Int)?

  public static func == (a: UnitResponse, b: UnitResponse) -> Bool {
    a.activation == b.activation && a.region?.x == b.region?.x && a.region?.y == b.region?.y
      && a.region?.width == b.region?.width && a.region?.height == b.region?.height
  }
}

extension CNNShape {
  /// The dense layer's number (layers: 0 pixels, 1… conv, this one dense).
  public var denseLayer: Int { convs.count + 1 }

  /// How many units layer `layer` has (pixels for layer 0), or nil for no such layer.
  public func unitCount(layer: Int) -> Int? {
    if layer == 0 { return width * height }
    if layer >= 1 && layer <= convs.count { return convs[layer - 1].filters }
    if layer == denseLayer { return classes }
    return nil
  }

  /// The receptive field of stage `stage`'s conv output pixel (x, y): its centre in input pixels
  /// and its side.
  func receptiveField(stage: Int, x: Int, y: Int) -> (cx: Int, cy: Int, side: Int) {
    var start = 0
    var jump = 1
    var side = 1
    for k in 0...stage {
      side += (convs[k].kernel - 1) * jump
      if k < stage {
        let p = convs[k].pool
        start += (p - 1) * jump / 2
        side += (p - 1) * jump
        jump *= p
      }
    }
    return (start + x * jump, start + y * jump, side)
  }
}

extension CNNKernel {
  /// After a forward pass: the activation of `unit` (a conv filter's mean pooled value, or a logit).
  func unitActivation(_ unit: CNNUnit) -> Float {
    if unit.layer == stages.count + 1 { return logits[unit.unit] }
    let s = stages[unit.layer - 1]
    let p = pooled[unit.layer - 1]
    var sum: Float = 0
    for i in 0..<(s.hp * s.wp) { sum += p[i * s.cop + unit.unit] }
    return sum / Float(s.hp * s.wp)
  }

  /// After a forward pass: ∂(unit activation)/∂image, left in `planeGrads[0]` (read it with
  /// `copyInputGradient`).
  func unitBackward(_ unit: CNNUnit) {
    if unit.layer == stages.count + 1 {
      for j in 0..<layout.classes { logitGrads[j] = j == unit.unit ? 1 : 0 }
      backward(accumulate: false, inputGradient: true)
      return
    }
    let top = unit.layer - 1
    let s = stages[top]
    let g = 1 / Float(s.hp * s.wp)
    // δ of the unit's pooled map, where the stage's pooled output would receive it.
    let source: UnsafeMutablePointer<Float>
    let sourceRow: Int
    if top == stages.count - 1 {
      featureGrads.update(repeating: 0, count: layout.features)
      source = featureGrads
      sourceRow = s.wp * s.cop
    } else {
      let n = stages[top + 1]
      planeGrads[top + 1].update(repeating: 0, count: n.planeCount)
      source = planeGrads[top + 1] + (n.pad * n.padW + n.pad) * n.cs
      sourceRow = n.padW * n.cs
    }
    for py in 0..<s.hp {
      for px in 0..<s.wp { source[py * sourceRow + px * s.cop + unit.unit] = g }
    }
    var l = top
    while l >= 0 {
      let st = stages[l]
      planeGrads[l].update(repeating: 0, count: st.planeCount)
      if l == top {
        convBackward(l, st, source: source, sourceRow: sourceRow, accumulate: false, wantInput: true)
      } else {
        let n = stages[l + 1]
        convBackward(
          l, st, source: planeGrads[l + 1] + (n.pad * n.padW + n.pad) * n.cs, sourceRow: n.padW * n.cs,
          accumulate: false, wantInput: true)
      }
      l -= 1
    }
  }
}

extension CNN {
  func checkUnit(_ unit: CNNUnit) {
    precondition(unit.layer >= 1 && unit.layer <= shape.denseLayer, "layer \(unit.layer) has no units to show")
    precondition(unit.unit >= 0 && unit.unit < shape.unitCount(layer: unit.layer)!, "unit \(unit.unit) out of range")
  }

  /// The unit's activation for every image of `samples`, with a filter's strongest region.
  public func unitResponses(_ unit: CNNUnit, samples: ImageSamples) -> [UnitResponse] {
    checkUnit(unit)
    guard samples.count > 0 else { return [] }
    let kernel = CNNKernel(network: self)
    var out: [UnitResponse] = []
    out.reserveCapacity(samples.count)
    samples.pixels.withUnsafeBufferPointer { images in
      for n in 0..<samples.count {
        kernel.forward(image: images.baseAddress! + n * samples.pixelCount)
        var response = UnitResponse(activation: kernel.unitActivation(unit), region: nil)
        if unit.layer <= shape.convs.count {
          let s = layout.stages[unit.layer - 1]
          let map = kernel.maps[unit.layer - 1]
          var best = 0
          for i in 1..<(s.w * s.h) where map[i * s.cop + unit.unit] > map[best * s.cop + unit.unit] { best = i }
          let f = shape.receptiveField(stage: unit.layer - 1, x: best % s.w, y: best / s.w)
          let x0 = max(0, f.cx - f.side / 2)
          let y0 = max(0, f.cy - f.side / 2)
          let x1 = min(shape.width, f.cx - f.side / 2 + f.side)
          let y1 = min(shape.height, f.cy - f.side / 2 + f.side)
          response.region = (x0, y0, x1 - x0, y1 - y0)
        }
        out.append(response)
      }
    }
    return out
  }

  /// The indices (0-based, best first; ties to the lower index) of the `count` images of
  /// `samples` that excite `unit` most.
  public func topImages(_ unit: CNNUnit, samples: ImageSamples, count: Int = 9) -> [Int] {
    CNN.top(count, of: unitResponses(unit, samples: samples))
  }

  /// The indices of the `count` largest activations of `responses`, best first, ties to the lower index.
  public static func top(_ count: Int, of r: [UnitResponse]) -> [Int] {
    Array(r.indices.sorted { (r[$0].activation, -$0) > (r[$1].activation, -$1) }.prefix(count))
  }

  /// The image that `unit` likes best: gradient ascent on its activation with the class pictures'
  /// regularisers and cap (`CAMSettings`: normalised step, decay, blur, jitter, clamp, maxSteps).
  /// Returns the image and the activation it reaches.
  public func maximizeUnit(_ unit: CNNUnit, settings: CAMSettings = CAMSettings())
    -> (image: [Float], activation: Float)
  {
    var ascent = UnitAscent(network: self, unit: unit, settings: settings)
    ascent.advance(steps: settings.maxSteps)
    return (ascent.image, ascent.activation)
  }
}
