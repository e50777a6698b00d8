import Foundation
import Testing
@testable import PlanPressKit

/// The notes page «Як прочитано документ» in both languages: `sources/<plan>.md`
/// (Ukrainian) on the Ukrainian page, `sources/<plan>.en.md` on the English one,
/// the Ukrainian notes (marked) where there is no English version.
@Suite struct SourceNotesTests {
    static let ukrainianNotes = """
    # Нотатки до джерела

    Рядок 2 джерела прочитано як «Перша ціль»; див. [захід 1.1](measure:test-plan/1.1).
    """
    static let englishNotes = """
    # Source notes

    Line 2 of the source was read as «Перша ціль»; see [measure 1.1](measure:test-plan/1.1).
    """

    func site(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                     "sources/test-plan.txt": "Тестовий план заходів\nПерша ціль\n"]
        files.merge(extra) { _, new in new }
        return try TestSite(files)
    }

    static let ukrainianPage = "plans/test-plan/source/notes/index.html"
    static let englishPage = "en/plans/test-plan/source/notes/index.html"

    /// The page's `<article>`: the language switch elsewhere on the page carries `lang="en"` by design.
    func article(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<article class=\"source-notes\">"))
        let end = try #require(page.range(of: "</article>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func eachLanguageShowsItsOwnNotes() throws {
        let site = try site(["sources/test-plan.md": Self.ukrainianNotes, "sources/test-plan.en.md": Self.englishNotes])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(result.diagnostics)")

        let uk = try article(site.page(Self.ukrainianPage))
        #expect(uk.contains("<h2>Нотатки до джерела</h2>"))
        #expect(uk.contains("Рядок 2 джерела прочитано як «Перша ціль»"))
        #expect(uk.contains("href=\"/plany/plans/test-plan/measures/1.1/\">захід 1.1</a>"))
        #expect(uk.contains("<div class=\"prose\">"))
        #expect(!uk.contains("lang=\"en\""), "Ukrainian notes marked as English")
        #expect(!uk.contains("Source notes") && !uk.contains("uk-only"))
        #expect(!uk.contains("Нотатки написано англійською"))

        let en = try article(site.page(Self.englishPage))
        #expect(en.contains("<h2>Source notes</h2>"))
        #expect(en.contains("Line 2 of the source was read as <span lang=\"uk\">«Перша ціль»</span>; see <a"))
        #expect(en.contains("href=\"/plany/en/plans/test-plan/measures/1.1/\">measure 1.1</a>"))
        #expect(en.contains("<div class=\"prose\">"))
        #expect(!en.contains("Нотатки до джерела") && !en.contains("uk-only"))

        // The English notes are published on the English notes page only.
        for (path, data) in try files(site.output) where path != Self.englishPage {
            #expect(!String(decoding: data, as: UTF8.self).contains("Line 2 of the source was read"), "\(path) shows the English notes")
        }
    }

    @Test func withoutEnglishNotesTheEnglishPageShowsTheUkrainianOnesMarked() throws {
        let site = try site(["sources/test-plan.md": Self.ukrainianNotes])
        defer { site.remove() }
        try site.build()
        let en = try article(site.page(Self.englishPage))
        #expect(en.contains("<p class=\"note uk-only\">These notes exist only in Ukrainian; they are shown as written.</p>"))
        #expect(en.contains("<div class=\"prose\" lang=\"uk\"><h2>Нотатки до джерела</h2>"))
        #expect(en.contains("Рядок 2 джерела прочитано як «Перша ціль»"))
        #expect(en.contains("<h1>How the document was read</h1>"))
        // The Ukrainian page is unaffected: no note, no marking.
        let uk = try article(site.page(Self.ukrainianPage))
        #expect(!uk.contains("uk-only") && !uk.contains(" lang=\""))
    }

    /// `x.en.md` is the English notes of `x`, never the notes of a plan `x.en`.
    @Test func englishNotesAreNotAnotherPlansNotes() throws {
        let other = TestSite.plan.replacingOccurrences(of: "id: test-plan\n", with: "id: test-plan.en\n")
            .replacingOccurrences(of: "source: test-plan.txt", with: "source: test-plan.en.txt")
        let site = try site(["sources/test-plan.md": Self.ukrainianNotes, "sources/test-plan.en.md": Self.englishNotes,
                             "plans/test-plan.en/plan.yaml": other, "sources/test-plan.en.txt": "Тестовий план заходів\nПерша ціль\n"])
        defer { site.remove() }
        try site.build()
        #expect(site.exists(Self.englishPage) && site.exists("plans/test-plan.en/source/index.html"))
        #expect(!site.exists("plans/test-plan.en/source/notes/index.html"))
        #expect(!site.exists("en/plans/test-plan.en/source/notes/index.html"))
        #expect(!(try site.page("plans/test-plan.en/index.html")).contains("source/notes/"))
    }

    @Test func notesWithoutAPlanOrWithoutUkrainianNotesAreWarnedAndNotPublished() throws {
        let site = try site(["sources/test-plan.en.md": Self.englishNotes, "sources/test-plam.md": Self.ukrainianNotes])
        defer { site.remove() }
        let result = try site.build()
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.text)
        #expect(warnings.contains(.englishNotesWithoutUkrainian(file: "sources/test-plan.en.md", plan: "test-plan")))
        #expect(warnings.contains(.sourceNotesUnknownPlan(file: "sources/test-plam.md", plan: "test-plam", suggestions: ["test-plan"])))
        #expect(!site.exists(Self.ukrainianPage) && !site.exists(Self.englishPage))
        #expect(!(try site.page("en/plans/test-plan/source/index.html")).contains("source/notes/"))
    }

    /// A notes file named as a plan's `source:` would be published as its text and download.
    @Test func aNotesFileCannotBeAPlansSource() throws {
        let plan = TestSite.plan.replacingOccurrences(of: "source: test-plan.txt", with: "source: test-plan.en.md")
        let site = try site(["plans/test-plan/plan.yaml": plan, "sources/test-plan.md": Self.ukrainianNotes,
                             "sources/test-plan.en.md": Self.englishNotes])
        defer { site.remove() }
        #expect(site.failure().contains { $0.contains("plan 'test-plan' names 'test-plan.en.md' as its source, but a source text is a `.txt` file") })
    }

    /// Only the Ukrainian passages of English notes are marked, not the English sentence around them.
    @Test(arguments: [
        ("<p>Line 2 (see «Перша ціль») and «A»</p>", "<p>Line 2 (see <span lang=\"uk\">«Перша ціль»</span>) and «A»</p>"),
        ("<li>ЦСССДМ, «відділ УДМС», the legal aid</li>", "<li><span lang=\"uk\">ЦСССДМ, «відділ УДМС»</span>, the legal aid</li>"),
        ("<p>«об&#39;єднані» &amp; ГУНП (1.7).</p>", "<p><span lang=\"uk\">«об&#39;єднані»</span> &amp; <span lang=\"uk\">ГУНП (1.7)</span>.</p>"),
        ("<code>responsible_heading: &quot;Відповідальні&quot;</code>", "<code>responsible_heading: &quot;<span lang=\"uk\">Відповідальні</span>&quot;</code>"),
        ("<p>(«…«Жінки, мир» на період» + «до 2030 року»)</p>", "<p><span lang=\"uk\">(«…«Жінки, мир» на період» + «до 2030 року»)</span></p>"),
        ("<a href=\"/x\" title=\"Захід\">1.2 and 3</a>", "<a href=\"/x\" title=\"Захід\">1.2 and 3</a>"),
    ])
    func ukrainianPassagesAreMarked(html: String, marked: String) {
        #expect(ContentLanguage.markPassages(html) == marked)
    }

    /// The shipped notes: Ukrainian on the Ukrainian pages, English on the English ones.
    @Test(arguments: ["luhansk-wps-2026-2030", "kreminna-wps-2020-2022", "luhansk-strategy-2027",
                      "luhansk-civil-society-2020", "minreintegration-2024"])
    func theRealNotesAreBilingual(plan: String) throws {
        let (graph, templates) = try #require(MonitoringRealContentTests.checked)
        let id = PlanID(plan)
        let sources = TestSite.repository.appendingPathComponent("Content/sources")
        let ukrainian = try String(contentsOf: sources.appendingPathComponent("\(plan).md"), encoding: .utf8)
        let english = try String(contentsOf: sources.appendingPathComponent("\(plan).en.md"), encoding: .utf8)
        func heading(_ markdown: String) -> String { String(markdown.split(separator: "\n")[0].dropFirst(2)) }
        // The Ukrainian notes are written in Ukrainian: their own heading and prose are Cyrillic.
        #expect(heading(ukrainian).contains { ("а"..."я").contains($0) || "іїєґ".contains($0) })
        #expect(!heading(english).contains { ("а"..."я").contains($0) })

        let ukPage = try article(PageRenderer(graph: graph, templates: templates, language: "uk", routes: graph.routes, otherRoutes: nil)
            .render(.planSourceNotes(id)))
        #expect(ukPage.contains("<h2>\(heading(ukrainian))</h2>"))
        #expect(!ukPage.contains("lang=\"en\"") && !ukPage.contains(heading(english)))

        let enPage = try article(PageRenderer(graph: graph, templates: templates, language: "en", routes: graph.routes.withLocale("en/"), otherRoutes: nil)
            .render(.planSourceNotes(id)))
        #expect(enPage.contains("<h2>\(heading(english))</h2>"))
        #expect(!enPage.contains("uk-only") && !enPage.contains("<h2>\(heading(ukrainian))</h2>"))
    }

    func files(_ folder: String) throws -> [(String, Data)] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted().compactMap { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return (path, FileManager.default.contents(atPath: folder + "/" + path) ?? Data())
        }
    }
}
