/// One convolutional stage: a k×k convolution (stride 1, same padding) → ReLU → p×p max pool.
///
/// Reference math for output channel o at pixel (y, x), with padding p = k/2 and zeros outside:
///
///     z_o(y, x) = b_o + Σ_c Σ_ky Σ_kx w(o, c, ky, kx) · a_c(y + ky − p, x + kx − p)
///     r_o = max(z_o, 0)                                                 (ReLU)
///     m_o(Y, X) = max over the pool window {r_o(Y·s + dy, X·s + dx) : 0 ≤ dy, dx < s}
///
/// The pool's stride equals its size and the output size is the floor (28 → 9 for s = 3: the
/// last row and column are dropped). Pool 1 means no pooling.
public struct ConvLayerSpec: Sendable, Codable, Equatable, Hashable {
  /// Output channels (filters), 1 or more.
  public var filters: Int
  /// Kernel size: 3 or 5.
  public var kernel: Int
  /// Pool size and stride: 1 (none), 2 or 3.
  public var pool: Int

  public init(filters: Int, kernel: Int = 5, pool: Int = 2) {
    self.filters = filters
    self.kernel = kernel
    self.pool = pool
  }
}

/// The architecture of a small CNN: a one-channel `height × width` image, conv stages, then one
/// dense layer to `classes` logits and a softmax (loss: cross-entropy −log pᵧ).
public struct CNNShape: Sendable, Codable, Equatable, Hashable {
  public var width: Int
  public var height: Int
  public var convs: [ConvLayerSpec]
  public var classes: Int

  public init(width: Int = 28, height: Int = 28, convs: [ConvLayerSpec], classes: Int) {
    self.width = width
    self.height = height
    self.convs = convs
    self.classes = classes
  }

  /// The family that the `convLayers` config key builds: one stage per entry with that many 5×5
  /// filters; every stage pools 2×2 except the last, which pools 3×3.
  ///
  /// `[8, 16]` is the reference CNN: 28×28×1 → conv 5×5×8 → pool 2 (14×14×8) → conv 5×5×16 →
  /// pool 3 (4×4×16 = 256 features) → dense → softmax. `[8]` gives 9×9×8; `[8, 16, 32]` gives
  /// 2×2×32.
  public static func family(convLayers: [Int], classes: Int, width: Int = 28, height: Int = 28) -> CNNShape {
    let convs = convLayers.enumerated().map { i, filters in
      ConvLayerSpec(filters: filters, kernel: 5, pool: i == convLayers.count - 1 ? 3 : 2)
    }
    return CNNShape(width: width, height: height, convs: convs, classes: classes)
  }

  /// The reference CNN of the benchmarks (see `family`).
  public static func reference(classes: Int = 4) -> CNNShape {
    family(convLayers: [8, 16], classes: classes)
  }

  /// Why this shape cannot be built, or nil when it can.
  public var problem: String? {
    if width < 1 || height < 1 { return "the image needs at least one pixel" }
    if classes < 2 { return "a classifier needs at least 2 classes, got \(classes)" }
    if convs.isEmpty { return "a CNN needs at least one conv layer" }
    var w = width
    var h = height
    for (i, c) in convs.enumerated() {
      if c.filters < 1 { return "conv layer \(i + 1) needs at least 1 filter, got \(c.filters)" }
      if c.kernel != 3 && c.kernel != 5 {
        return "conv layer \(i + 1): kernels are 3×3 or 5×5, got \(c.kernel)"
      }
      if !(1...3).contains(c.pool) { return "conv layer \(i + 1): pools are 1, 2 or 3, got \(c.pool)" }
      w /= c.pool
      h /= c.pool
      if w < 1 || h < 1 {
        return "conv layer \(i + 1) pools the \(width)×\(height) image down to nothing; use fewer conv layers"
      }
    }
    return nil
  }

  /// Width and height of stage `stage`'s feature maps before pooling (its input size).
  public func mapSize(stage: Int) -> (width: Int, height: Int) {
    var w = width
    var h = height
    for c in convs.prefix(stage) {
      w /= c.pool
      h /= c.pool
    }
    return (w, h)
  }

  /// Width and height of stage `stage`'s pooled output.
  public func pooledSize(stage: Int) -> (width: Int, height: Int) {
    mapSize(stage: stage + 1)
  }

  /// Inputs of the dense layer: the last stage's pooled maps, flattened.
  public var featureCount: Int {
    let s = pooledSize(stage: convs.count - 1)
    return s.width * s.height * convs[convs.count - 1].filters
  }
}

/// Sizes and buffer offsets of one conv stage, as the kernels see it.
///
/// Activations are stored channels-last, one pixel's channels padded to a multiple of eight
/// (`cop`), so a pixel's channels load as whole `SIMD8` chunks; padding channels are always 0.
/// The image itself has one channel and a channel stride of 1. Every stage reads a zero-padded
/// copy of its input: `(h + 2p) × (w + 2p)` pixels of `cs` floats.
struct CNNStage: Sendable, Equatable {
  var kernel: Int
  var pad: Int
  var pool: Int
  /// Real input channels and the input's channel stride (1 for the image, else a multiple of 8).
  var cin: Int
  var cs: Int
  /// Real output channels and their padded count.
  var cout: Int
  var cop: Int
  /// Map size (input = conv output) and pooled size.
  var w: Int
  var h: Int
  var wp: Int
  var hp: Int
  /// Padded input plane width and height.
  var padW: Int
  var padH: Int
  /// Offsets of this stage's weights `[ky][kx][ci < cs][co < cop]` and biases `[cop]`.
  var weightOffset: Int
  var biasOffset: Int

  /// Floats in one receptive-field row (`k · cs`) and that row rounded up to whole chunks.
  var rowLength: Int { kernel * cs }
  var rowChunks: Int { (rowLength + 7) / 8 }
  var weightCount: Int { kernel * kernel * cs * cop }
  var planeCount: Int { padW * padH * cs }
}

/// Every stage's geometry plus the dense layer's offsets in the flat parameter buffer.
struct CNNLayout: Sendable, Equatable {
  var stages: [CNNStage]
  /// Dense inputs in storage order (`hp · wp · cop` of the last stage, padding included).
  var features: Int
  var classes: Int
  /// Dense weights `[class][feature]` and biases `[class]`.
  var denseWeightOffset: Int
  var denseBiasOffset: Int
  var parameterCount: Int

  init(_ shape: CNNShape) {
    var stages: [CNNStage] = []
    var offset = 0
    var w = shape.width
    var h = shape.height
    var cin = 1
    var cs = 1
    for spec in shape.convs {
      let cop = (spec.filters + 7) / 8 * 8
      let pad = spec.kernel / 2
      var s = CNNStage(
        kernel: spec.kernel, pad: pad, pool: spec.pool, cin: cin, cs: cs, cout: spec.filters, cop: cop,
        w: w, h: h, wp: w / spec.pool, hp: h / spec.pool, padW: w + 2 * pad, padH: h + 2 * pad,
        weightOffset: offset, biasOffset: 0)
      offset += s.weightCount
      s.biasOffset = offset
      offset += cop
      stages.append(s)
      w = s.wp
      h = s.hp
      cin = spec.filters
      cs = cop
    }
    self.stages = stages
    let last = stages[stages.count - 1]
    features = last.hp * last.wp * last.cop
    classes = shape.classes
    denseWeightOffset = offset
    offset += classes * features
    denseBiasOffset = offset
    offset += (classes + 7) / 8 * 8
    parameterCount = offset
  }

  /// Storage index of every real parameter in canonical order: per stage its weights
  /// `[co][ci][ky][kx]` then biases `[co]`; then the dense weights `[class][c][y][x]` then biases.
  var canonicalIndices: [Int] {
    var out: [Int] = []
    for s in stages {
      for co in 0..<s.cout {
        for ci in 0..<s.cin {
          for ky in 0..<s.kernel {
            for kx in 0..<s.kernel {
              out.append(s.weightOffset + ((ky * s.kernel + kx) * s.cs + ci) * s.cop + co)
            }
          }
        }
      }
      for co in 0..<s.cout { out.append(s.biasOffset + co) }
    }
    let last = stages[stages.count - 1]
    for k in 0..<classes {
      for c in 0..<last.cout {
        for y in 0..<last.hp {
          for x in 0..<last.wp {
            out.append(denseWeightOffset + k * features + (y * last.wp + x) * last.cop + c)
          }
        }
      }
    }
    for k in 0..<classes { out.append(denseBiasOffset + k) }
    return out
  }
}
