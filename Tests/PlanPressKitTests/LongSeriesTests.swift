import Foundation
import Testing
@testable import PlanPressKit

/// Inputs that grow without bound shown the way a reader can use them
/// (docs/monitoring.md, «Long series»; docs/performance.md, «Scaling»): a long
/// value series as a chart, a summary and numbered pages; a report with more
/// values than a page as a summary per indicator; pagers of constant size;
/// an executor's money as one table with a row per plan.
@Suite struct LongSeriesTests {
    /// Reports of TestSite.plan giving `count` daily values of `indicator` from `from` (1 January 2026), one voice:
    /// one report per calendar year the values fall in (a value is refused outside its report's period), each
    /// published two weeks after its last value. The first year's report is `name`, the next ones `name-YYYY`.
    static func reports(_ file: String, _ indicator: String, values count: Int, kind: String = "official", name: String = "ОДА",
                        from: CalendarDate = CalendarDate(year: 2026, month: 1, day: 1), shift: Int = 0) -> [String: String] {
        var files: [String: String] = [:]
        var date = from, n = 0
        while n < count {
            let year = date.year
            var values: [String] = []
            var last = date
            while n < count && date.year == year {
                values.append("  - {indicator: \"\(indicator)\", value: \"\(100 + (n * 37) % 500 + shift)\", date: \(date.iso), unit: \"осіб\"}")
                last = date
                date = date.nextDay
                n += 1
            }
            var published = last
            for _ in 0..<14 { published = published.nextDay }
            let lines = ["plan: test-plan", "period: \(year)", "reporter: {kind: \(kind), name: \"\(name)\"}", "published: \(published.iso)",
                         "indicators:"] + values
            files[files.isEmpty ? file : "\(file)-\(year)"] = lines.joined(separator: "\n") + "\n"
        }
        return files
    }

    static func site(_ reports: [String: String]) throws -> TestSite {
        var files = ["executors/all.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan, "sources/test-plan.txt": "Джерело",
                     "site.yaml": TestSite.defaultSettings.replacingOccurrences(of: "as_of: 2026-06-15", with: "as_of: 2027-06-15")]
        for (name, text) in reports { files["reports/\(name).yaml"] = text }
        return try TestSite(files)
    }

    func rows(_ html: String) -> Int {
        html.components(separatedBy: "<table class=\"actuals\">").dropFirst()
            .map { $0.components(separatedBy: "</table>")[0].components(separatedBy: "<tr").count - 2 }.reduce(0, +)
    }

    @Test func aShortSeriesKeepsItsWholeTableAndADotPerValue() throws {
        let site = try Self.site(Self.reports("short", "1.1-2", values: PageRenderer.inlineValueLimit))
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/test-plan/indicators/1.1-2/index.html")
        #expect(rows(page) == PageRenderer.inlineValueLimit)
        #expect(page.components(separatedBy: "<circle").count - 1 == PageRenderer.inlineValueLimit)
        #expect(!page.contains("values-summary") && !site.exists("plans/test-plan/indicators/1.1-2/values/index.html"))
    }

    @Test func aLongSeriesHasAChartASummaryAndNumberedPages() throws {
        let count = 2 * PageRenderer.valuesPerPage + 50
        // 365 official values in the 2026 report, 85 in the 2027 one; 60 of the coalition's in 2026.
        let site = try Self.site(Self.reports("official", "1.1-2", values: count)
            .merging(Self.reports("coalition", "1.1-2", values: 60, kind: "civil-society", name: "Коаліція 1325", shift: 1)) { a, _ in a })
        defer { site.remove() }
        try site.build()
        for prefix in ["", "en/"] {
            let page = try site.page(prefix + "plans/test-plan/indicators/1.1-2/index.html")
            #expect(rows(page) == 0)
            #expect(!page.contains("<circle"))
            #expect(page.components(separatedBy: "<polyline").count - 1 == 2)
            // One row per year and reporter: the official values run into 2027.
            let summary = try #require(page.components(separatedBy: "<table class=\"actuals values-summary\">").dropFirst().first)
            #expect(summary.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").count - 2 == 3)
            #expect(page.contains("href=\"/plany/\(prefix)plans/test-plan/indicators/1.1-2/values/page/3/\""))
            #expect(!page.contains("values/page/4/"))
        }
        let total = count + 60
        var seen = 0
        for n in 1...3 {
            let path = "plans/test-plan/indicators/1.1-2/values/" + (n == 1 ? "" : "page/\(n)/") + "index.html"
            let page = try site.page(path)
            let shown = rows(page)
            #expect(shown == min(PageRenderer.valuesPerPage, total - seen))
            seen += shown
            #expect(page.contains("<span aria-current=\"page\">\(n)</span>"))
            #expect(try site.page("en/" + path).contains("<span aria-current=\"page\">\(n)</span>"))
        }
        #expect(seen == total)
        // The days both voices report are flagged where the values differ.
        #expect(try site.page("plans/test-plan/indicators/1.1-2/values/index.html").contains("value-conflict"))
        let sitemap = try String(contentsOfFile: site.output + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("/plans/test-plan/indicators/1.1-2/values/page/2/</loc>"))
    }

    @Test func aReportWithMoreValuesThanAPageSumsThemUpPerIndicator() throws {
        // The long report's values all fall in 2026; the short one (same reporter) covers the end of 2025.
        let longReports = Self.reports("long", "1.1-2", values: PageRenderer.valuesPerPage + 1)
        let shortReports = Self.reports("short", "1.1-1", values: 3, from: CalendarDate(year: 2025, month: 12, day: 29))
        #expect(longReports.count == 1 && shortReports.count == 1)
        let site = try Self.site(longReports.merging(shortReports) { a, _ in a })
        defer { site.remove() }
        try site.build()
        let long = try site.page("reports/long/index.html")
        #expect(rows(long) == 0 && long.contains("values-summary"))
        #expect(long.contains("<td class=\"num\">\(PageRenderer.valuesPerPage + 1)</td>"))
        #expect(rows(try site.page("reports/short/index.html")) == 3)
    }

    @Test func editingOneValueOfALongSeriesRebuildsItsPagesAsAFullBuildWould() throws {
        // 365 values in the 2026 report, 35 in the 2027 one (official-2027, published 2027-02-18).
        let site = try Self.site(Self.reports("official", "1.1-2", values: 2 * PageRenderer.valuesPerPage))
        defer { site.remove() }
        let scenario = try IncrementalBuildTests.Scenario(copying: URL(fileURLWithPath: site.content))
        // One value corrected (same length: the downloads' printed sizes stay, so only its pages are rendered).
        try scenario.edit("reports/official.yaml", replacing: "value: \"283\", date: 2026-03-01", with: "value: \"284\", date: 2026-03-01")
        try scenario.rebuildMatchesFullBuild()
        let page = try String(contentsOfFile: scenario.output + "/plans/test-plan/indicators/1.1-2/values/index.html", encoding: .utf8)
        #expect(page.contains("<time datetime=\"2026-03-01\">") && page.contains("<td class=\"num\">284</td>"))
        // A value added makes a third page, which the rebuild writes (all pages, when the printed size
        // of a download changes with it). It goes in the 2027 report, on a day inside its period and
        // before its publication that no value has yet.
        try scenario.edit("reports/official-2027.yaml", replacing: "indicators:\n", with: """
            indicators:
              - {indicator: "1.1-2", value: "1", date: 2027-02-05}
            """ + "\n")
        try scenario.rebuildMatchesFullBuild(expectIncremental: nil)
        #expect(FileManager.default.fileExists(atPath: scenario.output + "/plans/test-plan/indicators/1.1-2/values/page/3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: scenario.output + "/plans/test-plan/indicators/1.1-2/values/page/4/index.html"))
    }

    @Test func pagersListAFewNumbersWhateverTheCount() {
        #expect(Pagination.numbers(current: 1, count: 5) == [1, 2, 3, 4, 5])
        #expect(Pagination.numbers(current: 1, count: 9) == Array(1...9))
        #expect(Pagination.numbers(current: 1, count: 1_000) == [1, 2, 3, nil, 1_000])
        #expect(Pagination.numbers(current: 500, count: 1_000) == [1, nil, 498, 499, 500, 501, 502, nil, 1_000])
        #expect(Pagination.numbers(current: 4, count: 20) == [1, 2, 3, 4, 5, 6, nil, 20])
        #expect(Pagination.numbers(current: 20, count: 20) == [1, nil, 18, 19, 20])
    }

    @Test func aThinnedLineKeepsEachColumnsFirstLowestHighestAndLast() {
        var date = CalendarDate(year: 2000, month: 1, day: 1)
        var points: [IndicatorChart.Point] = []
        for n in 0..<20_000 {
            points.append(.init(date: date, value: Decimal((n * 7919) % 1_000)))
            date = date.nextDay
        }
        func x(_ d: CalendarDate) -> Double { Double(IndicatorChart.day(d)) }
        let kept = IndicatorChart.thinned(points, x: x)
        #expect(kept.count <= 4 * IndicatorChart.columns && kept.count >= 2 * IndicatorChart.columns)
        #expect(kept.first?.date == points.first?.date && kept.last?.date == points.last?.date)
        #expect(kept.map(\.value).min() == 0 && kept.map(\.value).max() == 999)
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.date < $1.date })
        // Short lines are drawn through every value.
        #expect(IndicatorChart.thinned(Array(points.prefix(4 * IndicatorChart.columns)), x: x).count == 4 * IndicatorChart.columns)
    }

    @Test func aReportPageListsTenOtherAssessmentsOfItsPeriodAndCountsTheRest() throws {
        let others = PageRenderer.otherVoicesListed + 3
        var reports: [String: String] = [:]
        for n in 0...others {
            reports[String(format: "r%02d", n)] = """
                plan: test-plan
                period: 2026-H1
                reporter: {kind: civil-society, name: "Спостерігач \(n)"}
                published: 2026-07-15
                measures:
                  - measure: "1.1"
                    status: in-progress

                """
        }
        let site = try Self.site(reports)
        defer { site.remove() }
        try site.build()
        for (prefix, more) in [("", "Ще 3\u{00A0}оцінки"), ("en/", "Not listed here: 3\u{00A0}assessments")] {
            let page = try site.page(prefix + "reports/r00/index.html")
            let block = try #require(page.components(separatedBy: "<div class=\"other-voices\">").dropFirst().first).components(separatedBy: "</div>")[0]
            #expect(block.components(separatedBy: "<li>").count - 1 == PageRenderer.otherVoicesListed)
            #expect(block.contains(more) && block.contains("href=\"/plany/\(prefix)plans/test-plan/measures/1.1/\""))
        }
        // Every assessment of the period is on the measure page.
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect((0...others).allSatisfy { measure.contains("Спостерігач \($0)<") || measure.contains("Спостерігач \($0) ") })
    }

    @Test func anExecutorPageHasOneBudgetTableWithARowPerPlan() throws {
        let second = TestSite.plan.replacingOccurrences(of: "id: test-plan", with: "id: second-plan")
            .replacingOccurrences(of: "short_title: \"Тестовий план\"", with: "short_title: \"Другий план\"")
            .replacingOccurrences(of: "source: test-plan.txt\n", with: "")
        let site = try TestSite(["executors/all.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                                 "sources/test-plan.txt": "Джерело", "plans/second-plan/plan.yaml": second])
        defer { site.remove() }
        try site.build()
        let page = try site.page("executors/police/index.html")
        #expect(page.components(separatedBy: "<table class=\"budget").count - 1 == 1)
        let table = try #require(page.components(separatedBy: "<table class=\"budget executor-budget-table\">").dropFirst().first)
        let body = table.components(separatedBy: "</table>")[0]
        #expect(body.components(separatedBy: "<tr>").count - 2 == 2)
        #expect(body.contains(">Другий план</a>") && body.contains(">Тестовий план</a>"))
        // Measure 1.1: 10,0 + 1 234,5 from the city budget over 2025–2027.
        #expect(body.contains("<li>Місцевий бюджет: <span class=\"num\">1\u{00A0}244,5</span></li>"))
        #expect(body.contains("<td>2025–2027</td>"))
        #expect(try site.page("en/executors/police/index.html").contains("executor-budget-table"))
    }
}

extension CalendarDate {
    /// The day after.
    var nextDay: CalendarDate {
        if day < CalendarDate.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1) }
        return month < 12 ? CalendarDate(year: year, month: month + 1, day: 1) : CalendarDate(year: year + 1, month: 1, day: 1)
    }
}
