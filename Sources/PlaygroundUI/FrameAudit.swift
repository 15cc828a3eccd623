import ImmediateUI
import Localization
import PlaygroundCore

extension PlaygroundView {
  /// Builds one frame of `state` in a window of `size` logical pixels with `measurer` (the real
  /// font, as painted at the window's zoom) and audits it: text shortened, clipped, covered or
  /// dropped, and controls or text on top of each other (`LayoutReport`). The mouse is away.
  public func auditedFrame(_ state: AppState, size: Size, measurer: any TextMeasurer) -> LayoutReport {
    drawnFrame(state, size: size, measurer: measurer).report
  }

  /// `auditedFrame`'s audit with the frame's draw list (main layer, then the overlay).
  public func drawnFrame(_ state: AppState, size: Size, measurer: any TextMeasurer) -> (list: DrawList, report: LayoutReport) {
    let ui = UIContext(theme: .light, measurer: measurer)
    var input = UIInput()
    input.windowSize = size
    input.mouse = Point(-100, -100)
    ui.begin(input)
    _ = frame(state, ui)
    let list = ui.end()
    var report = ui.report
    report.audit(
      list, window: Rect(x: 0, y: 0, width: size.width, height: size.height), measurer: measurer,
      overlayFrom: ui.overlayStart)
    return (list, report)
  }
}
