import Foundation
import Testing
@testable import PlanPressKit

/// Issue 15: hostile or broken content is refused by `check` with a location,
/// in bounded time, and nothing from the content reaches the terminal raw.
@Suite struct ReliabilityTests {
    func site(_ extra: [String: String] = [:], plan: String = TestSite.plan) throws -> TestSite {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": plan,
                     "sources/test-plan.txt": "Джерело"]
        files.merge(extra) { _, new in new }
        return try TestSite(files)
    }

    func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    // MARK: item 2 — years out of range are refused by check, with file:line:col

    @Test(arguments: [
        ("period: {from: 2025, to: 2027}", "period: {from: -9223372036854775808, to: 2027}", "'from' of 'period' of plan"),
        ("term: \"2025–2026\"", "term: {printed: \"2025–2026\", from: 2025, to: 9223372036854775807}", "'to' of term of measure"),
        ("term: \"2025–2026\"", "term: {printed: \"2025–2026\", from: 2025, to: 1000000}", "'to' of term of measure"),
    ])
    func yearsOutsideAPlausibleRangeAreRefused(original: String, replacement: String, what: String) throws {
        let plan = TestSite.plan.replacingOccurrences(of: original, with: replacement)
        #expect(plan != TestSite.plan)
        let site = try site(plan: plan)
        defer { site.remove() }
        var diagnostics: [String] = []
        let time = seconds { diagnostics = site.failure() }
        let line = plan.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(replacement) }! + 1
        #expect(diagnostics.contains { $0.hasPrefix("Content/plans/test-plan/plan.yaml:\(line):") && $0.contains("must be a year between 1900 and 2200") },
                "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains(what) }, "\(diagnostics)")
        #expect(time < 5)
        #expect(throws: BuildFailure.self) { try site.build() }
        #expect(!site.exists("index.html"))
    }

    @Test func aTimelineStaysBoundedWhateverThePeriod() {
        #expect(PageRenderer.timelineYears(Period(from: Int.min, to: Int.max), []).count <= MappingReader.years.count + 1)
        #expect(PageRenderer.timelineYears(Period(from: Int.max - 1, to: Int.max), []) == [Int.max - 1, Int.max])
        #expect(PageRenderer.timelineYears(Period(from: 2025, to: 2027), [2024...2026]) == [2024, 2025, 2026, 2027])
    }

    // MARK: item 3 — a YAML alias bomb is refused at once

    @Test func aYAMLAliasBombIsRefusedInWellUnderASecond() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let plan = TestSite.plan + "\nbomb:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        let site = try site(plan: plan)
        defer { site.remove() }
        var diagnostics: [String] = []
        let time = seconds { diagnostics = site.failure() }
        #expect(time < 20, "took \(time) s") // a hang guard (unbounded, the bomb runs for minutes), not a speed measure
        let line = plan.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("&a0") }! + 1
        #expect(diagnostics.contains { $0.hasPrefix("Content/plans/test-plan/plan.yaml:\(line):") && $0.contains("anchors and aliases") },
                "\(diagnostics)")
        // Front matter too (updates, commentary).
        let update = "---\ntitle: &t \"Новина\"\ndate: 2026-01-10\nsummary: *t\n---\nТекст\n"
        let withUpdate = try self.site(["updates/novyna.md": update])
        defer { withUpdate.remove() }
        #expect(withUpdate.failure().contains { $0.hasPrefix("Content/updates/novyna.md:2:") && $0.contains("anchors and aliases") })
    }

    /// An alias written as a mapping key (`[*a7: x]`) made Yams' duplicate-key check hash the
    /// shared node while composing — 10^7 nodes before any check of ours could run (found by
    /// `make fuzz`; the input is `Fuzz/crashes/alias-key-bomb`). The refusal now reads the event
    /// stream, before composing: the first anchor's line and column, in Ukrainian by default.
    @Test func anAliasUsedAsAMappingKeyIsRefusedBeforeComposing() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            var items = Array(repeating: "*a\(level - 1)", count: 10)
            if level >= 8 { items[0] = "*a\(level - 1): x" }
            bomb += "a\(level): &a\(level) [" + items.joined(separator: ", ") + "]\n"
        }
        let text = "назва: План\nзаходи:\n  - перший\n" + bomb
        let sink = DiagnosticSink()
        var value: YAMLValue?
        let time = seconds { value = YAMLValue.parse(text, file: "plan.yaml", lineOffset: 2, sink: sink) }
        #expect(time < 20, "took \(time) s") // a hang guard (unbounded, the bomb runs for minutes), not a speed measure
        #expect(value == nil)
        // `&a0` is on line 4 of the text, after a two-line offset; column 5 (after `a0: `).
        #expect(sink.diagnostics.map(\.description) == ["plan.yaml:6:5: помилка: якорі й посилання YAML (&назва, *назва) у файлах вмісту не дозволені: випишіть кожне значення повністю"])
        // A lone alias (no anchor before it) is reported where it is written, not as a syntax error.
        let lone = DiagnosticSink()
        _ = YAMLValue.parse("a: 1\nb: [x, *nowhere]\n", file: "f.yaml", sink: lone)
        #expect(lone.diagnostics.map { $0.description(.en) } == ["f.yaml:2:8: error: YAML anchors and aliases (&name, *name) are not allowed in content files: write each value out in full"])
        // Asterisks and ampersands inside text are not indicators.
        let text2 = DiagnosticSink()
        let plain = YAMLValue.parse("назва: \"R&D * 2\"\nопис: a*b & c\n", file: "f.yaml", sink: text2)
        #expect(text2.diagnostics.isEmpty)
        #expect(plain != nil)
    }

    // MARK: item 4 — links out of the content folder are not followed; images are checked by their bytes

    @Test func symbolicLinksOutOfTheContentFolderAreRefused() throws {
        let site = try site()
        defer { site.remove() }
        let source = site.content + "/sources/test-plan.txt"
        try FileManager.default.removeItem(atPath: source)
        try FileManager.default.createSymbolicLink(atPath: source, withDestinationPath: "/etc/passwd")
        let update = "---\ntitle: \"Новина\"\ndate: 2026-01-10\ncover:\n  image: updates/c.jpg\n  alt: \"Фото\"\n---\nТекст\n"
        try site.write("updates/novyna.md", update)
        try FileManager.default.createSymbolicLink(atPath: site.content + "/updates/c.jpg", withDestinationPath: "/etc/hostname")
        let diagnostics = site.failure()
        #expect(diagnostics.contains { $0.hasPrefix("Content/sources/test-plan.txt: error: the file is a symbolic link to /etc/passwd") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("Content/updates/novyna.md:5:3: error: cover image 'updates/c.jpg': the file is a symbolic link") }, "\(diagnostics)")
        #expect(throws: BuildFailure.self) { try site.build() }
        #expect(!site.exists("sources/test-plan.txt"))
        // A link that stays inside the content folder is fine.
        try FileManager.default.removeItem(atPath: source)
        try "Джерело".write(toFile: site.content + "/sources/real.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: source, withDestinationPath: site.content + "/sources/real.txt")
        try FileManager.default.removeItem(atPath: site.content + "/updates/novyna.md")
        #expect(site.failure() == [])
    }

    @Test func anImageIsAnImageByItsBytesNotItsName() throws {
        let update = "---\ntitle: \"Новина\"\ndate: 2026-01-10\ncover:\n  image: updates/c.jpg\n  alt: \"Фото\"\n---\nТекст\n"
        let site = try site(["updates/novyna.md": update, "updates/c.jpg": "root:x:0:0:root:/root:/bin/bash"])
        defer { site.remove() }
        #expect(site.failure().contains { $0.hasPrefix("Content/updates/novyna.md:5:3: error: 'updates/c.jpg' is not a JPEG, PNG, GIF, WebP, AVIF or HEIC image by its content") })
        #expect(ImageBytes.kinds([0xFF, 0xD8, 0xFF, 0xDB]) == ["jpg", "jpeg"])
        #expect(ImageBytes.kinds(Array("GIF89a...".utf8)) == ["gif"])
        #expect(ImageBytes.kinds(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == ["webp"])
        #expect(ImageBytes.kinds(Array("\0\0\0\u{1C}ftypavif".utf8)) == ["avif"])
        #expect(ImageBytes.kinds(Array("<svg/>".utf8)).isEmpty)
    }

    // MARK: item 7 — reserved update slugs

    @Test(arguments: ["feed.xml", "page", "index", "assets"])
    func reservedUpdateSlugsAreRefusedByCheck(slug: String) throws {
        let update = "---\ntitle: \"Новина\"\ndate: 2026-01-10\n---\nТекст\n"
        let site = try site(["updates/\(slug).md": update])
        defer { site.remove() }
        let diagnostics = site.failure()
        #expect(diagnostics.contains { $0.hasPrefix("Content/updates/\(slug).md:1:1: error:") && $0.contains("'\(slug)' is reserved") },
                "\(diagnostics)")
    }

    // MARK: item 11 — base_url and --base-url

    @Test func baseURLsAreChecked() {
        let good: [(String, String)] = [
            ("https://example.org/plany/", "https://example.org/plany/"),
            ("https://example.org/plany", "https://example.org/plany/"),
            ("https://example.org", "https://example.org/"),
            ("http://127.0.0.1:8080/a/b/", "http://127.0.0.1:8080/a/b/"),
            ("/", "/"), ("/plany/", "/plany/"), ("/plany", "/plany/"),
        ]
        for (text, normalised) in good {
            #expect((try? BaseURL.check(text).get()) == normalised, "\(text)")
        }
        let bad: [(String, String)] = [
            ("https://example.org//plany/", "'//'"),
            ("https://example.org/plany//", "'//'"),
            ("example.org/plany", "https://example.org/plany/"),
            ("ftp://example.org/", "scheme"),
            ("https:///plany/", "no host"),
            ("https://exa mple.org/", "U+0020"),
            ("https://example.org/\"x/", "'\"'"),
            ("https://user@example.org/", "user name"),
            ("https://example.org:99999/", "port"),
            ("https://example.org/a/../b/", "'..'"),
            ("https://example.org/?q=1", "query"),
            ("//example.org/", "another host"),
            ("javascript:alert(1)", "no scheme"),
            ("", "empty"),
        ]
        for (text, reason) in bad {
            switch BaseURL.check(text) {
            case .success(let url): Issue.record("\(text) was accepted as \(url)")
            case .failure(let problem): #expect(problem.reason.contains(reason), "\(text): \(problem.reason)")
            }
        }
    }

    @Test func aBadBaseURLInSiteYAMLOrOnTheCommandLineFailsCheckWithItsLocation() throws {
        let settings = TestSite.defaultSettings.replacingOccurrences(of: "https://example.org/plany/", with: "https://example.org//plany/")
        let site = try site(["site.yaml": settings])
        defer { site.remove() }
        let diagnostics = site.failure()
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yaml:3:11: error: base_url 'https://example.org//plany/'") }, "\(diagnostics)")
        let flagged = try self.site()
        defer { flagged.remove() }
        #expect(throws: BuildFailure.self) { try flagged.build(baseURL: "example.org/plany") }
        do {
            _ = try Builder(options: flagged.options(baseURL: "example.org/plany")).check()
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map { $0.description(.en) }.contains { $0.hasPrefix("--base-url: error:") && $0.contains("https://example.org/plany/") })
        }
        #expect(!flagged.exists("index.html"))
        // A good flag without the trailing slash builds, with the slash.
        try flagged.build(baseURL: "https://example.org/other")
        #expect(try flagged.page("index.html").contains("href=\"/other/"))
    }

    // MARK: item 12 — control characters never reach the terminal raw

    @Test func controlCharactersInMessagesAreEscaped() throws {
        // A value with control characters is refused where it is written (InputBoundsTests); a file
        // name is not a value, and the message that names it shows them escaped.
        let plan = TestSite.plan.replacingOccurrences(of: "- dszn\n", with: "- \"dszn\\e]0;pwned\\a\\e[2J\"\n")
        #expect(plan != TestSite.plan)
        let site = try site(plan: plan)
        defer { site.remove() }
        #expect(site.failure().contains { $0.hasPrefix("Content/plans/test-plan/plan.yaml:35:19: error: the value contains the control character U+001B") },
                "\(site.failure())")
        try site.write("updates/x\u{1B}]0;pwned\u{7}\u{1B}[2J.md", "---\ntitle: \"Новина\"\ndate: 2026-05-01\n---\nТекст.\n")
        let printed = site.failure().joined(separator: "\n")
        #expect(printed.contains("x\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "\(printed)")
        #expect(!printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(TerminalText.safe("a\u{1B}b\rc\u{202E}d\ne\u{9B}") == "a\\u{1B}b\\u{D}c\\u{202E}d\ne\\u{9B}")
        #expect(TerminalText.safe("Звичайний текст: «так»") == "Звичайний текст: «так»")
    }

    // MARK: item 13 — every error has a location

    @Test func errorsWithoutALocationNowHaveOne() throws {
        // Non-UTF-8 bytes: line and column of the first bad byte.
        let site = try site(["executors/more.yaml": "- id: x\n  name: \"Назва\"\n"])
        defer { site.remove() }
        try Data(Array("- id: y\n  name: \"Наз".utf8) + [0xFF, 0xFE] + Array("ва\"\n".utf8))
            .write(to: URL(fileURLWithPath: site.content + "/executors/more.yaml"))
        #expect(site.failure().contains { $0.hasPrefix("Content/executors/more.yaml:2:13: error: the file is not valid UTF-8") }, "\(site.failure())")
        // A control character in YAML: its line and column.
        try "- id: y\n  name: \"Наз\u{1}ва\"\n".write(toFile: site.content + "/executors/more.yaml", atomically: false, encoding: .utf8)
        #expect(site.failure().contains { $0.hasPrefix("Content/executors/more.yaml:2:13:") && $0.contains("U+0001") }, "\(site.failure())")
        // A duplicate key: the second occurrence (block and flow style).
        try "- id: y\n  name: \"Назва\"\n  kind: unit\n  name: \"Друга\"\n".write(toFile: site.content + "/executors/more.yaml", atomically: false, encoding: .utf8)
        #expect(site.failure().contains { $0.hasPrefix("Content/executors/more.yaml:4:3: error: duplicate key 'name'") }, "\(site.failure())")
        try "- {id: y, name: \"Назва\", name: \"Друга\"}\n".write(toFile: site.content + "/executors/more.yaml", atomically: false, encoding: .utf8)
        #expect(site.failure().contains { $0.hasPrefix("Content/executors/more.yaml:1:") && $0.contains("duplicate key 'name'") }, "\(site.failure())")
        try FileManager.default.removeItem(atPath: site.content + "/executors/more.yaml")
        // A missing source file: at the `source:` key.
        try FileManager.default.removeItem(atPath: site.content + "/sources/test-plan.txt")
        let line = TestSite.plan.split(separator: "\n").firstIndex { $0.hasPrefix("source:") }! + 1
        #expect(site.failure().contains { $0.hasPrefix("Content/plans/test-plan/plan.yaml:\(line):9: error: plan 'test-plan' names source") }, "\(site.failure())")
    }

    // MARK: item 14 — `new update` refuses titles with control characters

    @Test func newUpdateRefusesControlCharactersInTheTitle() throws {
        #expect(NewUpdate.problem(withTitle: "Засідання ради\u{1B}[2J") != nil)
        #expect(NewUpdate.problem(withTitle: "Засідання\u{0}ради") != nil)
        #expect(NewUpdate.problem(withTitle: "Засідання   ради\t2026") == nil)   // spaces and tabs are folded
        // What the refusal prevents: the file written for such a title does not load.
        let update = try #require(NewUpdate(title: "Засідання ради\u{1B}[2J", date: CalendarDate(year: 2026, month: 1, day: 10)))
        let site = try site(["updates/\(update.slug).md": update.text])
        defer { site.remove() }
        #expect(!site.failure().isEmpty)
    }
}
