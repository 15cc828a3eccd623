import Datasets
import ImmediateUI
import PlaygroundCore
import Testing
import Training

@testable import PlaygroundUI

/// The embedding page's scatter plot gets the room: on a short, wide page (a projector's window)
/// the layer row stays on top and the method, the separation and the legend sit beside the dots.
@Suite struct EmbeddingScatterTests {
  /// The embedding page's places at `width`×`height` window pixels shown at `zoom`.
  static func layout(_ state: AppState, width: Float, height: Float, zoom: Float) -> CNNInsideLayout {
    var s = state
    reduce(&s, .cnn(.showPage(.embedding)))
    let size = Size(width / zoom, height / zoom)
    let base = PlaygroundView().layout(for: size, state: s)
    return CNNLayout(size: size, state: s, cnn: s.cnn!, page: .embedding, base: base).inside
  }

  static func cnnState(classes: [ShapeKind]? = nil) throws -> AppState {
    var state = try AppState()
    reduce(&state, .setMode(.cnn))
    if let classes {
      var config = CNNConfig()
      config.shapes = classes
      reduce(&state, .configureCNN(config))
    }
    return state
  }

  @Test func aProjectorsPagePutsTheChoicesBesideALargerPlot() throws {
    let l = Self.layout(try Self.cnnState(), width: 1280, height: 800, zoom: 1.5)
    // Stacked, the plot was 153 px; beside the column it takes the height under the layer row.
    #expect(l.scatter.width >= 220 && l.scatter.width == l.scatter.height, "\(l.scatter)")
    #expect(l.projection.minX >= l.scatter.maxX && l.legend.minX >= l.scatter.maxX, "the column is right of the plot")
    #expect(l.embeddingLayer.maxY <= l.scatter.minY && l.embeddingLayer.width > l.scatter.width)
    #expect(l.legend.height >= 3 * 24, "room for rows of class names")
  }

  @Test func everySizeKeepsItsPiecesApartAndTheLargerPlot() throws {
    for state in [try Self.cnnState(), try Self.cnnState(classes: ShapeKind.allCases)] {
      for (w, h, z) in [(800, 600, 1), (1024, 640, 1), (1280, 800, 1), (1280, 800, 1.5), (1920, 1080, 2), (1920, 1080, 1)]
        as [(Float, Float, Float)]
      {
        let l = Self.layout(state, width: w, height: h, zoom: z)
        let pieces = [l.embeddingLayer, l.projection, l.separation, l.legend]
        #expect(l.scatter.width >= 150 && l.scatter.width == l.scatter.height, "\(w)x\(h)@\(z): \(l.scatter)")
        #expect(!pieces.contains { $0.intersects(l.scatter) }, "\(w)x\(h)@\(z): nothing on the plot")
        // 800x600 has no room for a column (the plot would shrink): it stays stacked.
        if w == 800 { #expect(l.legend.minY > l.scatter.maxY, "800x600: the legend under the plot") }
      }
    }
  }
}
