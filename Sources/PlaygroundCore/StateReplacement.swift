import Localization
import SessionKit

/// A whole `AppState` held for later, for `.replaceState` (a lesson keeps the state each step was
/// entered with, so Back can return to it through `reduce`).
///
/// Immutable; two snapshots are equal when they are the same capture (comparing whole states,
/// networks and data included, would cost more than the action it names).
public struct StateSnapshot: Sendable, Equatable {
  private final class Storage: Sendable {
    let state: AppState
    init(_ state: AppState) { self.state = state }
  }
  private let storage: Storage

  public init(_ state: AppState) { storage = Storage(state) }

  /// The state as it was captured.
  public var state: AppState { storage.state }

  public static func == (a: StateSnapshot, b: StateSnapshot) -> Bool { a.storage === b.storage }
}

extension SessionFile {
  /// The session file of the mode showing: a "cnn" session in CNN mode, else a 2-D one.
  public init(showing state: AppState) {
    if let cnn = state.showingCNN {
      self = .cnn(CNNSessionFile(state: cnn))
    } else {
      self = .dense2d(DenseSessionFile(state: state))
    }
  }

  /// Checks the session as opening it would (`.restore` rebuilds only a session that checks).
  public func validate() throws(SessionError) {
    switch self {
    case .dense2d(let s): try s.validate()
    case .cnn(let s): try s.validate()
    }
  }
}

/// `.restore`: the saved session replaces the state (see `AppState.restore`); on error the state
/// is kept and the banner says why.
func restoreSession(_ state: inout AppState, _ session: SessionFile) {
  do {
    switch session {
    case .dense2d(let s): try state.restore(s)
    case .cnn(let s): try state.restore(s)
    }
  } catch {
    state.banner = Banner(.error, tr("Could not open the session: {1}. Your work is unchanged.", verbatim(error.message)))
  }
}
