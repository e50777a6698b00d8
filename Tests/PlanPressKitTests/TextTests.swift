import Testing
@testable import PlanPressKit

@Suite struct TextTests {
    @Test func escapesEverythingFromData() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func paragraphsAndLists() {
        let html = HTML.paragraphs("Вступ:\n- перше\n- друге\n\nДругий абзац")
        #expect(html == "<p>Вступ:</p>\n<ul><li>перше</li><li>друге</li></ul>\n<p>Другий абзац</p>\n")
    }

    @Test func marksWholeWordAbbreviationsOnly() {
        let marker = AbbreviationMarker([(abbr: "ВПО", full: "внутрішньо переміщені особи"), (abbr: "ГУ ДСНС", full: "Головне управління ДСНС"),
                                         (abbr: "план заходів", full: "not an abbreviation")])
        #expect(marker.mark("для ВПО та ГУ ДСНС") ==
                "для <abbr title=\"внутрішньо переміщені особи\">ВПО</abbr> та <abbr title=\"Головне управління ДСНС\">ГУ ДСНС</abbr>")
        #expect(marker.mark("ВПОшник") == "ВПОшник")
        #expect(marker.mark("план заходів") == "план заходів")
    }

    @Test func markdownIsSafe() {
        let sink = DiagnosticSink()
        let html = Markdown.render("<script>x</script>\n\n[a](javascript:alert(1)) **b**", file: "f.md", firstLine: 1,
                                   resolve: { _ in .keep }, sink: sink)
        #expect(!html.contains("<script>"))
        #expect(html.contains("href=\"\""))
        #expect(html.contains("<strong>b</strong>"))
    }

    @Test func markdownHeadingsShiftBelowThePageTitle() {
        let html = Markdown.render("# Заголовок", file: "f.md", firstLine: 1, resolve: { _ in .keep }, sink: DiagnosticSink())
        #expect(html == "<h2>Заголовок</h2>\n")
    }

    @Test func markdownReportsUnknownLinksAtTheirLine() {
        let sink = DiagnosticSink()
        _ = Markdown.render("текст\n\n[x](measure:p/9)", file: "c.md", firstLine: 4,
                            resolve: { _ in .unknown(.linkNotAReference(url: "measure:p/9")) }, sink: sink)
        #expect(sink.diagnostics.map { $0.description(.en) } == ["c.md:6:1: error: \(Message.linkNotAReference(url: "measure:p/9").text(.en))"])
    }

    @Test func itemReferences() {
        #expect(ItemReference(parsing: "measure:luhansk/6.2") == .measure(PlanID("luhansk"), "6.2"))
        #expect(ItemReference(parsing: "measure:6.2", defaultPlan: PlanID("p")) == .measure(PlanID("p"), "6.2"))
        #expect(ItemReference(parsing: "executor:oda") == .executor(ExecutorID("oda")))
        #expect(ItemReference(parsing: "https://example.org") == nil)
        #expect(ItemReference(parsing: "measure:") == nil)
    }

    @Test func idsCannotEscapeTheOutputFolder() {
        for bad in ["..", "../etc", "a/b", "A", "", ".hidden", "x..y", "з", "a b"] {
            #expect(!IDRules.isValid(bad), "\(bad)")
        }
        for good in ["6.2", "luhansk-wps-2026-2030", "task-1.1.1", "a"] { #expect(IDRules.isValid(good)) }
    }

    @Test func suggestionsFindCloseIds() {
        #expect(Suggestions.closest(to: "dszn", in: ["dszn-oda", "police", "oda"]).first == "dszn-oda")
        #expect(Suggestions.hint(for: "zzzzzz", in: ["abc"]) == "")
    }

    @Test func ukrainianAlphabeticalOrder() {
        let sorted = ["Їжак", "Яр", "Іван", "Ґанок", "Гора", "Є", "Абетка"].sorted(by: UkrainianCollation.less)
        #expect(sorted == ["Абетка", "Гора", "Ґанок", "Є", "Іван", "Їжак", "Яр"])
    }

    @Test func ukrainianPlurals() {
        let f = Formatting(language: "uk")
        let forms = ["захід", "заходи", "заходів"]
        #expect([1, 2, 5, 11, 21, 22, 25, 112].map { f.plural($0, forms) } ==
                ["захід", "заходи", "заходів", "заходів", "захід", "заходи", "заходів", "заходів"])
    }
}

@Suite struct ExcerptTests {
    @Test func shortTextsAreKeptWithWhitespaceFolded() {
        #expect(HTML.excerpt("  Провести\n навчання  ", limit: 50) == "Провести навчання")
    }

    @Test func longTextsAreCutOnAWordBoundary() {
        #expect(HTML.excerpt("Забезпечення координації виконання плану", limit: 30) == "Забезпечення координації…")
        #expect(HTML.excerpt("один, два, три", limit: 9) == "один…")
    }

    /// Issue 13 §5: when the limit falls exactly on a space the text is still cut, so it still ends with «…».
    @Test func aCutAtASpaceStillEndsWithAnEllipsis() {
        #expect(HTML.excerpt("один два три", limit: 4) == "один…")
        #expect(HTML.excerpt("один, два три", limit: 5) == "один…")
        #expect(HTML.excerpt("один  \n два три", limit: 8) == "один два…")
        // Not cut: no ellipsis, even when the text is exactly the limit long.
        #expect(HTML.excerpt("один два ", limit: 8) == "один два")
        for limit in 1...20 {
            let cut = HTML.excerpt("Забезпечення координації виконання плану", limit: limit)
            #expect(cut.hasSuffix("…"), "limit \(limit): \(cut)")
        }
    }
}

@Suite struct ParagraphFastPathTests {
    @Test func singleLinesAndListsAgreeWithTheGeneralRules() {
        #expect(HTML.paragraphs("  Один рядок & більше  ") == "<p>Один рядок &amp; більше</p>\n")
        #expect(HTML.paragraphs(" - пункт") == "<ul><li>пункт</li></ul>\n")
        #expect(HTML.paragraphs("   ") == "")
        #expect(HTML.escape("без змін") == "без змін")
    }
}
