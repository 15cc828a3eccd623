import Datasets
import Engine
import Foundation
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import SessionKit
import Testing
import Training
import _TestSupport

/// The CNN mode with a class imported from PNGs: named by its own name, drawn with its mean image.
@Suite struct CNNImportedClassTests {
  /// Twelve 28×28 images of a diagonal bar, shifted a little each time.
  static let bars = ImageClass(
    name: "smiley",
    images: (0..<12).map { n in
      (0..<(28 * 28)).map { i in abs(i % 28 - i / 28 + n % 4) < 3 ? 0.9 : 0 }
    })

  static func harness(size: Size = Size(1280, 800), classes: [ImageClass] = [bars]) throws -> ViewHarness {
    let h = try ViewHarness(size: size)
    h.apply([.setMode(.cnn), .cnn(.importClasses(classes))])
    h.frame()
    return h
  }

  static func layout(_ h: ViewHarness) -> CNNLayout { h.view.cnnLayout(for: h.size, state: h.state) }

  static func showPage(_ page: Int, _ h: ViewHarness) {
    h.apply(h.click(CNNModeTests.segment(page, of: 2, in: layout(h).pageSwitch)).actions)
    h.frame()
  }

  @Test func theImportedClassIsNamedAndCountedEverywhere() throws {
    let h = try Self.harness()
    let cnn = try #require(h.state.cnn)
    let k = ShapeKind.defaultClasses.count
    #expect(cnn.experiment.classCount == k + 1 && cnn.experiment.className(k) == "smiley")
    #expect(cnn.evaluation.test.confusion.count == k + 1)
    let l = Self.layout(h)
    #expect(l.importedRows.count == 1 && l.probabilityRows.count == k + 1)
    // Its row under the shape tiles and its probability row name it.
    #expect(h.texts.filter { $0.0 == "smiley" }.count >= 2, "\(h.texts.map(\.0))")
    // Confusion headers: one icon per class down the left edge (the imported one its mean image).
    let headers = h.lastList.commands.filter {
      if case .image(_, let r, _, _) = $0 { return r.minX == l.confusion.x && r.minY > l.confusion.minY }
      return false
    }
    #expect(headers.count == k + 1)
    let icon = try #require(h.image(in: l.importedRows[0].splitLeft(l.importedRows[0].height).left))
    #expect(icon.raster.pixels.contains { $0 != 0xFF00_0000 }, "the mean image is not blank")
    // Imported classes take no click: they are always trained.
    #expect(CNNModeTests.clicked(h.click(l.importedRows[0].center)).isEmpty)
  }

  @Test func classPicturesShowTheMeanImageAndNoSimilarity() throws {
    let h = try Self.harness()
    h.apply([.train(epochs: 1), .pause])
    Self.showPage(1, h)
    let l = Self.layout(h)
    let k = ShapeKind.defaultClasses.count
    #expect(l.camCells.count == k + 1 && h.state.cnn?.cams.count == k + 1)
    for _ in 0..<3 { h.apply(h.frame().actions) }
    h.frame()
    #expect(h.image(in: l.camCells[k].image) != nil && h.image(in: l.camCells[k].template) != nil)
    // Five classes take two columns: each cell shows only |r|, a dash for the imported class.
    #expect(h.texts.contains { $0.0 == "–" || $0.0 == "|r| –" }, "\(h.texts.map(\.0))")
  }

  @Test func drawingsJoinAnImportedClassAndSurviveClassChanges() throws {
    let h = try Self.harness()
    let k = ShapeKind.defaultClasses.count
    h.apply([.cnn(.setDrawing(Self.bars.images[0])), .cnn(.addDrawingToClass(k))])
    #expect(h.state.cnn?.experiment.drawings.map(\.label) == [k])
    // Adding a shape rebuilds the session: the imported class and its drawing follow it.
    h.apply([.cnn(.toggleClass(.star))])
    let cnn = try #require(h.state.cnn)
    #expect(cnn.experiment.imported == [Self.bars] && cnn.experiment.classCount == k + 2)
    #expect(cnn.experiment.drawings.map(\.label) == [k + 1] && cnn.experiment.className(k + 1) == "smiley")
    h.apply([.cnn(.toggleClass(.circle))])
    #expect(h.state.cnn?.experiment.drawings.map(\.label) == [k])
    h.frame()
    #expect(h.texts.contains { $0.0 == "smiley" })
    // A lesson-style whole config keeps them too.
    var config = try #require(h.state.cnn?.config)
    config.convLayers = [4]
    h.apply([.configureCNN(config)])
    #expect(h.state.cnn?.experiment.imported.count == 1 && h.state.cnn?.experiment.drawings.map(\.label) == [k])
  }

  /// The window's Ctrl+S writes the imported class into the file and Ctrl+O shows it again.
  @Test func saveAndOpenRoundTripTheImportedClass() throws {
    let h = try Self.harness()
    h.apply([.train(epochs: 1)])
    let name = "imported-\(UInt64.random(in: 0...UInt64.max)).json"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try SessionFile.write(.cnn(CNNSessionFile(state: try #require(h.state.cnn))), to: path)
    guard case .cnn(let session) = try SessionFile.read(path) else {
      Issue.record("not a CNN session")
      return
    }
    var opened = try AppState(config: PlaygroundConfig())
    try SessionFile.cnn(session).validate()
    reduce(&opened, .restore(.cnn(session)))
    #expect(opened.mode == .cnn && opened.cnn?.experiment.imported == [Self.bars])
    #expect(opened.cnn?.experiment.network.checksum == h.state.cnn?.experiment.network.checksum)
    h.state = opened
    h.frame()
    #expect(h.texts.contains { $0.0 == "smiley" })
  }

  @Test(arguments: [Size(1280, 800), Size(640, 480)]) func everyPageDrawsAtEverySize(size: Size) throws {
    // The most classes a session can have: every shape and four imported classes.
    let classes = (0..<4).map { ImageClass(name: "mine_\($0)", images: Self.bars.images) }
    let h = try Self.harness(size: size, classes: classes)
    h.apply(ShapeKind.allCases.filter { !ShapeKind.defaultClasses.contains($0) }.map { .cnn(.toggleClass($0)) })
    h.apply([.train(epochs: 1)])
    #expect(h.state.cnn?.experiment.classCount == ShapeKind.allCases.count + 4)
    for page in 0..<2 {
      Self.showPage(page, h)
      #expect(h.texts.allSatisfy { $0.1 >= 15 })
      let l = Self.layout(h)
      #expect(l.importedRows.count == 4)
      if size == Size(1280, 800) {
        // The list fits between the shape tiles and the conv-layer buttons.
        let last = try #require(l.importedRows.last)
        let tiles = l.classTiles.map(\.rect.maxY).max() ?? 0
        #expect(l.importedHeading.minY >= tiles && last.maxY < l.removeLayerButton.minY - 20)
        #expect(l.probabilityRows.allSatisfy { $0.maxY <= l.imagePanel.maxY })
        #expect(l.camCells.allSatisfy { $0.template.maxY <= l.resultsPanel.maxY })
        #expect(h.texts.contains { $0.0 == "mine_3" })
      }
    }
  }
}
