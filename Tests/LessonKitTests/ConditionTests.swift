import PlaygroundCore
import Testing

@testable import LessonKit

/// Metric values by name, for conditions without an app state.
struct MetricTable: MetricReading {
  var values: [String: Value]
  func read(_ metric: Metric) throws(MetricError) -> Value {
    guard let v = values[metric.name] else { throw MetricError("\(metric.name) is not in the table") }
    return v
  }
}

let table = MetricTable(values: [
  "testLoss": .number(0.04), "trainLoss": .number(0.01), "epoch": .number(300), "diverged": .bool(false),
  "features": .list([.name("x1"), .name("x2"), .name("x1sq")]),
  "hiddenLayers": .list([.number(4), .number(2)]),
  "activation": .name("tanh"), "dataset": .name("reg-plane"), "weight(x1, h1.1)": .number(-0.5),
  "bias(output)": .number(0.1), "learningRate": .number(0.03),
])

func holds(_ text: String) throws -> Bool {
  let c = try Condition(text)
  return try c.root.evaluate(table).truth
}

/// The message and the 1-based column of the error in `text`.
func conditionError(_ text: String) -> (column: Int, message: String)? {
  do {
    _ = try Condition(text)
    return nil
  } catch {
    return (error.location.column, error.message)
  }
}

@Suite struct ConditionTests {
  @Test func comparisonsAndLogic() throws {
    #expect(try holds("testLoss < 0.05"))
    #expect(try !holds("testLoss >= 0.05"))
    #expect(try holds("epoch == 300 and not diverged"))
    #expect(try holds("testLoss > 1 or trainLoss < 0.1"))
    #expect(try holds("not (testLoss > 1 or trainLoss > 0.1)"))
    // and binds tighter than or
    #expect(try holds("testLoss > 1 and trainLoss > 1 or epoch == 300"))
    #expect(try !holds("testLoss > 1 and (trainLoss > 1 or epoch == 300)"))
    #expect(try holds("diverged == false"))
    #expect(try holds("1e-3 < testLoss"))
  }

  @Test func arithmetic() throws {
    #expect(try holds("testLoss > 2 * trainLoss"))
    #expect(try holds("testLoss - trainLoss < 0.05"))
    #expect(try holds("(testLoss + trainLoss) / 2 == 0.025"))
    #expect(try holds("weight(x1, h1.1) < -0.4"))
    #expect(try holds("-weight(x1, h1.1) > 0.4"))
  }

  @Test func listsAndNames() throws {
    #expect(try holds("features contains x1sq"))
    #expect(try holds("features not contains x2sq"))
    #expect(try holds("features contains [x1, x1sq]"))
    #expect(try holds("features == [x1sq, x2, x1]"))  // names compare as sets
    #expect(try holds("hiddenLayers == [4, 2]"))
    #expect(try !holds("hiddenLayers == [2, 4]"))  // numbers in order
    #expect(try holds("hiddenLayers != []"))
    #expect(try holds("hiddenLayers contains 4"))
    #expect(try holds("activation == tanh and activation != relu"))
    #expect(try holds("dataset == reg-plane"))
    #expect(try holds("bias(output) > 0 and learningRate == 0.03"))
  }

  @Test func errorsNameTheColumn() {
    #expect(conditionError("testLoss <")?.column == 11)
    #expect(conditionError("testLoss < 0.1 and")?.message == "the condition ends where a value was expected")
    #expect(conditionError("features contains x9")?.column == 19)
    #expect(conditionError("features contains x9")?.message.hasPrefix("'x9' is not a feature") == true)
    #expect(conditionError("testLoss && epoch")?.message == "use `and` instead of `&&`")
    #expect(conditionError("weight(x1) > 0")?.message.hasPrefix("weight takes 2 arguments") == true)
    #expect(conditionError("bias(x1) > 0")?.message == "inputs have no bias")
    #expect(
      conditionError("outputAt(9, 0) > 0")?.message.hasPrefix("outputAt takes coordinates from -6 to 6")
        == true)
    #expect(conditionError("h1.1 > 0")?.message.hasPrefix("'h1.1' is a neuron") == true)
    #expect(conditionError("testloss < 1")?.message.hasSuffix("did you mean testLoss?") == true)
    #expect(conditionError("epoch == tanh")?.column == 10)
    #expect(conditionError("epoch == tanh")?.message.hasPrefix("'tanh' is a value of activation") == true)
    #expect(conditionError("[1, x1] == hiddenLayers")?.column == 5)
    #expect(conditionError("testLoss < 1 trainLoss")?.column == 14)
    #expect(conditionError("(testLoss < 1")?.message.hasPrefix("expected ')'") == true)
    #expect(conditionError("features contains")?.column == 18)
    #expect(conditionError("testLoss ? 1")?.message == "unexpected character '?'")
    #expect(conditionError("")?.message.hasPrefix("the condition is empty") == true)
    #expect(conditionError("camScore(hexagon) > 0")?.message.hasPrefix("'hexagon' is not a shape") == true)
  }

  @Test func metricsAreListedOnce() throws {
    let c = try Condition("testLoss < 0.1 and testLoss > 0 or weight(x1, output) > trainLoss")
    #expect(c.metrics.map(\.name) == ["testLoss", "weight(x1, output)", "trainLoss"])
  }
}
