import Foundation
import LessonKit
import Testing

/// SplitMix64: a tiny seeded generator for reproducible mutations.
struct Mutator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  static let oddNumbers = [
    "NaN", ".nan", ".inf", "-.inf", "1e400", "-1", "-99999999999999999999", "99999999999999999999",
    "0", "1e-30", "3.5", "0x10", "1_000", "+", "--2", "", "[]", "{}", "~", "true",
  ]
  static let oddText = [
    ":", "-", "[", "]", "{", "}", "&a", "*a", "!", "|", ">", "%", "@", "`", "'", "\"", "#", "\t", "\u{0}",
    "\u{7}", "é", "💥", "\u{FEFF}", "\r", ",", "? ", "!!binary ", "<<: ", "\\",
  ]
  static let words = [
    "say", "train", "set", "task", "goal", "solution", "expect", "ask", "choices", "answer",
    "setWeight", "from", "to", "of", "value", "reset", "regenerate", "addPoints", "highlight", "setup",
    "steps",
    "controls", "hide", "lock", "features", "hiddenLayers", "output", "h1.1", "x1", "and", "or", "not",
    "contains",
    "testLoss", "weight(x1, output)", "bias", "dataset", "learningRate", "bogusKey", "format", "id",
  ]

  /// One to three random edits of the text.
  mutating func mutate(_ text: String) -> String {
    var lines = text.components(separatedBy: "\n")
    for _ in 0..<(1 + below(3)) {
      let i = below(lines.count)
      switch below(10) {
      case 0: lines.remove(at: i)
      case 1: lines.insert(lines[i], at: i)
      case 2: lines.swapAt(i, below(lines.count))
      case 3:  // a number becomes something odd
        let numbers = lines.indices.filter { lines[$0].contains(where: \.isNumber) }
        if let j = numbers.isEmpty ? nil : pick(numbers) {
          let chars = Array(lines[j])
          if let k = chars.indices.filter({ chars[$0].isNumber }).randomElement(using: &self) {
            var end = k
            while end < chars.count && (chars[end].isNumber || chars[end] == ".") { end += 1 }
            lines[j] = String(chars[..<k]) + pick(Mutator.oddNumbers) + String(chars[end...])
          }
        }
      case 4:  // odd characters somewhere
        let chars = Array(lines[i])
        let at = below(chars.count + 1)
        lines[i] = String(chars[..<at]) + pick(Mutator.oddText) + String(chars[at...])
      case 5:  // truncation
        let joined = lines.joined(separator: "\n")
        let cut = below(joined.count + 1)
        lines = String(joined.prefix(cut)).components(separatedBy: "\n")
      case 6:  // wrong indentation
        if below(2) == 0 {
          lines[i] = String(repeating: " ", count: 1 + below(3)) + lines[i]
        } else {
          lines[i] = String(lines[i].drop { $0 == " " }.prefix(lines[i].count))
          if below(2) == 0 { lines[i] = " " + lines[i] }
        }
      case 7:  // an unknown key
        let indent = String(lines[i].prefix { $0 == " " })
        lines.insert(
          indent + pick(["colour: red", "sey: hi", "trian: 10", "expect: [nonsense >]", "goal: x"]), at: i)
      case 8:  // a word replaced by another lesson word
        let words = lines[i].split(separator: " ", omittingEmptySubsequences: false)
        if !words.isEmpty {
          var w = words.map(String.init)
          let k = below(w.count)
          w[k] = w[k].hasSuffix(":") ? pick(Mutator.words) + ":" : pick(Mutator.words)
          lines[i] = w.joined(separator: " ")
        }
      default:  // a random byte-ish scalar run
        let scalars = (0..<(1 + below(6))).compactMap { _ in Unicode.Scalar(UInt32(below(0x2FF))) }
        lines[i] += String(String.UnicodeScalarView(scalars))
      }
      if lines.isEmpty { lines = [""] }
    }
    return lines.joined(separator: "\n")
  }
}

extension Mutator: RandomNumberGenerator {}

/// Mutants that train more than this are only parsed (debug builds train ~100× slower).
/// A CNN epoch (hundreds of 28×28 images through conv layers) costs about what 400 epochs of a
/// small 2-D network do.
#if DEBUG
  let epochBudget = 300
  let cnnEpochBudget = 2
#else
  let epochBudget = 4000
  let cnnEpochBudget = 40
#endif

/// Epochs a lesson would train, to keep the robustness run short.
func trainingEpochs(_ lesson: Lesson) -> Int {
  lesson.steps.reduce(0) { total, step in
    switch step.action {
    case .train(let n)?: return total + n
    case .task(let task)?:
      return total
        + task.solution.reduce(0) { if case .train(let n) = $1 { return $0 + n } else { return $0 } }
    default: return total
    }
  }
}

/// Checks that every message reads `FILE:LINE:COLUMN: message` with a line in the text.
func checkMessages(_ errors: LessonErrors, file: String, text: String) {
  #expect(!errors.errors.isEmpty)
  let lineCount = text.components(separatedBy: "\n").count
  for e in errors.errors {
    #expect(e.location.file == file)
    #expect(e.location.line >= 1 && e.location.line <= lineCount + 1, "\(e) (text has \(lineCount) lines)")
    #expect(e.location.column >= 1)
    #expect(!e.message.isEmpty)
    #expect(e.description.hasPrefix("\(file):\(e.location.line):\(e.location.column): "))
    if let step = e.step { #expect(e.description.contains("step \(step): ")) }
  }
}

@Suite struct RobustnessTests {
  /// Hundreds of seeded mutations of every lesson: each parses or fails with clear messages; those
  /// that parse (and train little) also run headless. Nothing may crash.
  @Test(arguments: lessonFileNames())
  func mutatedLessonsFailClearly(_ name: String) throws {
    let original = try String(contentsOfFile: lessonsDirectory + "/" + name, encoding: .utf8)
    var rng = Mutator(state: UInt64(name.unicodeScalars.reduce(17) { $0 &* 31 &+ Int($1.value) }.magnitude))
    var parsed = 0
    var rejected = 0
    for k in 0..<40 {
      let text = rng.mutate(original)
      let file = "m\(k).yaml"
      do {
        let lesson = try Lesson.parse(text, file: file)
        parsed += 1
        if k % 3 == 0 && trainingEpochs(lesson) <= (lesson.needsCNN ? cnnEpochBudget : epochBudget) {
          let run = LessonRunner.validate(lesson)
          for e in run.errors + run.failures { #expect(e.description.hasPrefix("\(file):")) }
        }
      } catch {
        rejected += 1
        checkMessages(error, file: file, text: text)
      }
    }
    #expect(parsed + rejected == 40)
    #expect(rejected > 0)
  }

  @Test(arguments: [
    "", "~", "# only a comment\n", "[]", "- a\n- b", "format: 1", "{",
    "format: 1\nid: a\ntitle: b\nsteps: []\n",
    "format: 1\nid: a\ntitle: b\nsteps: [1, 2]\n", "format: 1\nid: a\ntitle: b\nsteps:\n  - say:\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - {}\n", "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: [[]]\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: \"(((((((\"\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: 'weight(h99.99, output) > 0'\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - set: { hiddenLayers: [32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32] }\n",
    "a: &x [1, 2]\nb: *x\n", "format: 1\nid: a\ntitle: *nope\n",
    "format: 1\nid: a\ntitle: !!binary AAAA\nsteps: [{say: x}]\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n" + String(repeating: "  - say: x\n", count: 600),
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: " + String(repeating: "(", count: 2000) + "\n",
    "format: 1\nid: a\ntitle: " + String(repeating: "[", count: 200) + "\n",
    "format: 1\nid: a\ntitle: " + String(repeating: "[", count: 5000) + "\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  " + String(repeating: "- ", count: 5000) + "x\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: " + String(repeating: "not -", count: 5000) + "1\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: " + String(repeating: "epoch > 0 and ", count: 70)
      + "epoch > 0\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - expect: " + String(repeating: "epoch > 0 and ", count: 5000)
      + "epoch > 0\n",
    "format: 1\nid: a\ntitle: b\nsteps:\n  - addPoints: [[1e308, 0, 1]]\n",
    "\u{FEFF}format: 1\nid: a\ntitle: b\nsteps:\n  - say: x\n",
    "format: 1\r\nid: a\r\ntitle: b\r\nsteps:\r\n  - train: 1\r\n    expect: [epoch == 1]\r\n",
  ])
  func nastyInputs(_ text: String) {
    do {
      let lesson = try Lesson.parse(text, file: "n.yaml")
      let run = LessonRunner.validate(lesson)
      #expect(run.reports.count <= lesson.steps.count)
    } catch {
      checkMessages(error, file: "n.yaml", text: text)
    }
  }
}
