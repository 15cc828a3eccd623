import Foundation

/// How one run of a program ended.
public struct RunResult: Sendable {
  /// The exit code, or the signal's number when it crashed.
  public var status: Int32
  /// True when the process died from a signal (a crash) rather than exiting.
  public var crashed: Bool
  /// True when the timeout ran out and the process was killed.
  public var timedOut: Bool
  public var seconds: Double
  public var stdout: String
  /// Empty when `mergingOutput` sent stderr to `stdout`.
  public var stderr: String

  /// (status, stdout, stderr), to unpack in one line.
  public var parts: (status: Int32, stdout: String, stderr: String) { (status, stdout, stderr) }

  /// The last stdout line parsed as a JSON object.
  public var lastJSON: [String: Any]? {
    guard let line = stdout.split(separator: "\n").last,
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else { return nil }
    return object
  }
}

/// The `playground` binary: `$PLAYGROUND_BIN`, else the newest of `.build/release` and
/// `.build/debug`, else one beside the test bundle; nil when none is built.
public let playgroundBinaryPath: String? = {
  if let path = ProcessInfo.processInfo.environment["PLAYGROUND_BIN"] { return path }
  // Tests/_TestSupport/PlaygroundProcess.swift → the package root.
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let built = ["release", "debug"].map { root.appendingPathComponent(".build/\($0)/playground").path }
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  let beside = [
    bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent(),
  ]
  .map { $0.appendingPathComponent("playground").path }
  func modified(_ path: String) -> Date {
    (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
  }
  let existing = built.filter { FileManager.default.isExecutableFile(atPath: $0) }
  if let newest = existing.max(by: { modified($0) < modified($1) }) { return newest }
  return beside.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// The `playground` binary; throws "no such file" when it is not built.
public func playgroundBinary() throws -> URL {
  guard let path = playgroundBinaryPath else {
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: ".build/release/playground"])
  }
  return URL(fileURLWithPath: path)
}

/// Runs `playground` with `arguments` (see `runProcess`).
public func runPlayground(
  _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil, environment: [String: String?] = [:],
  timeout: Double? = nil
) throws -> RunResult {
  try runProcess(
    try playgroundBinary(), arguments, in: directory, stdin: stdin, environment: environment, timeout: timeout
  )
}

/// Runs `playground` with byte-exact arguments: when one is not UTF-8 they go through `/bin/sh`
/// and `printf` with octal escapes, never through a Swift `String` (which would replace the bad
/// bytes with U+FFFD).
public func runPlayground(
  bytes arguments: [[UInt8]], in directory: URL? = nil, stdin: Data? = nil,
  environment: [String: String?] = [:],
  timeout: Double? = nil
) throws -> RunResult {
  let plain = arguments.compactMap { String(validating: $0, as: UTF8.self) }
  if plain.count == arguments.count {  // no escaping needed (and 100 KB values stay 100 KB)
    return try runPlayground(plain, in: directory, stdin: stdin, environment: environment, timeout: timeout)
  }
  let words = arguments.map { raw in
    "\"$(printf '" + raw.map { "\\" + String($0, radix: 8) }.joined() + "')\""
  }
  return try runProcess(
    URL(fileURLWithPath: "/bin/sh"),
    ["-c", "exec \"$0\" " + words.joined(separator: " "), try playgroundBinary().path],
    in: directory, stdin: stdin, environment: environment, timeout: timeout)
}

/// Runs `python3` (through `/usr/bin/env`) with `arguments`.
public func runPython(_ arguments: [String], mergingOutput: Bool = false) throws -> RunResult {
  try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, mergingOutput: mergingOutput)
}

/// Runs a program and waits for it. Output goes to files, not pipes, so a 100 KB message cannot
/// fill a pipe and deadlock the test. `stdin` is the input (none: an empty one); `environment`
/// changes the inherited one (a nil value removes the variable); after `timeout` seconds the
/// process is terminated, and killed a second later; `mergingOutput` writes stderr into `stdout`.
public func runProcess(
  _ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
  environment: [String: String?] = [:], timeout: Double? = nil, mergingOutput: Bool = false
) throws -> RunResult {
  let logs = FileManager.default.temporaryDirectory.appendingPathComponent(
    "playground-run-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: logs) }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  if !environment.isEmpty {
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
  }
  func file(_ name: String, _ contents: Data? = nil) throws -> (URL, FileHandle) {
    let url = logs.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: contents)
    return (url, try FileHandle(forUpdating: url))
  }
  let (outURL, out) = try file("stdout")
  let (errURL, err) = try file("stderr")
  let (_, input) = try file("stdin", stdin ?? Data())
  defer {
    try? out.close()
    try? err.close()
    try? input.close()
  }
  process.standardOutput = out
  process.standardError = mergingOutput ? out : err
  process.standardInput = input
  let start = Date()
  try process.run()
  var timedOut = false
  if let timeout {
    while process.isRunning {
      if Date().timeIntervalSince(start) > timeout {
        timedOut = true
        process.terminate()
        Thread.sleep(forTimeInterval: 1)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        break
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
  }
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
    timedOut: timedOut, seconds: Date().timeIntervalSince(start),
    stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// `bytes` with every `marker` replaced, byte-wise (for arguments that are not UTF-8).
public func replacing(_ marker: String, with replacement: String, in bytes: [UInt8]) -> [UInt8] {
  let marker = Array(marker.utf8)
  var out: [UInt8] = []
  var i = 0
  while i < bytes.count {
    if bytes[i...].starts(with: marker) {
      out += Array(replacement.utf8)
      i += marker.count
    } else {
      out.append(bytes[i])
      i += 1
    }
  }
  return out
}
