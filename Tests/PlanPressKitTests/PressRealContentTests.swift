import Testing
@testable import PlanPressKit

/// The updates shipped in Content/ state only facts the plans themselves
/// record: checked against the transcribed plans.
@Suite struct PressRealContentTests {
    static let graph: SiteGraph? = {
        let options = Builder.Options(content: TestSite.repository.appendingPathComponent("Content").path,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path)
        return try? Builder(options: options).check().graph
    }()

    @Test func shippedUpdatesMatchThePlansTheyReportOn() throws {
        let graph = try #require(Self.graph)
        #expect(graph.updates.count <= 2)
        for update in graph.updates {
            #expect(!update.draft)
            #expect(update.items.contains { if case .plan = $0 { return true } else { return false } }, "\(update.slug) names its plan")
        }
        let civil = try #require(graph.updates.first { $0.items.contains(.plan(PlanID("luhansk-civil-society-2020"))) })
        let civilPlan = try #require(graph.plan(PlanID("luhansk-civil-society-2020"))).plan
        // Dated when it was written, not back-dated to the stamp's date; the stamp is quoted in the text.
        #expect(civilPlan.approval?.date == CalendarDate(year: 2019, month: 12, day: 20))
        #expect(civil.date == graph.site.settings.asOf && civil.date != civilPlan.approval?.date)
        #expect(civil.markdown.contains("«20» грудня 2019 року"))
        let wps = try #require(graph.updates.first { $0.items.contains(.plan(PlanID("luhansk-wps-2026-2030"))) })
        #expect(graph.plan(PlanID("luhansk-wps-2026-2030"))?.plan.status == .draft)
        #expect(wps.date == graph.site.settings.asOf)
        #expect(wps.title.contains("проєкт"))
    }
}
