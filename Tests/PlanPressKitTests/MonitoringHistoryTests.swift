import Foundation
import Testing
@testable import PlanPressKit

/// Monitoring over time, on the `monitoring-history` fixture: two periods of
/// both voices, a standalone reply (a reply-only report by a reporter that
/// also assessed the period), a reply awaited, a measure monitored by one of
/// its own co-executors, breakdowns written «стать» and `sex`, and the open
/// data of all of it (per-voice columns, the history table, the data package).
@Suite struct MonitoringHistoryTests {
    let helper = MonitoringSiteTests()

    static let fixture = "monitoring-history"

    static func fixtureFiles() throws -> [String: String] {
        let root = TestSite.fixtures.appendingPathComponent("\(fixture)/Content")
        var files: [String: String] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] where path.hasSuffix(".yaml") {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    func json(_ site: TestSite, _ name: String) throws -> ExactJSON {
        try ExactJSON.parse(try String(contentsOfFile: site.output + "/data/" + name, encoding: .utf8))
    }

    func csv(_ site: TestSite, _ name: String) throws -> CSVReader.Table {
        try #require(CSVReader.table(Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/" + name)))))
    }

    /// The fixture built once per test into a temporary folder.
    func site() throws -> TestSite {
        let site = try TestSite(Self.fixtureFiles())
        try site.build()
        return site
    }

    @Test func theFixtureChecksWithOnlyTheUnitWarning() throws {
        let site = try TestSite(Self.fixtureFiles())
        defer { site.remove() }
        let result = try Builder(options: site.options()).check().result
        #expect(result.diagnostics.map { $0.description(.en).replacingOccurrences(of: site.content, with: "Content") } == [
            "Content/reports/2026/coalition-2026-h2.yaml:16:11: warning: value of indicator '1.1-1' is given in 'дівчат та жінок', but its target is in 'осіб': the site compares units as written, so the target is not assessed. If it is the same unit worded differently (like «осіб» and «дівчат та жінок» counting the same people), write it as the target does: 'осіб'; if the value counts something else (a part, say), leave it: it is shown without an assessment",
        ])
    }

    @Test func aMeasureShowsEachVoicePeriodByPeriodAndWhatChanged() throws {
        let site = try site()
        defer { site.remove() }
        let page = try site.page("plans/city-plan/measures/1.1/index.html")
        let table = try helper.section(page, from: "<table class=\"measure-history\">", to: "</table>")
        let rows = table.matches(of: /<tr><th scope="row">(.*?)<\/tr>/).map { helper.text(String($0.output.1)) }
        #expect(rows == [
            "II півріччя 2026 р. виконано Обласна державна адміністрація змінилося з попереднього звіту (було: виконується) виконано частково Коаліція 1325 змінилося з попереднього звіту (було: не розпочато)",
            "I півріччя 2026 р. виконується Обласна державна адміністрація не розпочато Коаліція 1325",
        ])
        // The state's voice is named by its body; both badges are drawn alike.
        #expect(page.contains("<span class=\"voice voice-official\" title=\"офіційний звіт, II півріччя 2026 р.\">Обласна державна адміністрація: <span class=\"badge badge-completed\">виконано</span></span>"))
        #expect(!page.contains(">офіційно:"))
        let css = try String(contentsOfFile: site.templates + "/assets/site.css", encoding: .utf8)
        #expect(!css.contains(".voice-civil-society .badge") && !css.contains("report-column-civil-society { border-style: dashed"))
    }

    @Test func plansAndBodiesCountEachVoicePerPeriodWithChanges() throws {
        let site = try site()
        defer { site.remove() }
        let plan = try site.page("plans/city-plan/index.html")
        let counts = try helper.section(plan, from: "<section class=\"period-counts\" id=\"history\">", to: "</section>")
        func rows(_ voice: String) throws -> [String] {
            let table = try helper.section(counts, from: "<table class=\"history-counts voice-\(voice)\">", to: "</table>")
            return table.matches(of: /<tr><th scope="row">(.*?)<\/tr>/).map { helper.text(String($0.output.1)) }
        }
        // Columns: виконано, виконано частково, виконується, не розпочато, не виконано, немає інформації, оцінено, змінилося.
        #expect(try rows("official") == ["II півріччя 2026 р. 1 0 1 0 0 0 2 2", "I півріччя 2026 р. 0 0 1 1 0 0 2 —"])
        #expect(try rows("civil-society") == ["II півріччя 2026 р. 0 1 1 0 0 0 2 1", "I півріччя 2026 р. 0 0 1 1 0 0 2 —"])
        #expect(counts.contains("<caption>Обласна державна адміністрація: кількість заходів за станом у кожному звітному періоді</caption>"))
        // The same on the body's page, over the measures it is named on.
        let social = try site.page("executors/social/index.html")
        #expect(social.contains("<section class=\"period-counts\" id=\"history\">"))
    }

    @Test func aStandaloneReplyIsItsOwnEntryAndNotASecondReport() throws {
        let site = try site()
        defer { site.remove() }
        // Shown under the assessment it answers, on the measure page and both reports' pages.
        let measure = try site.page("plans/city-plan/measures/1.1/index.html")
        let replies = try helper.section(measure, from: "<div class=\"replies\">", to: "</div>\n</div>")
        #expect(replies.contains("<a href=\"/plany/executors/oda/\">Обласна державна адміністрація</a>, <time datetime=\"2027-01-25\">25 січня 2027 р.</time>"))
        #expect(replies.contains("Ремонт завершено у вересні; центр відкрито 1 жовтня."))
        #expect(replies.contains("<a href=\"https://example.org/nakaz-12\" rel=\"nofollow noopener\">Наказ про відкриття центру</a>"))
        #expect(!replies.contains("badge-"), "a reply without a status shows none")
        let report = try site.page("reports/2026-oda-2026-h2-replies/index.html")
        let section = try helper.section(report, from: "<section class=\"report-replies\" id=\"replies\">", to: "</section>\n</section>")
        #expect(section.contains("<a href=\"/plany/reports/2026-coalition-2026-h1/#measure-1.1\">Коаліція 1325</a>"))
        #expect(section.contains("<span class=\"evidence-url\">https://example.org/nakaz-12</span>"))
        // It counts for nothing: the official voice's 1.1 is still the H2 assessment's «виконано».
        let json = try json(site, "city-plan.json")
        #expect(json["measures"][0]["monitoring"]["official"]["report"].string == "2026-oda-2026-h2")
        // The reports feed has an entry for it, titled as a reply.
        let feed = try site.page("plans/city-plan/reports.xml")
        #expect(feed.contains("<title>Відповідь: Обласна державна адміністрація, 2026-H2</title>"))
        #expect(feed.contains("&lt;li&gt;Захід 1.1: відповідь на оцінку «Коаліція 1325»&lt;/li&gt;"))
    }

    @Test func aReplyAwaitedIsMarkedAndListedForTheBody() throws {
        let site = try site()
        defer { site.remove() }
        let measure = try site.page("plans/city-plan/measures/1.1/index.html")
        // H2: the coalition asked the body named first (social), which has not replied.
        let h2 = try helper.section(measure, from: "<section class=\"report-period disagree\" id=\"period-2026-H2\">", to: "</section>")
        #expect(h2.contains("<span class=\"badge badge-awaited\">відповідь очікується</span> <a href=\"/plany/executors/social/unanswered/\">Відповідь очікується від: ДСЗН</a>"))
        // H1: asked of the ODA, which answered in its reply report: no longer awaited.
        let h1 = try helper.section(measure, from: "id=\"period-2026-H1\">", to: "</section>")
        #expect(!h1.contains("badge-awaited"))
        let social = try site.page("executors/social/unanswered/index.html")
        let awaited = try helper.section(social, from: "<section id=\"awaited\">", to: "</section>\n</section>")
        #expect(awaited.contains("Відповідь очікується <span class=\"count\">(1\u{00A0}оцінка)</span>"))
        #expect(awaited.contains("<a href=\"/plany/plans/city-plan/measures/1.1/\">Захід 1.1</a> · II півріччя 2026 р."))
        let oda = try site.page("executors/oda/unanswered/index.html")
        #expect(oda.contains("Жодна оцінка не чекає на відповідь цього органу."))
        #expect(try helper.section(oda, from: "<section id=\"answered\">", to: "</article>").contains("Центр не приймає відвідувачів"))
        #expect(try site.page("executors/social/index.html").contains("<a href=\"/plany/executors/social/unanswered/\">Без відповіді: 1\u{00A0}оцінка (запитів відповіді — 1)</a>"))
        #expect(!site.exists("executors/coalition/unanswered/index.html"), "nobody asked the coalition")
    }

    @Test func aBodyThatMonitorsAMeasureItIsNamedOnIsMarked() throws {
        let site = try site()
        defer { site.remove() }
        let page = try site.page("plans/city-plan/measures/1.2/index.html")
        #expect(page.contains("<p class=\"co-executor-monitor\">«Коаліція 1325» — також один із виконавців цього заходу: звітує про захід, який сам виконує.</p>"))
        #expect(!(try site.page("plans/city-plan/measures/1.1/index.html")).contains("co-executor-monitor"))
    }

    @Test func breakdownsWrittenAsСтатьAndSexAreOneSection() throws {
        let site = try site()
        defer { site.remove() }
        let page = try site.page("plans/city-plan/indicators/1.1-1/index.html")
        #expect(page.matches(of: #/<h3>Показник \[1\.1-1\] у розрізі: /#).count == 1)
        #expect(page.contains("<h3>Показник [1.1-1] у розрізі: стать</h3>") && !page.contains("у розрізі: sex"))
        let table = try helper.section(page, from: "<h3>Показник [1.1-1] у розрізі: стать</h3>", to: "</section>")
        #expect(table.contains("<td class=\"num\">30</td>") && table.contains("<td class=\"num\">95</td>"))
        let values = try String(contentsOfFile: site.output + "/data/city-plan-indicator-values.csv", encoding: .utf8)
        #expect(values.contains(",sex,жінки,30,") && values.contains(",sex,жінки,95,") && !values.contains("стать"))
    }

    @Test func openDataGivesEachVoiceItsColumnsAndATidyHistory() throws {
        let site = try site()
        defer { site.remove() }
        let measures = try csv(site, "city-plan-measures.csv")
        let first = measures.rows[0]
        #expect([first["status_official"], first["status_official_period"], first["status_official_report"], first["status_official_published"]]
            == ["completed", "2026-H2", "2026-oda-2026-h2", "2027-01-15"])
        #expect([first["status_civil_society"], first["status_civil_society_period"], first["status_civil_society_report"], first["status_civil_society_published"]]
            == ["partly-completed", "2026-H2", "2026-coalition-2026-h2", "2027-01-20"])
        #expect(first["disputed"] == "true" && first["status"] == nil)
        let history = try csv(site, "city-plan-status-history.csv")
        #expect(history.rows.map { [$0["measure_id"]!, $0["voice"]!, $0["period"]!, $0["status"]!, $0["previous_status"]!, $0["changed"]!] } == [
            ["city-plan/1.1", "official", "2026-H1", "in-progress", "", ""],
            ["city-plan/1.1", "civil-society", "2026-H1", "not-started", "", ""],
            ["city-plan/1.1", "official", "2026-H2", "completed", "in-progress", "true"],
            ["city-plan/1.1", "civil-society", "2026-H2", "partly-completed", "not-started", "true"],
            ["city-plan/1.2", "official", "2026-H1", "not-started", "", ""],
            ["city-plan/1.2", "civil-society", "2026-H1", "in-progress", "", ""],
            ["city-plan/1.2", "official", "2026-H2", "in-progress", "not-started", "true"],
            ["city-plan/1.2", "civil-society", "2026-H2", "in-progress", "in-progress", "false"],
        ])
        let statuses = try csv(site, "city-plan-statuses.csv")
        let reply = try #require(statuses.rows.first { $0["report"] == "2026-oda-2026-h2-replies" })
        #expect(reply["status"] == "" && reply["reply_to"] == "2026-coalition-2026-h1")
        // The descriptor: allowed values, the reply's and each voice's report as foreign keys, a licence.
        let package = try json(site, "datapackage.json")
        #expect(package["licenses"][0]["name"].string == "CC-BY-4.0")
        let resource = try #require(package["resources"].array.first { $0["name"].string == "city-plan-measures" })
        let fields = resource["schema"]["fields"].array
        let official = try #require(fields.first { $0["name"].string == "status_official" })
        #expect(official["constraints"]["enum"].array.map { $0.string! } == MeasureStatusValue.allCases.map(\.rawValue))
        #expect(fields.first { $0["name"].string == "number" }?["type"].string == "string")
        let keys = resource["schema"]["foreignKeys"].array.map { $0["fields"][0].string! }
        #expect(keys == ["status_official_report", "status_civil_society_report"])
        let statusesResource = try #require(package["resources"].array.first { $0["name"].string == "city-plan-statuses" })
        let replyKey = statusesResource["schema"]["foreignKeys"].array.first { $0["fields"][0].string == "reply_to" }
        #expect(replyKey?["reference"]["resource"].string == "city-plan-reports")
        let voice = statusesResource["schema"]["fields"].array.first { $0["name"].string == "voice" }
        #expect(voice?["constraints"]["enum"].array.map { $0.string! } == ["official", "civil-society"])
    }

    @Test func methodologyAndReportsAreInReach() throws {
        let site = try site()
        defer { site.remove() }
        let methodology = try site.page("methodology/index.html")
        #expect(methodology.contains("<dt><span class=\"badge badge-completed\">виконано</span> <code>completed</code></dt><dd>Виконано так, як передбачає план. Лише цей статус підтверджує виконання.</dd>"))
        #expect(methodology.contains("<h2>«Строк минув»</h2>") && methodology.contains("<h2>Об’єднані клітинки</h2>"))
        let reporter = try helper.section(methodology, from: "<section class=\"reporter-methodology\">", to: "</section>")
        #expect(reporter.contains("<a href=\"/plany/executors/coalition/\">Коаліція 1325</a>"))
        #expect(reporter.contains("Ми відвідали кожен заклад"))
        #expect(site.exists("en/methodology/index.html"))
        // Reports in the navigation of every page.
        #expect(try site.page("glossary/index.html").contains("<li><a href=\"/plany/reports/\">Звіти</a></li>"))
        // A report's page prints whole: the measure's full text, evidence addresses, the other voice beside it.
        let report = try site.page("reports/2026-coalition-2026-h2/index.html")
        #expect(report.contains("<p class=\"measure-text\">Відкрити кризовий центр для постраждалих від насильства</p>"))
        let others = try helper.section(report, from: "<div class=\"other-voices\">", to: "</div>")
        #expect(others.contains("Обласна державна адміністрація</a> (офіційний звіт): <a href=\"/plany/reports/2026-oda-2026-h2/\"><span class=\"badge badge-completed\">виконано</span></a>"))
        #expect(try site.page("reports/2026-coalition-2026-h1/index.html").contains("<section class=\"report-methodology\" id=\"methodology\"><h2>Методологія звітувальника</h2>"))
    }

    @Test func checkRefusesARepliesDatedBeforeWhatItAnswersAndValueDatesOutsideThePeriod() throws {
        var files = try Self.fixtureFiles()
        files["reports/2026/oda-2026-h2-replies.yaml"] = files["reports/2026/oda-2026-h2-replies.yaml"]!
            .replacingOccurrences(of: "published: 2027-01-25", with: "published: 2026-07-01")
        files["reports/2026/oda-2026-h1.yaml"] = files["reports/2026/oda-2026-h1.yaml"]!
            .replacingOccurrences(of: "date: 2026-06-30", with: "date: 2026-07-31")
        files["reports/2026/oda-2026-h2.yaml"] = files["reports/2026/oda-2026-h2.yaml"]!
            .replacingOccurrences(of: "published: 2027-01-15", with: "published: 2026-12-20")
        let site = try TestSite(files)
        defer { site.remove() }
        let errors = site.failure().filter { $0.contains(": error: ") }
        #expect(errors == [
            "Content/reports/2026/oda-2026-h1.yaml:14:11: error: date 2026-07-31 of indicator '1.1-1' lies outside the report's period 2026-H1: a report gives values for its own period",
            "Content/reports/2026/oda-2026-h2-replies.yaml:8:15: error: the reply is dated 2026-07-01, before report '2026-coalition-2026-h1' it answers (published 2026-07-20): fix 'published' or reply_to",
            "Content/reports/2026/oda-2026-h2.yaml:14:11: error: date 2026-12-31 of indicator '1.1-1' is after the report's publication 2026-12-20: a value cannot describe a day still to come",
        ])
    }

    @Test func anUnknownDimensionIsRefusedWithTheList() throws {
        var files = try Self.fixtureFiles()
        files["reports/2026/oda-2026-h2.yaml"] = files["reports/2026/oda-2026-h2.yaml"]!.replacingOccurrences(of: "dimension: sex", with: "dimension: gender")
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(site.failure().contains { $0.contains("error: breakdown dimension 'gender' is not in the list; use one of: sex («стать»), age («вік»)") })
    }
}
