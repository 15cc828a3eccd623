import _TestSupport
import Foundation
import Localization
import Testing

/// `--lang` and the locale through the real binary: the messages change language, the machine
/// output does not, and an unknown language is a usage error naming the shipped ones.
@Suite struct LanguageCLITests {
  static let plain: [String: String?] = ["LANG": "C", "LC_ALL": nil, "LC_MESSAGES": nil]

  @Test func langPicksTheMessagesLanguage() throws {
    let de = try runPlayground(["--lang", "de", "--zoom", "9", "--screenshot", "/dev/null"], environment: Self.plain)
    #expect(de.status == 2 && de.stderr.contains("--zoom muss zwischen 0.5 und 3 liegen"), "\(de.stderr)")
    let es = try runPlayground(["train", "--lang", "es", "--epochs", "20000000"], environment: Self.plain)
    #expect(es.status == 2 && es.stderr.contains("--epochs debe estar entre 0 y 10000000"), "\(es.stderr)")
    let before = try runPlayground(["--lang", "de", "train", "--epochs", "20000000"], environment: Self.plain)
    #expect(before.status == 2 && before.stderr.contains("--epochs muss zwischen 0 und 10000000 liegen"), "\(before.stderr)")
    let en = try runPlayground(["--zoom", "9", "--screenshot", "/dev/null"], environment: Self.plain)
    #expect(en.status == 2 && en.stderr.contains("--zoom must be from 0.5 to 3"), "\(en.stderr)")
  }

  @Test func theLocalePicksItWhenNoFlagDoes() throws {
    let es = try runPlayground(["--zoom", "9", "--screenshot", "/dev/null"], environment: ["LANG": "es_ES.UTF-8", "LC_ALL": nil])
    #expect(es.status == 2 && es.stderr.contains("--zoom debe estar entre 0.5 y 3"), "\(es.stderr)")
    let flagWins = try runPlayground(["--lang", "en", "--zoom", "9", "--screenshot", "/dev/null"], environment: ["LANG": "de_DE.UTF-8"])
    #expect(flagWins.stderr.contains("--zoom must be from 0.5 to 3"), "\(flagWins.stderr)")
    let unknown = try runPlayground(["--zoom", "9", "--screenshot", "/dev/null"], environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": nil])
    #expect(unknown.stderr.contains("--zoom must be from 0.5 to 3"), "\(unknown.stderr)")
  }

  @Test func anUnknownLanguageIsAUsageError() throws {
    let r = try runPlayground(["--lang", "fr", "--screenshot", "/dev/null"], environment: Self.plain)
    #expect(r.status == 2 && r.stderr.contains("'fr'") && r.stderr.contains("en, es, de"), "\(r.stderr)")
  }

  @Test func machineOutputStaysTheSame() throws {
    let en = try runPlayground(["train", "--epochs", "3", "--json"], environment: Self.plain)
    let de = try runPlayground(["train", "--epochs", "3", "--json", "--lang", "de"], environment: Self.plain)
    #expect(en.status == 0 && de.status == 0, "\(de.stderr)")
    #expect(en.stdout == de.stdout)
  }

  @Test func screenshotsAndLayoutReportsHonourTheLanguage() throws {
    let r = try runPlayground(["--lang", "de", "--layout-json", "--size", "1280x800"], environment: Self.plain)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Lernrate"), "\(r.stdout.prefix(400))")
    #expect(r.stdout.contains("\"truncated\":[]"), "\(r.stdout.prefix(2000))")
  }
}
