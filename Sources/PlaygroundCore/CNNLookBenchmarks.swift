import Datasets
import Engine
import Training

/// The figures of `playground bench` for looking inside a CNN: one FGSM attack, PCA and t-SNE of
/// 400 test images, and how recognisable the class pictures are on all twelve classes.
public enum CNNLookBenchmarks {
  /// Every shape class: the class-picture run of the issue (moderate variation, 20 epochs).
  public static var allClassesConfig: CNNConfig {
    var c = CNNConfig()
    c.shapes = ShapeKind.allCases
    return c
  }

  public static func figures() throws -> [CNNBenchmarks.Figure] {
    var experiment = try CNNBenchmarks.referenceExperiment()
    experiment.train(epochs: 5)
    let network = experiment.network
    let image = experiment.test[0].pixels
    var sink: Float = 0
    let fgsm = CNNBenchmarks.rate { calls in
      for _ in 0..<calls { sink += network.attack(image: image, settings: AttackSettings()).linfDistance }
      return calls
    }
    let dense = network.layerActivations(experiment.testSamples, layer: network.shape.denseLayer)
    let pca = CNNBenchmarks.rate { calls in
      for _ in 0..<calls { sink += Float(Embedding.pca(dense)[0]) }
      return calls
    }
    let tsneStart = Stopwatch.time { sink += Float(Embedding.tsne(dense)[0]) }
    let pictures = try camSimilarities()
    return [
      .init(metric: "fgsm_ms", value: 1000 / fgsm, label: "ms for one FGSM attack (reference CNN, one image)"),
      .init(
        metric: "embed_pca_ms", value: sink.isNaN ? 0 : 1000 / pca,
        label: "ms for PCA of \(dense.count) test images at the dense layer"),
      .init(metric: "tsne_ms", value: tsneStart * 1000, label: "ms for t-SNE of \(dense.count) points (exact, 500 iterations)"),
      .init(
        metric: "cam_similarity_mean", value: pictures.reduce(0, +) / Double(pictures.count),
        label: "mean |Pearson r| of the 12 class pictures to their templates (20 epochs, moderate)"),
      .init(metric: "cam_similarity_min", value: pictures.min() ?? 0, label: "the lowest of those 12"),
    ]
  }

  /// |Pearson r| of every class's picture (default settings) to its clean template, after 20 epochs
  /// on all twelve classes.
  public static func camSimilarities(epochs: Int = 20) throws -> [Double] {
    var experiment = try CNNExperiment(config: allClassesConfig)
    experiment.train(epochs: epochs)
    return experiment.config.shapes.enumerated().map { c, kind in
      Double(experiment.network.maximizeActivation(class: c).similarity(to: ShapeImages.template(kind)))
    }
  }
}
