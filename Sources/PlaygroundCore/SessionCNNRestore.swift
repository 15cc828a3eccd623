import Datasets
import Engine

extension CNNExperiment {
  /// Rebuilds a CNN experiment exactly as it was saved: the same images in the same order, the
  /// same parameters, epoch, next training image and divergence.
  ///
  /// Reset draws its initial weights from the generator as it stood after the split; that is
  /// replayed from the seed (the generated images, then the split of them plus the imported
  /// images), as `init(config:drawings:imported:)` does.
  public init(restoring s: CNNSession) throws(SessionError) {
    try s.validate()
    var rng = SeededGenerator(seed: s.config.seed)
    let images = CNNExperiment.images(s.config, imported: s.importedClasses, rng: &rng)
    _ = splitTrainTest(images, trainRatio: s.config.trainRatio, rng: &rng)
    initGenerator = rng
    config = s.config
    imported = s.importedClasses
    drawings = s.drawings
    train = s.train
    test = s.test
    trainSamples = CNNExperiment.samples(s.train)
    testSamples = CNNExperiment.samples(s.test)
    var scratch = rng
    var network = CNN(shape: s.shape, rng: &scratch)
    network.setParameters(s.parameters)
    self.network = network
    cursor = s.cursor
    divergence = s.divergence
  }
}

extension CNNAppState {
  /// The CNN mode's state for a saved session: its experiment, its charts (or a fresh chart at the
  /// saved epoch when the file has none) and its drawing.
  public init(session: CNNSession) throws(SessionError) {
    self.init(
      experiment: try CNNExperiment(restoring: session), speed: session.speed, history: session.history)
    drawing = session.drawing
  }
}

extension AppState {
  /// The window's state for a saved CNN session: the CNN mode showing it, the 2-D playground at
  /// its defaults behind it.
  public init(cnnSession session: CNNSession) throws(SessionError) {
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
  mutating func restore(_ session: CNNSession) throws(SessionError) {
    var next = try AppState.windowCNN(session)
    next.run.revision = (cnn?.revision ?? 0) + 1
    next.camRevision = next.revision
    // The page is a view choice, not part of the file: the window keeps showing it.
    next.page = cnn?.page ?? .results
    dense.isPlaying = false
    cnn = next
    mode = .cnn
    dense.revision += 1
  }

  /// The CNN mode for a saved session (imported classes included: the panels name every class).
  static func windowCNN(_ session: CNNSession) throws(SessionError) -> CNNAppState {
    try CNNAppState(session: session)
  }
}
