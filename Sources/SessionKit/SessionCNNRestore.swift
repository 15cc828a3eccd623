import Datasets
import Engine
import Localization
import Training

extension CNNExperiment {
  /// Rebuilds a CNN experiment exactly as it was saved: the same images in the same order, the
  /// same parameters, epoch, next training image and divergence.
  ///
  /// Reset draws its initial weights from the generator as it stood after the split; that is
  /// replayed from the seed (the generated images, then the split of them plus the imported
  /// images), as `init(config:drawings:imported:)` does.
  public init(restoring s: CNNSessionFile) throws(SessionError) {
    try s.validate()
    self.init(
      saved: s.config, imported: s.importedClasses, drawings: s.drawings, train: s.train, test: s.test,
      shape: s.shape, parameters: s.parameters, cursor: s.cursor, divergence: s.divergence)
    if !restoreLearning(s.learning) {
      throw SessionError(tr("cnn.training.learning does not fit the network (buffer lengths or generator state)"))
    }
  }

}
