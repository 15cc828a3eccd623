import Foundation
import ImmediateUI
import Localization
import PlaygroundCore

/// F9: the window records itself (WindowRecording) into a GIF beside the session.
extension WindowApp {
  /// Starts a recording and says where it goes.
  func startRecording() {
    let now = FramePacer.now()
    let path = WindowRecording.path(
      sessionPath: sessionPath, folder: screenshotDirectory, stamp: Int(Date().timeIntervalSince1970 * 1000))
    let pixels = window.renderer.outputSize
    do {
      recording = try WindowRecording(path: path, width: pixels.width, height: pixels.height, now: now)
      reduce(&state, .showBanner(Banner(.info, tr("Recording the window to {1} (F9 stops)", path))))
      Playground.say("recording \(path)")
      fflush(nil)
    } catch {
      reduce(&state, .showBanner(Banner(.error, tr("Could not start recording: {1}", error))))
    }
  }

  /// Writes the recording in progress, if any, and says where.
  func stopRecording() {
    guard let recording else { return }
    self.recording = nil
    let banner = recording.finish(now: FramePacer.now())
    reduce(&state, .showBanner(banner))
    Playground.say(banner.kind == .info ? "recorded \(recording.path)" : banner.text)
    fflush(nil)
  }

  /// Reads this frame back for the recording when one is due (10 a second). A new window size
  /// ends the recording: a GIF has one size.
  func captureRecordingFrame(_ list: DrawList) throws {
    guard let recording else { return }
    let now = FramePacer.now()
    guard recording.isDue(now) else { return }
    let raster = try window.snapshot(list, background: ui.theme.windowBackground)
    if raster.width != recording.width || raster.height != recording.height {
      stopRecording()
      return
    }
    recording.add(raster, now: now)
  }
}
