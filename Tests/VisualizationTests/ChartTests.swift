import ImmediateUI
import Testing

@testable import Visualization
import Training

@Suite struct ChartSeriesTests {
  @Test func memoryStaysBoundedOverAMillionAppends() {
    var series = ChartSeries(capacity: 512)
    for epoch in 0..<1_000_000 { series.append(epoch: epoch, value: 0.25) }
    let points = series.points
    #expect(points.count <= 512)
    #expect(points.count >= 256)
    #expect(points.first?.epoch == 0)
    #expect(points.last?.epoch == 999_999)
    #expect(points.allSatisfy { $0.value == 0.25 })
    #expect(series.appendedCount == 1_000_000)
    #expect(series.buckets.reduce(0) { $0 + $1.count } == 1_000_000)
    #expect(series.buckets.dropLast().allSatisfy { $0.count == series.span })
    #expect(series.latest == 0.25)
  }

  @Test func mergingKeepsTheTotalAndTheExtremes() {
    var series = ChartSeries(capacity: 64)
    for i in 0..<10_000 { series.append(epoch: i, value: Float(i)) }
    let total = series.buckets.reduce(0.0) { $0 + $1.sum }
    #expect(total == Double(10_000 * 9_999 / 2))
    #expect(series.valueExtent == 0...9_999)
    #expect(series.buckets.count <= 64)
  }

  @Test func smallSeriesMergesNeighbouringPairs() {
    var series = ChartSeries(capacity: 4)
    for i in 0..<10 { series.append(epoch: i, value: Float(i)) }
    // Buckets: 0…3, 4…7 (span 4) and 8…9 still filling.
    #expect(series.span == 4)
    #expect(series.buckets.map(\.count) == [4, 4, 2])
    let points = series.points
    #expect(points.map(\.epoch) == [0, 5, 9])
    #expect(points.map(\.value) == [1.5, 5.5, 8.5])
    #expect(series.buckets[1].minimum == 4 && series.buckets[1].maximum == 7)
  }

  @Test func rawSamplesUntilFullAndResetEmpties() {
    var series = ChartSeries(capacity: 8)
    for i in 0..<5 { series.append(epoch: i * 10, value: Float(i) / 2) }
    #expect(series.points.map(\.epoch) == [0, 10, 20, 30, 40])
    #expect(series.points.map(\.value) == [0, 0.5, 1, 1.5, 2])
    var copy = series
    #expect(copy == series)
    copy.append(epoch: 50, value: 1)
    #expect(copy != series)
    var diverged = series
    diverged.append(epoch: 50, value: .nan)
    #expect(diverged == diverged)  // NaN compares by bits, so a state still equals itself
    copy.removeAll()
    #expect(copy.isEmpty && copy.points.isEmpty && copy.epochRange == nil && copy.span == 1)
  }
}

@Suite struct LineChartTests {
  let rect = Rect(x: 10, y: 20, width: 100, height: 50)

  func linear(_ values: [Float]) -> ChartSeries {
    var s = ChartSeries()
    for (i, v) in values.enumerated() { s.append(epoch: i, value: v) }
    return s
  }

  @Test func mapsEpochsLeftToRightAndValuesBottomToTop() {
    let line = LineChart.polyline(series: linear((0...10).map(Float.init)), in: rect, yRange: 0...10)
    #expect(line.count == 11)
    #expect(line[0] == Point(10, 70))
    #expect(line[5] == Point(60, 45))
    #expect(line[10] == Point(110, 20))
  }

  @Test func sharedEpochRangeAndClamping() {
    let line = LineChart.polyline(series: linear([20, -5]), in: rect, yRange: 0...10, epochRange: 0...4)
    #expect(line == [Point(10, 20), Point(35, 70)])
  }

  @Test func logScalePutsDecadesEvenlyAndSkipsNaN() {
    let line = LineChart.polyline(
      series: linear([1, 0.1, .nan, 0.01, 0]), in: rect, yRange: 0.01...1,
      logScale: true)
    #expect(line.count == 4)
    #expect(abs(line[0].y - 20) < 1e-3)
    #expect(abs(line[1].y - 45) < 1e-3)
    #expect(abs(line[2].y - 70) < 1e-3)
    #expect(line[3].y == 70)  // zero sits on the bottom edge
    #expect(line[2].x == 85)  // epoch 3 of 0…4
  }

  @Test func fittingRanges() {
    let a = linear([0.5, 0.2, 0.05])
    var b = ChartSeries()
    b.append(epoch: 2, value: 0.8)
    b.append(epoch: 7, value: 0.1)
    #expect(LineChart.yRange(fitting: [a, b]) == 0...0.8)
    #expect(LineChart.yRange(fitting: [a, b], logScale: true) == 0.05...0.8)
    #expect(LineChart.epochRange(fitting: [a, b]) == 0...7)
    #expect(LineChart.yRange(fitting: []) == 0...1)
  }
}
