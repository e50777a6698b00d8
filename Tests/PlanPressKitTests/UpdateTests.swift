import Foundation
import Testing
@testable import PlanPressKit

/// Press updates: pages, pagination, the sections on item pages, drafts,
/// future dates and the errors a press office meets.
@Suite struct UpdateTests {
    /// An update file. `items` are item references; `extra` more front matter lines.
    static func update(_ title: String, date: String, items: [String] = [], extra: String = "",
                       body: String = "Текст новини.") -> String {
        var text = "---\ntitle: \"\(title)\"\ndate: \(date)\n"
        if !items.isEmpty { text += "items:\n" + items.map { "  - \($0)\n" }.joined() }
        text += extra
        return text + "---\n" + body + "\n"
    }

    static func site(_ updates: [String: String]) throws -> TestSite {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                     "sources/test-plan.txt": "Джерело"]
        for (name, text) in updates { files["updates/\(name).md"] = text }
        return try TestSite(files)
    }

    // MARK: pages

    @Test func updatePageShowsBodyItemsAndTags() throws {
        let site = try Self.site(["navchannia": Self.update(
            "Навчання <проведено>", date: "2026-05-04",
            items: ["measure:test-plan/1.1", "executor:police", "goal:test-plan/task-1.1", "indicator:test-plan/1.1-2"],
            extra: "summary: \"Коротко\"\nauthor: \"Прес-служба ОДА\"\ntags: [\"навчання\", \"поліція\"]\n",
            body: "Див. [захід 1.1](measure:test-plan/1.1).\n\n<script>alert(1)</script>")])
        defer { site.remove() }
        try site.build()
        let page = try site.page("updates/navchannia/index.html")
        #expect(page.contains("<h1>Навчання &lt;проведено&gt;</h1>"))
        #expect(page.contains("<time datetime=\"2026-05-04\">4 травня 2026 р.</time> · Прес-служба ОДА"))
        #expect(page.contains("<a href=\"/plany/plans/test-plan/measures/1.1/\">захід 1.1</a>"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("<li><a href=\"/plany/plans/test-plan/measures/1.1/\">Захід 1.1 — Тестовий план</a></li>"))
        #expect(page.contains("<li><a href=\"/plany/executors/police/\">Головне управління Національної поліції</a></li>"))
        #expect(page.contains("<li><a href=\"/plany/plans/test-plan/goals/task-1.1/\">Завдання 1.1 — Тестовий план</a></li>"))
        #expect(page.contains("<li><a href=\"/plany/plans/test-plan/indicators/1.1-2/\">Показник 1.1-2 — Тестовий план</a></li>"))
        #expect(page.contains("<span class=\"tag\">навчання</span> <span class=\"tag\">поліція</span>"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta name=\"description\" content=\"Коротко\">"))
        #expect(try site.page("en/updates/navchannia/index.html").contains("What this update is about"))
    }

    @Test func listIsNewestFirstTenPerPage() throws {
        var updates: [String: String] = [:]
        for day in 1...23 {
            let d = day < 10 ? "0\(day)" : "\(day)"
            updates["u\(d)"] = Self.update("Новина \(d)", date: "2026-03-\(d)")
        }
        let site = try Self.site(updates)
        defer { site.remove() }
        try site.build()
        func titles(_ path: String) throws -> [String] {
            try site.page(path).components(separatedBy: "\">Новина ").dropFirst().map { String($0.prefix(2)) }
        }
        #expect(try titles("updates/index.html") == (14...23).reversed().map { "\($0)" })
        #expect(try titles("updates/page/2/index.html") == (4...13).reversed().map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(try titles("updates/page/3/index.html") == ["03", "02", "01"])
        #expect(!site.exists("updates/page/4/index.html"))
        #expect(!site.exists("updates/page/1/index.html"))
        let middle = try site.page("updates/page/2/index.html")
        #expect(middle.contains("<a rel=\"prev\" href=\"/plany/updates/\">"))
        #expect(middle.contains("<a rel=\"next\" href=\"/plany/updates/page/3/\">"))
        #expect(middle.contains("<span aria-current=\"page\">2</span>"))
        #expect(middle.contains("<title>Новини — сторінка 2 · Тестовий сайт</title>"))
        let last = try site.page("updates/page/3/index.html")
        #expect(!last.contains("rel=\"next\""))
    }

    @Test func emptyListStillExists() throws {
        let site = try Self.site([:])
        defer { site.remove() }
        try site.build()
        #expect(try site.page("updates/index.html").contains("Новин поки немає."))
        #expect(try site.page("index.html").contains("href=\"/plany/updates/\">Новини</a>"))
        #expect(!(try site.page("index.html").contains("Останні новини")))
    }

    @Test func itemPagesHomeAndExecutorsListTheirUpdates() throws {
        let site = try Self.site([
            "a": Self.update("Про захід", date: "2026-01-10", items: ["measure:test-plan/1.1"]),
            "b": Self.update("Про поліцію", date: "2026-02-10", items: ["executor:police"]),
            "c": Self.update("Про ціль і показник", date: "2026-03-10", items: ["goal:test-plan/goal-1", "indicator:test-plan/1.1-1"]),
            "d": Self.update("Про план", date: "2026-04-10", items: ["plan:test-plan"]),
        ])
        defer { site.remove() }
        try site.build()
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect(measure.contains("Новини про цей захід"))
        #expect(measure.contains("<a href=\"/plany/updates/a/\">Про захід</a>"))
        #expect(!measure.contains("/plany/updates/b/"))
        #expect(!(try site.page("plans/test-plan/measures/1.2/index.html").contains("related-updates")))
        let police = try site.page("executors/police/index.html")
        #expect(police.contains("Новини про цього виконавця") && police.contains("/plany/updates/b/"))
        #expect(try site.page("plans/test-plan/goals/goal-1/index.html").contains("Новини про цю частину плану"))
        #expect(try site.page("plans/test-plan/indicators/1.1-1/index.html").contains("<a href=\"/plany/updates/c/\">"))
        #expect(try site.page("en/plans/test-plan/measures/1.1/index.html").contains("News about this measure"))
        // The plan page lists updates about the plan and any of its items, with the plan's feed.
        let plan = try site.page("plans/test-plan/index.html")
        for slug in ["a", "c", "d"] { #expect(plan.contains("href=\"/plany/updates/\(slug)/\"")) }
        #expect(!plan.contains("href=\"/plany/updates/b/\""))
        #expect(plan.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Стрічка новин цього плану (Atom)\" href=\"/plany/plans/test-plan/feed.xml\">"))
        // Home: the latest three, newest first.
        let home = try site.page("index.html")
        let positions = ["/plany/updates/d/", "/plany/updates/c/", "/plany/updates/b/"].map { home.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!home.contains("/plany/updates/a/"))
    }

    @Test func coverIsConvertedWithItsAltText() throws {
        let site = try Self.site(["foto": Self.update("З фото", date: "2026-05-01",
                                                      extra: "cover:\n  image: updates/images/foto.PNG\n  alt: \"Учасники навчання\"\n")])
        defer { site.remove() }
        try site.writeBytes("updates/images/foto.PNG", try ImageTests.pngBytes(width: 1000, height: 500))
        try site.build()
        // The original is not published (ImageTests: sizes, formats, metadata).
        #expect(!site.exists("updates/foto/cover.png"))
        #expect(site.exists("updates/foto/cover.1000.jpg") && site.exists("updates/foto/cover.480.webp"))
        let page = try site.page("updates/foto/index.html")
        #expect(page.contains("<img src=\"/plany/updates/foto/cover.960.jpg\" srcset=\"/plany/updates/foto/cover.480.jpg 480w, /plany/updates/foto/cover.960.jpg 960w, /plany/updates/foto/cover.1000.jpg 1000w\""))
        #expect(page.contains("width=\"1000\" height=\"500\" alt=\"Учасники навчання\" decoding=\"async\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/plany/updates/foto/share.jpg\">"))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"Учасники навчання\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(try site.page("en/updates/foto/index.html").contains("<img src=\"/plany/updates/foto/cover.960.jpg\""))
    }

    // MARK: drafts and dates

    @Test func draftsAndFutureUpdatesAreNotPublished() throws {
        let site = try Self.site([
            "published": Self.update("Опубліковано", date: "2026-06-15", items: ["measure:test-plan/1.1"]),
            "draft": Self.update("Чернетка", date: "2026-06-01", items: ["measure:test-plan/1.1"], extra: "draft: true\n"),
            "future": Self.update("Майбутня", date: "2026-06-16", items: ["measure:test-plan/1.1"]),
        ])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("updates/published/index.html"))
        for slug in ["draft", "future"] {
            #expect(!site.exists("updates/\(slug)/index.html"))
            #expect(!(try site.page("updates/index.html").contains("/plany/updates/\(slug)/")))
            #expect(!(try site.page("plans/test-plan/measures/1.1/index.html").contains("/plany/updates/\(slug)/")))
            #expect(!(try site.page("updates/feed.xml").contains("/updates/\(slug)/")))
            #expect(!(try site.page("sitemap.xml").contains("/updates/\(slug)/")))
        }
        try site.build(drafts: true)
        #expect(site.exists("updates/draft/index.html"))
        #expect(try site.page("updates/draft/index.html").contains("чернетка, не опубліковано"))
        #expect(!site.exists("updates/future/index.html"))
    }

    @Test func linkToAnUnpublishedUpdateIsAnError() throws {
        let site = try Self.site([
            "a": Self.update("А", date: "2026-01-01", body: "Див. [чернетку](update:b)."),
            "b": Self.update("Б", date: "2026-01-02", extra: "draft: true\n"),
        ])
        defer { site.remove() }
        #expect(site.failure() == [
            "Content/updates/a.md:5:6: error: link 'update:b' points to update:b, but update 'b' is not published (no such file, a draft, or dated after as_of) (did you mean 'a'?)",
        ])
    }

    // MARK: errors with file:line

    @Test func unknownItemNamesTheClosestIds() throws {
        let site = try Self.site(["x": Self.update("Х", date: "2026-01-01", items: ["measure:test-plan/1.1", "measure:test-plan/1.3", "executor:polise"])])
        defer { site.remove() }
        #expect(site.failure() == [
            "Content/updates/x.md:6:5: error: update names measure:test-plan/1.3, but plan 'test-plan' has no measure 1.3 (did you mean '1.1', '1.2', '2.1'?)",
            "Content/updates/x.md:7:5: error: update names executor:polise, but executor 'polise' does not exist (did you mean 'police'?)",
        ])
    }

    @Test func dateThatIsNotADate() throws {
        let site = try Self.site(["x": Self.update("Х", date: "2026-02-30")])
        defer { site.remove() }
        #expect(site.failure() == ["Content/updates/x.md:3:7: error: 'date' of update front matter: the date '2026-02-30' does not exist — February 2026 has 28 days"])
        #expect(site.failure(language: .uk) == ["Content/updates/x.md:3:7: помилка: поле 'date' (шапка оновлення): дати '2026-02-30' не існує — у лютому 2026 року 28 днів"])
    }

    @Test func badFrontMatter() throws {
        let site = try Self.site([
            "broken": "---\ntitle: \"Без лапки\ndate: 2026-01-01\n---\nТекст\n",
            "none": "Просто текст без front matter\n",
            "typo": "---\ntitle: \"Т\"\ndate: 2026-01-01\ntag: [\"х\"]\n---\nТекст\n",
        ])
        defer { site.remove() }
        let failure = site.failure()
        #expect(failure.count == 3)
        #expect(failure[0] == "Content/updates/broken.md:2:8: error: a quote is opened but never closed — add the closing quote at the end of the value")
        #expect(failure[1] == "Content/updates/none.md:1:1: error: an update must start with front matter between '---' lines (title, date, …); run `planpress new update \"Заголовок\"` for a template")
        #expect(failure[2] == "Content/updates/typo.md:4:1: error: unknown key 'tag' in update front matter (did you mean 'tags'?)")
    }

    @Test func twoUpdatesWithTheSameSlug() throws {
        let site = try Self.site(["2025/zvit": Self.update("Перший", date: "2026-01-01"),
                                  "2026/zvit": Self.update("Другий", date: "2026-01-02")])
        defer { site.remove() }
        #expect(site.failure() == ["Content/updates/2026/zvit.md:2:1: error: two updates have the slug 'zvit' (also Content/updates/2025/zvit.md): rename one file"])
    }

    @Test func coverImageMissingOrWithoutAlt() throws {
        let site = try Self.site([
            "missing": Self.update("Без файлу", date: "2026-01-01", extra: "cover:\n  image: updates/images/nema.jpg\n  alt: \"Фото\"\n"),
            "noalt": Self.update("Без опису", date: "2026-01-01", extra: "cover:\n  image: updates/images/foto.jpg\n"),
            "svg": Self.update("SVG", date: "2026-01-01", extra: "cover:\n  image: updates/images/logo.svg\n  alt: \"Лого\"\n"),
            "outside": Self.update("Поза", date: "2026-01-01", extra: "cover:\n  image: ../secret.jpg\n  alt: \"Х\"\n"),
        ])
        defer { site.remove() }
        try site.write("updates/images/foto.jpg", "")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("jpeg bytes".utf8)).write(to: URL(fileURLWithPath: site.content + "/updates/images/foto.jpg"))
        try site.write("updates/images/logo.svg", "<svg/>")
        // libvips's own words vary with what else it read meanwhile (its error buffer is the process's).
        #expect(site.failure().map { $0.replacing(/\s\((source|Vips)[^)]*\)/, with: " (…)") } == [
            "Content/updates/missing.md:5:3: error: cover image 'updates/images/nema.jpg' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg",
            "Content/updates/noalt.md:5:3: error: photo 'updates/images/foto.jpg' cannot be read — the file is damaged or incomplete (…): copy it from the phone again or save it again as JPEG",
            "Content/updates/noalt.md:5:3: error: the cover image has no 'alt' text: describe the picture for people who cannot see it",
            "Content/updates/outside.md:5:3: error: cover image '../secret.jpg' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg",
            "Content/updates/svg.md:5:3: error: cover image 'updates/images/logo.svg' is not a JPEG, PNG, GIF, WebP, AVIF or HEIC file: convert it to one of those",
        ])
    }
}
