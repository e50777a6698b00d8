import Foundation
import Testing
@testable import PlanPressKit

/// The shipped Content/ has no monitoring reports (the source documents hold
/// none): every page says so plainly and shows no invented status.
@Suite struct MonitoringRealContentTests {
    static let checked: (graph: SiteGraph, templates: TemplateSet)? = {
        let repository = TestSite.repository
        let options = Builder.Options(content: repository.appendingPathComponent("Content").path,
                                      templates: repository.appendingPathComponent("Templates").path)
        return (try? Builder(options: options).check()).map { ($0.graph, $0.templates) }
    }()

    func render(_ page: PageID, language: String = "uk") throws -> String {
        let (graph, templates) = try #require(Self.checked)
        let routes = language == "uk" ? graph.routes : graph.routes.withLocale("\(language)/")
        return PageRenderer(graph: graph, templates: templates, language: language, routes: routes, otherRoutes: nil).render(page)
    }

    @Test func thereAreNoReports() throws {
        let (graph, _) = try #require(Self.checked)
        #expect(graph.site.reports.isEmpty)
        #expect(graph.monitoring.history.isEmpty && graph.monitoring.values.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: TestSite.repository.appendingPathComponent("Content/reports").path))
    }

    @Test(arguments: [
        PageID.plan(PlanID("luhansk-wps-2026-2030")),
        .goal(PlanID("luhansk-wps-2026-2030"), "task-6"),
        .measure(PlanID("luhansk-wps-2026-2030"), "6.2"),
        .indicator(PlanID("minreintegration-2024"), "4-1"),
        .executor(ExecutorID("luhansk-oda-social-protection")),
    ])
    func pagesSayNoReportHasBeenPublished(page: PageID) throws {
        let html = try render(page)
        #expect(html.contains("<p class=\"no-report\">Звітів про виконання ще не опубліковано.</p>"))
        for status in MeasureStatusValue.allCases {
            #expect(!html.contains("badge-\(status.rawValue)"), "\(status) shown on \(page)")
        }
        #expect(!html.contains("status-bar"))
        #expect(!html.contains("indicator-chart"))
        let english = try render(page, language: "en")
        #expect(english.contains("<p class=\"no-report\">No implementation report has been published yet.</p>"))
    }

    /// Without reports, a term that has ended is "overdue" only in the honest
    /// sense the page spells out: completion is not confirmed by any report.
    @Test func endedTermsAreListedAsNotConfirmed() throws {
        let html = try render(.plan(PlanID("minreintegration-2024")))
        let start = try #require(html.range(of: "id=\"overdue\"")).upperBound
        let end = try #require(html.range(of: "</section>", range: start..<html.endIndex)).lowerBound
        let list = html[start..<end]
        #expect(list.contains("Строк минув, виконання не підтверджено"))
        #expect(list.contains("звіт може бути ще не опубліковано"))
        #expect(list.matches(of: /badge-overdue/).count == 19)
        let wps = try render(.plan(PlanID("luhansk-wps-2026-2030")))
        #expect(wps.contains("<h3>Строк спливає до кінця 2026 року</h3>"))
    }

    @Test func everyPlanHasATimeline() throws {
        let (graph, _) = try #require(Self.checked)
        for plan in graph.plans {
            let html = try render(.planTimeline(plan.plan.id))
            let undated = plan.measures.filter { $0.measure.term.reading.years == nil }.count
            // The strategy states no terms: its timeline is the list of measures without one.
            #expect(html.contains("<table class=\"timeline\">") == (undated < plan.measures.count), "\(plan.plan.id)")
            #expect(html.contains("Документ не встановлює строків виконання") == (undated == plan.measures.count), "\(plan.plan.id)")
            let rows = html.matches(of: /<tr><th scope="row"><a href=/).count
            #expect(rows + undated == plan.measures.count, "\(plan.plan.id)")
        }
    }
}
