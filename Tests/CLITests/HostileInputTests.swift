import Foundation
import Testing
import _TestSupport

// Hostile values for every flag of `playground train` and of the window command: NaN, infinities,
// negative and huge sizes, empty lists, 100 KB strings, invalid UTF-8 (in values and in CSV files),
// empty, binary, malformed and 50 MB CSV files. Each run must exit with code 2 and one message that
// names the flag, never crash (a signal), never hang (a timeout kills it), and write nothing:
// every run starts in an empty folder inside an empty folder, and both must stay empty.

/// How one run of the binary ended.
private struct HostileRun {
  var status: Int32
  /// True when the process died from a signal (a crash) rather than exiting.
  var crashed: Bool
  var timedOut: Bool
  var seconds: Double
  var stdout: String
  var stderr: String
  /// What the run left behind next to and in its working folder (should be nothing).
  var written: [String]
  var arguments: String

  /// "exit 2" or what went wrong, with the start of stderr, for failure messages.
  var summary: String {
    let how = timedOut ? "TIMED OUT" : crashed ? "CRASHED (signal \(status))" : "exit \(status)"
    return
      "\(arguments.prefix(200)): \(how) after \(String(format: "%.1f", seconds)) s; stderr: \(stderr.prefix(300))"
  }
}

/// Runs the binary with a timeout in an empty folder inside an empty folder. `rawArguments` lets
/// a test pass bytes that are not UTF-8 (`runPlayground(bytes:)` never makes them a `String`).
private func hostileRun(
  _ arguments: [String] = [], rawArguments: [[UInt8]]? = nil, timeout: Double = 90,
  prepare: (URL) throws -> Void = { _ in }
) throws -> HostileRun {
  let root = try temporaryDirectory()
  let work = root.appendingPathComponent("work")
  try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: root) }
  try prepare(work)
  let prepared = Set(try FileManager.default.contentsOfDirectory(atPath: work.path))
  // `@WORK` in an argument is the working folder.
  let arguments = arguments.map { $0.replacingOccurrences(of: "@WORK", with: work.path) }
  var shown = arguments.joined(separator: " ")
  var bytes = arguments.map { Array($0.utf8) }
  if let rawArguments {
    bytes = rawArguments.map { replacing("@WORK", with: work.path, in: $0) }
    shown = rawArguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
  }
  let run = try runPlayground(
    bytes: bytes, in: work,
    environment: [
      "SDL_VIDEODRIVER": "dummy",  // no window can open, even by mistake
      "NEURALPLAYGROUND_SCREENSHOT_DIR": work.path, "DISPLAY": nil,
    ],
    timeout: timeout)
  let left = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { !prepared.contains($0) }
  let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "work" }
  return HostileRun(
    status: run.status, crashed: run.crashed, timedOut: run.timedOut, seconds: run.seconds,
    stdout: run.stdout, stderr: run.stderr, written: left + beside.map { "../" + $0 }, arguments: shown)
}

/// The checks every rejected input shares: exit 2 (not a crash, not a hang), a message naming
/// `flag`, and nothing written. `quiet: false` allows progress lines on stdout (a --png that
/// fails only after training).
private func expectRejected(
  _ r: HostileRun, flag: String, quiet: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(!r.timedOut && !r.crashed && r.status == 2, "\(r.summary)", sourceLocation: sourceLocation)
  #expect(
    r.stderr.contains(flag), "message does not name \(flag): \(r.summary)", sourceLocation: sourceLocation)
  #expect(
    r.written.isEmpty, "wrote \(r.written.map { String($0.prefix(60)) }): \(r.summary)",
    sourceLocation: sourceLocation)
  if quiet {
    #expect(
      r.stdout.isEmpty, "stdout: \(r.stdout.prefix(200)) — \(r.summary)", sourceLocation: sourceLocation)
  }
}

/// Values no numeric, list or enum flag accepts.
private let hostileValues: [String] = [
  "nan", "NaN", "inf", "-inf", "infinity", "-1", "1e400", "-1e400", "999999999999999999999",
  "18446744073709551616", "-9223372036854775808", "", " ", "0x10", "1_000", "é", ",", "4,,2",
  "\u{202E}1", String(repeating: "a", count: 100_000), String(repeating: "1", count: 100_000),
]

/// Every config flag of `train` (and of the window) with its extra hostile values.
private let flagsAndValues: [(flag: String, extra: [String])] = [
  ("--noise", ["51", "-0.5", "9223372036854775807"]),
  ("--train-ratio", ["0", "9", "91", "100", "9223372036854775807"]),
  ("--seed", ["-0.0", "1.5"]),
  ("--batch-size", ["0", "501", "9223372036854775807"]),
  ("--learning-rate", ["0", "-0", "10.000001", "1e-400", "9223372036854775807"]),
  ("--regularization-rate", ["10.5", "-1e-9", "1e308"]),
  (
    "--hidden-layers",
    [
      "0", "4,0", "33", "-4", "4.5", "100000", "4,100000", "999999999999999999999", "none,4", "4,none",
      "None",
      Array(repeating: "4", count: 11).joined(separator: ","),
      Array(repeating: "1", count: 50_000).joined(separator: ","),
    ]
  ),
  ("--features", ["x1,x1", "x1,,x2", "X1", "x1,", "x3", "none"]),
  ("--problem", ["Classification", "regression,classification"]),
  ("--dataset", ["moons", "Spiral", "circle,xor"]),
  ("--activation", ["swish", "RELU"]),
  ("--regularization", ["l3", "L1"]),
  ("--init", ["random", "Xavier"]),
]

private let flagValueCases: [(String, String)] = flagsAndValues.flatMap { entry in
  (hostileValues + entry.extra).map { (entry.flag, $0) }
}

@Suite struct HostileInputTests {
  // MARK: playground train

  @Test(arguments: flagValueCases)
  func trainRejectsHostileValue(flag: String, value: String) throws {
    let r = try hostileRun(["train", flag, value, "--epochs", "2", "--png", "@WORK/out.png", "--json"])
    expectRejected(r, flag: flag)
  }

  /// `--flag --` (the end-of-options marker as a value): exit 2. The message may be about the
  /// words after `--` rather than the flag (ArgumentParser's wording), so only the code is checked.
  @Test(arguments: flagsAndValues.map(\.flag))
  func trainRejectsEndOfOptionsAsValue(flag: String) throws {
    let r = try hostileRun(["train", flag, "--", "--epochs", "2", "--png", "@WORK/out.png", "--json"])
    #expect(!r.timedOut && !r.crashed && r.status == 2, "\(r.summary)")
    #expect(r.written.isEmpty && r.stdout.isEmpty, "\(r.summary)")
  }

  /// `--flag=value` reaches the value even when it starts with a dash.
  @Test(arguments: flagsAndValues.map(\.flag))
  func trainRejectsNegativeWithEquals(flag: String) throws {
    let r = try hostileRun(["train", "\(flag)=-7", "--epochs", "2", "--png", "@WORK/out.png"])
    expectRejected(r, flag: flag)
  }

  /// `--noise -1` reports the range, not "missing value" (numeric flags parse unconditionally).
  @Test(arguments: ["--noise", "--train-ratio", "--batch-size", "--learning-rate", "--regularization-rate"])
  func negativeNumbersReportTheRange(flag: String) throws {
    let r = try hostileRun(["train", flag, "-1", "--epochs", "2"])
    expectRejected(r, flag: flag)
    #expect(!r.stderr.contains("Missing value"), "\(r.summary)")
    #expect(r.stderr.contains("-1"), "\(r.summary)")
  }

  @Test func emptyHiddenLayersIsAnError() throws {
    for value in ["", "  "] {
      let r = try hostileRun(["train", "--hidden-layers", value, "--epochs", "2"])
      expectRejected(r, flag: "--hidden-layers")
      #expect(r.stderr.contains("none"), "the message points at `none`: \(r.summary)")
    }
  }

  @Test(arguments: [
    "-1", "-inf", "nan", "inf", "1e400", "10000001", "9223372036854775807", "999999999999999999999", "",
    "1.5", String(repeating: "9", count: 100_000),
  ])
  func trainRejectsHostileEpochs(value: String) throws {
    let r = try hostileRun(["train", "--epochs", value, "--png", "@WORK/out.png", "--json"])
    expectRejected(r, flag: "--epochs")
  }

  /// Output paths that cannot be written. The run trains first (progress on stdout), then fails
  /// with exit 2, and leaves no temporary file anywhere near the target.
  @Test(arguments: [
    "", "@WORK", "@WORK/missing/out.png", "/proc/version", "/dev/full/out.png",
    "@WORK/" + String(repeating: "p", count: 300) + ".png", "@WORK/" + String(repeating: "p", count: 100_000),
  ])
  func trainRejectsUnwritablePNG(path: String) throws {
    let r = try hostileRun(["train", "--epochs", "1", "--png", path, "--json"])
    expectRejected(r, flag: "--png", quiet: false)
  }

  @Test(arguments: [
    "", "@WORK/missing.csv", "@WORK", "/dev/null", "/dev/zero", "/dev/urandom", "/proc/self/mem",
    "@WORK/" + String(repeating: "c", count: 100_000),
  ])
  func trainRejectsCSVPathsThatAreNotFiles(path: String) throws {
    let r = try hostileRun(["train", "--csv", path, "--epochs", "2", "--json"], timeout: 30)
    expectRejected(r, flag: "--csv")
    #expect(!r.stderr.contains("NSCocoaErrorDomain"), "an unreadable message: \(r.summary)")
  }

  /// A file past the size limit is refused before it is read (a sparse file: no disk used).
  @Test func trainRejectsAnOversizedCSV() throws {
    let r = try hostileRun(["train", "--csv", "@WORK/huge.csv", "--epochs", "2"], timeout: 30) { work in
      let path = work.appendingPathComponent("huge.csv").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data("x,y,label\n".utf8)))
      #expect(truncate(path, 300 << 20) == 0)
    }
    expectRejected(r, flag: "--csv")
    #expect(r.stderr.contains("MB"), "\(r.summary)")
    #expect(r.seconds < 10, "\(r.summary)")
  }

  @Test func trainRejectsAFIFO() throws {
    let r = try hostileRun(["train", "--csv", "@WORK/fifo", "--epochs", "2"], timeout: 20) { work in
      #expect(mkfifo(work.appendingPathComponent("fifo").path, 0o600) == 0)
    }
    expectRejected(r, flag: "--csv")
  }

  // MARK: CSV files

  /// Malformed files: name, bytes, a fragment the message must contain (the file and the line).
  static let badCSVFiles: [(String, [UInt8], String)] = [
    ("empty.csv", [], "empty.csv: the file is empty"),
    ("header.csv", Array("x,y,label\n".utf8), "only a header"),
    ("bom.csv", [0xEF, 0xBB, 0xBF], "empty"),
    ("blank.csv", Array("\n\r\n  \n\t\n".utf8), "empty"),
    ("comments.csv", Array("# a\n# b\n".utf8), "empty"),
    ("nan.csv", Array("1,2,0\nnan,1,1\n".utf8), "nan.csv:2"),
    ("inf.csv", Array("1,2,0\n1,inf,1\n".utf8), "inf.csv:2"),
    ("minusinf.csv", Array("1,2,0\n1,-inf,1\n".utf8), "minusinf.csv:2"),
    ("overflow.csv", Array("1,2,0\n1e400,1,1\n".utf8), "overflow.csv:2"),
    ("label10.csv", Array("1,2,0\n1,1,10\n".utf8), "label10.csv:2"),
    ("labelneg.csv", Array("1,2,0\n1,1,-1\n".utf8), "labelneg.csv:2"),
    ("labelhalf.csv", Array("1,2,0\n1,1,0.5\n".utf8), "labelhalf.csv:2"),
    ("labelnan.csv", Array("1,2,0\n1,1,nan\n".utf8), "labelnan.csv:2"),
    ("twocols.csv", Array("1,2,0\n1,2\n".utf8), "twocols.csv:2"),
    ("fourcols.csv", Array("1,2,0\n1,2,0,4\n".utf8), "fourcols.csv:2"),
    ("emptyfields.csv", Array("1,2,0\n,,\n".utf8), "emptyfields.csv:2"),
    ("semicolons.csv", Array("x;y;label\n1;2;0\n".utf8), "semicolons.csv"),
    ("quoted.csv", Array("1,2,0\n\"1\",\"2\",\"0\"\n".utf8), "quoted.csv:2"),
    ("utf8.csv", Array("x,y,label\n1,2,0\n".utf8) + [0xFF, 0xFE] + Array(",1,1\n".utf8), "utf8.csv:3"),
    ("utf8header.csv", [0xC3, 0x28] + Array(",y,label\n1,2,0\n".utf8), "utf8header.csv:1"),
    ("surrogate.csv", Array("1,2,0\n".utf8) + [0xED, 0xA0, 0x80] + Array(",1,1\n".utf8), "surrogate.csv:2"),
    ("truncated.csv", Array("1,2,0\n1,2,".utf8) + [0xE2, 0x82], "truncated.csv:2"),
    ("nul.csv", Array("1,2,0\n1".utf8) + [0] + Array("junk,2,1\n".utf8), "nul.csv:2"),
    (
      "utf16.csv",
      [0xFF, 0xFE] + Array("x,y,label\n1,2,0\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
      "utf16.csv:1"
    ),
    ("binary.csv", (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }, "binary.csv"),
    (
      "longfield.csv", Array(("1,2," + String(repeating: "1", count: 100_000) + "\n").utf8), "longfield.csv:1"
    ),
    (
      "longline.csv", Array(("1,2,0" + String(repeating: " ", count: 100_000) + "x\n").utf8), "longline.csv:1"
    ),
    (
      "manycols.csv", Array((Array(repeating: "1", count: 50_000).joined(separator: ",") + "\n").utf8),
      "manycols.csv:1"
    ),
  ]

  /// Bad labels for classes only: any finite number is a regression target.
  static let classificationOnly: Set<String> = ["label10.csv", "labelneg.csv", "labelhalf.csv"]

  @Test(arguments: badCSVFiles.indices)
  func malformedCSVNamesFileAndLine(index: Int) throws {
    let (name, bytes, fragment) = Self.badCSVFiles[index]
    let problems: [[String]] =
      Self.classificationOnly.contains(name) ? [[]] : [[], ["--problem", "regression"]]
    for extra in problems {
      let r = try hostileRun(["train", "--csv", "@WORK/\(name)", "--epochs", "2", "--json"] + extra) { work in
        try Data(bytes).write(to: work.appendingPathComponent(name))
      }
      expectRejected(r, flag: "--csv")
      #expect(r.stderr.contains(fragment), "\(name): expected '\(fragment)' in: \(r.summary)")
    }
  }

  /// The window reads --csv through the same code: the same file gives the same exit code.
  @Test(arguments: ["nul.csv", "utf8.csv", "binary.csv", "label10.csv"])
  func windowRejectsMalformedCSV(name: String) throws {
    let bytes = try #require(Self.badCSVFiles.first { $0.0 == name }?.1)
    let r = try hostileRun(["--csv", "@WORK/\(name)", "--screenshot", "@WORK/shot.png"]) { work in
      try Data(bytes).write(to: work.appendingPathComponent(name))
    }
    expectRejected(r, flag: "--csv")
  }

  /// Odd but valid files train; points far out of range diverge with a visible reason.
  @Test func oddButValidCSVFiles() throws {
    let valid: [(String, String)] = [
      ("onepoint.csv", "1,2,0\n"), ("oneclass.csv", "1,2,0\n3,4,0\n5,6,0\n"),
      ("cr.csv", "x,y,label\r1,2,0\r3,4,1\r"),
      ("tiny.csv", "1e-320,0,0\n0,1e-320,1\n"),
      ("tenclasses.csv", (0..<100).map { "\($0),\($0),\($0 % 10)\n" }.joined()),
    ]
    for (name, text) in valid {
      let r = try hostileRun(["train", "--csv", "@WORK/\(name)", "--epochs", "3", "--json"]) { work in
        try text.write(to: work.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
      #expect(r.status == 0 && !r.crashed && !r.timedOut, "\(name): \(r.summary)")
      #expect(r.stdout.contains("\"dataset\":\"custom\""), "\(name): \(r.stdout.suffix(300))")
      #expect(r.written.isEmpty)
    }
    let far = try hostileRun(["train", "--csv", "@WORK/far.csv", "--epochs", "3", "--json"]) { work in
      try "1e300,1e300,0\n-1e300,-1e300,1\n1e308,-1e308,1\n".write(
        to: work.appendingPathComponent("far.csv"), atomically: true, encoding: .utf8)
    }
    #expect(far.status == 0 && !far.crashed, "\(far.summary)")
    #expect(
      far.stdout.contains("\"diverged\":true") && far.stdout.contains("\"divergence\""),
      "\(far.stdout.suffix(300))")
  }

  /// 50 MB of points: one bad row at the very end is found and named; the same file without it
  /// loads (2.4 million points) in well under the timeout. Both files are deleted afterwards.
  @Test func fiftyMegabyteCSV() throws {
    var text = "x,y,label\n"
    text.reserveCapacity(50_100_000)
    var generator = SystemRandomNumberGenerator()
    var rows = 0
    while text.utf8.count < 50_000_000 {
      let x = Double(Int.random(in: -600_000...600_000, using: &generator)) / 100_000
      let y = Double(Int.random(in: -600_000...600_000, using: &generator)) / 100_000
      text += "\(x),\(y),\(rows & 1)\n"
      rows += 1
    }
    let good = Data(text.utf8)
    let bad = good + Data("1,2,oops\n".utf8)
    let broken = try hostileRun(["train", "--csv", "@WORK/bad.csv", "--epochs", "1", "--json"], timeout: 120)
    { work in
      try bad.write(to: work.appendingPathComponent("bad.csv"))
    }
    expectRejected(broken, flag: "--csv")
    #expect(broken.stderr.contains("bad.csv:\(rows + 2)"), "\(broken.summary)")
    let loaded = try hostileRun(["train", "--csv", "@WORK/big.csv", "--epochs", "0", "--json"], timeout: 120)
    { work in
      try good.write(to: work.appendingPathComponent("big.csv"))
    }
    #expect(loaded.status == 0 && !loaded.crashed && !loaded.timedOut, "\(loaded.summary)")
    let result = try JSONSerialization.jsonObject(
      with: Data((loaded.stdout.split(separator: "\n").last ?? "").utf8))
    let object = try #require(result as? [String: Any])
    let points = (object["trainPoints"] as? Int ?? 0) + (object["testPoints"] as? Int ?? 0)
    #expect(points == rows, "\(rows) rows, \(points) points")
    print(
      "hostile: 50 MB CSV (\(rows) rows): bad row found in \(String(format: "%.1f", broken.seconds)) s, loaded in \(String(format: "%.1f", loaded.seconds)) s"
    )
  }

  // MARK: invalid UTF-8 in argument values

  static let rawCases: [([[UInt8]], String)] = [
    ([Array("train".utf8), Array("--features".utf8), Array("x1,".utf8) + [0xFF]], "--features"),
    ([Array("train".utf8), Array("--hidden-layers".utf8), Array("4,".utf8) + [0xC3]], "--hidden-layers"),
    ([Array("train".utf8), Array("--dataset".utf8), [0xED, 0xA0, 0x80]], "--dataset"),
    ([Array("train".utf8), Array("--learning-rate".utf8), [0x31, 0xFF]], "--learning-rate"),
    ([Array("train".utf8), Array("--noise".utf8), [0x35, 0x80]], "--noise"),
    ([Array("train".utf8), Array("--seed".utf8), [0xC0, 0xB1]], "--seed"),
    ([Array("train".utf8), Array("--activation".utf8), Array("relu".utf8) + [0xFE]], "--activation"),
    ([Array("train".utf8), Array("--epochs".utf8), [0x32, 0xF8]], "--epochs"),
    (
      [Array("train".utf8), Array("--csv".utf8), Array("@WORK/".utf8) + [0xFF] + Array(".csv".utf8)], "--csv"
    ),
    (
      [
        Array("--config".utf8), Array("dataset=".utf8) + [0xFF, 0xFE], Array("--screenshot".utf8),
        Array("@WORK/s.png".utf8),
      ], "--config"
    ),
    ([Array("--zoom".utf8), [0x31, 0xFF], Array("--screenshot".utf8), Array("@WORK/s.png".utf8)], "--zoom"),
    (
      [Array("--hidden-layers".utf8), [0xFF], Array("--screenshot".utf8), Array("@WORK/s.png".utf8)],
      "--hidden-layers"
    ),
  ]

  @Test(arguments: rawCases.indices)
  func invalidUTF8ArgumentsAreRejected(index: Int) throws {
    let (arguments, flag) = Self.rawCases[index]
    let r = try hostileRun(rawArguments: arguments)
    expectRejected(r, flag: flag)
  }

  // MARK: the window command

  @Test(arguments: [
    "nan", "-nan", "inf", "-inf", "0", "-0", "-1", "0.49", "3.01", "1e400", "1e-45", "", "0x1p2", "1,5",
    String(repeating: "1", count: 100_000), String(repeating: "z", count: 100_000),
  ])
  func windowRejectsHostileZoom(value: String) throws {
    let r = try hostileRun(["--zoom=\(value)", "--screenshot", "@WORK/shot.png"])
    expectRejected(r, flag: "--zoom")
  }

  @Test(arguments: ["-1", "nan", "inf", "1000001", "9223372036854775807", "999999999999999999999", "", "2.5"])
  func windowRejectsHostileEpochs(value: String) throws {
    let r = try hostileRun(["--epochs=\(value)", "--screenshot", "@WORK/shot.png"])
    expectRejected(r, flag: "--epochs")
  }

  @Test(arguments: [
    "", "@WORK", "@WORK/missing/shot.png", "/proc/version",
    "@WORK/" + String(repeating: "s", count: 300) + ".png",
    "@WORK/" + String(repeating: "s", count: 100_000),
  ])
  func windowRejectsUnwritableScreenshot(path: String) throws {
    let r = try hostileRun(["--screenshot", path, "--epochs", "1"])
    expectRejected(r, flag: "--screenshot")
  }

  /// The window takes the same config flags as train; spot-check the hostile ones there.
  @Test(arguments: [
    ("--hidden-layers", "100000"), ("--hidden-layers", "999999999999999999999"), ("--hidden-layers", ""),
    ("--learning-rate", "nan"), ("--learning-rate", "-inf"), ("--regularization-rate", "inf"),
    ("--noise", "-1"),
    ("--batch-size", "0"), ("--features", ""), ("--seed", "-1"),
    ("--dataset", String(repeating: "d", count: 100_000)),
  ])
  func windowRejectsHostileConfigFlags(flag: String, value: String) throws {
    let r = try hostileRun([flag, value, "--screenshot", "@WORK/shot.png"])
    expectRejected(r, flag: flag)
    let layout = try hostileRun([flag, value, "--layout-json"])
    expectRejected(layout, flag: flag)
  }

  /// Share strings (`--config`): every key with hostile values.
  @Test(arguments: [
    " ", "=", "a=b", "%00", "dataset=", "dataset=moons", "dataset=circle\u{1}", "problem=regression",
    "noise=-1", "noise=nan", "noise=51", "noise=", "noise=5&noise=", "trainRatio=1e2", "trainRatio=0",
    "seed=-1", "seed=18446744073709551616", "seed=nan", "features=", "features=,", "features=x1,x1",
    "features=x1,,x2", "features=x1,", "hiddenLayers=0", "hiddenLayers=100000",
    "hiddenLayers=999999999999999999999",
    "hiddenLayers=4,,2", "hiddenLayers=,", "hiddenLayers=4,", "hiddenLayers=-1",
    "hiddenLayers=" + Array(repeating: "1", count: 11).joined(separator: ","),
    "hiddenLayers=" + Array(repeating: "1", count: 50_000).joined(separator: ","),
    "activation=swish", "learningRate=nan", "learningRate=inf", "learningRate=-inf", "learningRate=1e400",
    "learningRate=0", "learningRate=11", "regularization=l3", "regularizationRate=nan",
    "regularizationRate=-1",
    "regularizationRate=inf", "batchSize=0", "batchSize=501", "batchSize=1e2", "init=random",
    "showTestData=yes",
    "discretize=1", String(repeating: "x", count: 100_000),
    "dataset=" + String(repeating: "a", count: 100_000),
    String(repeating: "&", count: 100_000) + "noise=99",
  ])
  func windowRejectsHostileConfigString(text: String) throws {
    let r = try hostileRun(["--config", text, "--screenshot", "@WORK/shot.png"])
    expectRejected(r, flag: "--config")
  }

  // MARK: known issues in code this suite does not own (each flips to a failure once fixed,
  // so the wrapper can be removed then)

  /// A config flag beside --config is refused, not silently ignored.
  @Test func configStringWithHostileFlag() throws {
    let r = try hostileRun([
      "--config", "dataset=xor", "--hidden-layers", "100000", "--screenshot", "@WORK/shot.png",
    ])
    #expect(r.status == 2 && r.written.isEmpty, "\(r.summary)")
    #expect(!r.crashed && !r.timedOut, "\(r.summary)")
  }

  /// A share string for the custom dataset is refused (exit 2) and the message names --config.
  @Test func customDatasetConfigNamesTheWrongFlag() throws {
    let r = try hostileRun(["--config", "dataset=custom", "--screenshot", "@WORK/shot.png"])
    #expect(r.status == 2 && r.written.isEmpty, "\(r.summary)")
    #expect(r.stderr.contains("--config"), "\(r.summary)")
  }

  /// --png is checked before training: a typo in the path must not cost the whole run.
  @Test func unwritablePNGIsFoundBeforeTraining() throws {
    let r = try hostileRun(["train", "--epochs", "20", "--png", "@WORK/missing/out.png", "--json"])
    expectRejected(r, flag: "--png", quiet: false)
    #expect(r.stdout.isEmpty, "progress lines before the error: \(r.stdout.prefix(120))")
  }
}
