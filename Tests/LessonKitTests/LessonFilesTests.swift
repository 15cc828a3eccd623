import Foundation
import LessonKit
import Testing

/// The repository's Lessons/ folder.
let lessonsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Lessons").path

/// Every lesson file in Lessons/, by its path inside it (the test arguments): `03-feature-crosses.yaml`,
/// and the translations after the curriculum, `es/03-feature-crosses-es.yaml`.
func lessonFileNames() -> [String] {
  ((try? LessonLibrary.files(in: lessonsDirectory)) ?? []).map { String($0.dropFirst(lessonsDirectory.count + 1)) }
}

/// Every lesson in Lessons/ is a test case: it parses, runs headless, and every goal and
/// expectation holds, with the same numbers on a second run.
@Suite struct LessonFilesTests {
  @Test(arguments: lessonFileNames())
  func lessonValidates(_ name: String) throws {
    let path = lessonsDirectory + "/" + name
    let lesson: Lesson
    do {
      lesson = try Lesson.load(path: path)
    } catch {
      Issue.record("\(error)")
      return
    }
    let start = Date()
    let run = LessonRunner.validate(lesson)
    let seconds = Date().timeIntervalSince(start)
    for error in run.errors + run.failures { Issue.record("\(error)") }
    #expect(run.passed)
    #expect(run.reports.count == lesson.steps.count)
    // Deterministic: the same file gives the same numbers (release builds; debug ones train slowly).
    #if !DEBUG
      #expect(LessonRunner.validate(lesson).lines == run.lines)
    #endif
    // Teaching material: listed properly, and it checks something.
    #expect(lesson.summary != nil && lesson.level != nil && lesson.minutes != nil)
    let checks = lesson.steps.reduce(0) { n, step in
      var k = step.expectations.count
      if case .task = step.action { k += 1 }
      return n + k
    }
    #expect(checks >= 3, "\(name) checks too little")
    // File names are "NN-id.yaml", so the list is in curriculum order.
    #expect(name.hasSuffix("-\(lesson.id).yaml"), "\(name) should end with -\(lesson.id).yaml")
    // A guard against a lesson that trains for minutes, not a speed test (the suite runs in parallel
    // on small CI machines; a lesson validates in about a second when the machine is idle).
    #if !DEBUG
      #expect(seconds < 20, "\(name) took \(seconds) s to validate")
    #endif
  }

  @Test func curriculumIsComplete() throws {
    let entries = try LessonLibrary.load(directory: lessonsDirectory)
    #expect(entries.count >= 12)
    #expect(LessonLibrary.duplicateIDs(entries).isEmpty)
    let ids = entries.compactMap { try? $0.lesson.get().id }
    for topic in [
      "reading-the-playground", "weights-by-hand", "feature-crosses", "xor-needs-a-hidden-layer",
      "spiral-depth-versus-features", "learning-rate", "dead-relus", "saturating-sigmoids",
      "symmetry-and-zero-init",
      "overfitting", "l2-regularization", "l1-sparsity", "batch-size", "regression", "three-classes",
      "your-own-points", "momentum-through-a-ravine", "adam-versus-sgd", "dropout-against-overfitting",
    ] {
      #expect(ids.contains(topic), "missing lesson \(topic)")
    }
  }
}

/// The complete example in the README's "Writing a lesson" section is a valid lesson that passes.
@Test func readmeExampleLessonValidates() throws {
  let readme = URL(fileURLWithPath: lessonsDirectory).deletingLastPathComponent().appendingPathComponent(
    "README.md")
  let text = try String(contentsOf: readme, encoding: .utf8)
  guard let section = text.range(of: "## Writing a lesson"),
    let start = text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex),
    let end = text.range(of: "```", range: start.upperBound..<text.endIndex)
  else {
    Issue.record("README has no \"Writing a lesson\" section with a yaml example")
    return
  }
  let yaml = String(text[start.upperBound..<end.lowerBound])
  let lesson = try Lesson.parse(yaml, file: "README example")
  let run = LessonRunner.validate(lesson)
  for e in run.errors + run.failures { Issue.record("\(e)") }
  #expect(run.passed)
  // The error quoted in the README is the one a typo gives.
  let typo = yaml.replacingOccurrences(of: "check: testAccuracy < 0.75", with: "check: testAcuracy < 0.75")
  #expect(throws: LessonErrors.self) { try Lesson.parse(typo, file: "my-lesson.yaml") }
  do {
    _ = try Lesson.parse(typo, file: "my-lesson.yaml")
  } catch {
    #expect(text.contains("`\(error.errors[0].description)`"))
  }
}
