import Foundation
import Testing
import _TestSupport

/// `playground --layout-json --size WxH --zoom Z`: the frame's controls, and a truthful account of
/// what it cuts and overlaps.
@Suite struct LayoutJSONTests {
  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try runPlayground(["--layout-json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let data = try #require(result.stdout.data(using: .utf8))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func reportsTheSizeZoomAndPositionsInWindowPixels() throws {
    let one = try json(["--size", "1280x800"])
    let zoomed = try json(["--size", "1920x1200", "--zoom", "1.5"])
    #expect(one["size"] as? [Int] == [1280, 800])
    #expect(zoomed["zoom"] as? Double == 1.5)
    // The same logical layout (1280×800) shown 1.5 times larger: the play button moves with it.
    let play = try #require(one["play"] as? [Int])
    let bigPlay = try #require(zoomed["play"] as? [Int])
    #expect(abs(Double(bigPlay[0]) - Double(play[0]) * 1.5) <= 2)
    #expect(abs(Double(bigPlay[1]) - Double(play[1]) * 1.5) <= 2)
    #expect(((one["controls"] as? [[String: Any]]) ?? []).count > 20)
  }

  @Test func aTinyWindowReportsTruncationsAndOverlaps() throws {
    let tiny = try json(["--size", "320x240"])
    let truncated = try #require(tiny["truncated"] as? [[String: Any]])
    let overlaps = try #require(tiny["overlaps"] as? [Any])
    #expect(!truncated.isEmpty)
    #expect(!overlaps.isEmpty)
    #expect(truncated.contains { ($0["how"] as? String) != nil && ($0["text"] as? String) != nil })
  }

  @Test func badSizesAreRefused() throws {
    for bad in ["1280", "0x0", "axb", "1280x-1", "99999x800"] {
      let result = try runPlayground(["--layout-json", "--size", bad])
      #expect(result.status == 2, "--size \(bad)")
      #expect(result.stderr.contains("--size"), "--size \(bad): \(result.stderr)")
    }
    let page = try runPlayground(["--layout-json", "--page", "nowhere"])
    #expect(page.status == 2)
  }
}
