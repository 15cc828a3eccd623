import Foundation
import LessonKit
import Localization
import PlaygroundCore
import Training
import Testing

/// The lesson panel's ✓/✗ sentences in Spanish and German: built from the catalog, they speak the
/// language throughout; English stays as it was (SentenceTests).
@Suite struct TranslatedSentenceTests {
  static let repository = URL(fileURLWithPath: lessonsDirectory).deletingLastPathComponent()

  static func catalog(_ language: String) throws -> Catalog {
    try Catalog.load(path: repository.appendingPathComponent("Assets/lang/\(language).yaml").path, language: language)
  }

  @Test func conditionsReadInSpanishAndGerman() throws {
    let es = try Self.catalog("es")
    let de = try Self.catalog("de")
    let cases: [(String, String, String)] = [
      ("testLoss < 0.05", "la pérdida de prueba es menor que 0.05", "der Testverlust liegt unter 0.05"),
      ("testAccuracy >= 0.95", "la precisión de prueba es al menos 95%", "die Testgenauigkeit beträgt mindestens 95%"),
      ("features contains [x1sq, x2sq]", "las entradas incluyen X₁² y X₂²", "die Merkmale enthalten X₁² und X₂²"),
      ("not diverged", "el entrenamiento no ha divergido", "das Training ist nicht divergiert"),
      ("epoch >= 100", "se han entrenado al menos 100 épocas", "mindestens 100 Epochen sind trainiert"),
      ("weight(x1sq, output) < -0.1", "el peso de X₁² a la salida es menor que −0.1", "das Gewicht von X₁² zur Ausgabe liegt unter −0.1"),
      ("learningRate >= 0.1 and not diverged and epoch >= 100",
       "la tasa de aprendizaje es al menos 0.1, el entrenamiento no ha divergido y se han entrenado al menos 100 épocas",
       "die Lernrate beträgt mindestens 0.1, das Training ist nicht divergiert und mindestens 100 Epochen sind trainiert"),
      ("dataset == xor", "el conjunto de datos es xor", "der Datensatz ist xor"),
      ("showTestData", "la visualización de los datos de prueba está activada", "die Anzeige der Testdaten ist an"),
    ]
    for (code, spanish, german) in cases {
      let condition = try Condition(code)
      #expect(Localization.withCatalog(es) { condition.sentence } == spanish)
      #expect(Localization.withCatalog(de) { condition.sentence } == german)
    }
    // With the values it saw, capitalised, in the language.
    let state = try AppState(config: PlaygroundConfig())
    let result = ConditionResult(try Condition("testLoss < 0.05 and epoch >= 0"), state: state)
    let line = Localization.withCatalog(es) { result.sentence }
    #expect(line.hasPrefix("La pérdida de prueba es menor que 0.05 y se han entrenado al menos 0 épocas — ahora pérdida de prueba 0."), "\(line)")
    #expect(Localization.withCatalog(de) { HumanNumber.format(6000) } == "6\u{00A0}000")
    #expect(Localization.withCatalog(.english) { HumanNumber.format(6000) } == "6,000")
  }

  /// Every goal and expectation of every shipped lesson, in every language: no English word left
  /// in the sentence the panel shows when the lesson gives no text of its own.
  @Test(arguments: ["es", "de"]) func everyShippedConditionSpeaksTheLanguage(_ language: String) throws {
    let catalog = try Self.catalog(language)
    let english = [
      "the ", " is ", " are ", " and ", " of ", " now ", "loss", "accuracy", "weight", "epoch", "training", "below",
      "above", "least", "include", "not ", "number",
    ]
    var checked = 0
    for path in try LessonLibrary.files(in: lessonsDirectory) {
      let lesson = try Lesson.load(path: path)
      var conditions = lesson.steps.flatMap { $0.expectations.map(\.condition) }
      for step in lesson.steps { if case .task(let t)? = step.action { conditions.append(t.goal) } }
      for condition in conditions {
        let s = Localization.withCatalog(catalog) { condition.sentence }
        checked += 1
        for word in english { #expect(!s.contains(word), "\(language) \(path): '\(s)' has '\(word)'") }
      }
    }
    #expect(checked > 100)
  }

  /// A Spanish lesson's ✓/✗ lines, as the panel shows them after each step, are Spanish.
  @Test func aSpanishLessonReportsInSpanish() throws {
    let es = try Self.catalog("es")
    let lesson = try Lesson.load(path: lessonsDirectory + "/es/03-feature-crosses-es.yaml")
    let run = Localization.withCatalog(es) { LessonRunner.validate(lesson) }
    let lines = Localization.withCatalog(es) {
      run.reports.flatMap { r in ((r.goal.map { [$0] } ?? []) + r.expectations).map(\.sentence) }
    }
    #expect(lines.count >= 10)
    #expect(lines.contains("Como esperábamos: ninguna línea recta separa un disco del anillo que lo rodea."))
    #expect(lines.contains { $0.hasPrefix("Al menos el 95% de los puntos de prueba están bien clasificados — ahora ") }, "\(lines)")
    for line in lines { #expect(!line.contains(" now ") && !line.contains("the "), "\(line)") }
  }
}
