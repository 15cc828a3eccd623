
/// What the right-hand CNN panel shows (part of the CNN state: `.cnn(.showPage(_:))` turns it).
public enum CNNPage: Hashable, Sendable {
  /// Accuracy and loss curves and the confusion matrix.
  case results
  /// Class activation maximization: what the network thinks each class looks like.
  case classPictures
  /// The filters, feature maps and mistakes, in this panel (only in windows too narrow for their
  /// own column; elsewhere it shows the results).
  case layers
  /// The drawing canvas and prediction, in this panel (only in the narrowest windows).
  case drawing
  /// Adversarial examples: the inspected image perturbed until the network is fooled.
  case attack
  /// What every unit of a layer wants (activation maximisation) and its top test images.
  case units
  /// Every test image's activations at a layer, projected to 2-D and coloured by class.
  case embedding
  /// "Explain a step": one training image through one training step, stage by stage.
  case step

  /// The pages that look inside the network (the second row of the page switch); they take the
  /// network column's room too.
  public var looksInside: Bool { self == .attack || self == .units || self == .embedding || self == .step }
}

extension AppState {
  /// The window loop's clock for the class pictures: while that page shows (CNN mode, no help)
  /// and a picture is unfinished, each frame grows them a few ascent steps (2 while training
  /// shares the frame, 4 paused). Each step runs the network forward and back per class on the
  /// main thread, so the other pages do not pay for it.
  public var classPicturesAdvance: Action? {
    guard !showHelp, let cnn = showingCNN, cnn.page == .classPictures, !cnn.camFinished,
      cnn.experiment.divergence == nil
    else { return nil }
    return .cnn(.advanceCAM(steps: cnn.isPlaying ? 2 : 4))
  }
}
