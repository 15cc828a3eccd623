import Foundation
import ImmediateUI
import Recording
import Testing
import _TestSupport

/// `playground record` through the real binary: a GIF of C2 training, checked frame by frame.
@Suite struct RecordCommandTests {
  static let c2 = [
    "--dataset", "spiral", "--features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", "--hidden-layers", "8,8,8,8,8,8",
  ]

  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func threeSecondsOfC2TrainingAsAGIF() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runPlayground(
      ["record", "--out", "c2.gif", "--seconds", "3", "--fps", "10", "--size", "800x600"] + RecordCommandTests.c2,
      in: dir, timeout: 300)
    #expect(r.status == 0, "\(r.stderr)")
    // 60 epochs/s (the default speed) for 3 s: frame 0 at epoch 0, then 6 epochs a frame.
    #expect(r.stdout.contains("30 frames of 800x600") && r.stdout.contains("epochs 0 to 174"), "\(r.stdout)")
    let path = dir.appendingPathComponent("c2.gif").path
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let clip = try GIFClip(bytes: bytes)
    #expect(clip.width == 800 && clip.height == 600)
    #expect(clip.frames.count == 30)
    #expect(clip.delays.reduce(0, +) == 300)
    // Training moves the plot, the tiles and the chart: consecutive frames differ.
    let changes = zip(clip.frames, clip.frames.dropFirst()).filter { $0 != $1 }.count
    #expect(changes == 29, "\(changes) of 29 frame pairs differ")
    // Small: only what changed is stored, under a tenth of the frames' 24-bit pixels (43 MB).
    #expect(bytes.count < 30 * 800 * 600 * 3 / 10, "\(bytes.count) bytes")
    // A second decoder agrees (ImageMagick), where it is installed.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/identify") else {
      print("skipped: ImageMagick's identify is not installed (apt-get install imagemagick)")
      return
    }
    let id = try runProcess(URL(fileURLWithPath: "/usr/bin/identify"), ["-format", "%W %H %T\n", path])
    #expect(id.status == 0, "\(id.stderr)")
    let lines = id.stdout.split(separator: "\n")
    #expect(lines.count == 30 && lines.allSatisfy { $0 == "800 600 10" }, "\(id.stdout)")
  }

  @Test func epochsSetTheLength() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runPlayground(
      ["record", "--out", "xor.gif", "--epochs", "30", "--fps", "20", "--size", "400x300", "--dataset", "xor"], in: dir,
      timeout: 120)
    #expect(r.status == 0, "\(r.stderr)")
    // 3 epochs a frame at 60 epochs/s and 20 frames/s: ten frames of training after the first.
    #expect(r.stdout.contains("11 frames of 400x300") && r.stdout.contains("epochs 0 to 30"), "\(r.stdout)")
  }

  @Test func badRequestsAreUsageErrors() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [([String], String)] = [
      (["--out", "a.png"], "--out must name a .gif or an .mp4"),
      (["--out", "a.gif", "--fps", "0"], "--fps must be from 1 to 50"),
      (["--out", "a.gif", "--seconds", "1", "--epochs", "5"], "not both"),
      (["--out", "a.gif", "--dataset", "moons"], "--dataset"),
      (["--out", "a.gif", "--theme", "neon"], "--theme must be default or high-contrast"),
    ]
    for (args, message) in cases {
      let r = try runPlayground(["record"] + args, in: dir, timeout: 60)
      #expect(r.status == 2 && r.stderr.contains(message), "\(args): \(r.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func mp4NeedsFFmpegAndSaysWhichPackage() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runPlayground(
      ["record", "--out", "a.mp4", "--seconds", "1", "--size", "320x240"], in: dir, environment: ["PATH": "/nonexistent"],
      timeout: 60)
    #expect(r.status == 2 && r.stderr.contains("Debian package ffmpeg"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.mp4").path))
    guard MP4Pipe.findFFmpeg() != nil else {
      print("skipped: ffmpeg is not installed, so no MP4 is made here")
      return
    }
    let ok = try runPlayground(["record", "--out", "b.mp4", "--seconds", "1", "--size", "320x240"], in: dir, timeout: 120)
    #expect(ok.status == 0, "\(ok.stderr)")
    let size = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("b.mp4").path)[.size] as? Int
    #expect((size ?? 0) > 1000)
  }
}
