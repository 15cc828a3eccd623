import Datasets
import Engine
import Training

/// Standalone Python scripts that rebuild a 2-D session outside the playground: the same points,
/// the same split, the same architecture and the same weights, written as readable literals.
///
/// Both scripts embed what the playground predicted for every test point (after the output's tanh
/// or softmax) and `--check` prints the largest difference from their own predictions, failing at
/// 1e-4 or more. The engine's tanh and sigmoid are our own vector approximations (absolute error
/// below 3·10⁻⁷), so the two agree to a few 10⁻⁷, far inside that bound.
public enum PythonExport {
  /// A PyTorch script: `--check`, and `--train N` with the playground's SGD (see `ExportPyTorch`).
  public static func pytorch(_ experiment: Experiment, scriptName: String = "playground_model.py") -> String {
    let parts = PythonParts(experiment, scriptName: scriptName)
    return parts.header(
      framework: "PyTorch", command: "--pytorch", install: "https://pytorch.org: pip install torch",
      usage: PyTorchTemplate.usage(scriptName), imports: "import torch")
      + parts.data + parts.network(training: true) + parts.predictions + PythonReportingTemplate.code + PyTorchTemplate.code
  }

  /// A forward-only numpy script with the same `--check` (see `ExportNumpy`).
  public static func numpy(_ experiment: Experiment, scriptName: String = "playground_model.py") -> String {
    let parts = PythonParts(experiment, scriptName: scriptName)
    return parts.header(
      framework: "numpy", command: "--numpy", install: "pip install numpy",
      usage: NumpyTemplate.usage(scriptName), imports: "import numpy as np")
      + parts.data + parts.network(training: false) + parts.predictions + PythonReportingTemplate.code + NumpyTemplate.code
  }
}

/// The sections both scripts share: the docstring, the data, the network and the predictions.
struct PythonParts {
  let experiment: Experiment
  let scriptName: String

  init(_ experiment: Experiment, scriptName: String) {
    self.experiment = experiment
    // The name goes into the docstring: no quotes or backslashes that could end it early.
    self.scriptName = String(scriptName.filter { $0 != "\"" && $0 != "\\" })
  }

  var config: PlaygroundConfig { experiment.config }
  var widths: [Int] { experiment.network.shape.widths }
  var classification: Bool { experiment.classCount > 0 }

  /// "tanh", "softmax" or "linear", as in the session file.
  var output: String {
    switch experiment.network.shape.output {
    case .binaryTanh: "tanh"
    case .softmax: "softmax"
    case .regression: "linear"
    }
  }

  var summary: String {
    let net = widths.map(String.init).joined(separator: " -> ")
    return
      "a \(net) network on the \(config.dataset.rawValue) data (\(config.activation.rawValue) hidden layers, "
      + "\(output) output)"
  }

  func header(framework: String, command: String, install: String, usage: String, imports: String) -> String {
    #"""
    #!/usr/bin/env python3
    """NeuralPlayground in \#(framework): \#(summary).

    Exported by `playground export \#(command)` at epoch \#(experiment.epoch). The script rebuilds the
    playground's network (the same layers, weights and biases) and its data (the same points, split
    the same way into training and test points), so you can carry on in a real framework.

    \#(usage)
    Needs \#(framework) (\#(install)).
    """

    import argparse
    import json
    import math
    import sys

    \#(imports)


    """#
  }

  var data: String {
    let what = classification ? "the class (0 to \(experiment.classCount - 1))" : "the value to predict"
    return #"""
      # ------------------------------------------------------------------------------------------
      # The data: points (x, y, label), where the label is \#(what).
      # The training points are listed in the order the playground trains on them.

      TRAIN_POINTS = \#(pointList(experiment.train))

      TEST_POINTS = \#(pointList(experiment.test))

      # The network's inputs are these features of each point's (x, y), in this order.
      FEATURES = [\#(config.features.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]

      FEATURE_FORMULAS = {
          "x1": lambda x, y: x,
          "x2": lambda x, y: y,
          "x1sq": lambda x, y: x * x,
          "x2sq": lambda x, y: y * y,
          "x1x2": lambda x, y: x * y,
          "sinx1": lambda x, y: math.sin(x),
          "sinx2": lambda x, y: math.sin(y),
      }


      """#
  }

  func network(training: Bool) -> String {
    var text = #"""
      # ------------------------------------------------------------------------------------------
      # The network: dense layers, the hidden ones with ACTIVATION (relu, tanh, sigmoid or linear).
      #   OUTPUT "tanh":    one output y = tanh(z); class 1 where y >= 0. Loss 1/2 (y - t)^2 with
      #                     t = +1 for class 1 and -1 for class 0.
      #   OUTPUT "softmax": one output per class, probabilities softmax(z). Loss -log p[label].
      #   OUTPUT "linear":  one output y = z (regression). Loss 1/2 (y - label)^2.
      ACTIVATION = "\#(config.activation.rawValue)"
      OUTPUT = "\#(output)"

      # LAYERS[l]["weight"][j][i] is the weight from input i to neuron j, as in torch.nn.Linear.

      """#
    if training {
      text += "# \"frozen\" lists the (j, i) that L1 regularization pinned at 0: they stay 0 in training.\n"
    }
    text += "LAYERS = [\n"
    let net = experiment.network
    let frozen = Set(net.frozenWeightIndices)
    var k = 0
    for l in 0..<net.layerCount {
      let (nIn, nOut) = net.layerSize(l)
      let name = l == net.layerCount - 1 ? "output layer" : "hidden layer \(l + 1)"
      text += "    {  # \(name): \(nIn) inputs -> \(nOut) neuron\(nOut == 1 ? "" : "s")\n"
      text += "        \"weight\": [\n"
      var pinned: [String] = []
      for j in 0..<nOut {
        var row: [String] = []
        for i in 0..<nIn {
          row.append(Python.float(net.weight(layer: l, from: i, to: j)))
          if frozen.contains(k) { pinned.append("(\(j), \(i))") }
          k += 1
        }
        text += "            [" + row.joined(separator: ", ") + "],\n"
      }
      text += "        ],\n"
      let biases = (0..<nOut).map { Python.float(net.bias(layer: l, neuron: $0)) }
      text += "        \"bias\": [" + biases.joined(separator: ", ") + "],\n"
      if training { text += "        \"frozen\": [" + pinned.joined(separator: ", ") + "],\n" }
      text += "    },\n"
    }
    text += "]\n\n"
    guard training else {
      return text + "EPOCH = \(experiment.epoch)  # epochs the playground had trained\n\n\n"
    }
    return text + #"""
      # The playground's SGD: mini-batches of BATCH_SIZE training points in the order above, the
      # gradient averaged over the batch, w -= LEARNING_RATE * gradient; then for L2 also
      # w -= LEARNING_RATE * REGULARIZATION_RATE * w (the weight before the step), and for L1 |w|
      # shrinks by LEARNING_RATE * REGULARIZATION_RATE, stopping at 0 and staying there. Biases
      # are never regularized.
      LEARNING_RATE = \#(config.learningRate)
      BATCH_SIZE = \#(config.batchSize)
      REGULARIZATION = "\#(config.regularization.rawValue)"
      REGULARIZATION_RATE = \#(config.regularizationRate)
      EPOCH = \#(experiment.epoch)

      """# + PyTorchLearning.constants(experiment) + "\n\n"
  }

  /// The playground's outputs for the test points (the training points when there are none).
  var predictions: String {
    let onTest = !experiment.test.isEmpty
    let samples = onTest ? experiment.testSamples : experiment.trainSamples
    let values = experiment.network.predict(samples)
    let width = widths[widths.count - 1]
    var rows: [String] = []
    for p in 0..<samples.count {
      rows.append(
        "    [" + (0..<width).map { Python.float(values[p * width + $0]) }.joined(separator: ", ") + "],")
    }
    let what =
      switch experiment.network.shape.output {
      case .binaryTanh: "the tanh output"
      case .softmax(let k): "the \(k) class probabilities"
      case .regression: "the predicted value"
      }
    return #"""
      # ------------------------------------------------------------------------------------------
      # What the playground predicted (\#(what)) for each of the CHECK_POINTS.
      CHECK_POINTS = \#(onTest ? "TEST_POINTS" : "TRAIN_POINTS  # there are no test points")

      PLAYGROUND_PREDICTIONS = [
      \#(rows.joined(separator: "\n"))
      ]


      """#
  }

  func pointList(_ points: [DataPoint]) -> String {
    guard !points.isEmpty else { return "[]" }
    let rows = points.map { p in
      let label = classification ? String(Int(p.label)) : Python.double(p.label)
      return "    (\(Python.double(p.x)), \(Python.double(p.y)), \(label)),"
    }
    return "[\n" + rows.joined(separator: "\n") + "\n]"
  }
}

/// Python literals that read back as the same numbers.
enum Python {
  /// The shortest decimal that reads back as `f` once rounded to float32; non-finite as math.*.
  static func float(_ f: Float) -> String {
    if f.isNaN { return "math.nan" }
    if f.isInfinite { return f > 0 ? "math.inf" : "-math.inf" }
    return f.description
  }

  static func double(_ d: Double) -> String {
    if d.isNaN { return "math.nan" }
    if d.isInfinite { return d > 0 ? "math.inf" : "-math.inf" }
    return d.description
  }
}
