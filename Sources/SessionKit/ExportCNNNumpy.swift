/// The CNN numpy script's code: the forward pass in float32, loss and accuracy, and `--check`.
enum CNNNumpyTemplate {
  static func usage(_ name: String) -> String {
    NumpyTemplate.usage(name, comparing: "probabilities", on: "images")
  }

  static let code = #"""
    # ------------------------------------------------------------------------------------------
    # The forward pass in numpy (float32, as in the playground). Arrays are (images, channels,
    # rows, columns).

    def images(pixel_lists):
        return np.array(pixel_lists, dtype=np.float32).reshape(len(pixel_lists), 1, IMAGE_SIZE, IMAGE_SIZE)


    def conv2d(x, weight, bias):
        """k x k cross-correlation with zero padding k // 2: out[n, o] = bias[o] + sum over input
        channels c and offsets (ky, kx) of weight[o, c, ky, kx] * x[n, c, y + ky - k // 2, x + kx - k // 2]."""
        k = weight.shape[2]
        n, _, h, w = x.shape
        padded = np.pad(x, ((0, 0), (0, 0), (k // 2, k // 2), (k // 2, k // 2)))
        out = np.zeros((n, weight.shape[0], h, w), dtype=np.float32)
        for ky in range(k):
            for kx in range(k):
                out += np.einsum("nchw,oc->nohw", padded[:, :, ky:ky + h, kx:kx + w], weight[:, :, ky, kx])
        return out + bias[None, :, None, None]


    def max_pool(x, size):
        """size x size windows with stride size; rows and columns that do not fill a window are dropped."""
        n, c, h, w = x.shape
        hp, wp = h // size, w // size
        return x[:, :, :hp * size, :wp * size].reshape(n, c, hp, size, wp, size).max(axis=(3, 5))


    def predict(x):
        """The class probabilities of every image in x (images, 1, IMAGE_SIZE, IMAGE_SIZE)."""
        for spec in CONV_LAYERS:
            weight = np.array(spec["weight"], dtype=np.float32)
            bias = np.array(spec["bias"], dtype=np.float32)
            x = np.maximum(conv2d(x, weight, bias), np.float32(0))
            if spec["pool"] > 1:
                x = max_pool(x, spec["pool"])
        features = x.reshape(len(x), -1)  # channel-major: (channel, row, column)
        z = features @ np.array(DENSE["weight"], dtype=np.float32).T + np.array(DENSE["bias"], dtype=np.float32)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


    def evaluate(pixel_lists, labels):
        """Mean loss -log p[label] and accuracy, as the playground reports them."""
        if not pixel_lists:
            return 0.0, 0.0
        p = predict(images(pixel_lists))
        k = np.array(labels, dtype=np.int64)
        losses = -np.log(np.maximum(p[np.arange(len(k)), k], 1e-30))
        return float(losses.mean()), float((p.argmax(axis=1) == k).mean())


    def main():
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--check", action="store_true",
                            help="compare numpy's probabilities with the playground's (exit 1 if they differ)")
        parser.add_argument("--json", action="store_true", help="print the result as a JSON object")
        args = parser.parse_args()
        if args.check:
            with np.errstate(all="ignore"):
                ours = predict(images(CHECK_IMAGES)).astype(np.float64).tolist() if CHECK_IMAGES else []
            largest = largest_difference(ours, PLAYGROUND_PREDICTIONS)
            return 0 if print_check(largest, len(ours), "images", args.json) else 1
        with np.errstate(all="ignore"):
            train_loss, train_accuracy = evaluate(TRAIN_IMAGES, TRAIN_LABELS)
            test_loss, test_accuracy = evaluate(TEST_IMAGES, TEST_LABELS)
        result = {"epoch": EPOCH, "trainLoss": train_loss, "testLoss": test_loss,
                  "trainAccuracy": train_accuracy, "testAccuracy": test_accuracy}
        print(json.dumps(result) if args.json else as_text(result))
        return 0


    """#
}
