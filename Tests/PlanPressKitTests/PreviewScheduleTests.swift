import Foundation
import Testing
@testable import PlanPressKit

/// The preview shows what will go out: updates dated after as_of with a
/// «заплановано на …» badge and a word in the terminal why a normal build leaves
/// them out; `as_of: build-date`; drafts' links checked like published ones.
@Suite struct PreviewScheduleTests {
    static func site() throws -> TestSite {
        try UpdateTests.site([
            "published": UpdateTests.update("Опубліковано", date: "2026-06-15", items: ["measure:test-plan/1.1"]),
            "rada": UpdateTests.update("Засідання ради", date: "2026-12-05", items: ["measure:test-plan/1.1"]),
        ])
    }

    @Test func previewShowsScheduledUpdatesWithABadge() throws {
        let site = try Self.site()
        defer { site.remove() }
        var options = site.options()
        options.includeScheduled = true
        let result = try Builder(options: options).build()
        #expect(site.exists("updates/rada/index.html"))
        #expect(try site.page("updates/rada/index.html").contains("<span class=\"badge badge-scheduled\">заплановано на 5 грудня</span>"))
        #expect(try site.page("updates/index.html").contains("<span class=\"badge badge-scheduled\">заплановано на 5 грудня</span>"))
        #expect(!(try site.page("updates/published/index.html").contains("badge-scheduled")))
        // Every list that shows it says so: the home page and the measure it is about.
        for page in ["index.html", "plans/test-plan/measures/1.1/index.html", "en/index.html"] {
            let html = try site.page(page)
            let item = EditorTests.after(">Засідання ради</a>", in: html, 200)
            #expect(item.hasPrefix(" <span class=\"badge badge-scheduled\">"), "\(page): \(item)")
        }
        #expect(result.scheduled.map { $0.text(.uk) } == [
            "«Засідання ради» заплановано на 5 грудня: його дата пізніша за as_of (2026-06-15), тому звичайна збірка його не публікує; попередній перегляд показує його з позначкою",
        ])
    }

    /// `/plans/` is a page: every plan grouped as on the home page, in both languages, and the
    /// navigation and the breadcrumbs of plan pages lead to it.
    @Test func thePlansIndexIsAPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try site.build()
        let index = try site.page("plans/index.html")
        #expect(index.contains("<h1>Плани</h1>"))
        #expect(index.contains("<a href=\"/plany/plans/test-plan/\">Тестовий план</a>"))
        #expect(try site.page("en/plans/index.html").contains("<a href=\"/plany/en/plans/test-plan/\""))
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect(EditorTests.after("class=\"breadcrumbs", in: measure, 400).contains("<li><a href=\"/plany/plans/\">Плани</a></li>"), "breadcrumbs")
        #expect(try site.page("index.html").contains("<li><a href=\"/plany/plans/\">Плани</a></li>"), "navigation")
    }

    @Test func normalBuildLeavesThemOutAndSaysWhy() throws {
        let site = try Self.site()
        defer { site.remove() }
        let result = try site.build()
        #expect(!site.exists("updates/rada/index.html"))
        #expect(!(try site.page("updates/index.html").contains("rada")))
        #expect(result.scheduled.count == 1)
        #expect(result.scheduled.first?.text(.en).hasPrefix("“Засідання ради” is scheduled for 5 December: it is dated after as_of (2026-06-15)") == true)
    }

    @Test func draftLinksAreCheckedLikePublishedOnes() throws {
        let site = try UpdateTests.site([
            "chernetka": UpdateTests.update("Чернетка", date: "2026-06-01", extra: "draft: true\n", body: "Див. [захід](measure:test-plan/9.9)."),
            "later": UpdateTests.update("Пізніше", date: "2026-12-01", body: "Див. [захід](measure:test-plan/1.1) і [ще](executor:polise)."),
        ])
        defer { site.remove() }
        #expect(site.failure(language: .uk) == [
            "Content/updates/chernetka.md:6:6: помилка: посилання 'measure:test-plan/9.9' веде на measure:test-plan/9.9, але в плані 'test-plan' немає заходу 9.9 (можливо, '1.1', '1.2', '2.1'?)",
            "Content/updates/later.md:5:39: помилка: посилання 'executor:polise' веде на executor:polise, але виконавця 'polise' немає (можливо, 'police'?)",
        ])
    }

    @Test func asOfBuildDateUsesTheDayOfTheBuild() throws {
        let settings = TestSite.defaultSettings.replacingOccurrences(of: "as_of: 2026-06-15", with: "as_of: build-date")
        let site = try TestSite(["site.yaml": settings, "executors/bodies.yaml": TestSite.executors,
                                 "plans/test-plan/plan.yaml": TestSite.plan, "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        let loaded = try #require(SiteSettings.read(contentFolder: site.content))
        #expect(loaded.asOfIsBuildDate)
        #expect(loaded.asOf == BuildDate.today())
        try site.build()
        #expect(BuildDate.today(environment: ["SOURCE_DATE_EPOCH": "0"]) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(BuildDate.today(environment: ["SOURCE_DATE_EPOCH": "1796083200"]) == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(BuildDate.today(environment: [:], now: Date(timeIntervalSince1970: 1796083199)) == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(Message.previewAsOf(date: CalendarDate(year: 2026, month: 11, day: 30), buildDate: true).text(.uk)
            .hasPrefix("попередній перегляд станом на 30 листопада 2026 р. (сьогоднішня дата, бо в site.yaml стоїть as_of: build-date)"))
    }
}
