import Datasets
import Engine
import PlaygroundCore
import Training

/// One guided lesson, parsed from a YAML file in the lesson format (see Lessons/README.md).
///
/// A value: the window's guided mode and the headless validator read the same `Lesson`.
public struct Lesson: Sendable {
  /// `format:`; only 1 exists.
  public var format: Int
  /// Unique, `[a-z0-9-]+`.
  public var id: String
  public var title: String
  /// One line for the lesson list.
  public var summary: String?
  public var level: Level?
  /// Expected duration in minutes.
  public var minutes: Int?
  /// The starting configuration (`setup:`; unspecified keys take the defaults).
  public var setup: PlaygroundConfig
  /// The learner's own points the lesson starts with (`setup: points:`, for `dataset: custom`).
  public var setupPoints: [DataPoint]
  /// `shapes` and `convLayers` when the lesson is about the CNN (`dataset: shapes`); nil otherwise.
  public var cnn: CNNSetup?
  /// What the learner may not touch.
  public var controls: Controls
  public var steps: [Step]
  /// Where the lesson came from (the file path as given), for messages.
  public var file: String
  /// Where `setup:` (or the document, without one) starts.
  public var setupLocation: LessonLocation
  /// `setup: speed:` — the pace the window trains at (epochs per second, CNN: images per second);
  /// nil leaves the window's default.
  public var setupSpeed: TrainingSpeed? = nil
  /// `lang:` — the language the lesson is written in (`en`, `es`, `de`); a translation carries its
  /// own id (`feature-crosses-es`) and sits in the Lessons/<lang>/ folder.
  public var lang: String = "en"

  public enum Level: String, CaseIterable, Sendable { case beginner, intermediate, advanced }

  /// True for lessons that need the CNN mode (`dataset: shapes`).
  public var needsCNN: Bool { cnn != nil }
}

/// `shapes:` and `convLayers:` for a CNN lesson, kept for the CNN runner.
public struct CNNSetup: Sendable, Equatable {
  public var shapes: [String]
  public var convLayers: [Int]
  public static let defaultShapes = ShapeKind.defaultClasses.map(\.rawValue)
  public static let defaultConvLayers = CNNConfig().convLayers
  /// Shape class names the image generator knows.
  public static let knownShapes = ShapeKind.allCases.map(\.rawValue)
  public static let filters = CNNConfig.Limits.filters
  public static let layerCount = CNNConfig.Limits.convLayerCount
  public init(shapes: [String] = defaultShapes, convLayers: [Int] = defaultConvLayers) {
    self.shapes = shapes
    self.convLayers = convLayers
  }

  /// The CNN settings for this lesson: the shapes and conv layers, with the keys the CNN shares
  /// with the 2-D playground (trainRatio, learningRate, batchSize, seed) taken from `setup`.
  public func config(setup: PlaygroundConfig) -> CNNConfig {
    var c = CNNConfig()
    c.shapes = shapes.compactMap(ShapeKind.init(rawValue:))
    c.convLayers = convLayers
    c.trainRatio = setup.trainRatio
    c.learningRate = setup.learningRate
    c.batchSize = setup.batchSize
    c.seed = setup.seed
    return c
  }
}

/// One step: text, an optional pointer, at most one action, and expectations checked after it.
public struct Step: Sendable {
  /// 1-based, as in messages ("step 3: …").
  public var number: Int
  public var say: String?
  public var highlight: HighlightTarget?
  /// The CNN page the step opens (`page: results | classPictures`), before its action.
  public var page: CNNPage? = nil
  /// "Explain a step" opened (or closed) after the step's action (`explain:`), and where it is written.
  public var explain: ExplainRequest? = nil
  public var explainLocation: LessonLocation? = nil
  public var action: StepAction?
  /// Checked after the action; all must hold.
  public var expectations: [Expectation]
  public var location: LessonLocation
  /// Where the action key sits (its line and column), for messages about the action.
  public var actionLocation: LessonLocation
}

/// What a step does. `set`, `setWeight`, `reset`, `regenerate` and `addPoints` are done by the lesson
/// when the step starts; `train`, `task` and `ask` wait for the learner (headless validation does them).
public enum StepAction: Sendable {
  case set(ConfigChange)
  /// Epochs to train. The window waits for Play and pauses after this many.
  case train(epochs: Int)
  case task(LessonTask)
  /// One or more weight or bias edits.
  case setWeight([WeightEdit])
  /// Re-initialise the weights from the seed and clear `diverged`.
  case reset
  /// Moves the timeline to the end of epoch N of the run's history: the step's text and checks
  /// read that moment, and a later `train` goes on from it (as "Continue from here" does).
  case seek(epoch: Int)
  /// Opens Compare: run B starts as a copy of the run that shows, with these settings changed;
  /// later steps train both in lockstep and conditions read `a.…` and `b.…`.
  case compare(ConfigChange)
  /// New data from a seed derived from the old one.
  case regenerate
  case ask(Question)
  /// Adds the learner's own points to the training data (a lesson-format addition).
  case addPoints([DataPoint])

  /// The YAML key that names this action.
  public var key: String {
    switch self {
    case .set: "set"
    case .train: "train"
    case .task: "task"
    case .setWeight: "setWeight"
    case .reset: "reset"
    case .seek: "seek"
    case .compare: "compare"
    case .regenerate: "regenerate"
    case .ask: "ask"
    case .addPoints: "addPoints"
    }
  }

  /// True for the actions the learner performs in the window (Play, reaching a goal, answering).
  public var waitsForLearner: Bool {
    switch self {
    case .train, .task, .ask: true
    default: false
    }
  }
}

/// Config keys a `set:` (or a solution's `set:`) assigns, in the order written.
public struct ConfigChange: Sendable, Equatable {
  public var entries: [Entry]
  public var cnn: CNNChange
  public var location: LessonLocation
  /// Where each key's value is written, for messages about a key.
  public var keyLocations: [String: LessonLocation] = [:]
  /// `speed:` — a play setting beside the config keys (it never changes the bits of a run).
  public var speed: TrainingSpeed? = nil

  public enum Entry: Sendable, Equatable {
    case problem(ProblemKind)
    case dataset(DatasetKind)
    case noise(Int)
    case trainRatio(Int)
    case seed(UInt64)
    case features([Feature])
    case hiddenLayers([Int])
    case activation(Activation)
    case learningRate(Double)
    case regularization(Regularization)
    case regularizationRate(Double)
    case batchSize(Int)
    case initialization(WeightInit)
    case showTestData(Bool)
    case discretize(Bool)
    /// `optimizer`, `momentum`, `dropout` or `lrSchedule`.
    case learning(LearningKey)
  }

  /// Config keys the CNN mode shares with the 2-D playground, and the CNN's own, as a CNN lesson's
  /// `set:` may name them.
  public static let cnnKeys = ["shapes", "convLayers", "learningRate", "batchSize", "trainRatio", "seed"]

  /// `shapes`, `convLayers` and `dataset: shapes` (CNN keys), kept for the CNN runner.
  public struct CNNChange: Sendable, Equatable {
    public var shapesDataset = false
    public var shapes: [String]?
    public var convLayers: [Int]?
    public var isEmpty: Bool { !shapesDataset && shapes == nil && convLayers == nil }
  }

  /// `config` with every entry applied; a dataset without a problem brings its own problem, a problem
  /// without a dataset picks that problem's first dataset when the current one does not fit (as the
  /// window's buttons do).
  public func applied(to config: PlaygroundConfig) -> PlaygroundConfig {
    var c = config
    var setProblem = false
    var setDataset = false
    for entry in entries {
      switch entry {
      case .problem(let p):
        c.problem = p
        setProblem = true
      case .dataset(let d):
        c.dataset = d
        setDataset = true
      case .noise(let v): c.noise = v
      case .trainRatio(let v): c.trainRatio = v
      case .seed(let v): c.seed = v
      case .features(let v): c.features = v
      case .hiddenLayers(let v): c.hiddenLayers = v
      case .activation(let v): c.activation = v
      case .learningRate(let v): c.learningRate = v
      case .regularization(let v): c.regularization = v
      case .regularizationRate(let v): c.regularizationRate = v
      case .batchSize(let v): c.batchSize = v
      case .initialization(let v): c.initialization = v
      case .showTestData(let v): c.showTestData = v
      case .discretize(let v): c.discretize = v
      case .learning(let key): key.apply(to: &c.learningSettings)
      }
    }
    if setDataset && !setProblem && c.dataset != .custom {
      c.problem = c.dataset.isRegression ? .regression : .classification
    } else if setProblem && !setDataset && c.dataset != .custom
      && c.dataset.isRegression != (c.problem == .regression)
    {
      c.dataset = DatasetKind.offered(for: c.problem)[0]
    }
    return c
  }

  /// True when every entry can change without new data or a new network (the reducer's live keys).
  public var isLiveOnly: Bool {
    entries.allSatisfy {
      switch $0 {
      case .learningRate, .regularization, .regularizationRate, .batchSize, .showTestData, .discretize, .learning:
        true
      default: false
      }
    }
  }
}

/// A learner's task: reach a state where `goal` holds. "Show me" applies the solution.
public struct LessonTask: Sendable {
  public var goal: Condition
  public var solution: [SolutionPart]
  /// Shown when the learner asks for a hint (optional).
  public var hint: String?
  /// The goal in words (`goal: { check: …, text: … }`); nil shows the condition in words.
  public var goalText: String? = nil

  public enum SolutionPart: Sendable {
    case set(ConfigChange)
    case setWeight([WeightEdit])
    case addPoints([DataPoint])
    case train(epochs: Int)
  }
}

/// One weight (`from` → `to`) or bias (`to: bias`, `of:`) edit.
public struct WeightEdit: Sendable, Equatable {
  public enum Target: Sendable, Equatable {
    case weight(from: NeuronName, to: NeuronName)
    case bias(of: NeuronName)
  }
  public var target: Target
  public var value: Float
  public var location: LessonLocation
}

/// A multiple-choice question.
public struct Question: Sendable, Equatable {
  public var question: String
  public var choices: [String]
  /// Index into `choices` (0-based).
  public var answer: Int
  public var explain: String?
}

/// An `expect:` entry: a condition, optionally with the text shown when it is met or missed.
public struct Expectation: Sendable {
  public var condition: Condition
  public var met: String?
  public var missed: String?
  /// What the condition asks for, in words (`text:`); nil shows the condition in words.
  public var text: String? = nil
}

extension ConfigChange.Entry {
  /// The key as written in a lesson.
  public var key: String { String(LessonActions.describe(self).prefix { $0 != "=" }) }

  /// True for the keys a CNN lesson's `set:` may use besides `shapes` and `convLayers`.
  public var isSharedWithCNN: Bool {
    switch self {
    case .learningRate, .batchSize, .trainRatio, .seed: true
    default: false
    }
  }
}
