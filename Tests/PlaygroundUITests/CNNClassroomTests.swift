import Datasets
import Training
import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Testing
import _TestSupport

/// The CNN mode in front of a class: pictures large enough, every confusion count shown, and
/// small windows fold panels into pages instead of squeezing them.
@Suite struct CNNClassroomTests {
  @Test func classPicturesAreAtLeast112PixelsAt1280x800AndAClickEnlargesOne() throws {
    let h = try CNNModeTests.cnnHarness()
    h.apply([.cnn(.showPage(.classPictures))])
    h.frame()
    let cells = CNNModeTests.layout(h).camCells
    #expect(cells.count == h.state.cnn?.experiment.classCount)
    #expect(cells.allSatisfy { $0.image.width >= 112 }, "\(cells.map(\.image.width))")
    // A click on a picture shows it large beside its template; a second click goes back.
    _ = h.click(cells[1].image.center)
    h.frame()
    let grid = CNNModeTests.layout(h).camGrid
    let big = h.lastList.commands.compactMap { command -> Rect? in
      if case .image(_, let r, _, _) = command, r.width > 200, grid.contains(r.center) { return r }
      return nil
    }
    #expect(big.count == 2, "the picture and its template, large")
    #expect(h.image(in: cells[1].image) == nil, "the grid is covered")
    _ = h.click(big[0].center)
    h.frame()
    #expect(h.image(in: cells[1].image) != nil, "the grid is back")
  }

  @Test func twelveClassPicturesShowOnAProjectorAtZoomOnePointFive() throws {
    // 1280×800 at zoom 1.5 is 853×533 logical: no room for the words, the pictures still show.
    let h = try ViewHarness(size: Size(1280 / 1.5, 800 / 1.5))
    h.apply([.setMode(.cnn)])
    var all = CNNConfig()
    all.shapes = ShapeKind.allCases
    h.apply([.configureCNN(all), .cnn(.showPage(.classPictures))])
    h.frame()
    let cells = CNNModeTests.layout(h).camCells
    #expect(cells.count == 12)
    #expect(cells.allSatisfy { $0.image.width >= 48 && $0.template.width >= 24 }, "\(cells.map(\.image.width))")
    for (a, b) in zip(cells, cells.dropFirst()) { #expect(!a.image.intersects(b.image) && !a.template.intersects(b.image)) }
  }

  @Test func everyConfusionCellShowsItsCountZerosToo() throws {
    let h = try CNNModeTests.cnnHarness()
    h.apply([.trainSlice(units: 3)])
    h.frame()
    let confusion = try #require(h.state.cnn?.evaluation.test.confusion)
    let k = confusion.count
    let numbers = h.texts.filter { Int($0.0) != nil && $0.1 >= 15 }.map(\.0)
    let zeros = confusion.flatMap { $0 }.filter { $0 == 0 }.count
    #expect(zeros > 0, "an untrained net leaves empty cells")
    #expect(numbers.filter { $0 == "0" }.count >= zeros)
    #expect(numbers.count >= k * k)
  }

  @Test func aSmallWindowFoldsTheLayersIntoAPage() throws {
    let h = try CNNModeTests.cnnHarness()
    h.size = Size(853, 533)
    h.frame()
    var l = CNNModeTests.layout(h)
    #expect(l.networkPanel.width == 0 && l.layersTab.width > 0)
    let tab = h.click(l.layersTab.center)
    #expect(CNNModeTests.clicked(tab) == [.cnn(.showPage(.layers))])
    h.apply(tab.actions)
    h.frame()
    l = CNNModeTests.layout(h)
    #expect(l.networkPanel.width > 300)
    #expect(l.layers.first?.filterTiles.isEmpty == false)
    #expect(l.networkPanel.minX >= l.resultsPanel.minX && l.networkPanel.maxX <= l.resultsPanel.maxX)
  }
}
