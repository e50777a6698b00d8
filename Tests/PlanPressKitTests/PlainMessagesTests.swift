import Foundation
import Testing
@testable import PlanPressKit

/// The mistakes a press officer makes, reported in plain Ukrainian with the fix
/// (and in English on request), at the right line.
@Suite struct PlainMessagesTests {
    @Test func colonInATitleAsksForQuotes() throws {
        let site = try UpdateTests.site(["rada": "---\ntitle: Засідання ради: підсумки\ndate: 2026-01-01\n---\nТекст\n"])
        defer { site.remove() }
        #expect(site.failure(language: .uk) == ["Content/updates/rada.md:2:22: помилка: заголовок містить двокрапку — візьміть увесь заголовок у лапки: title: \"…\""])
        #expect(site.failure() == ["Content/updates/rada.md:2:22: error: the title contains a colon — put the whole title in quotes: title: \"…\""])
    }

    /// A title with a colon, an impossible date, a wrong item and a broken link: one `check`
    /// names all four, each at its line (it used to take a round per problem).
    @Test func everyProblemOfAnUpdateInOneRun() throws {
        let site = try UpdateTests.site(["rada": """
            ---
            title: Засідання ради: підсумки
            date: 2026-02-30
            items:
              - measure:test-plan/9.9
            summary: Підсумки: усе
            ---
            Див. [захід 7.7](measure:test-plan/7.7).

            """])
        defer { site.remove() }
        let printed = site.failure(language: .uk)
        #expect(printed.count == 5, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("Content/updates/rada.md:2:22: помилка: заголовок містить двокрапку") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("Content/updates/rada.md:3:7: помилка: поле 'date' (шапка оновлення): дати '2026-02-30' не існує") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("Content/updates/rada.md:5:") && $0.contains("measure:test-plan/9.9") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("Content/updates/rada.md:6:") && $0.contains("'summary' містить двокрапку") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("Content/updates/rada.md:8:") && $0.contains("measure:test-plan/7.7") }, "\(printed)")
        // Nothing is published from it, and nothing is said twice (no "title missing" after the colon).
        #expect(!printed.contains { $0.contains("бракує поля") }, "\(printed)")
    }

    @Test func colonInAnotherValueNamesItsKey() throws {
        let site = try UpdateTests.site(["rada": "---\ntitle: \"Т\"\ndate: 2026-01-01\nsummary: Підсумки: усе\n---\nТекст\n"])
        defer { site.remove() }
        #expect(site.failure(language: .uk).first?.contains("значення 'summary' містить двокрапку — візьміть усе значення в лапки") == true)
    }

    @Test func tabsAndStrayCharactersAreNamed() throws {
        let site = try UpdateTests.site([
            "tab": "---\ntitle: \"Т\"\ndate: 2026-01-01\nitems:\n\t- executor:police\n---\nТекст\n",
            "at": "---\ntitle: @Засідання\ndate: 2026-01-01\n---\nТекст\n",
        ])
        defer { site.remove() }
        let printed = site.failure(language: .uk)
        #expect(printed.contains { $0.hasPrefix("Content/updates/at.md:2:8: помилка: значення не може починатися зі знака «@» — візьміть усе значення в лапки") })
        #expect(printed.contains { $0.hasPrefix("Content/updates/tab.md:") && $0.contains("табуляція") })
    }

    @Test func impossibleDateInAnUpdate() throws {
        let site = try UpdateTests.site(["x": UpdateTests.update("Х", date: "2026-11-31")])
        defer { site.remove() }
        #expect(site.failure(language: .uk) == ["Content/updates/x.md:3:7: помилка: поле 'date' (шапка оновлення): дати '2026-11-31' не існує — у листопаді 30 днів"])
    }

    @Test func unknownKeyKeepsItsSuggestionInBothLanguages() throws {
        let site = try UpdateTests.site(["typo": "---\ntitle: \"Т\"\ndate: 2026-01-01\ntag: [\"х\"]\n---\nТекст\n"])
        defer { site.remove() }
        #expect(site.failure(language: .uk) == ["Content/updates/typo.md:4:1: помилка: невідомий ключ 'tag' (шапка оновлення) (можливо, 'tags'?)"])
    }

    @Test func previewPutsErrorsFirstAndCountsOtherWarnings() {
        let warning1 = Diagnostic.warning(.goalWithoutChildren(what: .goal("1")), at: SourceLocation(file: "a/plan.yaml", line: 1))
        let warning2 = Diagnostic.warning(.goalWithoutChildren(what: .goal("2")), at: SourceLocation(file: "a/plan.yaml", line: 2))
        let edited = Diagnostic.warning(.coverWithoutAlt, at: SourceLocation(file: "z/update.md", line: 3))
        let error = Diagnostic.error(.coverWithoutAlt, at: SourceLocation(file: "z/update.md", line: 9))
        let lines = DiagnosticReport.previewLines([warning1, error, warning2, edited], language: .uk) { $0?.file == "z/update.md" }
        #expect(lines == [error.description, edited.description, "2 попередження в інших файлах, див. `planpress check`"])
        let english = DiagnosticReport.previewLines([warning1, warning2], language: .en) { _ in false }
        #expect(english == ["2 warnings in other files, see `planpress check`"])
    }
}
