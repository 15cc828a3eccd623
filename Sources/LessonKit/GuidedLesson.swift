import Datasets
import PlaygroundCore

extension Lesson {
  /// The state the lesson starts from: `setup:` with defaults for the rest, and `setup: points:`.
  public func startingState() throws(LessonError) -> AppState {
    var state: AppState
    if let cnn {
      state = try cnnStartingState(cnn)
    } else {
      do {
        state = try AppState(config: setup, customPoints: setupPoints)
      } catch {
        throw LessonError(setupLocation, "setup: \(error.message)")
      }
    }
    if let setupSpeed { reduce(&state, .setSpeed(setupSpeed)) }
    return state
  }
}

/// Where the current step stands.
public enum StepStatus: Sendable, Equatable {
  /// The learner has to act: press Play (`train`), reach the goal (`task`) or answer (`ask`).
  case waiting
  /// The step's action is complete and its expectations were checked.
  case done(passed: Bool)
}

/// A lesson in progress: the current step, what the lesson applied, and the result of each step.
///
/// The session never owns the app state: every call that changes it takes `inout AppState` and
/// changes it only through `reduce`, so the window's state stays the one source of truth.
/// The window calls `observe` after every frame's actions (it pauses training at a `train` step's
/// end and notices a reached goal), `next`/`back` for the buttons, `showMe` for "Show me" and
/// `answer` for a question. Headless validation is `LessonRunner.validate`, built on the same calls.
public struct GuidedLesson: Sendable {
  public let lesson: Lesson
  /// The current step, 0-based.
  public private(set) var index = 0
  /// Each step's report, from when it completed (nil until then; reset when the step is re-entered).
  public private(set) var reports: [StepReport?]
  /// The learner's choice on the current `ask` step.
  public private(set) var chosenAnswer: Int?
  /// Problems applying the current step's actions (for instance a `setWeight` naming a neuron the
  /// learner removed during free play). Shown in the lesson panel; the lesson goes on.
  public private(set) var stepErrors: [LessonError] = []
  /// How far the lesson panel's text is scrolled (points from the top): 0 on entering a step, the
  /// end (where the ✓/✗ sentences appear) when the learner's part of it completes. Kept here because it belongs to the
  /// step being read, like `chosenAnswer`; the panel clamps it to its text.
  public var textScroll: Float = 0
  /// The state just before each step was last entered: Back restores it.
  private var entryStates: [AppState?]
  /// Epochs trained during the current `train` step, and the epoch counter last seen.
  private var trained = 0
  private var lastEpoch = 0
  /// The settings the lesson's own script has made so far (key → value, see `ScriptedSettings`),
  /// and what they were before each step was entered (for Back). Free play that changes one of
  /// them makes the step's text untrue: the panel then offers "Set up this step".
  var scripted: [String: String] = [:]
  private var scriptedAtEntry: [[String: String]?]
  /// The lesson's `camScore` readings for the network last checked (a 200-step ascent per class;
  /// a task's goal is checked after every frame). Copies of the session share it: the key is
  /// the network itself, so sharing cannot give a wrong score.
  private let camScores = CAMScoreCache()

  /// Starts the lesson on `state` (normally `lesson.startingState()`) and enters step 1.
  public init(lesson: Lesson, state: inout AppState) {
    self.lesson = lesson
    reports = Array(repeating: nil, count: lesson.steps.count)
    entryStates = Array(repeating: nil, count: lesson.steps.count)
    scriptedAtEntry = Array(repeating: nil, count: lesson.steps.count)
    scripted = ScriptedSettings.read(state)
    enter(&state)
  }

  // MARK: Reading

  public var step: Step { lesson.steps[index] }
  /// 1-based, for "step k of n".
  public var stepNumber: Int { index + 1 }
  public var stepCount: Int { lesson.steps.count }
  public var isFirstStep: Bool { index == 0 }
  public var isLastStep: Bool { index == lesson.steps.count - 1 }
  public var controls: Controls { lesson.controls }

  public var status: StepStatus {
    if let report = reports[index] { return .done(passed: report.passed) }
    return .waiting
  }

  /// The current step's report once it is done.
  public var report: StepReport? { reports[index] }

  /// Whether a learner's action is allowed by the lesson's hidden and locked controls.
  public func permits(_ action: Action) -> Bool { lesson.controls.permits(action) }

  /// On a `train` step not yet done: the epochs the window may still train before pausing (clamp
  /// each training slice to it, so the window stops exactly where validation does). Nil otherwise.
  public func trainingAllowance(in state: AppState) -> Int? {
    guard reports[index] == nil, case .train(let epochs)? = step.action else { return nil }
    return max(0, epochs - trained - max(0, LessonState.epoch(state) - lastEpoch))
  }

  /// Epochs trained so far in the current `train` step (for "120 / 200").
  public func epochsTrained(in state: AppState) -> Int {
    trained + max(0, LessonState.epoch(state) - lastEpoch)
  }

  /// Evaluates the current step's goal and expectations now (a live preview; the step's report
  /// keeps the values from when it completed).
  public func check(_ state: AppState) -> [ConditionResult] {
    var results: [ConditionResult] = []
    if case .task(let task)? = step.action {
      results.append(ConditionResult(task.goal, state: state, camScores: camScores, text: task.goalText))
    }
    for e in step.expectations {
      results.append(ConditionResult(e.condition, state: state, camScores: camScores, met: e.met, missed: e.missed, text: e.text))
    }
    return results
  }

  // MARK: Driving

  /// Call after every frame's actions. Counts the epochs of a `train` step and returns `.pause` when
  /// it has trained them all (or diverged); completes a `task` whose goal now holds.
  public mutating func observe(_ state: AppState) -> [Action] {
    let epoch = LessonState.epoch(state)
    defer { lastEpoch = epoch }
    guard reports[index] == nil else { return [] }
    switch step.action {
    case .train(let epochs)?:
      trained += max(0, epoch - lastEpoch)
      if trained >= epochs || StateMetrics.diverged(state) {
        complete(state)
        return state.isPlaying ? [.pause] : []
      }
    case .task(let task)?:
      if ConditionResult(task.goal, state: state, camScores: camScores).holds { complete(state) }
    default:
      break
    }
    return []
  }

  /// "Show me": applies a task's solution, trains a `train` step's remaining epochs, or picks a
  /// question's answer; then the step completes.
  public mutating func showMe(_ state: inout AppState) {
    guard reports[index] == nil else { return }
    switch step.action {
    case .train?:
      if let rest = trainingAllowance(in: state), rest > 0, !StateMetrics.diverged(state) {
        reduce(&state, .pause)
        reduce(&state, .train(epochs: rest))
      }
      _ = observe(state)
      if reports[index] == nil { complete(state) }
    case .task(let task)?:
      for part in task.solution {
        switch part {
        case .set(let change): stepErrors += LessonActions.set(change, &state, step: stepNumber)
        case .setWeight(let edits): stepErrors += LessonActions.setWeights(edits, &state, step: stepNumber)
        case .addPoints(let points):
          stepErrors += LessonActions.addPoints(points, &state, at: step.actionLocation, step: stepNumber)
        case .train(let epochs): reduce(&state, .train(epochs: epochs))
        }
      }
      lastEpoch = LessonState.epoch(state)
      complete(state, solutionApplied: true)
    case .ask(let question)?:
      _ = answer(question.answer, state: state)
    default:
      break
    }
  }

  /// Records the learner's answer to the current question; true when it is right. The step
  /// completes with the first answer; a later one replaces it.
  @discardableResult
  public mutating func answer(_ choice: Int, state: AppState) -> Bool {
    guard case .ask(let question)? = step.action, question.choices.indices.contains(choice) else {
      return false
    }
    chosenAnswer = choice
    complete(state)
    return choice == question.answer
  }

  /// Moves to the next step and applies its actions; false on the last step.
  @discardableResult
  public mutating func next(_ state: inout AppState) -> Bool {
    guard !isLastStep else { return false }
    reduce(&state, .pause)
    index += 1
    enter(&state)
    return true
  }

  /// Moves back one step, restoring the state from just before that step began and applying its
  /// actions again; false on the first step.
  @discardableResult
  public mutating func back(_ state: inout AppState) -> Bool {
    guard !isFirstStep else { return false }
    index -= 1
    if let saved = entryStates[index] { reduce(&state, .replaceState(StateSnapshot(saved))) }
    if let saved = scriptedAtEntry[index] { scripted = saved }
    reduce(&state, .pause)
    enter(&state)
    return true
  }

  // MARK: Steps

  private mutating func enter(_ state: inout AppState) {
    entryStates[index] = state
    scriptedAtEntry[index] = scripted
    reports[index] = nil
    chosenAnswer = nil
    stepErrors = []
    trained = 0
    textScroll = 0
    let n = stepNumber
    if let page = step.page { reduce(&state, .cnn(.showPage(page))) }
    switch step.action {
    case .set(let change)?: stepErrors = LessonActions.set(change, &state, step: n)
    case .setWeight(let edits)?: stepErrors = LessonActions.setWeights(edits, &state, step: n)
    case .reset?: reduce(&state, .reset)
    case .seek(let epoch)?: reduce(&state, .seek(.epoch(epoch)))
    case .compare(let change)?: stepErrors = LessonActions.compare(change, &state, step: n)
    case .regenerate?: reduce(&state, .regenerate)
    case .addPoints(let points)?:
      stepErrors = LessonActions.addPoints(points, &state, at: step.actionLocation, step: n)
    case .train?, .task?, .ask?, nil: break
    }
    if let request = step.explain {
      stepErrors += LessonActions.explain(request, &state, at: step.explainLocation ?? step.location, step: n)
    }
    if case .set(let change)? = step.action { scripted.merge(ScriptedSettings.read(state, keys: change.keys)) { $1 } }
    // A seek shows an earlier moment, with the settings it had then: those are the script's now.
    if case .seek? = step.action { scripted = ScriptedSettings.read(state) }
    lastEpoch = LessonState.epoch(state)
    if step.action?.waitsForLearner != true { complete(state) }
  }

  private mutating func complete(_ state: AppState, solutionApplied: Bool = false) {
    var report = StepReport(step: step, metrics: MetricSnapshot(state), errors: stepErrors)
    if case .task(let task)? = step.action {
      report.goal = ConditionResult(task.goal, state: state, camScores: camScores, text: task.goalText)
      report.solutionApplied = solutionApplied
      // The solution's settings become the script's; a learner who reached the goal their own way
      // keeps theirs (the next steps build on what they did).
      scripted = solutionApplied ? scripted.merging(ScriptedSettings.read(state, keys: task.solutionKeys)) { $1 } : ScriptedSettings.read(state)
    }
    if case .ask(let q)? = step.action, let chosenAnswer {
      report.answer = (chosenAnswer, chosenAnswer == q.answer)
    }
    report.expectations = step.expectations.map {
      ConditionResult($0.condition, state: state, camScores: camScores, met: $0.met, missed: $0.missed, text: $0.text)
    }
    reports[index] = report
    // After the learner's part (Play, a task, an answer) the panel scrolls to the end, where the
    // ✓/✗ sentences just appeared (it clamps the offset); a step that only shows text stays at its top.
    if step.action?.waitsForLearner == true { textScroll = .greatestFiniteMagnitude }
  }
}
