import Testing

@testable import Datasets

/// The error `parse` throws for `text`, or nil when it parses.
func parseError(_ text: String, regression: Bool = false) -> DatasetError? {
  do {
    _ = try PointsCSV.parse(text, source: "points.csv", regression: regression)
    return nil
  } catch {
    return error
  }
}

@Suite struct PointsCSVTests {
  let expected = [DataPoint(x: 1, y: -2.5, label: 1), DataPoint(x: 0.25, y: 3, label: 0)]

  @Test func parsesWithAndWithoutHeader() throws {
    #expect(
      try PointsCSV.parse("x,y,label\n1,-2.5,1\n0.25,3,0\n", source: "a", regression: false) == expected)
    #expect(try PointsCSV.parse("1,-2.5,1\n0.25,3,0", source: "a", regression: false) == expected)
    #expect(
      try PointsCSV.parse("\u{FEFF}X, Y, class\r\n1,-2.5,1\r\n0.25,3,0\r\n", source: "a", regression: false)
        == expected)
    #expect(try PointsCSV.parse("\u{FEFF}1,-2.5,1\r0.25,3,0", source: "a", regression: false) == expected)
  }

  @Test func skipsBlankLinesCommentsAndSpaces() throws {
    let text = "# my points\n\n  x , y , label\n\n 1 , -2.5 ,1 \n   # middle\n\t0.25,3,  0\n\n"
    #expect(try PointsCSV.parse(text, source: "a", regression: false) == expected)
  }

  @Test func regressionLabelsAreAnyFiniteNumber() throws {
    let parsed = try PointsCSV.parse("0,0,-0.25\n1,1,7.5e-1", source: "a", regression: true)
    #expect(parsed.map(\.label) == [-0.25, 0.75])
  }

  @Test func classLabelsAreWholeNumbersBelowTen() throws {
    let parsed = try PointsCSV.parse("0,0,9\n1,1,2.0\n2,2,-0", source: "a", regression: false)
    #expect(parsed.map(\.label) == [9, 2, 0])
    #expect(parsed[2].label.sign == .plus)
  }

  @Test func errorsNameTheSourceAndLine() {
    let cases: [(text: String, line: Int, message: String)] = [
      ("x,y,label\n1,2,0\n\n3,4\n", 4, "expected 3 comma-separated numbers (x, y, label), found 2"),
      ("1,2,0\n1,2,0,5", 2, "expected 3 comma-separated numbers (x, y, label), found 4"),
      ("1,2,0\n# c\n1,abc,0", 3, "expected a number for y, found \"abc\""),
      ("1,abc,0", 1, "expected a number for y, found \"abc\""),
      ("1,2,0\n1, ,0", 2, "expected a number for y, found \"\""),
      ("x,y,label\nnan,2,0", 2, "x must be a finite number, found nan"),
      ("1,2,0\n\n1,inf,0", 3, "y must be a finite number, found inf"),
      ("1,2,-1", 1, "a class label must be a whole number from 0 to 9, found -1"),
      ("1,2,0\n1,2,0.5", 2, "a class label must be a whole number from 0 to 9, found 0.5"),
      ("1,2,10", 1, "a class label must be a whole number from 0 to 9, found 10"),
    ]
    for item in cases {
      let error = parseError(item.text)
      #expect(
        error == DatasetError(message: item.message, line: item.line, source: "points.csv"), "\(item.text)")
    }
    #expect(
      parseError("1,2,0\n1,2,4\n3,4", regression: false)?.description
        == "points.csv:3: expected 3 comma-separated numbers (x, y, label), found 2")
    #expect(parseError("1,2,-1", regression: true) == nil)
    #expect(parseError("1,2,NaN", regression: true)?.line == 1)
  }

  @Test func textsWithoutPointsAreErrors() {
    #expect(parseError("") == DatasetError(message: "the file is empty", source: "points.csv"))
    #expect(parseError("\n  \n# only a comment\n")?.message == "the file is empty")
    #expect(
      parseError("x,y,label\n")
        == DatasetError(message: "no points: the file has only a header", source: "points.csv"))
    #expect(parseError("")?.description == "points.csv: the file is empty")
  }

  @Test func descriptionDropsUnknownParts() {
    #expect(DatasetError(message: "m", line: 4, source: "s").description == "s:4: m")
    #expect(DatasetError(message: "m", line: 4).description == "line 4: m")
    #expect(DatasetError(message: "m").description == "m")
  }

  @Test func formatWritesHeaderAndShortestDecimals() {
    let text = PointsCSV.format([DataPoint(x: 0.1, y: -2, label: 1), DataPoint(x: 1e-300, y: 5, label: 0)])
    #expect(text == "x,y,label\n0.1,-2.0,1.0\n1e-300,5.0,0.0\n")
    #expect(PointsCSV.format([]) == "x,y,label\n")
  }

  @Test(arguments: [false, true])
  func formatThenParseRoundTrips(regression: Bool) throws {
    let kind: DatasetKind = regression ? .regGauss : .spiral3
    let original = points(kind, noise: 35, seed: 77)
    let text = PointsCSV.format(original)
    #expect(try PointsCSV.parse(text, source: "round.csv", regression: regression) == original)
  }
}
