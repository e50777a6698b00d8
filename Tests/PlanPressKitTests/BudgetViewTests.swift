import Foundation
import Testing
@testable import PlanPressKit

/// The plan's budget view (share per source, SVG chart) and the download
/// links on plan, goal, executor and `/data/` pages.
@Suite struct BudgetViewTests {
    func built() throws -> TestSite {
        let site = try OpenDataTests.fixtureSite()
        try site.build()
        return site
    }

    @Test func planPageDrawsTheBudgetAsAnAccessibleSVGChart() throws {
        let site = try built()
        defer { site.remove() }
        let page = try site.page("plans/money/index.html")
        #expect(page.contains("<svg class=\"budget-chart-svg\" role=\"img\" aria-labelledby=\"budget-chart-title budget-chart-desc\""))
        #expect(page.contains("<title id=\"budget-chart-title\">Фінансування: за роками та джерелами, пораховано сайтом із рядків заходів (тис. грн)</title>"))
        // The text alternative names every bar and every part of it.
        #expect(page.contains("<desc id=\"budget-chart-desc\">Фінансування: за роками та джерелами, пораховано сайтом із рядків заходів, тис. грн. 2025: усього 0,3 (Місцевий бюджет — 0,3). 2026: усього 7,0 (Місцевий бюджет — 4,0; Інші джерела — 3,0).</desc>"))
        // Largest bar 7,0 → axis to 8 in steps of 2: 25 px per thousand.
        #expect(page.contains("<rect class=\"budget-series-1\" x=\"448\" y=\"128\" width=\"72\" height=\"100\">"))
        #expect(page.contains("<rect class=\"budget-series-2\" x=\"448\" y=\"53\" width=\"72\" height=\"75\">"))
        #expect(page.contains("height=\"7.5\"><title>Місцевий бюджет, 2025: 0,3 тис. грн</title>"))
        let labels = page.components(separatedBy: "class=\"chart-axis\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        #expect(labels == ["0", "2", "4", "6", "8"])
        // The same figures in the table next to it.
        #expect(page.contains("<th scope=\"row\">Місцевий бюджет</th><td class=\"num\">0,3</td><td class=\"num\">4,0</td><td class=\"num\">4,3</td>"))
        #expect(page.contains("<th scope=\"row\">Інші джерела</th><td class=\"num\">—</td><td class=\"num\">3,0</td><td class=\"num\">3,0</td>"))
        #expect(!page.contains("<script"))
    }

    @Test func planPageShowsTheShareOfEachSource() throws {
        let site = try built()
        defer { site.remove() }
        let page = try site.page("plans/money/index.html")
        #expect(page.contains("Місцевий бюджет</th><td class=\"num\">4,3</td><td class=\"num\">58,9\u{00A0}%</td>"))
        #expect(page.contains("Інші джерела</th><td class=\"num\">3,0</td><td class=\"num\">41,1\u{00A0}%</td>"))
        #expect(page.contains("<td class=\"num\">7,3</td><td class=\"num\">100,0\u{00A0}%</td>"))
        let english = try site.page("en/plans/money/index.html")
        #expect(english.contains("<td class=\"num\">4.3</td><td class=\"num\">58.9%</td>"))
    }

    @Test func noPageUsesInlineStyles() throws {
        let site = try built()
        defer { site.remove() }
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 40)
        for path in pages {
            let page = try site.page(path)
            #expect(!page.contains(" style="), "\(path) has an inline style attribute")
            #expect(!page.contains("<style"), "\(path) has a style element")
        }
    }

    @Test func aPlanWithoutMoneyHasNoChartAndNoBudgetDownload() throws {
        let site = try built()
        defer { site.remove() }
        let page = try site.page("plans/words/index.html")
        #expect(!page.contains("budget-chart"))
        #expect(page.contains("href=\"/plany/data/words.json\" download"))
        #expect(!page.contains("words-budget.csv"))
    }

    @Test func chartAxisUsesRoundSteps() throws {
        func axis(_ amounts: [String]) throws -> String {
            var sums = BudgetSums()
            let lines = try amounts.enumerated().map { year, text in
                FundingLine(source: "s", printedSource: "s", amounts: [2020 + year: .value(try #require(Money(parsing: text)))],
                            location: SourceLocation(file: "f"))
            }
            sums.add(lines)
            let spec = BudgetSpec(unit: "тис. грн", years: [], sources: [FundingSource(id: "s", name: "S", spellings: [])], statedTotals: nil)
            guard let axis = BudgetChart(sums: sums, budget: spec).axis else { return "none" }
            return "\(axis.max)/\(axis.step)"
        }
        #expect(try axis(["95,0", "113,0", "124,0"]) == "150/50")
        #expect(try axis(["0,1", "0,3"]) == "0.3/0.1")
        #expect(try axis(["7,0"]) == "8/2")
        #expect(try axis(["1 000"]) == "1000/500")
        #expect(try axis(["0"]) == "none")
    }

    @Test func sharesAndSizesAreComputedWithoutFloatingPoint() {
        #expect(BudgetChart.share(Money(1), of: Money(3))?.machine == "33.3")
        #expect(BudgetChart.share(Money(2), of: Money(3))?.machine == "66.7")
        #expect(BudgetChart.share(Money(1), of: Money(0)) == nil)
    }

    @Test func pagesLinkTheDownloadsThatCoverThem() throws {
        let site = try built()
        defer { site.remove() }
        let plan = try site.page("plans/money/index.html")
        for file in ["money.json", "money.xlsx", "money-monitoring-template.xlsx", "money-measures.csv", "money-budget.csv", "all.zip"] {
            #expect(plan.contains("href=\"/plany/data/\(file)\" download"), "plan page lacks \(file)")
        }
        #expect(plan.contains("href=\"/plany/data/\">"))
        // The other tables are on /data/, not on every plan page.
        #expect(!plan.contains("money-statuses.csv"))
        let goal = try site.page("plans/money/goals/direction-2/index.html")
        #expect(goal.contains("href=\"/plany/data/money-measures.csv\" download"))
        #expect(goal.contains("у стовпці goal_path_ids ідентифікатор direction-2."))
        let executor = try site.page("executors/police/index.html")
        #expect(executor.contains("href=\"/plany/data/executors.csv\" download"))
        #expect(executor.contains("План з грошима: Захід — виконавець: один рядок на пару"))
        #expect(executor.contains("href=\"/plany/data/words-measure-executors.csv\" download"))
        #expect(!executor.contains("money.json"))
        #expect(executor.contains("ідентифікатор police у стовпці executor."))
        let dszn = try site.page("executors/dszn/index.html")
        #expect(dszn.contains("План з грошима: Захід — виконавець") && !dszn.contains("words-measure-executors.csv"))
        // A body named in no measure: only the registry, and no hint about measure tables.
        let council = try site.page("executors/council/index.html")
        #expect(council.contains("href=\"/plany/data/executors.csv\" download"))
        #expect(!council.contains("measure-executors.csv") && !council.contains("у стовпці executor."))
        let english = try site.page("en/executors/police/index.html")
        #expect(english.contains("href=\"/plany/data/executors.csv\" download>Bodies the plans name: table</a>"))
    }

    @Test func openDataPageListsEveryFileWithItsSize() throws {
        let site = try built()
        defer { site.remove() }
        let page = try site.page("data/index.html")
        let files = try FileManager.default.contentsOfDirectory(atPath: site.output + "/data").filter { $0 != "index.html" }
        #expect(files.count == 46)
        let checked = try Builder(options: site.options()).check()
        let renderer = PageRenderer(graph: checked.graph, templates: checked.templates, language: "uk", routes: checked.graph.routes, otherRoutes: nil)
        for name in files {
            let size = try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/" + name)).count
            #expect(page.contains("href=\"/plany/data/\(name)\" download"), "\(name) not linked")
            #expect(page.contains("(<code>\(name)</code>, \(name.hasSuffix(".zip") ? "ZIP" : name.hasSuffix(".csv") ? "CSV" : name.hasSuffix(".xlsx") ? "XLSX" : "JSON"), \(renderer.fileSize(size)))"),
                    "\(name) without its size")
        }
        #expect(try site.page("en/data/index.html").contains("href=\"/plany/data/all.zip\" download>All files in one archive</a>"))
        #expect(try site.page("index.html").contains("href=\"/plany/data/\">Відкриті дані</a>"))
    }

    @Test func fileSizesReadLikeAFileManager() throws {
        let site = try built()
        defer { site.remove() }
        let checked = try Builder(options: site.options()).check()
        let uk = PageRenderer(graph: checked.graph, templates: checked.templates, language: "uk", routes: checked.graph.routes, otherRoutes: nil)
        let en = PageRenderer(graph: checked.graph, templates: checked.templates, language: "en", routes: checked.graph.routes, otherRoutes: nil)
        #expect(uk.fileSize(812) == "812\u{00A0}Б")
        #expect(uk.fileSize(8_499) == "8,3\u{00A0}КБ")
        // Two significant digits from 10 up: a small edit rarely changes the printed size.
        #expect(uk.fileSize(12_595) == "12\u{00A0}КБ")
        #expect(uk.fileSize(345_000) == "340\u{00A0}КБ")
        #expect(en.fileSize(1_048_576 + 104_858) == "1.1\u{00A0}MB")
        #expect(en.fileSize(15 * 1_048_576 + 600_000) == "16\u{00A0}MB")
    }
}
