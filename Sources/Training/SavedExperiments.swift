import Datasets
import Engine

extension Experiment {
  /// An experiment exactly as it was saved (a session file, checked by its reader): the data in
  /// its order, the parameters, the epoch and divergence.
  ///
  /// Reset draws its initial weights from the generator as it stood after the split; that is
  /// replayed from the seed with the data generator and the split of the generated points plus
  /// the own points, as `init(config:customPoints:)` does.
  package init(
    saved config: PlaygroundConfig, customPoints: [DataPoint], train: [DataPoint], test: [DataPoint],
    shape: NetworkShape, weights: [Float], biases: [Float], frozenWeights: [Int], epoch: Int, divergence: String?
  ) {
    var rng = SeededGenerator(seed: config.seed)
    let generated = DatasetGenerator.generate(config.dataset, noise: config.noise, rng: &rng)
    _ = splitTrainTest(generated + customPoints, trainRatio: config.trainRatio, rng: &rng)
    initGenerator = rng
    self.config = config
    self.customPoints = customPoints
    self.train = train
    self.test = test
    trainSamples = Experiment.samples(train, config.features)
    testSamples = Experiment.samples(test, config.features)
    var scratch = rng
    var network = Network(shape: shape, initialization: config.initialization, rng: &scratch)
    network.setParameters(weights: weights, biases: biases)
    network.setFrozenWeights(frozenWeights)
    self.network = network
    self.epoch = epoch
    self.divergence = divergence
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }
}

extension CNNExperiment {
  /// A CNN experiment exactly as it was saved: the same images in the same order, the same
  /// parameters, epoch, next training image and divergence.
  ///
  /// Reset draws its initial weights from the generator as it stood after the split; that is
  /// replayed from the seed (the generated images, then the split of them plus the imported
  /// images), as `init(config:drawings:imported:)` does.
  package init(
    saved config: CNNConfig, imported: [ImageClass], drawings: [LabeledImage], train: [LabeledImage],
    test: [LabeledImage], shape: CNNShape, parameters: [Float], cursor: CNNTrainingCursor, divergence: String?
  ) {
    var rng = SeededGenerator(seed: config.seed)
    let images = CNNExperiment.images(config, imported: imported, rng: &rng)
    _ = splitTrainTest(images, trainRatio: config.trainRatio, rng: &rng)
    initGenerator = rng
    self.config = config
    self.imported = imported
    self.drawings = drawings
    self.train = train
    self.test = test
    trainSamples = CNNExperiment.samples(train)
    testSamples = CNNExperiment.samples(test)
    var scratch = rng
    var network = CNN(shape: shape, rng: &scratch)
    network.setParameters(parameters)
    self.network = network
    self.cursor = cursor
    self.divergence = divergence
    dropoutGenerator = freshDropoutGenerator(seed: config.seed)
  }
}
