import Foundation
import Testing
@testable import PlanPressKit

/// Small sites written inline, built into a temporary folder.
@Suite struct SmallSiteTests {
    func makeSite(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                     "sources/test-plan.txt": "Джерело"]
        files.merge(extra) { _, new in new }
        return try TestSite(files)
    }

    @Test func writesEveryPageKind() throws {
        let site = try makeSite()
        defer { site.remove() }
        let result = try site.build()
        for path in ["index.html", "plans/test-plan/index.html", "plans/test-plan/goals/goal-1/index.html",
                     "plans/test-plan/goals/task-1.1/index.html", "plans/test-plan/measures/1.1/index.html",
                     "plans/test-plan/indicators/1.1-2/index.html", "executors/index.html", "executors/dszn/index.html",
                     "glossary/index.html", "404.html", "plans/test-plan/print/index.html", "sources/test-plan.txt",
                     "en/plans/test-plan/measures/1.1/index.html", "assets/site.css"] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(result.pages > 20)
    }

    @Test func linksUseTheBasePath() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect(measure.contains("href=\"/plany/executors/dszn/\""))
        #expect(measure.contains("href=\"/plany/plans/test-plan/goals/task-1.1/\""))
        #expect(measure.contains("<link rel=\"canonical\" href=\"https://example.org/plany/plans/test-plan/measures/1.1/\">"))
        #expect(measure.contains("href=\"/plany/plans/test-plan/indicators/1.1-1/\""))
        #expect(measure.contains("rel=\"next\" href=\"/plany/plans/test-plan/measures/1.2/\""))
        try site.build(baseURL: "https://other.example/")
        #expect(try site.page("plans/test-plan/measures/1.1/index.html").contains("href=\"/executors/dszn/\""))
    }

    @Test func escapesContentAndMarksAbbreviations() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect(!measure.contains("<script>alert(1)</script>"))
        #expect(measure.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(measure.contains("<abbr title=\"Головне управління Національної поліції\">ГУНП</abbr>"))
    }

    @Test func measurePageShowsConsentTermAndFunding() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let measure = try site.page("plans/test-plan/measures/1.1/index.html")
        #expect(measure.contains("Головне управління Національної поліції</a> <span class=\"consent\">(за згодою)</span>"))
        #expect(measure.contains("2025–2026"))
        #expect(measure.contains("<td class=\"num\">1\u{00A0}234,5</td>"))
        #expect(measure.contains("<td class=\"num\">–</td>")) // printed dash, not 0
        let notNeeded = try site.page("plans/test-plan/measures/1.2/index.html")
        // The document's own words, not the site's label for the state.
        #expect(notNeeded.contains("<dd>«Не потребує» <span class=\"printed\">(як у документі)</span></dd>"))
        #expect(!notNeeded.contains("Не потребує фінансування"))
        #expect(!notNeeded.contains("class=\"budget\""))
        let noTerm = try site.page("plans/test-plan/measures/2.1/index.html")
        #expect(noTerm.contains("<dd>не зазначено</dd>"))
        // An empty funding cell in a plan with money says «не зазначено» once, not «Фінансування не зазначено».
        #expect(noTerm.contains("<dt>Фінансування</dt>\n<dd>не зазначено</dd>"))
    }

    @Test func goalAndPlanPagesCarryTheirBudgets() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let goal = try site.page("plans/test-plan/goals/goal-1/index.html")
        #expect(goal.contains("<caption>Разом за всіма заходами цієї гілки (пораховано сайтом): ціль 1"))
        #expect(goal.contains("<th scope=\"col\" class=\"num\">Разом (пораховано сайтом)</th>"))
        #expect(goal.contains("class=\"note computed-note\""))
        #expect(goal.contains("<td class=\"num\">1\u{00A0}244,5</td>")) // 10,0 + 1 234,5
        let plan = try site.page("plans/test-plan/index.html")
        #expect(plan.contains("За цілями верхнього рівня та роками"))
        // The stated 2026 total matches; nothing is listed as a mismatch.
        #expect(plan.contains("Усі підсумки, зазначені в документі, збігаються"))
    }

    @Test func executorPageGroupsMeasuresByPlanAndRole() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let police = try site.page("executors/police/index.html")
        #expect(police.contains("href=\"/plany/plans/test-plan/measures/1.1/\""))
        #expect(police.contains("role-consent"))
        // Each group of measures names the goals above it, as the document nests them.
        #expect(police.contains("<p class=\"group-path\"><a href=\"/plany/plans/test-plan/goals/goal-1/\">Ціль 1</a><span class=\"sep\"> › </span><a href=\"/plany/plans/test-plan/goals/task-1.1/\">Завдання 1.1</a>"))
        #expect(police.contains("Суми пораховано сайтом: це повні суми кожного заходу"))
        let dszn = try site.page("executors/dszn/index.html")
        #expect(dszn.contains("href=\"/plany/executors/oda/\"")) // parent body
        // The documents do not rank bodies: no «відповідальний»/«співвиконавець» labels, one count per meaning.
        #expect(!dszn.contains(">відповідальний</span>") && !dszn.contains("співвиконавець"))
        #expect(dszn.contains("<dt>Заходів, у яких орган названо</dt>"))
    }

    @Test func outputIsDeterministic() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let first = try site.page("plans/test-plan/index.html") + site.page("executors/index.html") + site.page("glossary/index.html")
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        let second = try site.page("plans/test-plan/index.html") + site.page("executors/index.html") + site.page("glossary/index.html")
        #expect(first == second)
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let path = site.output + "/executors/index.html"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        Thread.sleep(forTimeInterval: 1.1)
        let result = try site.build()
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        #expect(before == after)
        #expect(result.unchanged == result.files)
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try makeSite()
        defer { site.remove() }
        try site.build()
        let before = try site.page("plans/test-plan/index.html")
        try site.write("plans/test-plan/plan.yaml", TestSite.plan.replacingOccurrences(of: "- dszn", with: "- dszm"))
        #expect(throws: BuildFailure.self) { try site.build() }
        #expect(try site.page("plans/test-plan/index.html") == before)
        #expect(!FileManager.default.fileExists(atPath: site.output + ".planpress-staging"))
        #expect(((try? FileManager.default.subpathsOfDirectory(atPath: site.output)) ?? []).allSatisfy { !$0.hasSuffix(".planpress-tmp") })
    }

    @Test func commentaryLinksResolveToPages() throws {
        let site = try makeSite(["commentary/plan.md": """
        ---
        about: plan:test-plan
        title: "Про план"
        ---
        Див. [захід 1.1](measure:test-plan/1.1) та [ОДА](executor:oda).
        """])
        defer { site.remove() }
        try site.build()
        let plan = try site.page("plans/test-plan/index.html")
        #expect(plan.contains("<h2>Про план</h2>"))
        #expect(plan.contains("<a href=\"/plany/plans/test-plan/measures/1.1/\">захід 1.1</a>"))
        #expect(plan.contains("<a href=\"/plany/executors/oda/\">ОДА</a>"))
    }
}

@Suite struct ReconciliationDisplayTests {
    @Test func mismatchesNameTheRowsTheyCover() throws {
        let plan = TestSite.plan.replacingOccurrences(of: "2026: \"1 234,5\", 2027: \"0,0\"}}", with: "2026: \"1 000,0\", 2027: \"5,0\"}}")
        let site = try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": plan,
                                 "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/test-plan/index.html")
        #expect(page.contains("<td class=\"num\"><strong>234,5</strong></td><td>1: <a href=\"/plany/plans/test-plan/measures/1.1/\">1.1</a>"))
        // A stated total for a year with no rows (2027 is a dash) says so instead of listing nothing.
        #expect(page.contains("немає рядків із сумами"))
    }
}
