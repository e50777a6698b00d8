import Foundation
import Testing
@testable import PlanPressKit

/// Every message of the catalogue (Sources/PlanPressKit/Diagnostics/Messages.swift)
/// in both languages: present, different, and the Ukrainian without English words.
@Suite struct MessageCatalogueTests {
    static let what = Phrase.measure("3.1")
    static let problem = ReferenceProblem.noMeasure(plan: "kreminna", number: "9", suggestions: ["1.1"])

    /// One sample of each case; `everyCaseHasASample` fails when a case is added without one.
    static let samples: [Message] = [
        .untranslated("not yet in the catalogue"),
        .contentFolderMissing, .siteFileMissing, .fileUnreadable, .fileNotUTF8, .templatesFolderMissing,
        .yamlColonInValue(key: "title"), .yamlTab, .yamlCannotStartValue(character: "@"), .yamlIndentation,
        .yamlUnclosedQuote, .yamlMissingColon, .yamlSyntax(problem: "found undefined alias"), .yamlDuplicateKey(keys: ["id"]),
        .yamlNotUTF8(problem: "invalid leading UTF-8 octet"), .yamlUnreadable(detail: "stream error"),
        .notAMapping(what: what, found: .list), .missingKey(key: "text", what: what), .notText(key: "text", what: what, found: .mapping),
        .emptyValue(key: "text", what: what), .notWholeNumber(key: "from", what: what, found: "дві тисячі"),
        .notBoolean(key: "draft", what: .updateFrontMatter, found: "так"), .notADate(key: "date", what: .updateFrontMatter, found: "вчора"),
        .impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-11-31", year: 2026, month: 11),
        .notAList(key: "items", what: .updateFrontMatter, found: .text), .listEntryNotText(key: "tags", what: .updateFrontMatter),
        .unknownKey(key: "tern", what: what, suggestions: ["term"]), .notANumber(key: "value", what: .indicatorEntry, found: "'багато'"),
        .unknownLanguage(found: "de"),
        .updateWithoutFrontMatter, .invalidUpdateSlug(slug: "Засідання"), .notAnItemReference(text: "захід 3"), .coverWithoutAlt,
        .coverMissing(path: "updates/images/nema.jpg"), .coverWrongType(path: "updates/images/logo.svg"),
        .updateSlugTwice(slug: "zvit", otherFile: "Content/updates/2025/zvit.md"),
        .updateNamesMissingItem(reference: "measure:kreminna/9", problem: problem),
        .scheduledUpdate(title: "Засідання ради", date: CalendarDate(year: 2026, month: 12, day: 5), asOf: CalendarDate(year: 2026, month: 11, day: 30)),
        .warningsInOtherFiles(count: 2), .nothingWritten(errors: 3, warnings: 1),
        .checkPassed(plans: 5, measures: 218, executors: 112, warnings: 2), .previewAsOf(date: CalendarDate(year: 2026, month: 11, day: 30), buildDate: true),
        .imageNotAnImage(path: "updates/images/photo.jpg"), .imageMissing(path: "updates/images/nema.jpg"), .imageTooLarge(path: "updates/images/photo.jpg", megabytes: 25, limit: 20),
        .imageTooNarrow(path: "updates/images/photo.jpg", width: 320, minimum: 480),
        .imageUnreadable(path: "updates/images/photo.jpg", detail: "VipsJpeg: premature end of file"),
        .commentaryWithoutFrontMatter, .commentaryAboutNotAReference(text: "захід 3"),
        .commentaryAboutMissingItem(reference: "measure:kreminna/9", problem: problem), .linkNotAReference(url: "measure:"),
        .linkToMissingItem(url: "measure:kreminna/9", reference: "measure:kreminna/9", problem: problem),
        .executorsFileNotAList, .invalidExecutorID(id: "ОДА"), .unknownExecutorKind(what: .executor("oda"), kind: "authorty", allowed: ["authority", "unit"]),
        .executorTwice(id: "oda", other: "Content/executors/bodies.yaml:1:3"), .executorUnknownParent(id: "dszn", parent: "od", suggestions: ["oda"]),
        .executorCycle(id: "oda"), .measureUnknownExecutor(measure: "3.1", executor: "dsz", suggestions: ["dszn"]),
        .measureExecutorTwice(measure: "3.1", executor: "oda"), .planUnknownIssuer(plan: "kreminna", issuer: "rada", suggestions: []),
        .planUnknownSource(plan: "kreminna", source: "kreminna.txt", suggestions: ["kreminna-2020.txt"]),
        .invalidPlanID(id: "План"), .planIDDiffersFromFolder(id: "kreminna-2020", folder: "kreminna"), .planWithoutItems(id: "kreminna"),
        .unknownPlanStatus(found: "adoptd"), .periodWithoutYears, .periodReversed(from: 2030, to: 2026), .invalidLevelSlug(slug: "Напрям"),
        .levelSlugTwice(slug: "goal"), .noLevels, .numberNotURLSafe(what: what, number: "../x"), .nestedTooDeep(what: .goal("1.1"), goalLevels: 1),
        .goalWithoutChildren(what: .goal("2")), .responsibleWithoutExecutors(what: what), .unreadableTerm(what: what, printed: "колись"),
        .termWithoutYears(what: what), .invalidIndicatorID(id: "Показник"), .targetValueNotNumber(raw: "багато"),
        .unknownComparator(raw: "more", allowed: ["at-least", "at-most"]), .goalTwice(goal: "direction-1", plan: "kreminna", firstLine: 7),
        .measureTwice(number: "1", plan: "kreminna", firstLine: 7), .indicatorTwice(id: "1-1", plan: "kreminna", firstLine: 9),
        .budgetYearNotYear(found: "наступний"), .invalidSourceID(id: "Бюджет"), .fundingSourceTwice(id: "local"), .statedTotalsWithoutBudget,
        .unknownFundingStatus(what: what, raw: "maybe", allowed: ["stated", "not-stated"]), .statedWithoutLines(what: what),
        .amountsNotAllowed(what: what, status: "not-stated"), .fundingWithoutBudget(what: what),
        .unknownFundingSource(what: .fundingLine(of: what), printed: "Обласний", known: ["local", "Місцевий бюджет"]),
        .amountKeyNotYear(what: what, key: "20x5"), .yearNotInBudget(what: what, year: 2031, years: [2026, 2027]),
        .amountNotText(what: what, year: 2026), .amountNotNumber(what: what, raw: "сім", year: 2026),
        .budgetMismatch(scope: .wholePlan, source: "Міський бюджет", year: 2022, stated: "92.0", rows: 5, computed: "93.0", difference: "1.0"),
        .invalidReportPeriod(text: "2026-H3"), .unknownReporterKind(kind: "ngo", allowed: ["official", "civil-society"]),
        .evidenceURLScheme(url: "example.org"), .unknownMeasureStatus(status: "done", measure: "1.1", allowed: ["completed"]),
        .reportUnknownPlan(plan: "kremina", suggestions: ["kreminna"]), .reporterUnknownExecutor(executor: "od", suggestions: ["oda"]),
        .reportsOverlap(reporter: "ОДА", plan: "kreminna", period: "2026-H1", otherFile: "Content/reports/a.yaml"),
        .reportUnknownMeasure(measure: "9", plan: "kreminna", suggestions: ["1"]), .reportMeasureTwice(measure: "1.1"),
        .reportUnknownIndicator(indicator: "9-1", plan: "kreminna", suggestions: []),
        .templateUnsupportedForm(detail: "{{>partial}}"), .templateSyntax(detail: Phrase(uk: "тег не закрито знаками }}", en: "a tag is not closed with }}")),
        .templateUnreadable(detail: "EIO"), .templateMissing(name: "home"),
        .templateUnknownName(name: "plan_titel", template: "measure", suggestions: ["plan_title"]), .localeStringMissing(key: "nav_home", language: "en"),
        .ukrainianLocaleMissing,
    ]

    static func caseName(_ message: Message) -> String {
        Mirror(reflecting: message).children.first?.label ?? String(describing: message)
    }

    /// Every string inside the message's values: data (ids, paths, values as written), not words to translate.
    static func data(_ value: Any) -> [String] {
        if let text = value as? String { return [text] }
        return Mirror(reflecting: value).children.flatMap { data($0.value) }
    }

    /// YAML keys, values and format names Ukrainian messages quote as they must be typed.
    static let allowedLatin: Set<String> = [
        "YAML", "UTF", "JPEG", "PNG", "GIF", "WebP", "AVIF", "PlanPress", "Content", "executors", "sources", "https", "http",
        "as_of", "site", "yaml", "title", "base_url", "planpress", "new", "update", "check", "content", "templates", "date", "alt",
        "updates", "images", "photo", "jpg", "measure", "executor", "plan", "goal", "about", "kind", "parent", "issuer", "goals", "measures",
        "adopted", "draft", "period", "from", "to", "levels", "printed", "recurring", "true", "false", "comparator", "budget", "unit", "years",
        "stated", "lines", "spellings", "id", "plans", "build", "responsible", "language", "uk", "en", "mustache", "locales", "docs", "format", "md",
    ]

    @Test func everyCaseHasASample() throws {
        let source = try String(contentsOf: TestSite.repository.appendingPathComponent("Sources/PlanPressKit/Diagnostics/Messages.swift"), encoding: .utf8)
        let declared = source.split(separator: "\n").filter { $0.hasPrefix("    case ") }.map { line in
            String(line.dropFirst("    case ".count).prefix { $0.isLetter || $0.isNumber })
        }
        #expect(declared.count > 100)
        #expect(Set(Self.samples.map(Self.caseName)) == Set(declared))
    }

    @Test func everyMessageHasBothTextsAndTheyDiffer() {
        for message in Self.samples {
            let uk = message.text(.uk), en = message.text(.en)
            #expect(!uk.isEmpty && !en.isEmpty, "\(Self.caseName(message))")
            if case .untranslated = message { #expect(uk == en); continue }
            #expect(uk != en, "\(Self.caseName(message)): the Ukrainian is the English")
            #expect(uk.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(Self.caseName(message)) has no Cyrillic: \(uk)")
        }
    }

    @Test func ukrainianTextsHaveNoUntranslatedEnglishWords() {
        for message in Self.samples {
            if case .untranslated = message { continue }
            var text = message.text(.uk)
            for value in Self.data(message).sorted(by: { $0.count > $1.count }) where !value.isEmpty {
                text = text.replacingOccurrences(of: value, with: " ")
            }
            // `commands` and {printed: …} forms are typed as they are.
            for (open, close) in [("`", "`"), ("{", "}")] {
                while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                    text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
                }
            }
            let words = text.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init).filter { $0.count > 1 }
            let english = words.filter { !Self.allowedLatin.contains($0) }
            #expect(english.isEmpty, "\(Self.caseName(message)): \(english) in «\(message.text(.uk))»")
        }
    }

    @Test func impossibleDatesNameTheMonth() {
        let november = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-11-31", year: 2026, month: 11)
        #expect(november.text(.uk).hasSuffix("дати '2026-11-31' не існує — у листопаді 30 днів"))
        #expect(november.text(.en).hasSuffix("the date '2026-11-31' does not exist — November has 30 days"))
        let february = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2028-02-30", year: 2028, month: 2)
        #expect(february.text(.uk).hasSuffix("у лютому 2028 року 29 днів"))
        let month13 = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-13-01", year: 2026, month: 13)
        #expect(month13.text(.uk).contains("місяць має бути від 01 до 12"))
        #expect(CalendarDate.impossibleYearMonth("2026-11-31")! == (2026, 11))
        #expect(CalendarDate.impossibleYearMonth("2026-11-30") == nil)
        #expect(CalendarDate.impossibleYearMonth("вчора") == nil)
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(Message.warningsInOtherFiles(count: 1).text(.uk) == "1 попередження в інших файлах, див. `planpress check`")
        #expect(Message.warningsInOtherFiles(count: 2).text(.uk).hasPrefix("2 попередження "))
        #expect(Message.warningsInOtherFiles(count: 5).text(.uk).hasPrefix("5 попереджень "))
        #expect(Message.warningsInOtherFiles(count: 12).text(.uk).hasPrefix("12 попереджень "))
        #expect(Message.warningsInOtherFiles(count: 1).text(.en) == "1 warning in other files, see `planpress check`")
        #expect(Message.warningsInOtherFiles(count: 3).text(.en) == "3 warnings in other files, see `planpress check`")
        #expect(Message.days(31) == "31 день" && Message.days(30) == "30 днів" && Message.days(28) == "28 днів")
        #expect(Message.checkPassed(plans: 5, measures: 221, executors: 112, warnings: 2).text(.uk) == "гаразд: 5 планів, 221 захід, 112 виконавців; 2 попередження")
        #expect(Message.nothingWritten(errors: 3, warnings: 0).text(.uk).hasPrefix("planpress: 3 помилки, 0 попереджень; нічого не записано"))
    }

    @Test func severityAndLanguageChoice() {
        let diagnostic = Diagnostic.error(.coverWithoutAlt, at: SourceLocation(file: "a.md", line: 5, column: 3))
        #expect(diagnostic.description == "a.md:5:3: помилка: в обкладинки немає опису 'alt': опишіть світлину для людей, які її не бачать")
        #expect(diagnostic.description(.en) == "a.md:5:3: error: the cover image has no 'alt' text: describe the picture for people who cannot see it")
        #expect(Diagnostic.warning("old English message", at: nil).description == "попередження: old English message")
        #expect(MessageLanguage.resolve(option: nil, siteLanguage: nil) == .uk)
        #expect(MessageLanguage.resolve(option: nil, siteLanguage: "en") == .en)
        #expect(MessageLanguage.resolve(option: "uk", siteLanguage: "en") == .uk)
    }
}
