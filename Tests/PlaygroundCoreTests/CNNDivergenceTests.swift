import Datasets
import Engine
import ImmediateUI
import Testing

@testable import PlaygroundCore
@testable import Training
import Visualization

/// Divergence in the CNN mode, through the reducer as the window drives it: a learning rate of 10,
/// a network that overflows while the class pictures grow, hostile CAM settings, and pictures of
/// NaN pixels. Nothing may trap, no NaN reaches a picture, a banner says what happened, and
/// Reset recovers.
@Suite struct CNNDivergenceTests {
  static func cnnState() throws -> AppState {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    return state
  }

  /// Every conv filter weight of `experiment` multiplied by `factor` (finite weights whose
  /// products can overflow).
  static func scaleFilters(_ experiment: inout CNNExperiment, by factor: Float) {
    let shape = experiment.network.shape
    var inputs = 1
    for (stage, conv) in shape.convs.enumerated() {
      for output in 0..<conv.filters {
        for input in 0..<inputs {
          let w = experiment.network.filter(stage: stage, output: output, input: input)
          for ky in 0..<conv.kernel {
            for kx in 0..<conv.kernel {
              experiment.setFilterWeight(
                stage: stage, output: output, input: input, ky: ky, kx: kx,
                value: w[ky * conv.kernel + kx] * factor)
            }
          }
        }
      }
      inputs = conv.filters
    }
  }

  static func allFinite(_ values: [Float]) -> Bool { values.allSatisfy(\.isFinite) }

  /// The learner sets the largest learning rate and presses Play: whatever the network does (a
  /// CNN's ReLUs usually die rather than overflow), it is reported with a banner and a pause, the
  /// state stays drawable, and Reset with a sane rate learns again.
  @Test func learningRateTenThenResetRecovers() throws {
    var state = try Self.cnnState()
    reduce(&state, .setLearningRate(10))
    #expect(state.cnn?.config.learningRate == 10)
    reduce(&state, .play)
    reduce(&state, .train(epochs: 3))
    var cnn = try #require(state.cnn)
    // Overflowing or collapsed (every unit dead: one answer for every image), it is a divergence.
    #expect(cnn.experiment.divergence != nil, "loss \(cnn.evaluation.train.loss)")
    #expect(!cnn.isPlaying && !state.isPlaying, "a diverged session pauses")
    #expect(state.banner?.kind == .warning && state.banner?.text.contains("Reset") == true)
    #expect(state.banner?.text.contains("diverged") == true)
    for _ in 0..<30 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    cnn = try #require(state.cnn)
    for cam in cnn.cams {
      #expect(Self.allFinite(cam.image), "a class picture has a NaN pixel")
    }
    reduce(&state, .pause)
    reduce(&state, .reset)
    reduce(&state, .setLearningRate(0.03))
    #expect(state.cnn?.experiment.divergence == nil && state.cnn?.experiment.epoch == 0)
    reduce(&state, .train(epochs: 2))
    cnn = try #require(state.cnn)
    #expect(cnn.experiment.divergence == nil)
    #expect(cnn.evaluation.test.accuracy > 0.5, "learns again after Reset: \(cnn.evaluation.test.accuracy)")
  }

  /// A learning rate far too small is not a divergence, though the network hardly moves; nor is a
  /// normal run.
  @Test func slowOrNormalLearningIsNotACollapse() throws {
    for rate in [0.00001, 0.03] {
      var state = try Self.cnnState()
      reduce(&state, .setLearningRate(rate))
      reduce(&state, .train(epochs: 3))
      #expect(state.cnn?.experiment.divergence == nil, "learning rate \(rate)")
    }
  }

  /// Class pictures growing from a network that overflows (finite weights, NaN scores: a loaded
  /// or hand-edited network; a trained one that overflows on its own images is caught by the
  /// divergence check before any picture starts): the pictures stop at their last finite image,
  /// a banner says why (once), and Reset starts pictures that run to their step cap.
  @Test func classPicturesOfAnOverflowingNetworkStopWithABanner() throws {
    var state = try Self.cnnState()
    var cnn = try #require(state.cnn)
    var overflowing = cnn.experiment
    Self.scaleFilters(&overflowing, by: 1e20)
    #expect(overflowing.network.isFinite)
    var probe = overflowing
    #expect(!probe.measure().test.loss.isFinite, "the scores overflow")
    var settings = cnn.camSettings
    settings.start = .gray  // from black, only the (unscaled) biases reach the second layer
    cnn.camSettings = settings
    cnn.cams = (0..<cnn.experiment.classCount).map {
      CAMAscent(network: overflowing.network, targetClass: $0, settings: settings)
    }
    state.cnn = cnn
    for _ in 0..<10 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    cnn = try #require(state.cnn)
    #expect(cnn.cams.allSatisfy { $0.stop == .diverged }, "\(cnn.cams.map(\.stop))")
    for cam in cnn.cams {
      #expect(Self.allFinite(cam.image), "a NaN pixel")
      let picture = CNNPictures.grayscale(
        cam.image, width: ShapeImages.size, height: ShapeImages.size, scale: 1)
      #expect(picture.pixels.count == ShapeImages.size * ShapeImages.size)
    }
    let banner = state.banner
    #expect(banner?.kind == .warning, "no warning banner for the stopped pictures")
    #expect(
      banner?.text.contains("NaN") == true && banner?.text.contains("Reset") == true, "\(banner?.text ?? "")")
    // Said once: dismissed, it does not come back while nothing new stops.
    reduce(&state, .dismissBanner)
    for _ in 0..<5 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    #expect(state.banner == nil, "the banner came back: \(state.banner?.text ?? "")")
    reduce(&state, .reset)
    for _ in 0..<60 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    cnn = try #require(state.cnn)
    #expect(cnn.cams.count == cnn.experiment.classCount)
    #expect(cnn.cams.allSatisfy { $0.stop == .stepCap }, "\(cnn.cams.map(\.stop))")
    #expect(state.banner == nil)
  }

  /// CAM settings a learner cannot pick from the menus but a message could carry: refused with
  /// an error banner, the running pictures untouched.
  @Test(arguments: [Float.nan, .infinity, -.infinity, 1e30, 10.5, 0, -0.05])
  func hostileStepSizeIsRefused(stepSize: Float) throws {
    var state = try Self.cnnState()
    let before = try #require(state.cnn).camSettings
    var settings = before
    settings.stepSize = stepSize
    reduce(&state, .cnn(.setCAMSettings(settings)))
    #expect(state.banner?.kind == .error, "step size \(stepSize)")
    #expect(state.cnn?.camSettings == before)
    reduce(&state, .cnn(.advanceCAM(steps: 10)))
    #expect(state.cnn?.cams.allSatisfy { Self.allFinite($0.image) } == true)
  }

  /// The largest step size the menu offers runs to the cap with finite pictures.
  @Test func largestMenuStepSizeRuns() throws {
    var state = try Self.cnnState()
    reduce(&state, .train(epochs: 1))
    var settings = try #require(state.cnn).camSettings
    settings.stepSize = 10
    settings.l2Decay = 0
    settings.maxSteps = 100
    reduce(&state, .cnn(.setCAMSettings(settings)))
    #expect(state.banner == nil)
    for _ in 0..<30 { reduce(&state, .cnn(.advanceCAM(steps: 4))) }
    let cnn = try #require(state.cnn)
    #expect(cnn.cams.allSatisfy { $0.stop == .stepCap && Self.allFinite($0.image) })
  }

  /// NaN and infinite pixels draw black instead of trapping in the UInt8 conversion.
  @Test(arguments: [true, false])
  func picturesOfNaNPixelsDoNotTrap(autoContrast: Bool) {
    let pixels: [Float] = [0, .nan, 1, 0.5, .infinity, -.infinity, 0.25, .nan, 0.75]
    let raster = CNNPictures.grayscale(pixels, width: 3, height: 3, scale: 2, autoContrast: autoContrast)
    #expect(raster.width == 6 && raster.height == 6)
    #expect(raster.pixels[2] == 0xFF00_0000, "NaN is black")
    #expect(raster.pixels[4] == 0xFFFF_FFFF, "1 is white")
    let allNaN = CNNPictures.grayscale([.nan, .nan, .nan, .nan], width: 2, height: 2, scale: 1)
    #expect(allNaN.pixels.allSatisfy { $0 == 0xFF00_0000 })
  }
}

private func pow10(_ n: Int) -> Double {
  var x = 1.0
  for _ in 0..<n { x *= 10 }
  return x
}
