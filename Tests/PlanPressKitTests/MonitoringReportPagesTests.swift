import Foundation
import Testing
@testable import PlanPressKit

/// Report pages, replies, the lists behind counts, year pages and recurring
/// terms, on the monitoring fixture (Tests/Fixtures/monitoring-disagree:
/// invented reports, a coalition reply to an official claim, and a
/// 2020–2022 plan with recurring terms and no report).
@Suite struct MonitoringReportPagesTests {
    let helper = MonitoringSiteTests()

    func pages(_ paths: String...) throws -> [String] {
        let site = try TestSite(fixture: MonitoringSiteTests.fixture)
        try site.build()
        defer { site.remove() }
        return try paths.map { try site.page($0) }
    }

    @Test func aReplyStandsUnderTheAssessmentItAnswers() throws {
        let pages = try pages("plans/town-plan/measures/1.2/index.html", "reports/2026-oda-2026-h1/index.html",
                              "reports/2026-coalition-2026-h1/index.html")
        // Measure page: under the official «виконано», the coalition's answer with its author and date.
        let official = try helper.section(pages[0], from: "report-column-official", to: "report-column-civil-society")
        let reply = try helper.section(official, from: "<div class=\"reply\">", to: "</div>\n</div>")
        #expect(reply.contains("<strong>Відповідь</strong>: <a href=\"/plany/executors/coalition/\">Коаліція 1325</a>, <time datetime=\"2026-06-25\">25 червня 2026 р.</time>"))
        #expect(reply.contains("<a href=\"/plany/reports/2026-coalition-2026-h1/\">у звіті</a>"))
        #expect(reply.contains("Центр відкрито, але <strong>цілодобового</strong> прийому немає."))
        // The answered report's page shows the reply too; the replying report names what it answers.
        let answered = try helper.section(pages[1], from: "id=\"measure-1.2\"", to: "</section>")
        #expect(answered.contains("<div class=\"reply\">") && answered.contains("25 червня 2026 р."))
        let replying = try helper.section(pages[2], from: "id=\"measure-1.2\"", to: "</section>")
        #expect(replying.contains("<p class=\"reply-to\">Відповідь на оцінку: <a href=\"/plany/reports/2026-oda-2026-h1/\">Обласна державна адміністрація</a></p>"))
    }

    @Test func aReportPageShowsTheWholeReport() throws {
        let pages = try pages("reports/2026-coalition-2026-h1/index.html", "reports/2025-coalition-2025/index.html",
                              "en/reports/2026-coalition-2026-h1/index.html")
        let page = pages[0]
        #expect(page.contains("<h1>Тіньовий звіт за I півріччя 2026 року</h1>"))
        #expect(helper.text(try helper.section(page, from: "<dl class=\"facts\">", to: "</dl>"))
            == "Хто звітує Коаліція 1325 (громадський моніторинг) Звітний період I півріччя 2026 р. Опубліковано 25 червня 2026 р. План План для моніторингу")
        #expect(page.contains("<h2>Підсумок звіту</h2><p>Коаліція перевірила три заходи. Кризовий центр працює не цілодобово.</p>"))
        let statuses = try helper.section(page, from: "<section class=\"report-statuses\"", to: "<section class=\"report-values\"")
        #expect(statuses.matches(of: /<section class="report-status" id="measure-([0-9.]+)">/).map { String($0.output.1) } == ["1.2", "1.3"])
        #expect(statuses.contains("<a href=\"https://example.org/foto\" rel=\"nofollow noopener\">Фото оголошення про графік роботи</a>"))
        let values = try helper.section(page, from: "<section class=\"report-values\"", to: "</table>")
        #expect(values.contains("<a href=\"/plany/plans/town-plan/indicators/2.5-1/\">[2.5-1]</a>") && values.contains("<td class=\"num\">40</td>"))
        // 95 against the official 120 for the same date: flagged on the report page as well.
        #expect(pages[1].contains("<tr class=\"value-conflict\"><th scope=\"row\"><a href=\"/plany/plans/town-plan/indicators/1.1-1/\">[1.1-1]</a></th>"))
        #expect(pages[1].contains("<h1>Звіт: Коаліція 1325, 2025 рік</h1>"))
        #expect(pages[2].contains("<dt>Reporting period</dt><dd>H1 2026</dd>"))
        #expect(pages[2].contains("<h2>Summary of the report</h2>"))
    }

    @Test func reportsAreListedAndFed() throws {
        let pages = try pages("reports/index.html", "plans/town-plan/index.html", "executors/oda/index.html",
                              "plans/town-plan/reports.xml", "plans/district-plan/reports.xml")
        let index = pages[0]
        let order = index.matches(of: /<a href="\/plany\/reports\/([a-z0-9-]+)\/">/).map { String($0.output.1) }
        #expect(order == ["2026-coalition-2026-h1", "2026-oda-2026-h1", "2025-coalition-2025", "2025-oda-2025"])
        #expect(index.contains("<a href=\"/plany/plans/town-plan/reports.xml\" type=\"application/atom+xml\">План для моніторингу</a>"))
        let plan = try helper.section(pages[1], from: "<section class=\"plan-reports\" id=\"reports\">", to: "</section>")
        #expect(plan.matches(of: /class="report-item/).count == 4)
        #expect(plan.contains("<a href=\"/plany/plans/town-plan/reports.xml\" type=\"application/atom+xml\">Стрічка звітів плану (Atom)</a>"))
        // The reporter's own page lists only its reports.
        let oda = try helper.section(pages[2], from: "<section class=\"executor-reports\"", to: "</section>")
        #expect(oda.contains("reports/2026-oda-2026-h1/") && oda.contains("reports/2025-oda-2025/") && !oda.contains("coalition"))
        let feed = pages[3]
        #expect(feed.contains("<id>https://example.org/plany/reports/2026-coalition-2026-h1/</id>"))
        #expect(feed.matches(of: /<entry>/).count == 4)
        #expect(feed.contains("<summary>Коаліція перевірила три заходи. Кризовий центр працює не цілодобово.</summary>"))
        // An entry that answers another report says whose assessment it answers.
        #expect(feed.contains("&lt;li&gt;Захід 1.2: виконано частково; відповідь на оцінку «Обласна державна адміністрація»&lt;/li&gt;"))
        #expect(!pages[4].contains("<entry>"))
    }

    @Test func everyCountHasItsList() throws {
        let pages = try pages("plans/town-plan/lists/index.html", "executors/social/lists/index.html",
                              "plans/town-plan/goals/direction-2/lists/index.html", "index.html")
        func numbers(_ html: String) -> [String] { html.matches(of: /measures\/([0-9.]+)\/">/).map { String($0.output.1) } }
        let plan = pages[0]
        #expect(numbers(try helper.section(plan, from: "<section class=\"count-list\" id=\"overdue\">", to: "</section>")) == ["1.3", "1.4"])
        #expect(numbers(try helper.section(plan, from: "id=\"disputed\">", to: "</section>")) == ["1.2"])
        #expect(numbers(try helper.section(plan, from: "id=\"civil-society-partly-completed\">", to: "</section>")) == ["1.2"])
        #expect(numbers(try helper.section(plan, from: "id=\"official-completed\">", to: "</section>")) == ["1.1", "1.2"])
        #expect(numbers(try helper.section(plan, from: "id=\"unreported\">", to: "</section>")) == ["2.4"])
        #expect(numbers(try helper.section(plan, from: "id=\"running-this-year\">", to: "</section>")) == ["1.3", "1.4", "2.1", "2.3", "2.4", "2.5"])
        #expect(!plan.contains("<script"))
        // The executor's list is split by plan, each part with its own anchor for the scorecard's cells.
        let social = pages[1]
        #expect(social.contains("<h3 id=\"overdue--town-plan\"><a href=\"/plany/plans/town-plan/\">План для моніторингу</a></h3>"))
        #expect(numbers(try helper.section(social, from: "id=\"civil-society-partly-completed\">", to: "</section>")) == ["1.2"])
        #expect(numbers(try helper.section(pages[2], from: "id=\"official-not-completed\">", to: "</section>")) == ["2.5"])
        // The home page: each voice per plan, and what is disputed and overdue, as links.
        let home = pages[3]
        #expect(home.contains("<a href=\"/plany/plans/town-plan/lists/#official-completed\">Обласна державна адміністрація: виконано 2 з 9\u{00A0}заходів</a>"))
        #expect(home.contains("<a href=\"/plany/plans/town-plan/lists/#civil-society-completed\">Коаліція 1325: виконано 1 з 9\u{00A0}заходів</a>"))
        #expect(home.contains("<a href=\"/plany/plans/recurring-plan/lists/#overdue\">Строк минув, виконання не підтверджено: 4\u{00A0}заходи.</a>"))
        #expect(home.contains("<a href=\"/plany/years/2026/\">Що мало бути виконано у 2026 році</a>"))
    }

    @Test func aYearPageListsWhatFellDueThen() throws {
        let pages = try pages("years/2026/index.html", "years/2021/index.html", "en/years/2026/index.html")
        let year = pages[0]
        #expect(year.contains("<h1>Що мало бути виконано у 2026 році</h1>"))
        let town = try helper.section(year, from: "<a href=\"/plany/plans/town-plan/\">", to: "</section>")
        #expect(town.matches(of: /measures\/([0-9.]+)\/">/).map { String($0.output.1) } == ["1.3", "1.4", "2.3", "2.5"])
        #expect(town.contains("<time datetime=\"2026-06-30\">30 червня 2026 р.</time>"))
        #expect(year.contains("<a href=\"/plany/plans/district-plan/\">Районний план</a>"))
        // Recurring terms fall due in every year of the plan: «Щорічно (1 квартал)» on 31 March.
        let past = pages[1]
        #expect(past.contains("<time datetime=\"2021-03-31\">31 березня 2021 р.</time>"))
        #expect(past.contains("<time datetime=\"2021-12-31\">31 грудня 2021 р.</time>"))
        #expect(past.matches(of: /recurring-plan\/measures\/([0-9]+)\/">/).map { String($0.output.1) } == ["1", "2", "3"])
        #expect(pages[2].contains("<h1>What was due in 2026</h1>"))
    }

    @Test func recurringTermsOfAnEndedPlanAreOverdue() throws {
        let pages = try pages("plans/recurring-plan/index.html", "plans/recurring-plan/measures/2/index.html",
                              "plans/recurring-plan/timeline/index.html")
        let overdue = try helper.section(pages[0], from: "<section class=\"due-list\" id=\"overdue\">", to: "</section>")
        #expect(overdue.matches(of: /measures\/([0-9]+)\/">/).map { String($0.output.1) } == ["1", "2", "3", "4"])
        #expect(pages[1].contains("Строк виконання минув 31 березня 2022 р., а виконання не підтверджено звітом."))
        let rows = try helper.section(pages[2], from: "<tbody>", to: "</tbody>").components(separatedBy: "</tr>")
        #expect(rows[0].matches(of: /tl-due/).count == 3)   // quarterly: every year of 2020–2022
        #expect(rows[3].matches(of: /tl-due/).count == 1)   // «Постійно»: the end of the period only
        #expect(rows[0].contains("title=\"31 березня 2020 р.; 30 червня 2020 р.; 30 вересня 2020 р.; 31 грудня 2020 р.\""))
        #expect(helper.text(try helper.section(pages[2], from: "<tfoot>", to: "</tfoot>")) == "Строк спливає в цьому році 3 3 4")
        #expect(pages[2].contains("<td class=\"num\"><a href=\"/plany/years/2021/#plan-recurring-plan\">3</a></td>"))
    }

    @Test func theNoReportNoteNamesTheVoicesThatHaveNotReported() throws {
        let pages = try pages("plans/town-plan/measures/2.1/index.html", "plans/town-plan/measures/2.4/index.html",
                              "plans/town-plan/measures/1.2/index.html")
        #expect(pages[0].contains("<p class=\"no-report\">Громадського моніторингу цього заходу ще не опубліковано.</p>"))
        #expect(pages[1].contains("<p class=\"no-report\">Звітів про виконання ще не опубліковано.</p>"))
        #expect(!pages[2].contains("ще не опубліковано"))
    }

    /// Every link of the fixture site resolves, and every count's `#anchor` names a list on its page.
    @Test func everyLinkAndListAnchorResolves() throws {
        let site = try TestSite(fixture: MonitoringSiteTests.fixture)
        let result = try site.build()
        defer { site.remove() }
        let crawl = try LinkCrawler.crawl(site.output, basePath: "/plany/")
        #expect(crawl.broken.isEmpty, "broken: \(crawl.broken.prefix(10))")
        #expect(crawl.pages == result.pages)
        var missing: [String] = []
        var checked = 0
        for file in try FileManager.default.subpathsOfDirectory(atPath: site.output) where file.hasSuffix(".html") {
            let html = try site.page(file)
            for match in html.matches(of: /href="\/plany\/([^"#]*lists\/)#([^"]+)"/) {
                checked += 1
                let target = try site.page(String(match.output.1) + "index.html")
                if !target.contains("id=\"\(match.output.2)\"") { missing.append("\(file) → \(match.output.1)#\(match.output.2)") }
            }
        }
        #expect(checked > 100)
        #expect(missing.isEmpty, "\(missing.prefix(10))")
    }
}
