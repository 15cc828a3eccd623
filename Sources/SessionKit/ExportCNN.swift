import Datasets
import Engine
import Training

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Standalone Python scripts that rebuild a CNN (shapes) session: the same images in the same
/// order, the same conv stages (k×k, same padding, ReLU, p×p max pool with stride p that drops the
/// rows and columns not filling a window), the same flatten order and the same weights.
///
/// Both embed the playground's softmax probabilities for every test image; `--check` prints the
/// largest difference from their own, failing at 1e-4 or more. Sums run in a different order
/// (and PyTorch may use other convolution algorithms), so they agree to float32 rounding, ~10⁻⁶.
extension PythonExport {
  /// A PyTorch script: `--check`, and `--train N` with the playground's SGD (see `CNNPyTorchTemplate`).
  public static func pytorch(_ experiment: CNNExperiment, scriptName: String = "playground_model.py")
    -> String
  {
    let parts = CNNPythonParts(experiment, scriptName: scriptName)
    return parts.header(
      framework: "PyTorch", command: "--pytorch", install: "https://pytorch.org: pip install torch",
      usage: CNNPyTorchTemplate.usage(parts.scriptName), imports: "import torch")
      + parts.network(training: true) + PythonReportingTemplate.code + CNNPyTorchTemplate.code + parts.data
      + parts.predictions + PythonReportingTemplate.mainCall
  }

  /// A forward-only numpy script with the same `--check` (see `CNNNumpyTemplate`).
  public static func numpy(_ experiment: CNNExperiment, scriptName: String = "playground_model.py") -> String
  {
    let parts = CNNPythonParts(experiment, scriptName: scriptName)
    return parts.header(
      framework: "numpy", command: "--numpy", install: "pip install numpy",
      usage: CNNNumpyTemplate.usage(parts.scriptName), imports: "import numpy as np")
      + parts.network(training: false) + PythonReportingTemplate.code + CNNNumpyTemplate.code + parts.data
      + parts.predictions + PythonReportingTemplate.mainCall
  }
}

/// The sections both CNN scripts share: the docstring, the network, the images, the predictions.
/// The images are long, so they come last, after the code, just before `main()` runs.
struct CNNPythonParts {
  let experiment: CNNExperiment
  let scriptName: String

  init(_ experiment: CNNExperiment, scriptName: String) {
    self.experiment = experiment
    // The name goes into the docstring: no quotes or backslashes that could end it early.
    self.scriptName = String(scriptName.filter { $0 != "\"" && $0 != "\\" })
  }

  var shape: CNNShape { experiment.network.shape }

  /// "28x28 -> conv 5x5 x8, pool 2 -> conv 5x5 x16, pool 3 -> dense 4 -> softmax"
  var architecture: String {
    var parts = ["\(shape.width)x\(shape.height)"]
    for c in shape.convs {
      parts.append("conv \(c.kernel)x\(c.kernel) x\(c.filters)" + (c.pool > 1 ? ", pool \(c.pool)" : ""))
    }
    parts.append("dense \(shape.classes)")
    parts.append("softmax")
    return parts.joined(separator: " -> ")
  }

  func header(framework: String, command: String, install: String, usage: String, imports: String) -> String {
    #"""
    #!/usr/bin/env python3
    """NeuralPlayground in \#(framework): a CNN (\#(architecture)) on 28x28 images.

    Classes: \#(experiment.classNames.joined(separator: ", ")).
    Exported by `playground export \#(command)` at epoch \#(experiment.epoch). The script rebuilds the
    playground's network (the same conv layers, weights and biases) and its images (the same
    training images in the same order, the same test images), so you can carry on in a real
    framework.

    \#(usage)
    Needs \#(framework) (\#(install)).
    """

    import argparse
    import base64
    import json
    import math
    import struct
    import sys

    \#(imports)


    """#
  }

  var data: String {
    #"""
    # ------------------------------------------------------------------------------------------
    # The images, last in the file because they are long: IMAGE_SIZE x IMAGE_SIZE grayscale
    # pixels, row by row, 0 = black background and 1 = white. Each set is written as base64 of the
    # pixels as little-endian float32 (exact, and much shorter than decimals); decode_images()
    # turns it back into one list of floats per image. The labels index CLASSES.

    def decode_images(text):
        """One list of IMAGE_SIZE * IMAGE_SIZE floats per image, from base64 float32 pixels."""
        raw = base64.b64decode("".join(text.split()))
        n = IMAGE_SIZE * IMAGE_SIZE
        return [list(struct.unpack_from(f"<{n}f", raw, 4 * n * i)) for i in range(len(raw) // (4 * n))]


    # The training images, in the order the playground trains on them.
    TRAIN_LABELS = \#(labelList(experiment.train))
    TRAIN_IMAGES = decode_images("""
    \#(imageBlock(experiment.train))
    """)

    TEST_LABELS = \#(labelList(experiment.test))
    TEST_IMAGES = decode_images("""
    \#(imageBlock(experiment.test))
    """)


    """#
  }

  func network(training: Bool) -> String {
    let net = experiment.network
    var text = #"""
      # ------------------------------------------------------------------------------------------
      # The network. Each conv layer: a k x k convolution with stride 1 and zero padding k // 2 (the
      # output keeps the input's size), ReLU, then a POOL x POOL max pool with stride POOL; rows and
      # columns that do not fill a whole pooling window are dropped (14x14 pooled by 3 is 4x4).
      # "weight"[out][in][ky][kx] as in torch.nn.Conv2d (a cross-correlation, like the playground).
      # Then the last pooled maps are flattened channel by channel, row by row (channel-major, as
      # torch's x.flatten(1) of (channels, height, width)), and DENSE maps them to one logit per
      # class; softmax gives the probabilities. Loss: -log p[label].

      CLASSES = [\#(experiment.classNames.map { "\"\($0)\"" }.joined(separator: ", "))]
      IMAGE_SIZE = \#(ShapeImages.size)

      CONV_LAYERS = [

      """#
    var size = (w: shape.width, h: shape.height)
    var inputs = 1
    for (l, c) in shape.convs.enumerated() {
      let pooled = (w: size.w / c.pool, h: size.h / c.pool)
      text += "    {  # conv layer \(l + 1): \(inputs) -> \(c.filters) channels, \(c.kernel)x\(c.kernel); "
      text += "max pool \(c.pool) (\(size.w)x\(size.h) -> \(pooled.w)x\(pooled.h))\n"
      text += "        \"pool\": \(c.pool),\n"
      text += "        \"weight\": [\n"
      for o in 0..<c.filters {
        text += "            [  # filter \(o + 1): one \(c.kernel)x\(c.kernel) kernel per input channel\n"
        for i in 0..<inputs {
          let f = net.filter(stage: l, output: o, input: i)
          let rows = (0..<c.kernel).map { ky in
            "[" + (0..<c.kernel).map { Python.float(f[ky * c.kernel + $0]) }.joined(separator: ", ") + "]"
          }
          text += "                [" + rows.joined(separator: ", ") + "],\n"
        }
        text += "            ],\n"
      }
      text += "        ],\n"
      let biases = (0..<c.filters).map { Python.float(net.filterBias(stage: l, output: $0)) }
      text += "        \"bias\": [" + biases.joined(separator: ", ") + "],\n"
      text += "    },\n"
      size = pooled
      inputs = c.filters
    }
    text += "]\n\n"
    let per = size.w * size.h
    text += "# DENSE[\"weight\"][k] has \(shape.featureCount) weights into class k: \(inputs) channels of "
    text += "\(size.w)x\(size.h), one line per channel.\n"
    text += "DENSE = {\n    \"weight\": [\n"
    for (k, name) in experiment.classNames.enumerated() {
      let w = net.denseWeights(class: k)
      text += "        [  # \(name)\n"
      for c in 0..<inputs {
        text += "            " + w[c * per..<(c + 1) * per].map(Python.float).joined(separator: ", ") + ",\n"
      }
      text += "        ],\n"
    }
    text += "    ],\n"
    text +=
      "    \"bias\": ["
      + (0..<shape.classes).map { Python.float(net.denseBias(class: $0)) }.joined(separator: ", ")
    text += "],\n}\n\n"
    guard training else {
      return text + "EPOCH = \(experiment.epoch)  # epochs the playground had trained\n\n\n"
    }
    return text + #"""
      # The playground's SGD: mini-batches of BATCH_SIZE training images in the order above (the
      # last batch of an epoch may be smaller), the gradient of the summed loss times
      # LEARNING_RATE / batch size, no momentum, no regularization. Training resumes at
      # NEXT_EXAMPLE when the playground stopped inside an epoch.
      LEARNING_RATE = \#(Python.float(Float(experiment.config.learningRate)))
      BATCH_SIZE = \#(experiment.config.batchSize)
      EPOCH = \#(experiment.epoch)
      NEXT_EXAMPLE = \#(experiment.cursor.example)

      """# + PyTorchLearning.constants(
        experiment.config.learningSettings, experiment.optimizerState.flat(for: experiment.network),
        order: "every parameter in net.parameters() order: each conv's weight and bias, then the dense layer's")
      + "\n\n"
  }

  /// The playground's probabilities for the test images (the training images when there are none).
  var predictions: String {
    let onTest = !experiment.test.isEmpty
    let samples = onTest ? experiment.testSamples : experiment.trainSamples
    let k = shape.classes
    let p = experiment.network.probabilities(samples)
    var rows: [String] = []
    for n in 0..<samples.count {
      rows.append("    [" + (0..<k).map { Python.float(p[n * k + $0]) }.joined(separator: ", ") + "],")
    }
    return #"""
      # ------------------------------------------------------------------------------------------
      # What the playground predicted (the \#(k) class probabilities) for each of the CHECK_IMAGES.
      CHECK_IMAGES = \#(onTest ? "TEST_IMAGES" : "TRAIN_IMAGES  # there are no test images")

      PLAYGROUND_PREDICTIONS = [
      \#(rows.joined(separator: "\n"))
      ]


      """#
  }

  func labelList(_ images: [LabeledImage]) -> String {
    var lines: [String] = []
    var line = ""
    for image in images {
      let item = String(image.label) + ", "
      if line.count + item.count > 96 {
        lines.append(line)
        line = ""
      }
      line += item
    }
    if !line.isEmpty { lines.append(line) }
    guard !lines.isEmpty else { return "[]" }
    return "[\n" + lines.map { "    " + $0.trimmingTrailingSpace }.joined(separator: "\n") + "\n]"
  }

  /// Every image's pixels as little-endian float32, in base64 lines of 100 characters.
  func imageBlock(_ images: [LabeledImage]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(images.count * ShapeImages.size * ShapeImages.size * 4)
    for image in images {
      for p in image.pixels {
        let bits = p.bitPattern
        bytes += [
          UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF), UInt8(bits >> 24),
        ]
      }
    }
    let text = Array(Data(bytes).base64EncodedString().utf8)
    var lines: [String] = []
    var start = 0
    while start < text.count {
      let end = min(start + 100, text.count)
      lines.append(String(decoding: text[start..<end], as: UTF8.self))
      start = end
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate var trimmingTrailingSpace: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
