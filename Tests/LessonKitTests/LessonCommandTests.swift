import Foundation
import Testing
import _TestSupport

/// `playground lesson list|validate`, run as a real process.
@Suite(.enabled(if: playgroundBinaryPath != nil, "the playground binary is not built"))
struct LessonCommandTests {
  @Test func listShowsTheCurriculumInOrder() throws {
    let (status, out, err) = try runPlayground(["lesson", "list", "--dir", lessonsDirectory]).parts
    #expect(status == 0, "\(err)")
    let lines = out.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ID") == true)
    // The English curriculum: the translations in es/ and de/ are listed with --lang.
    #expect(lines.count == lessonFileNames().filter { !$0.contains("/") }.count + 1)
    let first = String(lines.dropFirst().first ?? "")
    #expect(first.hasPrefix("reading-the-playground ") && first.contains(" Reading the playground "))
    #expect(out.contains("beginner") && out.contains("8 min"))
    // Each lesson's file, so a teacher can open or copy it.
    #expect(lines.first?.hasSuffix("FILE") == true)
    #expect(first.hasSuffix("/01-reading-the-playground.yaml"))
  }

  /// `--lesson` takes the id `lesson list` prints, the file name without .yaml, or a path.
  @Test func lessonOpensByIdFileNameOrPath() throws {
    for name in ["learning-rate", "06-learning-rate", "06-learning-rate.yaml", lessonsDirectory + "/06-learning-rate.yaml"] {
      let (status, out, err) = try runPlayground(
        ["--layout-json", "--lesson", name, "--lesson-step", "2"], in: URL(fileURLWithPath: "/")
      ).parts
      #expect(status == 0, "\(name): \(err)")
      #expect(out.contains("\"lesson.next\""), "\(name)")
    }
    let (status, _, err) = try runPlayground(["--layout-json", "--lesson", "learning-rat"], in: URL(fileURLWithPath: "/")).parts
    #expect(status == 2)
    #expect(err.contains("'learning-rat'") && err.contains("playground lesson list"), "\(err)")
  }

  @Test func listFindsLessonsNearTheExecutable() throws {
    let (status, out, _) = try runPlayground(["lesson", "list", "--json"], in: URL(fileURLWithPath: "/")).parts
    #expect(status == 0)
    #expect(out.contains("\"id\":\"l1-sparsity\""))
  }

  @Test func validatePrintsOneLinePerStep() throws {
    let file = lessonsDirectory + "/03-feature-crosses.yaml"
    let (status, out, err) = try runPlayground(["lesson", "validate", file]).parts
    #expect(status == 0, "\(err)")
    #expect(out.contains("  step 1/10 train 200: epoch 200, trainLoss "))
    #expect(out.contains("| ok testAccuracy < 0.75 (testAccuracy = "))
    #expect(out.hasSuffix("1 lesson: 1 passed, 0 with unmet expectations, 0 invalid\n"))
    // Deterministic output.
    #expect(try runPlayground(["lesson", "validate", file]).stdout == out)
  }

  @Test func exitCodes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let good = try String(contentsOfFile: lessonsDirectory + "/03-feature-crosses.yaml", encoding: .utf8)
    try good.replacingOccurrences(of: "testAccuracy >= 0.95", with: "testAccuracy > 1")
      .write(toFile: dir + "/fails.yaml", atomically: true, encoding: .utf8)
    try good.replacingOccurrences(of: "  seed: 7", with: "  seed: 7\n  colour: red")
      .write(toFile: dir + "/invalid.yaml", atomically: true, encoding: .utf8)
    let failing = try runPlayground(["lesson", "validate", dir + "/fails.yaml"]).parts
    #expect(failing.0 == 1)
    #expect(
      failing.2.contains(
        dir + "/fails.yaml:54:16: step 4: expectation not met: testAccuracy > 1 (testAccuracy = 1)"))
    let invalid = try runPlayground(["lesson", "validate", dir + "/fails.yaml", dir + "/invalid.yaml"]).parts
    #expect(invalid.0 == 2)
    #expect(invalid.2.contains(dir + "/invalid.yaml:12:3: unknown key 'colour' in setup"))
    #expect(invalid.1.contains("2 lessons: 0 passed, 1 with unmet expectations, 1 invalid"))
    let list = try runPlayground(["lesson", "list", "--dir", dir]).parts
    #expect(list.0 == 2)
    #expect(list.1.contains("feature-crosses"))
    let missing = try runPlayground(["lesson", "list", "--dir", dir + "/nope"]).parts
    #expect(missing.0 == 2)
    #expect(missing.2.contains("--dir"))
  }
}
