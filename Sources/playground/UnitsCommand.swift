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

/// `playground units`: what every unit of a layer wants (Deep Visualization Toolbox): the image
/// that maximises it and the nine test images that excite it most.
struct Units: ParsableCommand {
  @OptionGroup var language: LanguageOption
  static let configuration = CommandConfiguration(
    abstract: "Train a CNN on shape images and show what each unit of a layer responds to.",
    discussion: """
      Layers: 1… the conv layers (a unit is a filter; its activation is the mean of its pooled \
      map), the last number the dense layer (a unit is a class's logit). For every unit, gradient \
      ascent from a noise image with the class pictures' regularisers makes the image it likes \
      best; the nine test images with the highest activation are its top images. One JSON line \
      per unit; units and images count from 1. With --out: unit-L-U.png (the maximising image) \
      and top-L-U.png (its top nine, 3×3, the most active region outlined).
      """)

  @OptionGroup var session: CNNRunOptions
  @Option(parsing: .unconditional, help: "The layer: 1… conv layers, the last number the dense layer.")
  var layer: Int
  @Option(help: "Folder for the PNGs (created if missing).")
  var out: String?
  @Option(parsing: .unconditional, help: "PNG enlargement, 1 to 32.")
  var scale = 8
  @Flag(help: "Print JSON lines.")
  var json = false

  func run() throws {
    guard (1...32).contains(scale) else { throw UsageError(message: tr("--scale must be from 1 to 32, got {1}", scale)) }
    let config = try session.config()
    try CNNRunOptions.checkLayer(layer, in: config.shape, allowPixels: false)
    if let out { try CNNRunOptions.makeFolder(out) }
    let experiment = try session.trainedExperiment(command: "units")
    let network = experiment.network
    var settings = CAMSettings()
    settings.start = .noise
    settings.seed = session.seed
    let size = ShapeImages.size
    for u in 0..<network.shape.unitCount(layer: layer)! {
      let unit = CNNUnit(layer: layer, unit: u)
      let best = network.maximizeUnit(unit, settings: settings)
      let responses = network.unitResponses(unit, samples: experiment.testSamples)
      let top = Array(
        responses.indices.sorted { (responses[$0].activation, -$0) > (responses[$1].activation, -$1) }.prefix(9))
      var line = JSONLine()
      line.add("layer", layer)
      line.add("unit", u + 1)
      line.add("activation", best.activation)
      line.add("topImages", raw: "[" + top.map { String($0 + 1) }.joined(separator: ",") + "]")
      line.add(
        "topActivations", raw: "[" + top.map { "\(Double(responses[$0].activation))" }.joined(separator: ",") + "]")
      if let out {
        let picture = CNNPictures.grayscale(best.image, width: size, height: size, scale: scale)
        let grid = Units.grid(top.map { (experiment.test[$0].pixels, responses[$0].region) }, scale: scale)
        for (name, raster) in [("unit-\(layer)-\(u + 1).png", picture), ("top-\(layer)-\(u + 1).png", grid)] {
          let path = CNNRunOptions.path(out, name)
          do {
            try PNGFile.save(raster, to: path)
          } catch {
            throw UsageError(message: tr("--out: cannot write '{1}': {2}", path, error))
          }
        }
      }
      if json {
        print(line.text)
      } else {
        Playground.say(
          "layer \(layer) unit \(u + 1): activation reached \(String(format: "%.3f", best.activation)); top images "
            + top.map { String($0 + 1) }.joined(separator: ", "))
      }
    }
  }

  /// Images in a 3-column grid with a 2-pixel gap, each region outlined in orange.
  static func grid(_ images: [([Float], (x: Int, y: Int, width: Int, height: Int)?)], scale: Int) -> Raster {
    let side = ShapeImages.size * scale
    let gap = 2
    let columns = 3
    let rows = max(1, (images.count + columns - 1) / columns)
    var out = Raster(
      width: columns * side + (columns - 1) * gap, height: rows * side + (rows - 1) * gap, fill: 0xFFFF_FFFF)
    for (i, (pixels, region)) in images.enumerated() {
      var tile = CNNPictures.grayscale(
        pixels, width: ShapeImages.size, height: ShapeImages.size, scale: scale, autoContrast: false)
      if let r = region {
        let orange = ColorScale.orange.argb
        let x0 = r.x * scale
        let y0 = r.y * scale
        let x1 = (r.x + r.width) * scale - 1
        let y1 = (r.y + r.height) * scale - 1
        for x in x0...x1 {
          tile[x, y0] = orange
          tile[x, y1] = orange
        }
        for y in y0...y1 {
          tile[x0, y] = orange
          tile[x1, y] = orange
        }
      }
      let ox = (i % columns) * (side + gap)
      let oy = (i / columns) * (side + gap)
      for y in 0..<side {
        for x in 0..<side { out[ox + x, oy + y] = tile[x, y] }
      }
    }
    return out
  }
}
