import Foundation
import Testing
import _TestSupport

/// `--renderer`, `--software` and `--version` through the real binary.
@Suite struct RendererFlagTests {
  @Test func versionAnswers() throws {
    let r = try runPlayground(["--version"])
    #expect(r.status == 0, "\(r.stderr)")
    let version = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." }, "\(version)")
  }

  @Test func badRendererChoicesAreUsageErrors() throws {
    let bad = try runPlayground(["--renderer", "vulkan", "--screenshot", "/dev/null"])
    #expect(bad.status == 2 && bad.stderr.contains("--renderer must be software, opengl or auto"), "\(bad.stderr)")
    let both = try runPlayground(["--software", "--renderer", "opengl", "--screenshot", "/dev/null"])
    #expect(both.status == 2 && both.stderr.contains("--software is --renderer software"), "\(both.stderr)")
  }

  @Test func openGLScreenshotsNeedADisplayAndSaySo() throws {
    let headless: [String: String?] = ["DISPLAY": nil, "WAYLAND_DISPLAY": nil, "SDL_VIDEODRIVER": nil]
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("renderer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let gl = try runPlayground(["--renderer", "opengl", "--screenshot", "gl.png"], in: dir, environment: headless)
    #expect(gl.status == 2 && gl.stderr.contains("needs a display") && gl.stderr.contains("xvfb-run"), "\(gl.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("gl.png").path))
    // Auto and software draw offscreen without a display, the same frame.
    for choice in ["auto", "software"] {
      let r = try runPlayground(["--renderer", choice, "--screenshot", "\(choice).png"], in: dir, environment: headless)
      #expect(r.status == 0, "\(choice): \(r.stderr)")
    }
    let auto = try Data(contentsOf: dir.appendingPathComponent("auto.png"))
    let software = try Data(contentsOf: dir.appendingPathComponent("software.png"))
    #expect(auto == software)
  }
}
