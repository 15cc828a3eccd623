import Foundation
import Testing

/// The `playground` binary next to this test bundle (or $PLAYGROUND_BIN).
let playgroundPath: String? = {
  if let path = ProcessInfo.processInfo.environment["PLAYGROUND_BIN"] { return path }
  let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  for dir in [here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()]
  {
    let candidate = dir.appendingPathComponent("playground").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}()

/// Runs `playground` with `arguments` in `directory`; (status, stdout, stderr).
func runLessonCommand(_ arguments: [String], in directory: String? = nil) throws -> (Int32, String, String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: playgroundPath!)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let e = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// `playground lesson list|validate`, run as a real process.
@Suite(.enabled(if: playgroundPath != nil, "the playground binary is not built"))
struct LessonCommandTests {
  @Test func listShowsTheCurriculumInOrder() throws {
    let (status, out, err) = try runLessonCommand(["lesson", "list", "--dir", lessonsDirectory])
    #expect(status == 0, "\(err)")
    let lines = out.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ID") == true)
    #expect(lines.count == lessonFileNames().count + 1)
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
      let (status, out, err) = try runLessonCommand(["--layout-json", "--lesson", name, "--lesson-step", "2"], in: "/")
      #expect(status == 0, "\(name): \(err)")
      #expect(out.contains("\"lesson.next\""), "\(name)")
    }
    let (status, _, err) = try runLessonCommand(["--layout-json", "--lesson", "learning-rat"], in: "/")
    #expect(status == 2)
    #expect(err.contains("'learning-rat'") && err.contains("playground lesson list"), "\(err)")
  }

  @Test func listFindsLessonsNearTheExecutable() throws {
    let (status, out, _) = try runLessonCommand(["lesson", "list", "--json"], in: "/")
    #expect(status == 0)
    #expect(out.contains("\"id\":\"l1-sparsity\""))
  }

  @Test func validatePrintsOneLinePerStep() throws {
    let file = lessonsDirectory + "/03-feature-crosses.yaml"
    let (status, out, err) = try runLessonCommand(["lesson", "validate", file])
    #expect(status == 0, "\(err)")
    #expect(out.contains("  step 1/10 train 200: epoch 200, trainLoss "))
    #expect(out.contains("| ok testAccuracy < 0.75 (testAccuracy = "))
    #expect(out.hasSuffix("1 lesson: 1 passed, 0 with unmet expectations, 0 invalid\n"))
    // Deterministic output.
    #expect(try runLessonCommand(["lesson", "validate", file]).1 == out)
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
    let failing = try runLessonCommand(["lesson", "validate", dir + "/fails.yaml"])
    #expect(failing.0 == 1)
    #expect(
      failing.2.contains(
        dir + "/fails.yaml:54:16: step 4: expectation not met: testAccuracy > 1 (testAccuracy = 1)"))
    let invalid = try runLessonCommand(["lesson", "validate", dir + "/fails.yaml", dir + "/invalid.yaml"])
    #expect(invalid.0 == 2)
    #expect(invalid.2.contains(dir + "/invalid.yaml:12:3: unknown key 'colour' in setup"))
    #expect(invalid.1.contains("2 lessons: 0 passed, 1 with unmet expectations, 1 invalid"))
    let list = try runLessonCommand(["lesson", "list", "--dir", dir])
    #expect(list.0 == 2)
    #expect(list.1.contains("feature-crosses"))
    let missing = try runLessonCommand(["lesson", "list", "--dir", dir + "/nope"])
    #expect(missing.0 == 2)
    #expect(missing.2.contains("--dir"))
  }
}
