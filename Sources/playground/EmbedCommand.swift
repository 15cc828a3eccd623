import ArgumentParser
import Datasets
import Engine
import Foundation
import ImmediateUI
import Localization
import PlaygroundCore
import SDLFrontend
import Training
import Visualization

/// How `embed` projects a layer's activations to 2-D.
enum EmbedMethod: String, CaseIterable, ExpressibleByArgument {
  case pca
  case tsne
}

/// `playground embed`: every test image's activations at one layer projected to 2-D (the
/// Embedding Projector), and how far apart the classes lie there (the silhouette score).
struct Embed: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train a CNN on shape images and project a layer's activations of the test images to 2-D.",
    discussion: """
      Layers: 0 the input pixels, 1… the conv layers (pooled maps), the last number the dense \
      layer (class logits). pca is deterministic; tsne is seeded by --seed. silhouette is the \
      mean silhouette of the test images' classes in the layer itself (−1 to 1, higher = apart); \
      projectedSilhouette the same in the 2-D map. Points are in test-image order.
      """)

  @OptionGroup var session: CNNRunOptions
  @Option(parsing: .unconditional, help: "The layer: 0 pixels, 1… conv layers, the last number the dense layer.")
  var layer: Int
  @Option(help: "pca or tsne.")
  var method: EmbedMethod = .pca
  @Option(help: "Write the scatter plot (one dot per test image, coloured by class) to this PNG.")
  var png: String?
  @Flag(help: "Print one JSON line.")
  var json = false

  func run() throws {
    let config = try session.config()
    try CNNRunOptions.checkLayer(layer, in: config.shape, allowPixels: true)
    if let png { try SessionCLI.checkWritable(png, flag: "--png") }
    let experiment = try session.trainedExperiment(command: "embed")
    let activations = experiment.network.layerActivations(experiment.testSamples, layer: layer)
    let labels = experiment.testSamples.labels
    let points: [Double]
    switch method {
    case .pca: points = Embedding.pca(activations)
    case .tsne:
      var settings = TSNESettings()
      settings.seed = session.seed
      points = Embedding.tsne(activations, settings: settings)
    }
    let silhouette = Embedding.silhouette(activations, labels: labels)
    let projected = Embedding.silhouette(LayerActivations(dimensions: 2, values: points), labels: labels)
    let names = experiment.classNames
    if let png {
      do {
        try PNGFile.save(Embed.scatter(points, labels: labels), to: png)
      } catch {
        throw UsageError(message: tr("--png: cannot write '{1}': {2}", png, error))
      }
    }
    if json {
      var line = JSONLine()
      line.add("layer", layer)
      line.add("method", method.rawValue)
      line.add("silhouette", silhouette)
      line.add("projectedSilhouette", projected)
      line.add("count", labels.count)
      line.add("classes", raw: "[" + names.map(JSONLine.quote).joined(separator: ",") + "]")
      line.add("labels", raw: "[" + labels.map(String.init).joined(separator: ",") + "]")
      let xy = (0..<labels.count).map { "[\(points[2 * $0]),\(points[2 * $0 + 1])]" }
      line.add("points", raw: "[" + xy.joined(separator: ",") + "]")
      print(line.text)
    } else {
      Playground.say(
        "layer \(layer) \(method.rawValue): silhouette \(String(format: "%.3f", silhouette)) in the layer, "
          + "\(String(format: "%.3f", projected)) in 2-D, \(labels.count) test images")
    }
  }

  /// One 5-pixel dot per point on a white 480×480 picture, coloured by class.
  static func scatter(_ points: [Double], labels: [Int], side: Int = 480) -> Raster {
    var out = Raster(width: side, height: side, fill: 0xFFFF_FFFF)
    guard !labels.isEmpty else { return out }
    var lo = (x: Double.infinity, y: Double.infinity)
    var hi = (x: -Double.infinity, y: -Double.infinity)
    for i in labels.indices {
      lo = (min(lo.x, points[2 * i]), min(lo.y, points[2 * i + 1]))
      hi = (max(hi.x, points[2 * i]), max(hi.y, points[2 * i + 1]))
    }
    let margin = 12.0
    let span = Double(side) - 2 * margin
    for i in labels.indices {
      let fx = hi.x > lo.x ? (points[2 * i] - lo.x) / (hi.x - lo.x) : 0.5
      let fy = hi.y > lo.y ? (points[2 * i + 1] - lo.y) / (hi.y - lo.y) : 0.5
      let cx = Int(margin + fx * span)
      let cy = Int(margin + (1 - fy) * span)
      let color = ClassPalette.standard.hue(labels[i]).argb
      for y in (cy - 2)...(cy + 2) {
        for x in (cx - 2)...(cx + 2) where x >= 0 && y >= 0 && x < side && y < side { out[x, y] = color }
      }
    }
    return out
  }
}
