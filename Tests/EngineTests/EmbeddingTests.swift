import Foundation
import Testing

@testable import Engine

@Suite struct EmbeddingTests {
  /// 40 rows of 6 values with a clear structure (two strong directions plus small wiggles).
  static func sample(rows: Int = 40, dims: Int = 6) -> LayerActivations {
    var v: [Double] = []
    for i in 0..<rows {
      let t = Double(i) / Double(rows)
      for j in 0..<dims {
        v.append(3 * t * Double(j + 1) + (i % 3 == 0 ? 1.5 : -0.5) * Double(dims - j) + 0.01 * Double((i * 7 + j * 3) % 11))
      }
    }
    return LayerActivations(dimensions: dims, values: v)
  }

  /// Points on the line y = 2x: the first component is the distance along the line.
  @Test func pcaOfALineIsTheDistanceAlongIt() {
    let ts: [Double] = [0, 1, 2, 3, 4]
    let data = LayerActivations(dimensions: 2, values: ts.flatMap { [$0, 2 * $0] })
    let p = Embedding.pca(data)
    let sign: Double = p[0] < 0 ? 1 : -1  // both ends are equally far: either sign is right
    for (i, t) in ts.enumerated() {
      #expect(abs(p[2 * i] - sign * (t - 2) * 5.0.squareRoot()) < 1e-9)
      #expect(abs(p[2 * i + 1]) < 1e-9)
    }
  }

  /// numpy's SVD PCA gives the same scores (up to each component's sign) within 1e-4, both with
  /// more rows than dimensions (covariance) and fewer (Gram matrix).
  @Test(arguments: [(40, 6), (12, 30)])
  func pcaMatchesNumpy(shape: (Int, Int)) throws {
    let data = Self.sample(rows: shape.0, dims: shape.1)
    let ours = Embedding.pca(data)
    let rows = (0..<data.count).map { i in
      "[" + (0..<data.dimensions).map { "\(data.values[i * data.dimensions + $0])" }.joined(separator: ",") + "]"
    }
    let script = """
      import numpy as np
      X = np.array([\(rows.joined(separator: ","))])
      X = X - X.mean(axis=0)
      U, S, Vt = np.linalg.svd(X, full_matrices=False)
      P = X @ Vt[:2].T
      print(" ".join(repr(float(v)) for v in P.flatten()))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    guard (try? process.run()) != nil else { return }  // no python3: the line case above still checks
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return }  // numpy does not import here
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let reference = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
    try #require(reference.count == ours.count)
    for c in 0..<2 {
      var dot = 0.0
      for i in 0..<data.count { dot += ours[2 * i + c] * reference[2 * i + c] }
      let sign: Double = dot < 0 ? -1 : 1
      for i in 0..<data.count { #expect(abs(ours[2 * i + c] - sign * reference[2 * i + c]) < 1e-4) }
    }
  }

  @Test func ourExpMatchesTheLibrary() {
    var x = -700.0
    while x < 700 {
      let e = Embedding.exp(x)
      #expect(abs(e - Foundation.exp(x)) <= 4e-16 * Foundation.exp(x), "x = \(x)")
      x += 0.7317
    }
    #expect(Embedding.exp(0) == 1)
    #expect(Embedding.exp(-800) == 0)
  }

  /// Two far-apart clusters: t-SNE keeps them apart, and the same seed gives the same map.
  @Test func tsneSeparatesClustersDeterministically() {
    var v: [Double] = []
    var labels: [Int] = []
    var rng = SeededGenerator(seed: 3)
    for i in 0..<60 {
      let c = i % 2
      labels.append(c)
      for _ in 0..<5 { v.append(Double(c) * 10 + rng.normal()) }
    }
    let data = LayerActivations(dimensions: 5, values: v)
    var settings = TSNESettings()
    settings.iterations = 300
    let a = Embedding.tsne(data, settings: settings)
    let b = Embedding.tsne(data, settings: settings)
    #expect(a == b)
    #expect(a.allSatisfy { $0.isFinite })
    let s = Embedding.silhouette(LayerActivations(dimensions: 2, values: a), labels: labels)
    #expect(s > 0.5, "silhouette \(s)")
    settings.seed = 4
    #expect(Embedding.tsne(data, settings: settings) != a)
  }

  /// Hand-computed silhouette: classes {0, 1} and {10, 12} on a line.
  @Test func silhouetteByHand() {
    let data = LayerActivations(dimensions: 1, values: [0, 1, 10, 12])
    let s = Embedding.silhouette(data, labels: [0, 0, 1, 1])
    // a/b per point: 1/11, 1/10, 2/9.5, 2/11.5.
    let expected = ((1 - 1.0 / 11) + (1 - 1.0 / 10) + (1 - 2 / 9.5) + (1 - 2 / 11.5)) / 4
    #expect(abs(s - expected) < 1e-12)
  }
}
