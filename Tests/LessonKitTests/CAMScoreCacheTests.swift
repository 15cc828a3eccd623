import Datasets
import PlaygroundCore
import Testing

@testable import LessonKit
import Training

/// `camScore` readings are kept by the value that owns the cache (a lesson session), per network.
@Suite struct CAMScoreCacheTests {
  @Test func theCacheGivesTheAscentsScoreAndFollowsTheNetwork() throws {
    var experiment = try CNNExperiment(config: CNNConfig())
    let cache = CAMScoreCache()
    let first = cache.score(.circle, of: experiment, revision: 0)
    #expect(first == experiment.camScore(.circle))
    #expect(cache.score(.circle, of: experiment, revision: 0) == first, "kept for the same network")
    experiment.train(epochs: 1)
    let trained = cache.score(.circle, of: experiment, revision: 1)
    #expect(trained == experiment.camScore(.circle), "a new network is scored again")
  }
}
