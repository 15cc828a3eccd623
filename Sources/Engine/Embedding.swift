/// Many images' activations at one layer, one row per image: what an embedding view projects.
public struct LayerActivations: Sendable, Equatable {
  /// Values per image.
  public let dimensions: Int
  /// `count × dimensions`, row by row.
  public let values: [Double]
  public var count: Int { dimensions == 0 ? 0 : values.count / dimensions }

  public init(dimensions: Int, values: [Double]) {
    precondition(dimensions > 0 && values.count % dimensions == 0, "rows of equal length")
    self.dimensions = dimensions
    self.values = values
  }
}

extension CNN {
  /// Every image's activations at `layer`: 0 the pixels, 1… a conv layer's pooled maps (every
  /// channel), `shape.denseLayer` the class logits.
  public func layerActivations(_ samples: ImageSamples, layer: Int) -> LayerActivations {
    precondition(layer >= 0 && layer <= shape.denseLayer, "layer \(layer) out of range")
    if layer == 0 {
      return LayerActivations(dimensions: samples.pixelCount, values: samples.pixels.map(Double.init))
    }
    let dims: Int
    if layer == shape.denseLayer {
      dims = shape.classes
    } else {
      let s = layout.stages[layer - 1]
      dims = s.hp * s.wp * s.cout
    }
    var values: [Double] = []
    values.reserveCapacity(samples.count * dims)
    let kernel = CNNKernel(network: self)
    samples.pixels.withUnsafeBufferPointer { images in
      for n in 0..<samples.count {
        kernel.forward(image: images.baseAddress! + n * samples.pixelCount)
        if layer == shape.denseLayer {
          for j in 0..<shape.classes { values.append(Double(kernel.logits[j])) }
        } else {
          let s = layout.stages[layer - 1]
          let p = kernel.pooled[layer - 1]
          for c in 0..<s.cout {
            for i in 0..<(s.hp * s.wp) { values.append(Double(p[i * s.cop + c])) }
          }
        }
      }
    }
    return LayerActivations(dimensions: max(dims, 1), values: values)
  }
}

/// Projections of many points to 2-D and how well their classes separate.
public enum Embedding {
  /// The first two principal components' scores of the rows (`count × 2`, row by row), in double.
  ///
  /// The rows are centred; the two leading eigenvectors of the smaller of the covariance XᵀX
  /// (d × d) and the Gram matrix XXᵀ (n × n) come from power iteration, each later one kept
  /// orthogonal to those found, from a fixed start, so the result is deterministic. Each component's sign makes its largest score
  /// (by magnitude) positive. Scores equal X·v for unit eigenvectors v of XᵀX, as numpy's
  /// `(X − mean) @ V[:, :2]` does up to sign.
  public static func pca(_ data: LayerActivations, components: Int = 2) -> [Double] {
    let n = data.count
    let d = data.dimensions
    guard n > 0 else { return [] }
    var x = data.values
    for j in 0..<d {
      var mean = 0.0
      for i in 0..<n { mean += x[i * d + j] }
      mean /= Double(n)
      for i in 0..<n { x[i * d + j] -= mean }
    }
    let useGram = n < d
    let m = useGram ? n : d
    // The symmetric m × m matrix.
    var a = [Double](repeating: 0, count: m * m)
    if useGram {
      for i in 0..<n {
        for k in i..<n {
          var s = 0.0
          for j in 0..<d { s += x[i * d + j] * x[k * d + j] }
          a[i * m + k] = s
          a[k * m + i] = s
        }
      }
    } else {
      for i in 0..<n {
        for j in 0..<d where x[i * d + j] != 0 {
          let v = x[i * d + j]
          for k in j..<d { a[j * m + k] += v * x[i * d + k] }
        }
      }
      for j in 0..<d { for k in 0..<j { a[j * m + k] = a[k * m + j] } }
    }
    var scores = [Double](repeating: 0, count: n * components)
    var found: [[Double]] = []
    for c in 0..<components {
      let (lambda, v) = leadingEigenvector(a, size: m, orthogonalTo: found)
      found.append(v)
      var column = [Double](repeating: 0, count: n)
      if useGram {
        let sigma = max(lambda, 0).squareRoot()
        for i in 0..<n { column[i] = sigma * v[i] }
      } else {
        for i in 0..<n {
          var s = 0.0
          for j in 0..<d { s += x[i * d + j] * v[j] }
          column[i] = s
        }
      }
      var big = 0
      for i in 0..<n where abs(column[i]) > abs(column[big]) { big = i }
      let sign: Double = column[big] < 0 ? -1 : 1
      for i in 0..<n { scores[i * components + c] = sign * column[i] }
    }
    return scores
  }

  /// The largest eigenvalue of a symmetric positive semi-definite matrix and its unit eigenvector.
  /// The search stays orthogonal to `previous` (unit vectors already found), which deflates the
  /// matrix without rounding leaking the found directions back in.
  static func leadingEigenvector(_ a: [Double], size m: Int, orthogonalTo previous: [[Double]] = [])
    -> (Double, [Double])
  {
    var v = (0..<m).map { 1 + Double($0 % 7) * 0.125 + Double($0) / Double(m) }
    orthogonalize(&v, previous)
    orthogonalize(&v, previous)
    normalize(&v)
    let start = v
    var scale = 0.0
    for i in 0..<m { scale += abs(a[i * m + i]) }
    var lambda = 0.0
    var next = [Double](repeating: 0, count: m)
    for _ in 0..<3000 {
      for i in 0..<m {
        var s = 0.0
        for k in 0..<m { s += a[i * m + k] * v[k] }
        next[i] = s
      }
      orthogonalize(&next, previous)
      orthogonalize(&next, previous)
      let norm = normalize(&next)
      // Nothing left outside the found directions (rounding only): every further eigenvalue is 0
      // and any unit vector orthogonal to them is an eigenvector.
      if norm <= 1e-12 * scale {
        return (0, start)
      }
      var change = 0.0
      for i in 0..<m { change = max(change, abs(next[i] - v[i])) }
      swap(&v, &next)
      lambda = norm
      if norm == 0 || change < 1e-13 { break }
    }
    return (lambda, v)
  }

  /// Removes from `v` its components along the unit vectors `basis`.
  static func orthogonalize(_ v: inout [Double], _ basis: [[Double]]) {
    for b in basis {
      var dot = 0.0
      for i in v.indices { dot += v[i] * b[i] }
      for i in v.indices { v[i] -= dot * b[i] }
    }
  }

  @discardableResult
  static func normalize(_ v: inout [Double]) -> Double {
    var s = 0.0
    for x in v { s += x * x }
    let norm = s.squareRoot()
    if norm > 0 { for i in v.indices { v[i] /= norm } }
    return norm
  }

  /// The mean silhouette of labelled rows under Euclidean distance (Rousseeuw 1987): for each
  /// point, (b − a) / max(a, b) with a its mean distance to its own class and b the smallest mean
  /// distance to another class; a point alone in its class scores 0. From −1 to 1; higher means
  /// the classes lie apart.
  public static func silhouette(_ data: LayerActivations, labels: [Int]) -> Double {
    let n = data.count
    let d = data.dimensions
    precondition(labels.count == n, "one label per row")
    let classes = (labels.max() ?? -1) + 1
    guard n > 1, Set(labels).count > 1 else { return 0 }
    var distance = [Double](repeating: 0, count: n * n)
    data.values.withUnsafeBufferPointer { x in
      for i in 0..<n {
        for k in (i + 1)..<max(i + 1, n) {
          var s = 0.0
          for j in 0..<d {
            let t = x[i * d + j] - x[k * d + j]
            s += t * t
          }
          distance[i * n + k] = s.squareRoot()
          distance[k * n + i] = distance[i * n + k]
        }
      }
    }
    var sizes = [Int](repeating: 0, count: classes)
    for l in labels { sizes[l] += 1 }
    var total = 0.0
    var sums = [Double](repeating: 0, count: classes)
    for i in 0..<n {
      for c in 0..<classes { sums[c] = 0 }
      for k in 0..<n { sums[labels[k]] += distance[i * n + k] }
      let own = labels[i]
      guard sizes[own] > 1 else { continue }
      let a = sums[own] / Double(sizes[own] - 1)
      var b = Double.infinity
      for c in 0..<classes where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
      let m = max(a, b)
      if m > 0 && b.isFinite { total += (b - a) / m }
    }
    return total / Double(n)
  }
}
