import Foundation
import Testing
@testable import PlanPressKit

/// Atom feeds parsed back and held to RFC 4287; sitemap, robots.txt and the
/// sharing meta on every page.
@Suite struct FeedTests {
    static let atom = "http://www.w3.org/2005/Atom"
    static let base = "https://example.org/plany/"

    static func site() throws -> TestSite {
        try UpdateTests.site([
            "plan-zatverdzheno": UpdateTests.update(
                "План затверджено", date: "2026-03-02", items: ["plan:test-plan"],
                extra: "summary: \"Коротко & ясно\"\ntags: [\"1325\"]\n", body: "Див. [захід 1.1](measure:test-plan/1.1)."),
            "pro-politsiiu": UpdateTests.update("Про поліцію", date: "2026-05-20", items: ["executor:police"],
                                                extra: "author: \"Прес-служба\"\n"),
            "pro-zakhid": UpdateTests.update("Про захід <1.2>", date: "2026-04-11", items: ["measure:test-plan/1.2"]),
        ])
    }

    func feed(_ site: TestSite, _ path: String) throws -> ParsedXML {
        try ParsedXML.parse(Data(try site.page(path).utf8))
    }

    /// The requirements of RFC 4287 a reader relies on, checked element by element.
    func checkAtom(_ feed: ParsedXML, selfURL: String) {
        #expect(feed.name == "feed" && feed.namespace == Self.atom)
        for name in ["id", "title", "updated"] { #expect(feed.all(name).count == 1, "feed needs one \(name)") }
        #expect(feed.first("id")?.text == selfURL)
        #expect(isTimestamp(feed.first("updated")?.text))
        let links = feed.all("link")
        #expect(links.contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == selfURL })
        #expect(links.allSatisfy { $0.attributes["href"]?.hasPrefix(Self.base) == true })
        let feedAuthor = !feed.all("author").isEmpty
        var ids: Set<String> = []
        for entry in feed.all("entry") {
            for name in ["id", "title", "updated"] { #expect(entry.all(name).count == 1, "entry needs one \(name)") }
            let id = entry.first("id")?.text ?? ""
            #expect(id.hasPrefix(Self.base))
            #expect(ids.insert(id).inserted, "entry ids are unique")
            #expect(isTimestamp(entry.first("updated")?.text))
            #expect(entry.all("link").contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"]?.hasPrefix(Self.base) == true })
            #expect(feedAuthor || !entry.all("author").isEmpty)
            #expect(entry.first("content")?.attributes["type"] == "html")
        }
    }

    func isTimestamp(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/) != nil
    }

    @Test func updatesFeedIsValidAtom() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let feed = try feed(site, "updates/feed.xml")
        checkAtom(feed, selfURL: Self.base + "updates/feed.xml")
        #expect(feed.first("updated")?.text == "2026-05-20T00:00:00Z") // the newest update, not the clock
        #expect(feed.first("title")?.text == "Тестовий сайт — Новини")
        let entries = feed.all("entry")
        #expect(entries.map { $0.first("id")?.text } == ["pro-politsiiu", "pro-zakhid", "plan-zatverdzheno"].map { Self.base + "updates/\($0)/" })
        #expect(entries[1].first("title")?.text == "Про захід <1.2>")
        #expect(entries[0].first("author")?.first("name")?.text == "Прес-служба")
        let first = entries[2]
        #expect(first.first("summary")?.text == "Коротко & ясно")
        #expect(first.first("category")?.attributes["term"] == "1325")
        #expect(first.first("published")?.text == "2026-03-02T00:00:00Z")
        #expect(first.first("content")?.text.contains("<a href=\"/plany/plans/test-plan/measures/1.1/\">захід 1.1</a>") == true)
        #expect(feed.attributes["xml:base"] == Self.base || feed.attributes["base"] == Self.base)
    }

    @Test func planFeedHoldsUpdatesAboutThePlanOrItsItems() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let feed = try feed(site, "plans/test-plan/feed.xml")
        checkAtom(feed, selfURL: Self.base + "plans/test-plan/feed.xml")
        #expect(feed.all("entry").map { $0.first("id")?.text } == [Self.base + "updates/pro-zakhid/", Self.base + "updates/plan-zatverdzheno/"])
        #expect(feed.first("updated")?.text == "2026-04-11T00:00:00Z")
        #expect(feed.all("link").contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"] == Self.base + "plans/test-plan/" })
    }

    /// A feed carries the latest `PressFiles.feedEntries` updates, each with a summary (its own, or
    /// the start of its text as plain words), not the whole site's text.
    @Test func feedsCarryTheLatestEntriesEachWithASummary() throws {
        var updates: [String: String] = [:]
        for n in 1...25 {
            let day = String(format: "%02d", n)
            updates["novyna-\(day)"] = UpdateTests.update("Новина \(n)", date: "2026-05-\(day)", items: ["plan:test-plan"],
                                                          body: "Перший абзац **новини** \(n), з [посиланням](plan:test-plan).\n\n" + String(repeating: "Довгий текст. ", count: 400))
        }
        let site = try UpdateTests.site(updates)
        defer { site.remove() }
        try site.build()
        #expect(PressFiles.feedEntries == 20)
        for path in ["updates/feed.xml", "plans/test-plan/feed.xml"] {
            let feed = try feed(site, path)
            checkAtom(feed, selfURL: Self.base + path)
            let entries = feed.all("entry")
            #expect(entries.count == 20, "\(path)")
            // Newest first: 25 May down to 6 May; the older ones are on the /updates/ pages.
            #expect(entries.first?.first("id")?.text == Self.base + "updates/novyna-25/")
            #expect(entries.last?.first("id")?.text == Self.base + "updates/novyna-06/")
            for entry in entries { #expect(entry.first("summary")?.text.isEmpty == false) }
            #expect(entries.first?.first("summary")?.text.hasPrefix("Перший абзац новини 25, з посиланням. Довгий текст.") == true)
            #expect(entries.first?.first("summary")?.text.hasSuffix("…") == true)
        }
        #expect(try site.page("updates/novyna-25/index.html").contains("<meta name=\"description\" content=\"Перший абзац новини 25, з посиланням. Довгий текст."))
    }

    @Test func emptyFeedTakesTheAsOfDateAndOutputIsByteStable() throws {
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        try site.build()
        let feed = try feed(site, "updates/feed.xml")
        checkAtom(feed, selfURL: Self.base + "updates/feed.xml")
        #expect(feed.all("entry").isEmpty)
        #expect(feed.first("updated")?.text == "2026-06-15T00:00:00Z")
        let before = try site.page("updates/feed.xml") + site.page("sitemap.xml")
        try site.build()
        #expect(try site.page("updates/feed.xml") + site.page("sitemap.xml") == before)
    }

    @Test func sitemapListsEveryPublishedHTMLPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let sitemap = try ParsedXML.parse(Data(try site.page("sitemap.xml").utf8))
        #expect(sitemap.name == "urlset" && sitemap.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        var listed: [String: String] = [:]
        for url in sitemap.all("url") { listed[url.first("loc")?.text ?? ""] = url.first("lastmod")?.text }
        let htmlFiles = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter { $0.hasSuffix(".html") }
        let expected = Set(htmlFiles.filter { !$0.hasSuffix("404.html") }.map { path in
            Self.base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        })
        #expect(Set(listed.keys) == expected)
        #expect(expected.count > 40)
        #expect(!listed.keys.contains { $0.hasSuffix("404.html") })
        #expect(listed[Self.base + "updates/pro-zakhid/"] == "2026-04-11")
        #expect(listed[Self.base + "en/updates/pro-zakhid/"] == "2026-04-11")
        #expect(listed[Self.base + "plans/test-plan/"] == "2026-06-15")
        #expect(try site.page("robots.txt") == "User-agent: *\nAllow: /plany/\n\nSitemap: https://example.org/plany/sitemap.xml\n")
    }

    @Test func everyPageHasCanonicalAndSharingMeta() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter { $0.hasSuffix(".html") }
        for path in pages {
            let html = try site.page(path)
            let canonical = html.firstMatch(of: /<link rel="canonical" href="([^"]+)">/)?.1
            #expect(canonical?.hasPrefix(Self.base) == true, "\(path) has no absolute canonical link")
            guard let canonical else { continue }
            #expect(html.contains("<meta property=\"og:url\" content=\"\(canonical)\">"), "\(path)")
            for meta in ["property=\"og:title\"", "property=\"og:description\"", "property=\"og:type\"",
                         "property=\"og:site_name\"", "name=\"twitter:card\"", "name=\"twitter:title\""] {
                #expect(html.contains("<meta \(meta) content=\""), "\(path) lacks \(meta)")
            }
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"") , "\(path) lacks the feed link")
        }
        let english = try site.page("en/plans/test-plan/index.html")
        #expect(english.contains("<meta property=\"og:locale\" content=\"en_US\">"))
        #expect(try site.page("404.html").contains("Сторінку не знайдено"))
    }
}
