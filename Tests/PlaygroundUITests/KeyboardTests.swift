import ImmediateUI
import PlaygroundCore
import PlaygroundUI
import Testing
import _TestSupport

@Suite struct KeyboardTests {
  @Test func keysMapToActions() throws {
    let h = try ViewHarness()
    #expect(h.keys([KeyPress(.space)]).actions == [.togglePlay])
    #expect(h.keys([KeyPress(.right)]).actions == [.step])
    #expect(h.keys([KeyPress(.character("r"))]).actions == [.reset])
    #expect(h.keys([KeyPress(.character("h"))]).actions == [.toggleHelp])
    #expect(h.keys([KeyPress(.character("/"), modifiers: .shift)]).actions == [.toggleHelp])
    #expect(h.keys([KeyPress(.escape)]).actions.isEmpty)
    reduce(&h.state, .toggleHelp)
    #expect(h.keys([KeyPress(.escape)]).actions == [.toggleHelp])
  }

  @Test func keysMapToCommands() throws {
    let h = try ViewHarness()
    #expect(h.keys([KeyPress(.function(12))]).commands == [.screenshot])
    #expect(h.keys([KeyPress(.character("s"), modifiers: .ctrl)]).commands == [.save])
    #expect(h.keys([KeyPress(.character("o"), modifiers: .ctrl)]).commands == [.open])
    #expect(h.keys([KeyPress(.character("q"), modifiers: .ctrl)]).commands == [.quit])
    let plainS = h.keys([KeyPress(.character("s"))])
    #expect(plainS.actions.isEmpty && plainS.commands.isEmpty)
  }

  @Test func helpOverlayIsModalAndClosesOnClick() throws {
    let h = try ViewHarness()
    reduce(&h.state, .toggleHelp)
    h.frame()
    #expect(h.texts.contains { $0.0 == "Ctrl+Q" })
    let result = h.click(h.layout.playButton.center)
    #expect(!result.actions.contains(.togglePlay))
    #expect(result.actions.contains(.toggleHelp))
  }

  /// Hovering a link shows its weight; clicking opens a box; typing edits it, keys stay text.
  @Test func editingAWeightByTyping() throws {
    let h = try ViewHarness()
    let from = try #require(h.layout.featureTile(.x1))
    let to = h.layout.hiddenLayers[0].tiles[0]
    // The link's curve passes through the midpoint of its ends.
    let mid = Point((from.maxX + 1 + to.minX - 1) / 2, (from.midY + to.midY) / 2)
    h.frame(UIInput(mouse: mid))
    #expect(
      h.lastList.commands.contains {
        if case .text(let s, _, _, _, _, _) = $0 { s.hasPrefix("Weight") } else { false }
      })
    _ = h.click(mid)
    #expect(h.ui.wantsTextInput)
    // Space types into the box instead of playing; select all the draft and replace it.
    let typing = h.frame(UIInput(mouse: mid, keys: [KeyPress(.space)], text: " "))
    #expect(!typing.actions.contains(.togglePlay))
    let clear = [KeyPress](repeating: KeyPress(.backspace), count: 12)
    h.frame(UIInput(mouse: mid, keys: [KeyPress(.end)] + clear))
    h.frame(UIInput(mouse: mid, text: "-1.5"))
    let commit = h.frame(UIInput(mouse: mid, keys: [KeyPress(.enter)]))
    #expect(commit.actions == [.setWeight(layer: 0, from: 0, to: 0, value: -1.5)])
    h.apply(commit.actions)
    #expect(h.state.experiment.network.weight(layer: 0, from: 0, to: 0) == -1.5)
    #expect(!h.ui.wantsTextInput)
  }

  @Test func editingABias() throws {
    let h = try ViewHarness()
    let tile = h.layout.hiddenLayers[1].tiles[1]
    let bias = Point(tile.minX - 8, tile.maxY - 5)
    _ = h.click(bias)
    #expect(h.ui.wantsTextInput)
    h.frame(
      UIInput(mouse: bias, keys: [KeyPress(.end)] + [KeyPress](repeating: KeyPress(.backspace), count: 12)))
    h.frame(UIInput(mouse: bias, text: "0.25"))
    #expect(
      h.frame(UIInput(mouse: bias, keys: [KeyPress(.enter)])).actions == [
        .setBias(layer: 1, neuron: 1, value: 0.25)
      ])
  }
}
