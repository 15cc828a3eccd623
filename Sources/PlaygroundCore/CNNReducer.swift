import Datasets
import Engine
import Localization
import Training

/// What a learner can do in the CNN mode (training and its live settings are the shared `.play`,
/// `.step`, `.setLearningRate`, …, which go to the run that shows).
public enum CNNAction: Equatable, Sendable {
  /// Adds or removes a class (at least 2 stay); a new session from the seed.
  case toggleClass(ShapeKind)
  case addConvLayer
  case removeConvLayer
  /// `layer` counts conv layers from 0.
  case addFilter(layer: Int)
  case removeFilter(layer: Int)
  /// Inspect test image `index` (feature maps, probabilities, saliency).
  case selectTestImage(Int)
  /// Inspect the drawing.
  case inspectDrawing
  /// Replaces the drawing (row-major 28×28, clamped to [0, 1]).
  case setDrawing([Float])
  /// Paints (value 1) or erases (value 0) a round brush of `radius` pixels at (x, y) in image pixels.
  case paint(x: Float, y: Float, radius: Float, value: Float)
  case clearDrawing
  /// Adds the drawing to the training set as `kind`.
  case addDrawing(ShapeKind)
  /// Adds the drawing to the training set as class index `class` (how the window adds to an
  /// imported class, which has no `ShapeKind`).
  case addDrawingToClass(Int)
  /// Trains these image folders as classes after the shapes (replacing any imported before); a
  /// new session from the seed, keeping the drawings of the shapes.
  case importClasses([ImageClass])
  case setSaliency(Bool)
  case setCAMSettings(CAMSettings)
  /// Advances every unfinished CAM run by `steps`.
  case advanceCAM(steps: Int)
  case restartCAM
  /// Shows `page` on the right-hand panel.
  case showPage(CNNPage)
  /// The attack, units and embedding pages (`CNNInside.swift`).
  case inside(CNNInsideAction)
}

/// The CNN mode's share of `reduce`.
func reduceCNN(_ cnn: inout CNNAppState, _ action: CNNAction, _ banner: inout Banner?) {
  switch action {
  case .toggleClass(let kind):
    var shapes = cnn.config.shapes
    if let i = shapes.firstIndex(of: kind) {
      guard shapes.count > CNNConfig.Limits.shapeCount.lowerBound else {
        banner = Banner(.error, tr("Keep at least 2 classes."))
        return
      }
      shapes.remove(at: i)
    } else {
      // Keep the canonical order so the class list reads like the thumbnails.
      let chosen = shapes + [kind]
      shapes = ShapeKind.allCases.filter { chosen.contains($0) }
    }
    rebuildCNN(&cnn, &banner) { $0.shapes = shapes }
  case .addConvLayer:
    rebuildCNN(&cnn, &banner) {
      if $0.convLayers.count < CNNConfig.Limits.convLayerCount.upperBound {
        $0.convLayers.append($0.convLayers.last ?? 8)
      }
    }
  case .removeConvLayer:
    rebuildCNN(&cnn, &banner) { if $0.convLayers.count > 1 { $0.convLayers.removeLast() } }
  case .addFilter(let layer):
    rebuildCNN(&cnn, &banner) {
      if $0.convLayers.indices.contains(layer) && $0.convLayers[layer] < CNNConfig.Limits.filters.upperBound {
        $0.convLayers[layer] += 1
      }
    }
  case .removeFilter(let layer):
    rebuildCNN(&cnn, &banner) {
      if $0.convLayers.indices.contains(layer) && $0.convLayers[layer] > 1 { $0.convLayers[layer] -= 1 }
    }
  case .selectTestImage(let index):
    if cnn.experiment.test.indices.contains(index) {
      cnn.selectedTestImage = index
      cnn.inspectDrawing = false
    }
  case .inspectDrawing:
    cnn.inspectDrawing = true
  case .setDrawing(let pixels):
    guard pixels.count == cnn.drawing.count else { return }
    cnn.drawing = pixels.map { $0.isFinite ? min(max($0, 0), 1) : 0 }
    cnn.inspectDrawing = true
  case .paint(let x, let y, let radius, let value):
    guard x.isFinite, y.isFinite, radius.isFinite, radius > 0, radius < 8 else { return }
    let n = ShapeImages.size
    let v = min(max(value, 0), 1)
    let x0 = max(0, Int((x - radius - 1).rounded(.down)))
    let x1 = min(n - 1, Int((x + radius + 1).rounded(.up)))
    let y0 = max(0, Int((y - radius - 1).rounded(.down)))
    let y1 = min(n - 1, Int((y + radius + 1).rounded(.up)))
    guard x0 <= x1, y0 <= y1 else { return }
    // Drawing over a test image edits a copy of it.
    if !cnn.inspectDrawing { cnn.drawing = cnn.inspectedImage }
    for py in y0...y1 {
      for px in x0...x1 {
        // Distance from the pixel's center; a soft edge one pixel wide.
        let dx = Float(px) + 0.5 - x
        let dy = Float(py) + 0.5 - y
        let d = (dx * dx + dy * dy).squareRoot()
        let cover = min(max(radius + 0.5 - d, 0), 1)
        guard cover > 0 else { continue }
        let i = py * n + px
        if v >= 0.5 {
          cnn.drawing[i] = max(cnn.drawing[i], cover * v)
        } else {
          cnn.drawing[i] = min(cnn.drawing[i], 1 - cover)
        }
      }
    }
    cnn.inspectDrawing = true
  case .clearDrawing:
    cnn.drawing = [Float](repeating: 0, count: cnn.drawing.count)
    cnn.inspectDrawing = true
  case .addDrawing(let kind):
    addDrawing(&cnn, &banner, label: cnn.experiment.classIndex(kind), name: kind.shownName)
  case .addDrawingToClass(let label):
    addDrawing(&cnn, &banner, label: label, name: cnn.experiment.shownClassName(label))
  case .importClasses(let classes):
    let drawings = cnn.experiment.drawings.filter { cnn.experiment.shapeKind($0.label) != nil }
    rebuildCNN(&cnn, &banner, imported: classes, drawings: drawings) { _ in }
  case .setSaliency(let on):
    cnn.showSaliency = on
  case .setCAMSettings(let settings):
    if let problem = settings.problem {
      banner = Banner(.error, problem)
      return
    }
    cnn.camSettings = settings
    cnn.restartCAM()
  case .advanceCAM(let steps):
    guard steps > 0 else { return }
    let stopped = cnn.cams.filter { $0.stop == .diverged }.count
    for i in cnn.cams.indices where !cnn.cams[i].isFinished { cnn.cams[i].advance(steps: steps) }
    // A picture whose scores overflow stops (its last finite image stays); say so once.
    if let cam = cnn.cams.first(where: { $0.stop == .diverged }), let problem = cam.problem,
      cnn.cams.filter({ $0.stop == .diverged }).count > stopped
    {
      let text = tr("The class pictures stopped: {1}. Press Reset to start the network over.", verbatim(problem))
      banner = Banner(.warning, text)
    }
    // While training, a finished picture starts over from the newer network.
    if cnn.camFinished && cnn.camRevision != cnn.revision { cnn.restartCAM() }
  case .restartCAM:
    cnn.restartCAM()
  case .showPage(let page):
    cnn.page = page
    // The explained step stands still: training pauses (Play still trains, and the page follows).
    if page == .step { cnn.run.isPlaying = false }
  case .inside(let action):
    reduceInside(&cnn, action, &banner)
  }
}

/// `.configureCNN`: makes the CNN session match `config`, as the window's controls would. Learning
/// rate and batch size change live (the network and the training so far stay); anything else starts
/// a new session from the seed (`rebuildCNN`: the imported classes, the drawing and the drawings whose
/// classes remain are kept). With no CNN session yet, one is made. Invalid settings leave the state as
/// it was and explain themselves in the banner.
func configureCNN(_ state: inout AppState, _ config: CNNConfig) {
  guard let cnn = state.cnn else {
    do {
      state.cnn = try CNNAppState(config: config)
    } catch {
      state.banner = Banner(.error, error.message)
    }
    return
  }
  guard config != cnn.config else { return }
  var liveOnly = cnn.config
  liveOnly.learningRate = config.learningRate
  liveOnly.batchSize = config.batchSize
  if liveOnly == config {
    live(&state.cnn!.run, &state.banner) {
      $0.learningRate = config.learningRate
      $0.batchSize = config.batchSize
    }
  } else {
    rebuildCNN(&state.cnn!, &state.banner) { $0 = config }
  }
}

/// A new session from the seed (new images or network); the imported classes stay, and the
/// drawings are kept when their classes remain.
private func rebuildCNN(
  _ cnn: inout CNNAppState, _ banner: inout Banner?, imported: [ImageClass]? = nil, drawings: [LabeledImage]? = nil,
  _ change: (inout CNNConfig) -> Void
) {
  var config = cnn.config
  change(&config)
  let imported = imported ?? cnn.experiment.imported
  guard config != cnn.config || imported != cnn.experiment.imported else { return }
  // Drawings follow their class to its new index; drawings of a removed class are dropped.
  let drawings = drawings ?? cnn.experiment.drawings(keepingClassesFor: config.shapes)
  do {
    cnn.run.session = try CNNExperiment(config: config, drawings: drawings, imported: imported)
    cnn.run.isPlaying = false
    if cnn.selectedTestImage >= cnn.experiment.test.count { cnn.selectedTestImage = 0 }
    cnn.run.remeasure(keepHistory: false)
    cnn.restartCAM()
  } catch {
    banner = Banner(.error, error.message)
  }
}

/// Adds the drawing to the training set as class `label` (nil: a class the session lacks).
private func addDrawing(_ cnn: inout CNNAppState, _ banner: inout Banner?, label: Int?, name: String) {
  guard cnn.drawing.contains(where: { $0 > 0.05 }) else {
    banner = Banner(.error, tr("Draw a shape first, then add it to the training set."))
    return
  }
  do {
    try cnn.run.edit(.addDrawing(pixels: cnn.drawing, label: label ?? -1))
    banner = Banner(.info, tr("Added your drawing as {1}: {2} training images.", name, cnn.experiment.train.count))
  } catch {
    banner = Banner(.error, error.message)
  }
}
