import Foundation
import Testing
import _TestSupport

/// `playground train --dataset shapes …` and `playground cam …`, end to end through the binary.
@Suite struct CNNCommandTests {
  static let fourClasses = [
    "--dataset", "shapes", "--shapes", "circle,square,triangle,cross", "--conv-layers", "8,16",
  ]

  @Test func trainPrintsTheResultLineWithPerClassAccuracy() throws {
    let r = try runPlayground(["train"] + CNNCommandTests.fourClasses + ["--epochs", "8", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 9, "eight progress lines and the result")
    let result = try #require(r.lastJSON)
    #expect(result["epoch"] as? Int == 8)
    #expect((result["testAccuracy"] as? Double ?? 0) >= 0.95, "\(result)")
    #expect(
      result["trainLoss"] is Double && result["testLoss"] is Double && result["trainAccuracy"] is Double)
    #expect(result["diverged"] as? Bool == false)
    #expect(result["dataset"] as? String == "shapes")
    #expect(result["shapes"] as? [String] == ["circle", "square", "triangle", "cross"])
    #expect(result["convLayers"] as? [Int] == [8, 16])
    #expect(result["trainImages"] as? Int == 400 && result["testImages"] as? Int == 400)
    let perClass = try #require(result["classAccuracy"] as? [String: Double])
    #expect(Set(perClass.keys) == ["circle", "square", "triangle", "cross"])
    #expect(perClass.values.allSatisfy { $0 >= 0.9 })
    let checksum = try #require(result["weightsChecksum"] as? String)
    #expect(checksum.count == 16 && checksum.allSatisfy(\.isHexDigit))
    let again = try runPlayground(["train"] + CNNCommandTests.fourClasses + ["--epochs", "8", "--json"])
    #expect(again.lastJSON?["weightsChecksum"] as? String == checksum, "the same flags give the same bits")
    let other = try runPlayground(["train", "--dataset=shapes", "--epochs", "1", "--seed", "4", "--json"])
    #expect(other.status == 0, "\(other.stderr)")
    #expect(other.lastJSON?["weightsChecksum"] as? String != checksum)
  }

  @Test func trainWithoutJSONIsReadable() throws {
    let r = try runPlayground([
      "train", "--dataset", "shapes", "--shapes", "hline,vline", "--variation", "none", "--conv-layers", "4",
      "--epochs", "2",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("epoch 2/2"))
    #expect(r.stdout.contains("test accuracy per class: hline"))
    #expect(r.stdout.contains("weights checksum"))
  }

  /// Each bad input exits 2 with one message naming the flag, and writes nothing.
  @Test(arguments: [
    (["--dataset", "shapes", "--shapes", "circle,blob"], "--shapes"),
    (["--dataset", "shapes", "--shapes", "circle"], "--shapes"),
    (["--dataset", "shapes", "--shapes", "circle,circle"], "--shapes"),
    (["--dataset", "shapes", "--conv-layers", "8,0"], "--conv-layers"),
    (["--dataset", "shapes", "--conv-layers", "8,x"], "--conv-layers"),
    (["--dataset", "shapes", "--conv-layers", "4,4,4,4,4"], "--conv-layers"),
    (["--dataset", "shapes", "--variation", "wild"], "--variation"),
    (["--dataset", "shapes", "--learning-rate", "0"], "--learning-rate"),
    (["--dataset", "shapes", "--batch-size", "0"], "--batch-size"),
    (["--dataset", "shapes", "--train-ratio", "5"], "--train-ratio"),
    (["--dataset", "shapes", "--hidden-layers", "3"], "--hidden-layers"),
    (["--dataset", "shapes", "--png", "out.png"], "--png"),
    (["--shapes", "circle,square"], "--dataset shapes"),
    (["--dataset", "shapes", "--epochs", "-1"], "--epochs"),
  ])
  func badTrainFlagsExitTwo(arguments: [String], flag: String) throws {
    let dir = try temporaryDirectory()
    let r = try runPlayground(["train", "--epochs", "1", "--json"] + arguments, in: dir)
    #expect(r.status == 2, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains(flag), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
  }

  /// `--dataset` parses to a 2-D dataset or shapes: a bad name lists both kinds; the window,
  /// whose shapes mode is `--mode cnn`, refuses shapes (exit 2, naming the flag and the way in).
  @Test func datasetChoicesIncludeShapes() throws {
    let bad = try runPlayground(["train", "--dataset", "moons", "--epochs", "1"])
    #expect(bad.status == 2 && bad.stdout.isEmpty, "\(bad.stderr)")
    #expect(bad.stderr.contains("--dataset") && bad.stderr.contains("spiral3") && bad.stderr.contains("shapes"))
    // The window opens the shapes in its CNN mode, as --mode cnn does (its frame has the drawing's Clear).
    for arguments in [["--dataset", "shapes"], ["--dataset=shapes"], ["window", "--dataset", "shapes"]] {
      let window = try runPlayground(arguments + ["--layout-json"], environment: ["SDL_VIDEODRIVER": "dummy"])
      #expect(window.status == 0, "\(arguments): \(window.stderr)")
      #expect(window.stdout.contains("\"name\":\"Clear\""), "\(arguments)")
    }
    let dense = try runPlayground(["--dataset", "shapes", "--mode", "dense", "--layout-json"])
    #expect(dense.status == 2 && dense.stderr.contains("--mode dense"), "\(dense.stderr)")
  }

  @Test func camWritesAPNGAndALinePerClass() throws {
    let dir = try temporaryDirectory()
    let out = dir.appendingPathComponent("cam")
    let r = try runPlayground(["cam"] + CNNCommandTests.fourClasses + ["--epochs", "6", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    var classes: [String] = []
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let name = try #require(object["class"] as? String)
      classes.append(name)
      let p = try #require(object["probability"] as? Double)
      let other = try #require(object["maxOtherProbability"] as? Double)
      let similarity = try #require(object["similarity"] as? Double)
      #expect(p >= 0.9 && p > other, "\(name): \(p) vs \(other)")
      #expect(similarity > 0 && similarity <= 1)
      #expect(object["steps"] as? Int == 200)
      let png = out.appendingPathComponent("cam-\(name).png")
      #expect(object["png"] as? String == png.path)
      let bytes = [UInt8](try Data(contentsOf: png))
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
      let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
      let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
      #expect(width == 224 && height == 224, "28 × 8")
    }
    #expect(classes == ["circle", "square", "triangle", "cross"])
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        == Set(classes.map { "cam-\($0).png" }))
  }

  @Test(arguments: [
    (["--jitter", "20"], "--jitter"),
    (["--step-size", "0"], "--step-size"),
    (["--max-steps", "0"], "--max-steps"),
    (["--objective", "loss"], "--objective"),
    (["--dataset", "spiral"], "--dataset"),
    (["--shapes", "circle"], "--shapes"),
    (["--stop-probability", "2"], "--stop-probability"),
    (["--jitter", "-1"], "--jitter"),
    (["--epochs", "-3"], "--epochs"),
  ])
  func badCamFlagsExitTwo(arguments: [String], flag: String) throws {
    let dir = try temporaryDirectory()
    let r = try runPlayground(
      ["cam", "--epochs", "1", "--out", dir.appendingPathComponent("cam").path] + arguments, in: dir)
    #expect(r.status == 2, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains(flag), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
  }

  @Test func camRefusesAFileAsTheFolder() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("taken")
    try Data("x".utf8).write(to: file)
    let r = try runPlayground(["cam", "--epochs", "1", "--out", file.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--out"))
  }

  @Test func benchReportsTheCNNFigures() throws {
    let r = try runPlayground(["bench", "--json", "--engine-only"])
    #expect(r.status == 0, "\(r.stderr)")
    var figures: [String: Double] = [:]
    for line in r.stdout.split(separator: "\n") {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if object["config"] as? String == "cnn" {
        figures[try #require(object["metric"] as? String)] = object["value"] as? Double
      }
    }
    #expect(
      Set(figures.keys) == [
        "cnn_train_examples_per_s", "cnn_forward_examples_per_s", "cam_steps_per_s", "fgsm_ms", "embed_pca_ms",
        "tsne_ms", "cam_similarity_mean", "cam_similarity_min",
      ])
    #expect(figures.values.allSatisfy { $0 > 0 })
  }
}
