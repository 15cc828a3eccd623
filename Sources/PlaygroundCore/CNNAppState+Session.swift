import Datasets
import Engine
import SessionKit
import Training

extension CNNAppState {
  /// The CNN mode's state for a saved session: its experiment, its charts (or a fresh chart at the
  /// saved epoch when the file has none) and its drawing.
  public init(session: CNNSessionFile) throws(SessionError) {
    self.init(run: try session.run())
    drawing = session.drawing
  }
}

extension AppState {
  /// The window's state for a saved CNN session: the CNN mode showing it, the 2-D playground at
  /// its defaults behind it.
  public init(cnnSession session: CNNSessionFile) throws(SessionError) {
    let cnn = try AppState.windowCNN(session)
    do {
      try self.init()
    } catch {
      throw SessionError("cannot start the 2-D playground: \(error.message)")
    }
    self.cnn = cnn
    mode = .cnn
    dense.revision += 1
  }

  /// Replaces the CNN mode with a saved session and shows it (the window's Open); the 2-D
  /// playground is kept. On error nothing changes.
  mutating func restore(_ session: CNNSessionFile) throws(SessionError) {
    var next = try AppState.windowCNN(session)
    next.run.revision = (cnn?.revision ?? 0) + 1
    next.camRevision = next.revision
    // The page is a view choice, not part of the file: the window keeps showing it.
    next.page = cnn?.page ?? .results
    next.inside = cnn?.inside ?? CNNInsideState()
    dense.isPlaying = false
    cnn = next
    mode = .cnn
    dense.revision += 1
  }

  /// The CNN mode for a saved session (imported classes included: the panels name every class).
  static func windowCNN(_ session: CNNSessionFile) throws(SessionError) -> CNNAppState {
    try CNNAppState(session: session)
  }
}

extension CNNSessionFile {
  /// The session of the window's CNN mode, charts and drawing included.
  public init(state: CNNAppState) {
    self.init(run: state.run, drawing: state.drawing)
  }
}
