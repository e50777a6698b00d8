import Testing
@testable import PlanPressKit

/// Where plans stand on the as-of date: the home page's order and the search's
/// «ended» flag (computed by the site from period and status).
@Suite struct PlanStandingTests {
    @Test func realPlansInHomeOrder() {
        let plans = RealContentTests.loaded.graph.plans.map(\.plan)
        let asOf = RealContentTests.loaded.graph.site.settings.asOf
        let order = PlanStanding.order(plans, asOf: asOf).map { plans[$0].id.raw }
        #expect(order == ["luhansk-strategy-2027", "luhansk-wps-2026-2030", "minreintegration-2024",
                          "kreminna-wps-2020-2022", "luhansk-civil-society-2020"])
        let standings = Dictionary(uniqueKeysWithValues: plans.map { ($0.id.raw, PlanStanding($0, asOf: asOf)) })
        #expect(standings["luhansk-wps-2026-2030"] == .draft)
        #expect(standings["luhansk-strategy-2027"] == .current)
        #expect(standings["kreminna-wps-2020-2022"] == .ended)
    }

    @Test func aPlanEndsAfterItsLastYear() {
        var plan = RealContentTests.loaded.graph.plans[0].plan
        plan.period = Period(from: 2020, to: 2022)
        plan.status = .notStated
        #expect(PlanStanding(plan, asOf: CalendarDate(year: 2022, month: 12, day: 31)) == .current)
        #expect(PlanStanding(plan, asOf: CalendarDate(year: 2023, month: 1, day: 1)) == .ended)
        plan.status = .draft
        #expect(PlanStanding(plan, asOf: CalendarDate(year: 2021, month: 6, day: 1)) == .draft)
        plan.period = Period(from: 2020, to: nil)
        #expect(PlanStanding(plan, asOf: CalendarDate(year: 2040, month: 1, day: 1)) == .draft)
    }
}
