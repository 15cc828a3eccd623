/// The numpy script's code: the forward pass in float32, loss and accuracy, and `--check`.
enum NumpyTemplate {
  static func usage(_ name: String) -> String { usage(name, comparing: "predictions", on: "points") }

  /// The usage text of a forward-only script (both kinds): what `--check` compares on which test items.
  static func usage(_ name: String, comparing outputs: String, on items: String) -> String {
    """
        python3 \(name)            loss and accuracy, as the playground reports them
        python3 \(name) --check    the largest difference between numpy's \(outputs) and the
            playground's on the test \(items) (exit status 1 if it is 1e-4 or more)
        Add --json for the result as one JSON object. This is the forward pass only: to train
        on, export with `playground export --pytorch`.

    """
  }

  static let code = #"""
    # ------------------------------------------------------------------------------------------
    # The forward pass in numpy (float32, as in the playground).

    def inputs(points):
        """One row of feature values per point."""
        rows = [[FEATURE_FORMULAS[name](x, y) for name in FEATURES] for x, y, _ in points]
        return np.array(rows, dtype=np.float32).reshape(len(points), len(FEATURES))


    ACTIVATIONS = {
        "relu": lambda z: np.maximum(z, np.float32(0)),
        "tanh": np.tanh,
        "sigmoid": lambda z: np.float32(0.5) * (np.float32(1) + np.tanh(np.float32(0.5) * z)),  # 1 / (1 + e^-z)
        "linear": lambda z: z,
    }


    def predict(x):
        """What the playground shows for each row of `x`: tanh(z), softmax probabilities, or z."""
        for n, spec in enumerate(LAYERS):
            weight = np.array(spec["weight"], dtype=np.float32)  # (neurons, inputs)
            bias = np.array(spec["bias"], dtype=np.float32)
            z = x @ weight.T + bias
            x = ACTIVATIONS[ACTIVATION](z) if n < len(LAYERS) - 1 else z
        if OUTPUT == "tanh":
            return np.tanh(x)
        if OUTPUT == "softmax":
            e = np.exp(x - x.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        return x


    def evaluate(points):
        """Mean loss and accuracy over `points`, as the playground reports them."""
        if not points:
            return 0.0, 0.0
        p = predict(inputs(points))
        y = np.array([label for _, _, label in points], dtype=np.float32)
        if OUTPUT == "tanh":
            t = np.where(y >= 0.5, 1.0, -1.0)
            losses = 0.5 * (p[:, 0] - t) ** 2
            correct = (p[:, 0] >= 0) == (t > 0)
        elif OUTPUT == "linear":
            losses = 0.5 * (p[:, 0] - y) ** 2
            correct = np.zeros(len(points), dtype=bool)
        else:
            k = y.astype(np.int64)
            losses = -np.log(np.maximum(p[np.arange(len(k)), k], 1e-30))
            correct = p.argmax(axis=1) == k
        return float(losses.mean()), float(correct.mean())


    def main():
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--check", action="store_true",
                            help="compare numpy's predictions with the playground's (exit 1 if they differ)")
        parser.add_argument("--json", action="store_true", help="print the result as a JSON object")
        args = parser.parse_args()
        if args.check:
            with np.errstate(all="ignore"):
                ours = predict(inputs(CHECK_POINTS)).astype(np.float64).tolist()
            largest = largest_difference(ours, PLAYGROUND_PREDICTIONS)
            return 0 if print_check(largest, len(ours), "points", args.json) else 1
        with np.errstate(all="ignore"):
            train_loss, train_accuracy = evaluate(TRAIN_POINTS)
            test_loss, test_accuracy = evaluate(TEST_POINTS)
        result = {"epoch": EPOCH, "trainLoss": train_loss, "testLoss": test_loss}
        if OUTPUT != "linear":
            result.update(trainAccuracy=train_accuracy, testAccuracy=test_accuracy)
        if args.json:
            print(json.dumps(result))
        else:
            print(as_text(result))
        return 0


    \#(PythonReportingTemplate.mainCall)
    """#
}
