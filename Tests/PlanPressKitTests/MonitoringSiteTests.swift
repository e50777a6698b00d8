import Foundation
import Testing
@testable import PlanPressKit

/// The monitoring fixture (Tests/Fixtures/monitoring-disagree): invented
/// official and civil-society reports, one pair disagreeing, built into pages.
@Suite struct MonitoringSiteTests {
    static let fixture = "monitoring-disagree"

    func built(asOf: String? = nil) throws -> TestSite {
        let overrides = try asOf.map { ["site.yaml": try TestSite.settings(fixture: Self.fixture, asOf: $0)] } ?? [:]
        let site = try TestSite(fixture: Self.fixture, replacing: overrides)
        try site.build()
        return site
    }

    /// Builds the fixture, reads the given pages, removes the site.
    func pages(_ paths: String..., asOf: String? = nil) throws -> [String] {
        let site = try built(asOf: asOf)
        defer { site.remove() }
        return try paths.map { try site.page($0) }
    }

    func checked(asOf: String) throws -> SiteGraph {
        let site = try TestSite(fixture: Self.fixture, replacing: ["site.yaml": try TestSite.settings(fixture: Self.fixture, asOf: asOf)])
        defer { site.remove() }
        return try Builder(options: site.options()).check().graph
    }

    /// The text of an element's content with tags removed and whitespace collapsed.
    func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The part of a page between two markers.
    func section(_ html: String, from start: String, to end: String) throws -> String {
        let lower = try #require(html.range(of: start))
        let upper = try #require(html.range(of: end, range: lower.upperBound..<html.endIndex))
        return String(html[lower.lowerBound..<upper.lowerBound])
    }

    @Test func planPageCountsEachVoiceApartWithABar() throws {
        let plan = try pages("plans/town-plan/index.html")[0]
        let summary = try section(plan, from: "<div class=\"status-summary\">", to: "<section class=\"due-list\"")
        let official = try section(summary, from: "<div class=\"voice-summary voice-official\">", to: "voice-civil-society")
        // Each voice is named by whoever reports: the state body as much as the organisation.
        #expect(official.contains("<h3 class=\"voice-heading\">Обласна державна адміністрація</h3>"))
        #expect(official.contains("<p class=\"status-total\">Виконано 2 з 9\u{00A0}заходів (22 %).</p>"))
        #expect(text(try section(official, from: "<ul class=\"status-counts\">", to: "</ul>"))
            == "виконано: 2 (22&nbsp;%) виконується: 2 (22&nbsp;%) не розпочато: 2 (22&nbsp;%) не виконано: 1 (11&nbsp;%) немає інформації: 1 (11&nbsp;%) офіційного звіту немає: 1 (11&nbsp;%)")
        #expect(official.contains("<rect class=\"seg seg-completed\" x=\"0\" y=\"0\" width=\"222\" height=\"24\"><title>виконано: 2</title></rect>"))
        #expect(official.contains("<rect class=\"seg seg-unreported\" x=\"888\" y=\"0\" width=\"112\""))
        #expect(!official.contains("seg-partly-completed"))
        // The coalition's assessment is counted on its own, under the name it signs with.
        let civil = try section(summary, from: "<div class=\"voice-summary voice-civil-society\">", to: "</ul>")
        #expect(civil.contains("<h3 class=\"voice-heading\">Коаліція 1325</h3>"))
        #expect(civil.contains("<p class=\"status-total\">Виконано 1 з 9\u{00A0}заходів (11 %).</p>"))
        #expect(civil.contains("виконано частково: <a href=\"/plany/plans/town-plan/lists/#civil-society-partly-completed\"><strong>1</strong></a>"))
        #expect(civil.contains("громадського звіту немає: <a href=\"/plany/plans/town-plan/lists/#unreported-civil-society\"><strong>6</strong></a>"))
        // Every count is a link to its list.
        #expect(summary.contains("<a href=\"/plany/plans/town-plan/lists/#disputed\">Оцінки розходяться: 1\u{00A0}захід.</a>"))
        #expect(summary.contains("<a href=\"/plany/plans/town-plan/lists/#overdue\">Строк минув, виконання не підтверджено: 2\u{00A0}заходи.</a>"))
        #expect(summary.contains("<a href=\"/plany/plans/town-plan/lists/#due-this-year\">Строк спливає до кінця 2026 року: 2\u{00A0}заходи.</a>"))
        #expect(summary.contains("<a href=\"/plany/plans/town-plan/lists/#unreported\">Звіту немає ні від кого: 1\u{00A0}захід.</a>"))
        #expect(summary.contains("<a href=\"/plany/plans/town-plan/lists/#running-this-year\">Строк охоплює 2026 рік: 6\u{00A0}заходів.</a>"))
    }

    @Test func planPageListsDueThisYearAndOverdue() throws {
        let plan = try pages("plans/town-plan/index.html")[0]
        let dueThisYear = try section(plan, from: "id=\"due-this-year\"", to: "id=\"overdue\"")
        let overdue = try section(plan, from: "id=\"overdue\"", to: "</section>")
        func numbers(_ html: String) -> [String] {
            html.matches(of: /measures\/([0-9.]+)\//).map { String($0.output.1) }
        }
        #expect(numbers(dueThisYear) == ["2.3", "2.5"])
        #expect(numbers(overdue) == ["1.3", "1.4"])
        #expect(overdue.contains("Це не означає, що їх не виконано"))
        #expect(plan.contains("<a href=\"/plany/plans/town-plan/timeline/\">Графік за роками</a>"))
    }

    @Test func goalPageCountsItsSubtree() throws {
        let goal = try pages("plans/town-plan/goals/direction-2/index.html")[0]
        #expect(goal.contains("<p class=\"status-total\">Виконано 0 з 5\u{00A0}заходів (0 %).</p>"))
        #expect(text(try section(goal, from: "<ul class=\"status-counts\">", to: "</ul>"))
            == "виконується: 1 (20&nbsp;%) не розпочато: 1 (20&nbsp;%) не виконано: 1 (20&nbsp;%) немає інформації: 1 (20&nbsp;%) офіційного звіту немає: 1 (20&nbsp;%)")
        #expect(goal.contains("<a href=\"/plany/plans/town-plan/goals/direction-2/lists/#official-not-completed\"><strong>1</strong></a>"))
        #expect(!goal.contains("voice-civil-society\">")) // no civil-society report covers direction 2
        #expect(!goal.contains("badge-overdue\">строк минув</span> Строк минув"))
    }

    @Test(arguments: [("1.1", "completed"), ("1.2", "completed"), ("1.3", "in-progress"), ("1.4", "not-started"),
                      ("2.1", "in-progress"), ("2.2", "no-information"), ("2.3", "not-started"), ("2.5", "not-completed")])
    func everyStatusShowsAsABadge(measure: String, status: String) throws {
        let page = try pages("plans/town-plan/measures/\(measure)/index.html")[0]
        let current = try section(page, from: "<p class=\"current-status\">", to: "</p>")
        #expect(current.contains("<span class=\"badge badge-\(status)\">"))
        let label = try #require(graphLabel(status))
        #expect(current.contains(">\(label)</span>"))
    }

    func graphLabel(_ status: String) -> String? {
        ["completed": "виконано", "partly-completed": "виконано частково", "in-progress": "виконується",
         "not-started": "не розпочато", "not-completed": "не виконано", "no-information": "немає інформації"][status]
    }

    @Test func partlyCompletedAppearsInTheHistory() throws {
        let page = try pages("plans/town-plan/measures/1.2/index.html")[0]
        #expect(page.contains("<span class=\"badge badge-partly-completed\">виконано частково</span>"))
    }

    @Test func disagreeingReportsStandSideBySide() throws {
        let pages = try pages("plans/town-plan/measures/1.2/index.html", "plans/town-plan/measures/1.1/index.html")
        let page = pages[0]
        // The header: both voices side by side, neither overriding the other, and the disagreement marked.
        #expect(page.contains("<p class=\"status-line\"><span class=\"voices\"><span class=\"voice voice-official\" title=\"офіційний звіт, I півріччя 2026 р.\">Обласна державна адміністрація: <span class=\"badge badge-completed\">виконано</span></span><span class=\"sep\"> · </span><span class=\"voice voice-civil-society\" title=\"громадський моніторинг, I півріччя 2026 р.\">Коаліція 1325: <span class=\"badge badge-partly-completed\">виконано частково</span></span> <span class=\"badge badge-disputed\">оцінки розходяться</span></span></p>"))
        let latest = try section(page, from: "<section class=\"report-period disagree\" id=\"period-2026-H1\">", to: "</section>")
        #expect(latest.contains("<h4>I півріччя 2026 р.</h4>"))
        #expect(latest.contains("<p class=\"disagreement\"><span class=\"badge badge-disputed\">оцінки розходяться</span>"))
        let official = try section(latest, from: "report-column-official", to: "report-column-civil-society")
        let civil = try section(latest + "<end>", from: "report-column-civil-society", to: "<end>")
        #expect(official.contains("<h5>Офіційний звіт</h5>"))
        // The official column holds the official entry; the coalition's reply to it sits under it.
        let officialEntry = try section(official, from: "<div class=\"report-entry\">", to: "<div class=\"replies\">")
        #expect(officialEntry.contains("badge-completed") && !officialEntry.contains("badge-partly-completed"))
        #expect(official.contains("<a href=\"/plany/executors/oda/\">Обласна державна адміністрація</a>"))
        #expect(civil.contains("<h5>Громадський моніторинг</h5>"))
        #expect(civil.contains("badge-partly-completed") && !civil.contains("badge-completed"))
        #expect(civil.contains("Центр відкрито, але <strong>цілодобового</strong> прийому немає."))
        #expect(civil.contains("<a href=\"https://example.org/foto\" rel=\"nofollow noopener\">Фото оголошення про графік роботи</a>"))
        #expect(civil.contains("<time datetime=\"2026-06-25\">25 червня 2026 р.</time>"))
        // Newest period first; the agreeing period of 2025 is not marked.
        let older = try section(page, from: "<section class=\"report-period\" id=\"period-2025\">", to: "</section>")
        #expect(!older.contains("disagreement"))
        #expect(page.range(of: "period-2026-H1")!.lowerBound < page.range(of: "period-2025")!.lowerBound)
        // Narrative Markdown links to items resolve to pages.
        let first = pages[1]
        #expect(first.contains("<a href=\"/plany/plans/town-plan/measures/1.2/\">захід 1.2</a>"))
        #expect(first.contains("<h5>Громадський моніторинг</h5>"))
    }

    @Test func aSingleReporterLeavesTheOtherColumnSayingSo() throws {
        let pages = try pages("plans/town-plan/measures/2.5/index.html", "plans/town-plan/measures/1.3/index.html")
        let page = pages[0]
        #expect(page.contains("Громадського звіту за цей період немає."))
        #expect(!page.contains("class=\"disagreement\""))
        #expect(page.contains("Строк виконання спливає 31 грудня 2026 р."))
        let overdue = pages[1]
        #expect(overdue.contains("Строк виконання минув 30 червня 2026 р., а виконання не підтверджено звітом."))
        #expect(overdue.contains("<span class=\"badge badge-overdue\">строк минув</span>"))
    }

    @Test func measureListsMarkDisputedMeasures() throws {
        let goal = try pages("plans/town-plan/goals/direction-1/index.html")[0]
        #expect(goal.contains("href=\"/plany/plans/town-plan/measures/1.2/\">Захід 1.2</a>\n<span class=\"voices\"><span class=\"voice voice-official\" title=\"офіційний звіт, I півріччя 2026 р.\">Обласна державна адміністрація: <span class=\"badge badge-completed\">виконано</span></span><span class=\"sep\"> · </span><span class=\"voice voice-civil-society\" title=\"громадський моніторинг, I півріччя 2026 р.\">Коаліція 1325: <span class=\"badge badge-partly-completed\">виконано частково</span></span> <span class=\"badge badge-disputed\">оцінки розходяться</span></span>"))
    }

    /// The fixture's terms read from their printed form, against as_of dates either side of each due date.
    @Test(arguments: [
        ("2026-06-30", ["1.3": false, "1.4": false, "2.4": false, "2.1": false, "2.2": false], 4),
        ("2026-07-01", ["1.3": true, "1.4": true, "2.4": false, "2.1": false, "2.2": false], 2),
        // 2.1 «Постійно» falls due at the end of the plan period (2027) and is overdue after it without a report saying completed.
        ("2027-12-31", ["1.3": true, "1.4": true, "2.4": false, "2.1": false, "2.2": false], 2),
        ("2028-01-01", ["1.3": true, "1.4": true, "2.4": true, "2.1": true, "2.2": false], 0),
    ])
    func overdueFollowsTheAsOfDate(asOf: String, expected: [String: Bool], dueThisYear: Int) throws {
        let graph = try checked(asOf: asOf)
        let p = graph.planByID[PlanID("town-plan")]!
        for (number, overdue) in expected {
            let m = graph.plans[p].measureByNumber[number]!
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            #expect(graph.monitoring.isOverdue(key, term: graph.measure(key).measure.term) == overdue, "measure \(number) on \(asOf)")
        }
        let counts = graph.monitoring.counts(graph.plans[p].measures.indices.map {
            (key: SiteGraph.MeasureKey(plan: p, measure: $0), term: graph.plans[p].measures[$0].measure.term)
        })
        #expect(counts.dueThisYear == dueThisYear)
    }

    @Test func onTheDueDateTheMeasureIsDueThisYearNotOverdue() throws {
        let pages = try pages("plans/town-plan/index.html", "plans/town-plan/measures/1.3/index.html", asOf: "2026-06-30")
        let plan = pages[0]
        let dueThisYear = try section(plan, from: "id=\"due-this-year\"", to: "id=\"overdue\"")
        #expect(dueThisYear.contains("measures/1.3/") && dueThisYear.contains("measures/1.4/"))
        #expect(dueThisYear.contains("<time datetime=\"2026-06-30\">30 червня 2026 р.</time>"))
        #expect(!plan.contains("measures/1.3/\">Захід 1.3</a> <span class=\"badge badge-in-progress\">виконується</span> <span class=\"badge badge-overdue\">"))
        let measure = pages[1]
        #expect(!measure.contains("badge-overdue"))
    }

    @Test func indicatorChartShowsActualsAgainstTheTarget() throws {
        let page = try pages("plans/town-plan/indicators/1.1-1/index.html")[0]
        // Each voice's latest value is judged on its own: both verdicts stand, and their difference is flagged.
        #expect(page.contains("<p class=\"target-assessment assessment-met\"><span class=\"voice\">Обласна державна адміністрація:</span> <strong>Ціль досягнуто</strong>. Останнє значення — 120 осіб на 31 грудня 2025 р. (Обласна державна адміністрація); ціль — не менше 100 осіб.</p>"))
        #expect(page.contains("<p class=\"target-assessment assessment-not-met\"><span class=\"voice\">Коаліція 1325:</span> <strong>Ціль не досягнуто</strong>. Останнє значення — 95 осіб на 31 грудня 2025 р. (Коаліція 1325); ціль — не менше 100 осіб.</p>"))
        #expect(page.contains("<span class=\"badge badge-disputed\">оцінки розходяться</span> За останніми значеннями"))
        // 95 and 120 for the same date: both rows flagged.
        #expect(page.contains("<span class=\"badge badge-disputed\">значення розходяться</span> Для однієї дати звіти подають різні значення"))
        #expect(page.components(separatedBy: "<tr class=\"value-conflict\">").count == 3)
        let chart = try section(page, from: "<svg class=\"indicator-chart\"", to: "</svg>")
        #expect(chart.contains("role=\"img\" aria-labelledby=\"chart-values-title chart-values-desc\""))
        #expect(chart.contains("<polyline class=\"line series-official\" points=\"96,181.3 592,64\"/>"))
        #expect(chart.contains("<circle class=\"dot series-civil-society\" cx=\"592\" cy=\"100.7\" r=\"4\">"))
        #expect(chart.contains("<line class=\"target-line\" x1=\"72\" x2=\"616\" y1=\"93.3\" y2=\"93.3\"/>"))
        // The accessible alternative: every value in a table, in date order.
        let table = try section(page, from: "<table class=\"actuals\">", to: "</table>")
        let rows = table.matches(of: /<td class="num">([^<]+)<\/td>/).map { String($0.output.1) }
        #expect(rows == ["40", "95", "120"])
        #expect(table.contains("<li>стать: жінки — 70</li>"))
        #expect(table.contains("за списками учасників"))
        #expect(!page.contains(" style=\"") && !page.contains("<script>"))
    }

    @Test func disaggregatedSeriesGetTheirOwnChartAndTable() throws {
        let page = try pages("plans/town-plan/indicators/1.1-1/index.html")[0]
        let sex = try section(page, from: "<h3>Показник [1.1-1] у розрізі: стать</h3>", to: "</section>")
        #expect(sex.contains("aria-labelledby=\"chart-breakdown-1-title chart-breakdown-1-desc\""))
        #expect(sex.contains("<title>жінки (офіційний звіт), 31.12.2025: 70</title>"))
        #expect(sex.contains("<title>жінки (громадський моніторинг), 31.12.2025: 55</title>"))
        #expect(sex.contains("<th scope=\"col\" class=\"num\">жінки</th><th scope=\"col\" class=\"num\">чоловіки</th>"))
        #expect(sex.contains("<td>Обласна державна адміністрація</td><td class=\"num\">70</td><td class=\"num\">50</td>"))
        #expect(!sex.contains("<polyline")) // one date per reporter: points, no line joining reporters
        let age = try section(page, from: "<h3>Показник [1.1-1] у розрізі: вік</h3>", to: "</section>")
        #expect(age.contains("<th scope=\"col\" class=\"num\">18–35</th><th scope=\"col\" class=\"num\">36 і старші</th>"))
        #expect(!age.contains("громадський моніторинг"))
    }

    @Test(arguments: [("1.2-1", "assessment-not-met", "Ціль не досягнуто", "8 скарг"),
                      ("2.3-1", "assessment-met", "Ціль досягнуто", "1 стратегія"),
                      ("2.5-1", "assessment-met", "Ціль досягнуто", "46,5 %")])
    func targetMetOrNot(indicator: String, code: String, label: String, value: String) throws {
        let page = try pages("plans/town-plan/indicators/\(indicator)/index.html")[0]
        #expect(page.contains("<p class=\"target-assessment \(code)\"><span class=\"voice\">Обласна державна адміністрація:</span> <strong>\(label)</strong>. Останнє значення — \(value) на 1 червня 2026 р."))
    }

    @Test func indicatorWithoutValuesSaysSo() throws {
        let page = try pages("plans/town-plan/indicators/2.4-1/index.html")[0]
        let block = try section(page, from: "<section class=\"monitoring\" id=\"monitoring\">", to: "</section>")
        #expect(block.contains("<p class=\"no-report\">Звітів про виконання ще не опубліковано.</p>"))
        #expect(!block.contains("<svg"))
    }

    @Test func timelineListsMeasuresByTheYearsOfTheirTerm() throws {
        let pages = try pages("plans/town-plan/timeline/index.html", "en/plans/town-plan/timeline/index.html")
        let page = pages[0]
        let head = try section(page, from: "<thead>", to: "</thead>")
        #expect(text(head) == "Захід Строк виконання 2025 2026 (поточний рік) 2027 Поточний стан")
        let body = try section(page, from: "<tbody>", to: "</tbody>")
        let order = body.matches(of: /measures\/([0-9.]+)\//).map { String($0.output.1) }
        #expect(order == ["1.1", "1.2", "2.1", "2.4", "2.3", "1.3", "1.4", "2.5"])
        let rows = body.components(separatedBy: "</tr>")
        #expect(rows[3].contains("<td class=\"tl tl-on tl-start\"><span class=\"tl-sr\">у строку</span></td><td class=\"tl tl-on\">"))
        #expect(rows[3].contains("<td class=\"tl tl-on tl-end\"><span class=\"tl-sr\">строк спливає</span><span class=\"tl-due\" title=\"31 грудня 2027 р.\""))
        // «Постійно» (2025–2027): hatched, and due at the end of the plan period.
        #expect(rows[2].contains("tl-recurring"))
        #expect(rows[2].contains("<td class=\"tl tl-on tl-recurring tl-start\"><span class=\"tl-sr\">постійно</span></td>"))
        #expect(rows[2].contains("<td class=\"tl tl-on tl-recurring tl-end\"><span class=\"tl-sr\">строк спливає</span><span class=\"tl-due\" title=\"31 грудня 2027 р.\""))
        #expect(rows[5].contains("<td class=\"tl\"></td><td class=\"tl tl-on tl-start tl-end\">"))
        #expect(rows[5].contains("<span class=\"badge badge-overdue\">строк минув</span>"))
        #expect(text(try section(page, from: "<tfoot>", to: "</tfoot>")) == "Строк спливає в цьому році 2 4 2")
        let undated = try section(page, from: "<h2>Строк не зазначено</h2>", to: "</section>")
        #expect(undated.contains("measures/2.2/"))
        #expect(!page.contains("<script>"))
        let english = pages[1]
        #expect(english.contains("<h1>Timeline by year</h1>"))
    }

    @Test func executorPageIsAScorecard() throws {
        let pages = try pages("executors/social/index.html", "executors/police/index.html")
        let page = pages[0]
        let card = try section(page, from: "<section class=\"scorecard\" id=\"scorecard\">", to: "</section>")
        #expect(card.contains("<p class=\"status-total\">Виконано 2 з 7\u{00A0}заходів (29 %).</p>"))
        // Status and "no report" cells: official / civil-society, each a link to the executor's list.
        let rows = try section(card, from: "<tbody>", to: "</tbody>").components(separatedBy: "</tr>").map(text)
        #expect(rows[0] == "Районний план 1 0 0 / 0 0 / 0 0 / 0 0 / 0 0 / 0 0 / 0 1 / 1 0")
        #expect(rows[1] == "План для моніторингу 6 0 2 / 1 0 / 1 2 / 1 0 / 0 1 / 0 0 / 0 1 / 3 1")
        #expect(text(try section(card, from: "<tfoot>", to: "</tfoot>")) == "Усього 7 0 2 / 1 0 / 1 2 / 1 0 / 0 1 / 0 0 / 0 2 / 4 1")
        #expect(card.contains("<a href=\"/plany/executors/social/lists/#civil-society-partly-completed--town-plan\">1</a>"))
        #expect(card.contains("<a href=\"/plany/executors/social/lists/#overdue--town-plan\">1</a>"))
        #expect(card.contains("<a href=\"/plany/executors/social/lists/#official-completed\">2</a>"))
        // The police are named «за згодою» in 1.1 and without it in 1.4 (overdue, not started).
        let police = pages[1]
        let policeRows = try section(police, from: "<tbody>", to: "</tbody>")
        #expect(text(policeRows) == "План для моніторингу 1 1 1 / 1 0 / 0 0 / 0 1 / 0 0 / 0 0 / 0 0 / 1 1")
        #expect(!page.contains("відповідальний") && !page.contains("співвиконавець"))
        #expect(!police.contains("<tfoot>"))
    }

    @Test func englishInterfaceNamesPeriodsAndStatuses() throws {
        let pages = try pages("en/plans/town-plan/measures/1.2/index.html", "en/plans/town-plan/indicators/1.2-1/index.html")
        let page = pages[0]
        #expect(page.contains("<h4>H1 2026</h4>"))
        #expect(page.contains("<h5>Civil-society monitoring</h5>"))
        #expect(page.contains("assessments differ"))
        let indicator = pages[1]
        #expect(indicator.contains("<strong>Target not met</strong>"))
        #expect(text(indicator).contains("Latest value 8 скарг on 1 June 2026"))
    }

    /// A strict Content-Security-Policy forbids style attributes and inline scripts.
    @Test func noPageCarriesInlineStylesOrScripts() throws {
        let site = try built()
        defer { site.remove() }
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter { $0.hasSuffix(".html") }
        #expect(files.count > 40)
        for file in files {
            let html = try site.page(file)
            #expect(!html.contains(" style=\""), "\(file)")
            #expect(!html.contains("<script>"), "\(file)")
        }
    }

    /// Right of reply in the open data: the statuses table and the JSON history name the report an entry answers.
    @Test func repliesAreInTheStatusesTableAndTheJSON() throws {
        let site = try built()
        defer { site.remove() }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/town-plan-statuses.csv")))
        let statuses = try #require(CSVReader.table(bytes))
        #expect(statuses.header.last == "reply_to")
        let replies = statuses.rows.filter { !($0["reply_to"] ?? "").isEmpty }
            .map { "\($0["report"]!) \($0["measure_id"]!) → \($0["reply_to"]!)" }
        #expect(replies == ["2026-coalition-2026-h1 town-plan/1.2 → 2026-oda-2026-h1"])
        let json = try ExactJSON.parse(try String(contentsOfFile: site.output + "/data/town-plan.json", encoding: .utf8))
        let measure = try #require(json["measures"].array.first { $0["number"].string == "1.2" })
        let history = measure["monitoring"]["history"].array
        #expect(history.map { "\($0["report"].string!) \($0["reply_to"].string ?? "null")" }.sorted()
            == ["2025-coalition-2025 null", "2025-oda-2025 null", "2026-coalition-2026-h1 2026-oda-2026-h1", "2026-oda-2026-h1 null"])
    }
}
