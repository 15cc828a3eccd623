import Foundation
import Testing
import _TestSupport

/// CNN sessions, CNN exports and PNG-folder classes through the real binary.
@Suite struct CNNSessionCLITests {
  /// A small, quick shapes run: two epochs of a [4, 6] net on 3 classes of 30 images.
  static let shapes = [
    "--dataset", "shapes", "--shapes", "circle,square,cross", "--conv-layers", "4,6", "--seed", "5",
  ]

  func session(_ dir: URL, epochs: Int = 2, extra: [String] = []) throws -> String {
    let file = dir.appendingPathComponent("cnn.json").path
    let r = try runPlayground(
      ["train"] + CNNSessionCLITests.shapes + extra + ["--epochs", "\(epochs)", "--save", file])
    #expect(r.status == 0, "\(r.stderr)")
    return file
  }

  @Test func saveThenLoadGivesTheSameResultLine() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("cnn.json").path
    let trained = try runPlayground(
      ["train"] + CNNSessionCLITests.shapes + ["--epochs", "2", "--json", "--save", file])
    #expect(trained.status == 0, "\(trained.stderr)")
    let loaded = try runPlayground(["train", "--load", file, "--epochs", "0", "--json"])
    #expect(loaded.status == 0, "\(loaded.stderr)")
    #expect(loaded.stdout.split(separator: "\n").count == 1, "--epochs 0 prints only the result line")
    let a = try #require(trained.lastJSON)
    let b = try #require(loaded.lastJSON)
    for key in [
      "weightsChecksum", "epoch", "trainLoss", "testLoss", "testAccuracy", "trainImages", "testImages",
    ] {
      #expect("\(b[key] ?? "nil")" == "\(a[key] ?? "nil")", "\(key)")
    }
    let accuracy = try #require(a["classAccuracy"] as? [String: Double])
    #expect(accuracy.count == 3 && b["classAccuracy"] as? [String: Double] == accuracy)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains(#""kind": "cnn""#))
  }

  @Test func loadContinuesTrainingWithTheSameBits() throws {
    let dir = try temporaryDirectory()
    let file = try session(dir, epochs: 1)
    let resumed = try runPlayground(["train", "--load", file, "--epochs", "2", "--json", "--save", file])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let straight = try runPlayground(["train"] + CNNSessionCLITests.shapes + ["--epochs", "3", "--json"])
    #expect(resumed.lastJSON?["epoch"] as? Int == 3)
    let checksum = try #require(straight.lastJSON?["weightsChecksum"] as? String)
    #expect(resumed.lastJSON?["weightsChecksum"] as? String == checksum)
    let again = try runPlayground(["train", "--load", file, "--epochs", "0", "--json"])
    #expect(again.lastJSON?["weightsChecksum"] as? String == checksum)
  }

  @Test func badLoadsAndFlagMixesExitWithTwo() throws {
    let dir = try temporaryDirectory()
    let file = try session(dir, epochs: 1)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let cut = dir.appendingPathComponent("cut.json")
    try text.prefix(text.count / 3).write(to: cut, atomically: true, encoding: .utf8)
    let future = dir.appendingPathComponent("future.json")
    try text.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 9").write(
      to: future, atomically: true, encoding: .utf8)
    let hostile = dir.appendingPathComponent("hostile.json")
    try text.replacingOccurrences(of: "\"imagesPerClass\": 200", with: "\"imagesPerClass\": -200").write(
      to: hostile, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out.py").path
    let cases: [([String], String)] = [
      (["train", "--load", cut.path], "damaged or cut short"),
      (["train", "--load", future.path, "--epochs", "0"], "newer NeuralPlayground"),
      (["train", "--load", hostile.path, "--epochs", "0"], "cnn.config.imagesPerClass"),
      (["train", "--load", file, "--shapes", "circle,square"], "remove --dataset shapes"),
      (["train", "--load", file, "--learning-rate", "0.1"], "remove --learning-rate"),
      (["train", "--load", file, "--png", dir.appendingPathComponent("b.png").path], "--png does not apply"),
      (["export", "--load", file, "--save-csv", out], "--save-csv writes 2-D points"),
      (["export", "--load", cut.path, "--numpy", out], "damaged"),
      (["--load", future.path, "--layout-json"], "newer NeuralPlayground"),
    ]
    for (arguments, expected) in cases {
      let r = try runPlayground(arguments)
      #expect(r.status == 2, "\(arguments)")
      #expect(r.stderr.contains(expected), "\(arguments): \(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text, "the session file is untouched")
  }

  @Test func theWindowOpensACNNSessionInCNNMode() throws {
    let dir = try temporaryDirectory()
    let file = try session(dir)
    let layout = try runPlayground(["--load", file, "--layout-json"])
    #expect(layout.status == 0, "\(layout.stderr)")
    let png = dir.appendingPathComponent("frame.png").path
    let shot = try runPlayground(["--load", file, "--screenshot", png])
    #expect(shot.status == 0, "\(shot.stderr)")
    #expect(FileManager.default.fileExists(atPath: png))
  }

  @Test(.enabled(if: SessionCLITests.hasNumpy))
  func exportedNumpyScriptChecks() throws {
    let dir = try temporaryDirectory()
    let file = try session(dir)
    let script = dir.appendingPathComponent("model_np.py").path
    let r = try runPlayground(["export", "--load", file, "--numpy", script])
    #expect(r.status == 0, "\(r.stderr)")
    let check = try runPython([script, "--check"], mergingOutput: true)
    #expect(check.status == 0 && check.stdout.contains("agree"), "\(check.stdout)")
    // Straight from the shapes flags too, with the 3×3 final pool on a 7×7 map.
    let flags = try runPlayground([
      "export", "--dataset", "shapes", "--shapes", "ring,x", "--conv-layers", "3,5,6", "--epochs", "1",
      "--numpy",
      script,
    ])
    #expect(flags.status == 0, "\(flags.stderr)")
    let again = try runPython([script, "--check"], mergingOutput: true)
    #expect(again.status == 0, "\(again.stdout)")
  }

  @Test(.enabled(if: SessionCLITests.hasTorch))
  func exportedPyTorchScriptChecksAndTrains() throws {
    let dir = try temporaryDirectory()
    let file = try session(dir)
    let script = dir.appendingPathComponent("model.py").path
    let r = try runPlayground(["export", "--load", file, "--pytorch", script])
    #expect(r.status == 0, "\(r.stderr)")
    let check = try runPython([script, "--check"], mergingOutput: true)
    #expect(check.status == 0 && check.stdout.contains("agree"), "\(check.stdout)")
    let train = try runPython([script, "--train", "1", "--json"], mergingOutput: true)
    #expect(train.status == 0, "\(train.stdout)")
    let line = try #require(train.stdout.split(separator: "\n").last)
    let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let playground = try runPlayground(["train", "--load", file, "--epochs", "1", "--json"])
    let expected = try #require(playground.lastJSON?["trainLoss"] as? Double)
    #expect(result["epoch"] as? Int == 3)
    #expect(abs((result["trainLoss"] as? Double ?? 0) - expected) < 1e-3, "\(result) vs \(expected)")
  }
}

/// `--import-pngs DIR --class-name NAME`: a folder of 28×28 PNGs as one more class.
@Suite struct PNGImportCLITests {
  /// A folder of `count` 28×28 gray PNGs: a bright bar whose position depends on the index.
  func folder(_ parent: URL, _ name: String, count: Int = 12) throws -> URL {
    let dir = parent.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for n in 0..<count {
      let png = TinyPNG.gray(width: 28, height: 28) { x, y in abs(x - y + n % 4) < 3 ? 230 : 0 }
      try Data(png).write(to: dir.appendingPathComponent(String(format: "img%03d.png", n)))
    }
    return dir
  }

  @Test func importedClassTrainsSavesAndLoads() throws {
    let dir = try temporaryDirectory()
    let bars = try folder(dir, "bars")
    let file = dir.appendingPathComponent("s.json").path
    let flags = CNNSessionCLITests.shapes + ["--import-pngs", bars.path, "--class-name", "bar"]
    let r = try runPlayground(["train"] + flags + ["--epochs", "2", "--json", "--save", file])
    #expect(r.status == 0, "\(r.stderr)")
    let result = try #require(r.lastJSON)
    #expect((result["importedClasses"] as? [String]) == ["bar"])
    #expect((result["classAccuracy"] as? [String: Any])?["bar"] != nil)
    let total = (result["trainImages"] as? Int ?? 0) + (result["testImages"] as? Int ?? 0)
    #expect(total == 3 * 200 + 12)
    // Deterministic, and the class survives the file.
    let again = try runPlayground(["train"] + flags + ["--epochs", "2", "--json"])
    #expect(again.lastJSON?["weightsChecksum"] as? String == result["weightsChecksum"] as? String)
    let loaded = try runPlayground(["train", "--load", file, "--epochs", "0", "--json"])
    #expect(loaded.status == 0, "\(loaded.stderr)")
    #expect(loaded.lastJSON?["weightsChecksum"] as? String == result["weightsChecksum"] as? String)
    #expect((loaded.lastJSON?["importedClasses"] as? [String]) == ["bar"])
    // The folder's name is the default class name.
    let unnamed = try runPlayground(
      ["train"] + CNNSessionCLITests.shapes + ["--import-pngs", bars.path, "--epochs", "0", "--json"])
    #expect((unnamed.lastJSON?["importedClasses"] as? [String]) == ["bars"], "\(unnamed.stderr)")
    // The window opens it in CNN mode, the imported class listed under the shapes.
    let window = try runPlayground(["--load", file, "--layout-json"])
    #expect(window.status == 0 && window.stdout.contains("cnn.imported.bar"), "\(window.stderr)")
    let shot = dir.appendingPathComponent("loaded.png").path
    let screenshot = try runPlayground(["--load", file, "--screenshot", shot])
    #expect(screenshot.status == 0, "\(screenshot.stderr)")
    #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 1000)
  }

  @Test func windowImportsFoldersInCNNMode() throws {
    let dir = try temporaryDirectory()
    let bars = try folder(dir, "bars")
    let shot = dir.appendingPathComponent("window.png").path
    let flags = ["--mode", "cnn", "--import-pngs", bars.path, "--class-name", "bar"]
    let r = try runPlayground(flags + ["--screenshot", shot, "--epochs", "1"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 1000)
    let layout = try runPlayground(flags + ["--layout-json"])
    #expect(layout.status == 0 && layout.stdout.contains("cnn.imported.bar"), "\(layout.stderr)")
    // Bad folders and flag mixes stop before any window, naming the problem.
    let empty = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let missing = dir.appendingPathComponent("missing.png").path
    for (args, message) in [
      (["--mode", "cnn", "--import-pngs", empty.path, "--screenshot", missing], "is empty"),
      (["--mode", "cnn", "--import-pngs", dir.appendingPathComponent("nope").path, "--screenshot", missing], "cannot be read"),
      (["--import-pngs", bars.path, "--screenshot", missing], "--mode cnn"),
      (flags + ["--class-name", "two", "--screenshot", missing], "one name per"),
    ] {
      let bad = try runPlayground(args)
      #expect(bad.status == 2 && bad.stderr.contains(message), "\(args): \(bad.stderr)")
      #expect(!FileManager.default.fileExists(atPath: missing))
    }
  }

  @Test func badFoldersNameTheFileAndWriteNothing() throws {
    let dir = try temporaryDirectory()
    let empty = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let small = try folder(dir, "small", count: 3)
    try Data(TinyPNG.gray(width: 27, height: 28) { _, _ in 9 }).write(
      to: small.appendingPathComponent("odd.png"))
    let text = try folder(dir, "text", count: 2)
    try Data("x,y\n1,2\n".utf8).write(to: text.appendingPathComponent("notes.png"))
    let broken = try folder(dir, "broken", count: 2)
    var bad = TinyPNG.gray(width: 28, height: 28) { _, _ in 1 }
    bad.replaceSubrange(20..<bad.count, with: [UInt8](repeating: 7, count: 40))
    try Data(bad).write(to: broken.appendingPathComponent("cut.png"))
    let dangling = try folder(dir, "dangling", count: 2)
    try FileManager.default.createSymbolicLink(
      atPath: dangling.appendingPathComponent("gone.png").path, withDestinationPath: "/no/such/file.png")
    let nested = try folder(dir, "nested", count: 2)
    try FileManager.default.createDirectory(
      at: nested.appendingPathComponent("more"), withIntermediateDirectories: true)
    let good = try folder(dir, "good", count: 2)
    let save = dir.appendingPathComponent("s.json").path
    let shapes = CNNSessionCLITests.shapes
    let cases: [([String], [String])] = [
      (["--import-pngs", empty.path], ["empty"]),
      (["--import-pngs", small.path], ["odd.png", "27×28", "28×28"]),
      (["--import-pngs", text.path], ["notes.png", "not a PNG"]),
      (["--import-pngs", broken.path], ["cut.png", "cannot be read as a PNG"]),
      (["--import-pngs", dangling.path], ["gone.png", "cannot be read"]),
      (["--import-pngs", nested.path], ["more", "is a folder"]),
      (["--import-pngs", dir.appendingPathComponent("missing").path], ["missing", "cannot be read"]),
      (["--import-pngs", good.path, "--class-name", "circle"], ["--class-name", "generated shape"]),
      (["--import-pngs", good.path, "--class-name", "no spaces"], ["--class-name", "letters"]),
      (["--import-pngs", good.path, "--class-name", "a", "--class-name", "b"], ["one name per"]),
      (["--class-name", "a"], ["--import-pngs"]),
    ]
    for (arguments, expected) in cases {
      let r = try runPlayground(["train"] + shapes + arguments + ["--epochs", "1", "--save", save])
      #expect(r.status == 2, "\(arguments)")
      for word in expected { #expect(r.stderr.contains(word), "\(arguments): \(r.stderr)") }
      #expect(r.stdout.isEmpty, "\(arguments): nothing trained")
    }
    let withoutShapes = try runPlayground(["train", "--import-pngs", good.path, "--epochs", "1"])
    #expect(
      withoutShapes.status == 2 && withoutShapes.stderr.contains("--import-pngs needs --dataset shapes"))
    #expect(!FileManager.default.fileExists(atPath: save), "nothing written")
  }
}

/// Writes small PNGs without any image library: 8-bit grayscale, stored (uncompressed) deflate.
enum TinyPNG {
  static func gray(width: Int, height: Int, _ pixel: (Int, Int) -> Int) -> [UInt8] {
    var raw: [UInt8] = []
    for y in 0..<height {
      raw.append(0)  // filter: none
      for x in 0..<width { raw.append(UInt8(clamping: pixel(x, y))) }
    }
    var zlib: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
      let end = min(start + 65535, raw.count)
      let n = end - start
      zlib.append(end == raw.count ? 1 : 0)
      zlib += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
      zlib += raw[start..<end]
      start = end
    } while start < raw.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in raw {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    zlib += bigEndian(b << 16 | a)
    var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
    header += [8, 0, 0, 0, 0]  // 8 bits, grayscale, deflate, no filter, no interlace
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib)
      + chunk("IEND", [])
  }

  static func bigEndian(_ v: UInt32) -> [UInt8] {
    [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
  }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in body {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return bigEndian(UInt32(data.count)) + body + bigEndian(~crc)
  }
}
