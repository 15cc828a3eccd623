/// Python every exported script shares: the result line, the `--check` comparison and verdict, and
/// (PyTorch scripts) the command line, and the lines that start `main()`.
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


    def print_check(largest, count, unit, as_json):
        """Prints the --check verdict for `count` points or images; True when they agree within 1e-4."""
        agree = largest < 1e-4
        if as_json:
            print(json.dumps({"largestDifference": largest, unit: count, "agree": agree}))
        else:
            verdict = "agree" if agree else "DIFFER (1e-4 or more)"
            print(f"largest difference from the playground: {largest:.3g} over {count} {unit}: {verdict}")
        return agree


    """#

  /// A PyTorch script's `main()`: `--check`, `--train N` (a report every tenth) and `--json`, on the
  /// script's `network` class, whose outputs the check calls `outputs` ("predictions", "probabilities").
  static func pytorchMain(network: String, outputs: String) -> String {
    #"""
    def main():
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--check", action="store_true",
                            help="compare PyTorch's \#(outputs) with the playground's (exit 1 if they differ)")
        parser.add_argument("--train", type=int, default=0, metavar="N", help="train N more epochs first")
        parser.add_argument("--json", action="store_true", help="print results as JSON objects")
        args = parser.parse_args()
        if args.train < 0:
            parser.error("--train needs a number of epochs, 0 or more")
        net = \#(network)()
        if args.check:
            return 0 if check(net, args.json) else 1
        if args.train > 0:
            every = max(1, args.train // 10)
            for done in range(1, args.train + 1):
                reason = train(net, 1)
                if reason:
                    print(f"Training diverged: {reason}. Try a smaller LEARNING_RATE.", file=sys.stderr)
                    return 1
                if done % every == 0 and done < args.train:
                    report(net, args.json)
        report(net, args.json)
        return 0

    """#
  }

  /// The last lines of every script: run `main()` when started as a program.
  static let mainCall = """
    if __name__ == "__main__":
        sys.exit(main())

    """
}
