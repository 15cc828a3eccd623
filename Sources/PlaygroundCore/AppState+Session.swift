import Datasets
import Engine
import SessionKit
import Training

extension AppState {
  /// The window's state for a saved session: its experiment, and its charts (or a fresh chart
  /// starting at the saved epoch when the file has none).
  public init(session: DenseSessionFile) throws(SessionError) {
    dense = try session.run()
  }

  /// Replaces everything with a saved session (the window's Open); on error nothing changes.
  mutating func restore(_ session: DenseSessionFile) throws(SessionError) {
    var next = try AppState(session: session)
    next.dense.revision = revision + 1
    self = next
  }
}

extension DenseSessionFile {
  /// The session of the window's state, charts included.
  public init(state: AppState) {
    self.init(run: state.dense)
  }
}
