/// Python both exported scripts share: the result line and the `--check` comparison.
enum PythonReportingTemplate {
  static let code = #"""
    def as_text(result):
        """The playground's result line: epoch 300  train loss 0.0123  test loss 0.0150 …"""
        names = {"trainLoss": "train loss", "testLoss": "test loss", "trainAccuracy": "train accuracy",
                 "testAccuracy": "test accuracy"}
        return "  ".join([f"epoch {result['epoch']}"] + [f"{names[key]} {value:.4f}"
                                                         for key, value in result.items() if key in names])


    def largest_difference(ours, playground):
        """max |a - b| over every output of every point (NaN on both sides counts as equal)."""
        assert len(ours) == len(playground), "one prediction per point"
        largest = 0.0
        for row_a, row_b in zip(ours, playground):
            for a, b in zip(row_a, row_b):
                if a == b or (math.isnan(a) and math.isnan(b)):
                    continue
                difference = abs(a - b)
                if math.isnan(difference):
                    return math.nan
                largest = max(largest, difference)
        return largest


    """#
}
