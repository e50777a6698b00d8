import Foundation
import Testing
@testable import PlanPressKit

/// Every input bounded before it reaches a library that could take minutes on it, and no
/// invisible control character from any source reaches the pages, the feeds or the CSV files
/// (docs/reliability.md, «Limits»).
@Suite struct InputBoundsTests {
    static let base: [String: String] = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                                         "sources/test-plan.txt": "Джерело"]

    static func site(_ extra: [String: String]) throws -> TestSite {
        try TestSite(base.merging(extra) { _, new in new })
    }

    static func update(_ body: String, title: String = "Новина") -> String {
        "---\ntitle: \"\(title)\"\ndate: 2026-05-01\n---\n" + body
    }

    // MARK: Markdown

    /// `![[]()` repeated: libcmark 0.30.2 walks back over every open `![` at each link, so 100,000
    /// repetitions took 19 s in cmark and 33 s in `check`. The file is refused before cmark sees it:
    /// over the size limit as a whole, and a short paragraph of the pattern by the bracket guard.
    @Test func theImageBracketBombIsRefusedBeforeCmark() throws {
        let huge = String(repeating: "![[]()", count: 100_000)
        let short = "Звичайний абзац.\n\n" + String(repeating: "![[]()", count: 3_000) + "\n"
        #expect(Markdown.refusal(huge)?.message == .markdownTooLarge(kilobytes: 586, limit: 256))
        let refused = try #require(Markdown.refusal(short))
        #expect(refused.line == 3)
        #expect(refused.message == .markdownBracketBomb(images: 3_000, closers: 3_000, limit: Markdown.maxBracketWork))
        // Never rendered either (a render without the load check gives nothing rather than hanging).
        #expect(Markdown.render(short, file: "x.md", firstLine: 1, resolve: { _ in .keep }, sink: DiagnosticSink()) == "")
        let site = try Self.site(["updates/bomb.md": Self.update(short), "commentary/test-plan/1.1.md": "---\nabout: measure:test-plan/1.1\n---\n" + huge,
                                  "sources/test-plan.md": short])
        defer { site.remove() }
        let failure = site.failure()
        #expect(failure.contains { $0.hasPrefix("Content/updates/bomb.md:7:1: error: one paragraph has 3000 image openers") }, "\(failure)")
        #expect(failure.contains { $0.hasPrefix("Content/commentary/test-plan/1.1.md:4:1: error: the text is too large for one page: 586 KB, at most 256 KB") })
        #expect(failure.contains { $0.hasPrefix("Content/sources/test-plan.md:3:1: error: one paragraph has 3000 image openers") })
    }

    /// The guard counts per paragraph: the same openers spread over paragraphs, or a text with
    /// many photos and many links, pass.
    @Test func ordinaryTextsWithManyImagesAndLinksPass() {
        let photos = (1...100).map { "![Фото \($0)](photo-\($0).jpg)" }.joined(separator: "\n") + "\n"
        let links = (1...1000).map { "[посилання \($0)](https://example.org/\($0))" }.joined(separator: " ")
        #expect(Markdown.refusal(photos + links) == nil)
        let spread = Array(repeating: String(repeating: "![[]()", count: 500), count: 20).joined(separator: "\n\n")
        #expect(Markdown.refusal(spread) == nil)
        #expect(Markdown.refusal(String(repeating: "а", count: Markdown.maxBytes / 2)) == nil)
        #expect(Markdown.refusal(String(repeating: "a", count: Markdown.maxBytes + 1))?.message == .markdownTooLarge(kilobytes: 257, limit: 256))
    }

    // MARK: control characters

    /// ESC and BEL in `site.yaml` (`"\e]0;PWNED\a"` retitled the terminal and went into 791 pages
    /// and the CSV files): refused in every text field of every source, at its line and column.
    @Test func controlCharactersAreRefusedInEveryTextSource() throws {
        let cases: [(file: String, text: String, location: String, code: String)] = [
            ("site.yaml", TestSite.defaultSettings.replacingOccurrences(of: "title: \"Тестовий сайт\"", with: "title: \"Тест\\e]0;PWNED\\a\""),
             "site.yaml:1:8", "U+001B"),
            ("plans/test-plan/plan.yaml", TestSite.plan.replacingOccurrences(of: "title: \"Перша ціль\"", with: "title: \"Перша\\u0007ціль\""),
             "plans/test-plan/plan.yaml:24:12", "U+0007"),
            ("executors/bodies.yaml", TestSite.executors.replacingOccurrences(of: "name: \"Обласна державна адміністрація\"", with: "name: \"ОДА\\x9B31m\""),
             "executors/bodies.yaml:2:9", "U+009B"),
            ("updates/one.md", Self.update("Текст.\n", title: "Нова\\rновина"), "updates/one.md:2:8", "U+000D"),
            ("updates/two.md", Self.update("Рядок один.\nРядок \u{1B}[2Jдва.\n"), "updates/two.md:6:7", "U+001B"),
            ("commentary/test-plan/1.1.md", "---\nabout: measure:test-plan/1.1\n---\nКоментар\u{7F}.\n", "commentary/test-plan/1.1.md:4:9", "U+007F"),
            ("sources/test-plan.txt", "Джерело\n\u{0}кінець\n", "sources/test-plan.txt:2:1", "U+0000"),
            ("reports/test-plan/r.yaml", """
            plan: test-plan
            period: 2025
            reporter: {kind: official, name: "Обласна державна адміністрація", executor: oda}
            published: 2026-01-15
            measures:
              - {measure: "1.1", status: in-progress, narrative: "Зроблено\\e[31m"}
            """, "reports/test-plan/r.yaml:6:54", "U+001B"),
        ]
        for item in cases {
            let site = try Self.site([item.file: item.text])
            defer { site.remove() }
            let failure = site.failure()
            #expect(failure.contains { $0.hasPrefix("Content/\(item.location): error: ") && $0.contains("control character \(item.code)") },
                    "\(item.file): \(failure)")
        }
        // Tabs and Windows line ends are text, as is a form feed in a transcribed source.
        let fine = try Self.site(["updates/ok.md": Self.update("Рядок\tз табуляцією.\r\nДругий рядок.\r\n"),
                                  "sources/test-plan.txt": "Сторінка 1\n\u{0C}Сторінка 2\n"])
        defer { fine.remove() }
        #expect(fine.failure() == [])
    }

    // MARK: update slugs

    /// Every name the site writes into `updates/` is reserved, with the gzip twin `build --precompress`
    /// writes beside each file: `feed.xml.gz` and `index.html.gz` used to pass `check` and then break
    /// the build with a message that named no update.
    @Test func slugsTheOutputUsesAreRefusedTwinsIncluded() throws {
        for slug in ["feed.xml.gz", "index.html.gz", "page", "feed.xml"] {
            let site = try Self.site(["updates/\(slug).md": Self.update("Текст.\n")])
            defer { site.remove() }
            #expect(site.failure().contains { $0.hasPrefix("Content/updates/\(slug).md:1:1: error: ") && $0.contains("'\(slug)'") },
                    "\(slug): \(site.failure())")
        }
        // And the list is complete: a precompressed build writes nothing else into `updates/`
        // (nor into `en/updates/`) than the updates' own folders.
        let site = try Self.site(["updates/zustrich.md": Self.update("Текст.\n")])
        defer { site.remove() }
        var options = site.options()
        options.precompress = true
        _ = try Builder(options: options).build()
        for folder in ["updates", "en/updates"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: site.output + "/" + folder).filter { $0 != "zustrich" }
            #expect(!names.isEmpty)
            for name in names { #expect(UpdateLoader.reservedSlugs.contains(name), "\(folder)/\(name) is not reserved") }
        }
    }
}
