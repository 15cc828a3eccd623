/// The CNN PyTorch script's code: the model, the playground's SGD, `--check` and `--train`.
///
/// Training follows `CNNKernel.update`: batches of `BATCH_SIZE` images in stored order starting
/// at `NEXT_EXAMPLE` (a batch never crosses the end of an epoch), the summed example gradients
/// times η / batch size. Float32 throughout, so the losses follow the playground's to rounding.
enum CNNPyTorchTemplate {
  static func usage(_ name: String) -> String {
    PyTorchTemplate.usage(name, comparing: "probabilities", on: "images")
  }

  static let code = #"""
    # ------------------------------------------------------------------------------------------
    # The model and the playground's training, in PyTorch.

    def images(pixel_lists):
        """A batch tensor (images, 1 channel, IMAGE_SIZE, IMAGE_SIZE) in float32."""
        return torch.tensor(pixel_lists, dtype=torch.float32).reshape(len(pixel_lists), 1, IMAGE_SIZE, IMAGE_SIZE)


    class PlaygroundCNN(torch.nn.Module):
        """The playground's CNN; forward() returns the logits (before the softmax)."""

        def __init__(self):
            super().__init__()
            self.convs = torch.nn.ModuleList()
            self.pools = []
            in_channels = 1
            for spec in CONV_LAYERS:
                weight = torch.tensor(spec["weight"], dtype=torch.float32)  # (out, in, k, k)
                k = weight.shape[2]
                conv = torch.nn.Conv2d(in_channels, weight.shape[0], k, padding=k // 2)
                with torch.no_grad():
                    conv.weight.copy_(weight)
                    conv.bias.copy_(torch.tensor(spec["bias"], dtype=torch.float32))
                self.convs.append(conv)
                self.pools.append(spec["pool"])
                in_channels = weight.shape[0]
            weight = torch.tensor(DENSE["weight"], dtype=torch.float32)  # (classes, features)
            self.dense = torch.nn.Linear(weight.shape[1], weight.shape[0])
            with torch.no_grad():
                self.dense.weight.copy_(weight)
                self.dense.bias.copy_(torch.tensor(DENSE["bias"], dtype=torch.float32))
            self.dropping = False  # dropout before the dense layer, only while training
            self.state = load_optimizer_state(list(self.parameters()))

        def forward(self, x):
            for conv, pool in zip(self.convs, self.pools):
                x = torch.relu(conv(x))
                if pool > 1:
                    x = torch.nn.functional.max_pool2d(x, pool)  # stride = pool, leftovers dropped
            x = x.flatten(1)  # channel-major: (channel, row, column)
            if self.dropping and DROPOUT > 0:
                x = torch.nn.functional.dropout(x, DROPOUT, training=True)
            return self.dense(x)

        def predict(self, x):
            """The class probabilities, as the playground shows them."""
            return torch.softmax(self(x), dim=1)


    ALPHA, BETA1, BETA2, EPSILON = 0.99, 0.9, 0.999, 1e-8


    def load_optimizer_state(params):
        """Per parameter: [first, second] buffers from OPTIMIZER_STATE (zeros when None)."""
        def split(flat):
            if flat is None:
                return None
            out, k = [], 0
            for p in params:
                out.append(torch.tensor(flat[k:k + p.numel()], dtype=torch.float32).reshape(p.shape))
                k += p.numel()
            return out
        first, second = split(OPTIMIZER_STATE["first"]), split(OPTIMIZER_STATE["second"])
        return [[first[n] if first else torch.zeros_like(p), second[n] if second else torch.zeros_like(p)]
                for n, p in enumerate(params)]


    \#(PyTorchTemplate.optimizerFunctions(commentingAdam: false))


    def train(net, epochs):
        """`epochs` epochs of the playground's mini-batch training; returns why it stopped early, or None."""
        global EPOCH, NEXT_EXAMPLE, OPTIMIZER_STEP
        x, y = images(TRAIN_IMAGES), torch.tensor(TRAIN_LABELS, dtype=torch.long)
        for _ in range(epochs):
            rate = learning_rate(EPOCH)
            for start in range(NEXT_EXAMPLE, len(x), BATCH_SIZE):
                bx, by = x[start:start + BATCH_SIZE], y[start:start + BATCH_SIZE]
                net.zero_grad()
                net.dropping = True
                torch.nn.functional.cross_entropy(net(bx), by, reduction="sum").backward()
                net.dropping = False
                scale = rate / len(bx)  # the summed gradient, averaged over the batch
                OPTIMIZER_STEP += 1
                with torch.no_grad():
                    for p, s in zip(net.parameters(), net.state):
                        if OPTIMIZER == "sgd":
                            p -= scale * p.grad
                        else:
                            p.copy_(optimizer_step(p, p.grad / len(bx), s, rate, OPTIMIZER_STEP))
            NEXT_EXAMPLE = 0
            EPOCH += 1
            if not all(torch.isfinite(p).all() for p in net.parameters()):
                return f"a weight became NaN or infinite during epoch {EPOCH}"
        return None


    def evaluate(net, pixel_lists, labels):
        """Mean loss -log p[label] and accuracy, as the playground reports them."""
        if not pixel_lists:
            return 0.0, 0.0
        k = torch.tensor(labels, dtype=torch.long)
        with torch.no_grad():
            p = net.predict(images(pixel_lists))
        losses = -torch.log(p[torch.arange(len(k)), k].clamp(min=1e-30))
        return losses.mean().item(), (p.argmax(dim=1) == k).float().mean().item()


    def report(net, as_json):
        train_loss, train_accuracy = evaluate(net, TRAIN_IMAGES, TRAIN_LABELS)
        test_loss, test_accuracy = evaluate(net, TEST_IMAGES, TEST_LABELS)
        result = {"epoch": EPOCH, "trainLoss": train_loss, "testLoss": test_loss,
                  "trainAccuracy": train_accuracy, "testAccuracy": test_accuracy}
        print(json.dumps(result) if as_json else as_text(result))


    def check(net, as_json):
        """Compares PyTorch's probabilities with the playground's; True when they agree within 1e-4."""
        with torch.no_grad():
            ours = net.predict(images(CHECK_IMAGES)).tolist() if CHECK_IMAGES else []
        return print_check(largest_difference(ours, PLAYGROUND_PREDICTIONS), len(ours), "images", as_json)


    \#(PythonReportingTemplate.pytorchMain(network: "PlaygroundCNN", outputs: "probabilities"))

    """#
}
