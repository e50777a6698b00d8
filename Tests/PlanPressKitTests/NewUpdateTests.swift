import Foundation
import Testing
@testable import PlanPressKit

/// `planpress new update "Заголовок"`: the file, its slug, and never overwriting.
@Suite struct NewUpdateTests {
    let day = CalendarDate(year: 2026, month: 6, day: 10)

    @Test func writesTheFileWithTheDateSlugAndCommentedFrontMatter() throws {
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        let update = try #require(NewUpdate(title: "  Згорани: засідання   координаційної ради  ", date: day))
        #expect(update.slug == "zghorany-zasidannia-koordynatsiinoi-rady")
        let path = try update.write(into: site.content)
        #expect(path == site.content + "/updates/zghorany-zasidannia-koordynatsiinoi-rady.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("\ntitle: \"Згорани: засідання координаційної ради\"\n"))
        #expect(text.contains("\ndate: 2026-06-10 "))
        #expect(text.contains("\ndraft: true "))
        for field in ["# summary:", "# author:", "# items:", "#   - measure:", "# tags:", "# cover:", "#   alt:"] {
            #expect(text.contains("\n" + field), "the template explains \(field)")
        }
    }

    /// The template as written loads without a single diagnostic, is a draft
    /// (not published), and is published with `--drafts`.
    @Test func theTemplateBuildsAsADraft() throws {
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        let update = try #require(NewUpdate(title: "Нова \"цитата\" \\ новина", date: day))
        try update.write(into: site.content)
        let result = try site.build()
        #expect(result.diagnostics.isEmpty)
        #expect(!site.exists("updates/nova-tsytata-novyna/index.html"))
        try site.build(drafts: true)
        let page = try site.page("updates/nova-tsytata-novyna/index.html")
        #expect(page.contains("<h1>Нова &quot;цитата&quot; \\ новина</h1>"))
        #expect(page.contains("<time datetime=\"2026-06-10\">"))
    }

    @Test func refusesToOverwrite() throws {
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        let update = try #require(NewUpdate(title: "Звіт", date: day))
        try site.write("updates/zvit.md", "мій текст")
        #expect(throws: NewUpdateError.self) { try update.write(into: site.content) }
        do {
            try update.write(into: site.content)
        } catch let error as NewUpdateError {
            #expect(error.message == "\(site.content)/updates/zvit.md already exists: edit that file, or choose a different title for a new update")
        }
        #expect(try String(contentsOfFile: site.content + "/updates/zvit.md", encoding: .utf8) == "мій текст")
    }

    @Test func createsTheUpdatesFolderAndRejectsTitlesWithoutLetters() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-new-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try #require(NewUpdate(title: "Їжакевич", date: day)).write(into: root)
        #expect(FileManager.default.fileExists(atPath: root + "/updates/yizhakevych.md"))
        #expect(NewUpdate(title: "— « » —", date: day) == nil)
    }

    @Test func readsTheAsOfDateForTheNote() throws {
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        #expect(SiteSettings.read(contentFolder: site.content)?.asOf == CalendarDate(year: 2026, month: 6, day: 15))
        #expect(SiteSettings.read(contentFolder: site.root.path + "/nowhere") == nil)
    }
}
