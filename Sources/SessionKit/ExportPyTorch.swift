/// The PyTorch script's code: the model, the playground's loss and SGD, `--check` and `--train`.
///
/// Training follows `Kernel.update` step for step: batches of `BATCH_SIZE` points in stored order
/// (the last one may be smaller), the summed example gradients times η / batch size (SGD) or the
/// batch's mean gradient through `optimizer_step` (momentum, Nesterov, RMSprop, Adam); L2
/// subtracts ηλ·w with w from before the step; L1 subtracts ηλ·sign(w before the step) and kills
/// the weights that subtraction moves across 0 (TensorFlow Playground's rule); L1-proximal
/// soft-thresholds by ηλ and freezes the weights it lands on 0. Dropout uses PyTorch's own masks.
/// Float32 throughout, so the losses follow the playground's to within rounding.
enum PyTorchTemplate {
  static func usage(_ name: String) -> String { usage(name, comparing: "predictions", on: "points") }

  /// The usage text of a PyTorch script (both kinds): what `--check` compares on which test items.
  static func usage(_ name: String, comparing outputs: String, on items: String) -> String {
    """
        python3 \(name)              loss and accuracy, as the playground reports them
        python3 \(name) --check      the largest difference between PyTorch's \(outputs) and the
            playground's on the test \(items) (exit status 1 if it is 1e-4 or more)
        python3 \(name) --train N    N more epochs of the playground's SGD, then loss and accuracy
        Add --json for one JSON object per result line.

    """
  }

  static let code = #"""
    # ------------------------------------------------------------------------------------------
    # The model and the playground's training, in PyTorch.

    def inputs(points):
        """One row of feature values per point, in float32 as the playground computes them."""
        rows = [[FEATURE_FORMULAS[name](x, y) for name in FEATURES] for x, y, _ in points]
        return torch.tensor(rows, dtype=torch.float32).reshape(len(points), len(FEATURES))


    def labels(points):
        return torch.tensor([label for _, _, label in points], dtype=torch.float32)


    ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda z: z}


    class PlaygroundNet(torch.nn.Module):
        """The playground's network; forward() returns the output layer's z (before tanh or softmax)."""

        def __init__(self):
            super().__init__()
            self.layers = torch.nn.ModuleList()
            self.frozen = []  # per layer, True where L1 pinned a weight at 0
            for spec in LAYERS:
                weight = torch.tensor(spec["weight"], dtype=torch.float32)
                layer = torch.nn.Linear(weight.shape[1], weight.shape[0])
                with torch.no_grad():
                    layer.weight.copy_(weight)
                    layer.bias.copy_(torch.tensor(spec["bias"], dtype=torch.float32))
                frozen = torch.zeros(weight.shape, dtype=torch.bool)
                for j, i in spec["frozen"]:
                    frozen[j, i] = True
                self.layers.append(layer)
                self.frozen.append(frozen)
            self.dropping = False  # dropout only while training
            self.state = load_optimizer_state(self.layers)

        def forward(self, x):
            for layer in self.layers[:-1]:
                x = ACTIVATIONS[ACTIVATION](layer(x))
                if self.dropping and DROPOUT > 0:
                    x = torch.nn.functional.dropout(x, DROPOUT, training=True)
            return self.layers[-1](x)

        def predict(self, x):
            """What the playground shows: tanh(z), the softmax probabilities, or the value z."""
            z = self(x)
            if OUTPUT == "tanh":
                return torch.tanh(z)
            if OUTPUT == "softmax":
                return torch.softmax(z, dim=1)
            return z


    def example_losses(z, y):
        """The playground's loss for each example, from the output layer's z."""
        if OUTPUT == "tanh":
            t = torch.where(y >= 0.5, 1.0, -1.0)
            return 0.5 * (torch.tanh(z[:, 0]) - t) ** 2
        if OUTPUT == "linear":
            return 0.5 * (z[:, 0] - y) ** 2
        return torch.nn.functional.cross_entropy(z, y.long(), reduction="none")


    ALPHA, BETA1, BETA2, EPSILON = 0.99, 0.9, 0.999, 1e-8


    def load_optimizer_state(layers):
        """Per parameter (each layer's weight, then its bias): [first, second] buffers from OPTIMIZER_STATE."""
        def split(flat):
            if flat is None:
                return None
            out, k = [], 0
            for layer in layers:
                n = layer.weight.numel()
                out.append(torch.tensor(flat[k:k + n], dtype=torch.float32).reshape(layer.weight.shape))
                k += n
            biases = []
            for layer in layers:
                n = layer.bias.numel()
                biases.append(torch.tensor(flat[k:k + n], dtype=torch.float32))
                k += n
            return [t for pair in zip(out, biases) for t in pair]
        first, second = split(OPTIMIZER_STATE["first"]), split(OPTIMIZER_STATE["second"])
        params = [p for layer in layers for p in (layer.weight, layer.bias)]
        return [[first[n] if first else torch.zeros_like(p), second[n] if second else torch.zeros_like(p)]
                for n, p in enumerate(params)]


    \#(PyTorchTemplate.optimizerFunctions(commentingAdam: true))


    def train(net, epochs):
        """`epochs` epochs of the playground's mini-batch training; returns why it stopped early, or None."""
        global EPOCH, OPTIMIZER_STEP
        x, y = inputs(TRAIN_POINTS), labels(TRAIN_POINTS)
        for _ in range(epochs):
            rate = learning_rate(EPOCH)
            shrink = rate * REGULARIZATION_RATE
            for start in range(0, len(x), BATCH_SIZE):
                bx, by = x[start:start + BATCH_SIZE], y[start:start + BATCH_SIZE]
                net.zero_grad()
                net.dropping = True
                example_losses(net(bx), by).sum().backward()
                net.dropping = False
                scale = rate / len(bx)  # the summed gradient, averaged over the batch
                OPTIMIZER_STEP += 1
                with torch.no_grad():
                    for n, (layer, frozen) in enumerate(zip(net.layers, net.frozen)):
                        w, b = layer.weight, layer.bias
                        keep = frozen.clone()  # weights frozen before this step do not move
                        if OPTIMIZER == "sgd":
                            step = w - scale * w.grad
                        else:
                            s = net.state[2 * n]
                            old = [s[0].clone(), s[1].clone()]
                            step = optimizer_step(w, w.grad / len(bx), s, rate, OPTIMIZER_STEP)
                            s[0], s[1] = torch.where(keep, old[0], s[0]), torch.where(keep, old[1], s[1])
                        if REGULARIZATION == "l2":
                            step = step - shrink * w
                        elif REGULARIZATION == "l1":
                            after = step - shrink * torch.sign(w)
                            flipped = ((step > 0) & (after < 0)) | ((step < 0) & (after > 0))
                            frozen |= flipped
                            step = torch.where(flipped, torch.zeros_like(after), after)
                        elif REGULARIZATION == "l1-proximal":
                            shrunk = step.abs() - shrink
                            frozen |= shrunk <= 0
                            step = torch.sign(step) * shrunk.clamp(min=0)
                        w.copy_(torch.where(keep, w, step))
                        if OPTIMIZER == "sgd":
                            b -= scale * b.grad
                        else:
                            b.copy_(optimizer_step(b, b.grad / len(bx), net.state[2 * n + 1], rate, OPTIMIZER_STEP))
            EPOCH += 1
            if not all(torch.isfinite(p).all() for p in net.parameters()):
                return f"a weight became NaN or infinite during epoch {EPOCH}"
        return None


    def evaluate(net, points):
        """Mean loss and accuracy over `points`, as the playground reports them."""
        if not points:
            return 0.0, 0.0
        x, y = inputs(points), labels(points)
        with torch.no_grad():
            p = net.predict(x)
            if OUTPUT == "tanh":
                t = torch.where(y >= 0.5, 1.0, -1.0)
                losses = 0.5 * (p[:, 0] - t) ** 2
                correct = (p[:, 0] >= 0) == (t > 0)
            elif OUTPUT == "linear":
                losses = 0.5 * (p[:, 0] - y) ** 2
                correct = torch.zeros(len(points), dtype=torch.bool)
            else:
                k = y.long()
                losses = -torch.log(p[torch.arange(len(k)), k].clamp(min=1e-30))
                correct = p.argmax(dim=1) == k
        return losses.mean().item(), correct.float().mean().item()


    def report(net, as_json):
        train_loss, train_accuracy = evaluate(net, TRAIN_POINTS)
        test_loss, test_accuracy = evaluate(net, TEST_POINTS)
        result = {"epoch": EPOCH, "trainLoss": train_loss, "testLoss": test_loss}
        if OUTPUT != "linear":
            result.update(trainAccuracy=train_accuracy, testAccuracy=test_accuracy)
        if as_json:
            print(json.dumps(result))
        else:
            print(as_text(result))


    def check(net, as_json):
        """Compares PyTorch's predictions with the playground's; True when they agree within 1e-4."""
        with torch.no_grad():
            ours = net.predict(inputs(CHECK_POINTS)).tolist()
        return print_check(largest_difference(ours, PLAYGROUND_PREDICTIONS), len(ours), "points", as_json)


    \#(PythonReportingTemplate.pytorchMain(network: "PlaygroundNet", outputs: "predictions"))

    \#(PythonReportingTemplate.mainCall)
    """#

  /// `learning_rate` and `optimizer_step`, the same in both PyTorch scripts (`Optimizer`'s rules
  /// and the schedule). The 2-D script marks Adam's branch with a comment; the CNN script never
  /// had it, and both keep their bytes.
  static func optimizerFunctions(commentingAdam: Bool) -> String {
    let adamComment = commentingAdam ? "\n    # adam" : ""
    return #"""
      def learning_rate(epoch):
          """The schedule's rate for epoch `epoch` (0-based), one multiplication per decay."""
          rate = LEARNING_RATE
          if LR_SCHEDULE[0] == "step":
              decays, factor = epoch // LR_SCHEDULE[1], LR_SCHEDULE[2]
          elif LR_SCHEDULE[0] == "exp":
              decays, factor = epoch, LR_SCHEDULE[1]
          else:
              return rate
          for _ in range(decays):
              rate *= factor
          return rate


      def optimizer_step(p, g, s, rate, t):
          """The new value of parameter p for mean gradient g; updates its buffers s in place."""
          if OPTIMIZER == "momentum":
              s[0] = MOMENTUM * s[0] + g
              return p - rate * s[0]
          if OPTIMIZER == "nesterov":
              s[0] = MOMENTUM * s[0] + g
              return p - rate * (g + MOMENTUM * s[0])
          if OPTIMIZER == "rmsprop":
              s[0] = ALPHA * s[0] + (1 - ALPHA) * (g * g)
              return p - rate * (g / (s[0].sqrt() + EPSILON))\#(adamComment)
          s[0] = BETA1 * s[0] + (1 - BETA1) * g
          s[1] = BETA2 * s[1] + (1 - BETA2) * (g * g)
          step_size = rate / (1 - 0.9 ** t)
          root2 = math.sqrt(1 - 0.999 ** t)
          return p - step_size * (s[0] / (s[1].sqrt() / root2 + EPSILON))
      """#
  }
}
