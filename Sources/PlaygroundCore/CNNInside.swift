import Engine
import Localization
import Training

/// How the embedding page projects a layer to 2-D.
public enum ProjectionMethod: String, CaseIterable, Sendable, Hashable {
  /// Principal components: deterministic, updates every frame while training.
  case pca
  /// t-SNE (seeded): neighbours stay neighbours; the map settles over a few seconds.
  case tsne
}

/// The choices of the three pages that look inside a CNN (attack, units, embedding). They are
/// view choices of the CNN mode: a rebuild keeps them (clamped to the new network).
///
/// Layers are numbered as everywhere: 0 the input pixels, 1… the conv layers, then the dense layer.
public struct CNNInsideState: Sendable, Equatable {
  /// The attack on the inspected image (test image or drawing).
  public internal(set) var attack = AttackSettings(method: .fgsm, epsilon: 0.05)
  /// The last "smallest ε that fools it" search: for which network revision and image, and its
  /// answer (nil: even ε = 1 does not fool it).
  public internal(set) var search: EpsilonSearch?
  /// The layer whose units the units page shows (a conv layer or the dense layer; not 0).
  public internal(set) var unitsLayer = 1
  /// The unit (from 0) whose top images the units page shows.
  public internal(set) var selectedUnit = 0
  /// The layer the embedding page projects (nil: the dense layer) and how.
  public internal(set) var embeddingLayer: Int?
  public internal(set) var projection = ProjectionMethod.pca
  /// The step page's training image, stage and followed filters.
  public internal(set) var step = CNNStepChoice()

  public init() {}
}

/// The answer of a smallest-ε search, and what it was asked about.
public struct EpsilonSearch: Sendable, Equatable {
  public let revision: Int
  public let image: [Float]
  public let settings: AttackSettings
  /// Nil when the attack cannot fool the network at any ε up to 1.
  public let epsilon: Float?
}

/// What a learner does on those pages.
public enum CNNInsideAction: Equatable, Sendable {
  /// Method, ε (clamped to 0…1), target (nil: any other class).
  case setAttack(AttackSettings)
  /// Bisects for the smallest ε that fools the network on the inspected image and sets ε to it.
  case findSmallestEpsilon
  /// Shows layer `layer`'s units (1… conv layers, the last number the dense layer).
  case showUnits(layer: Int)
  /// Selects unit `unit` (from 0) of the shown layer.
  case selectUnit(Int)
  /// Projects layer `layer` (0 pixels … dense) with `method`.
  case setEmbedding(layer: Int, method: ProjectionMethod)
  /// The step page ("Explain a step", `CNNStep.swift`).
  case step(CNNStepAction)
}

extension CNNAppState {
  /// The dense layer's number (layers: 0 pixels, 1… conv, this one dense).
  public var denseLayer: Int { config.convLayers.count + 1 }
  /// The units page's layer, within this network.
  public var shownUnitsLayer: Int { min(max(1, inside.unitsLayer), denseLayer) }
  /// The embedding page's layer, within this network.
  public var shownEmbeddingLayer: Int { min(max(0, inside.embeddingLayer ?? denseLayer), denseLayer) }
  /// Units of layer `layer`: filters of a conv layer, classes of the dense one.
  public func unitCount(layer: Int) -> Int {
    layer >= 1 && layer <= config.convLayers.count ? config.convLayers[layer - 1] : experiment.classCount
  }
  /// The selected unit, within the shown layer.
  public var shownUnit: Int { min(max(0, inside.selectedUnit), max(0, unitCount(layer: shownUnitsLayer) - 1)) }

  /// The units' ascent: the class pictures' recipe from noise seeded by the run's seed (a black
  /// start gives a ReLU filter no gradient), as `playground units` grows them.
  public var unitSettings: CAMSettings {
    var s = camSettings
    s.start = .noise
    s.seed = config.seed
    return s
  }

  /// The attack's settings with a target that exists in this network (else untargeted).
  public var shownAttack: AttackSettings {
    var a = inside.attack
    if let t = a.target, t >= experiment.classCount { a.target = nil }
    return a
  }

  /// The search's answer when it was made for this network and image and these settings.
  public var currentSearch: EpsilonSearch? {
    guard let s = inside.search, s.revision == revision, s.image == inspectedImage else { return nil }
    var asked = shownAttack
    asked.epsilon = s.settings.epsilon
    return s.settings == asked ? s : nil
  }
}

/// The pages' share of `reduceCNN`.
func reduceInside(_ cnn: inout CNNAppState, _ action: CNNInsideAction, _ banner: inout Banner?) {
  switch action {
  case .setAttack(var settings):
    settings.epsilon = min(max(settings.epsilon.isFinite ? settings.epsilon : 0, 0), 1)
    settings.steps = min(max(settings.steps, 1), 200)
    cnn.inside.attack = settings
  case .findSmallestEpsilon:
    let network = cnn.experiment.network
    guard network.isFinite, cnn.experiment.divergence == nil else {
      banner = Banner(.warning, tr("The network has diverged: there is nothing to fool. Press Reset."))
      return
    }
    let image = cnn.inspectedImage
    let settings = cnn.shownAttack
    let found = network.smallestFoolingEpsilon(image: image, settings: settings)
    let epsilon = found.map { $0.settings.epsilon }
    cnn.inside.search = EpsilonSearch(revision: cnn.revision, image: image, settings: settings, epsilon: epsilon)
    if let epsilon { cnn.inside.attack.epsilon = epsilon }
  case .showUnits(let layer):
    cnn.inside.unitsLayer = min(max(1, layer), cnn.denseLayer)
    cnn.inside.selectedUnit = 0
  case .selectUnit(let unit):
    cnn.inside.selectedUnit = min(max(0, unit), max(0, cnn.unitCount(layer: cnn.shownUnitsLayer) - 1))
  case .setEmbedding(let layer, let method):
    let l = min(max(0, layer), cnn.denseLayer)
    cnn.inside.embeddingLayer = l == cnn.denseLayer ? nil : l
    cnn.inside.projection = method
  case .step(let action):
    reduceStep(&cnn, action)
  }
}
