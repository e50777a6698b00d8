/// Where a plan stands on the site's as-of date, computed by the site (not
/// stated by the document): the home page orders plans within each group by it and the
/// search ranks results of ended plans lower when relevance is close. It says nothing
/// about force: only a printed approval block does (`Plan.Status`).
public enum PlanStanding: Int, Sendable, Comparable {
    /// Not a draft, and its period has not ended.
    case current = 0
    /// A draft whose period has not ended.
    case draft = 1
    /// The period ended before the as-of year.
    case ended = 2

    public init(_ plan: Plan, asOf: CalendarDate) {
        if let to = plan.period.to, to < asOf.year {
            self = .ended
        } else {
            self = plan.status == .draft ? .draft : .current
        }
    }

    public static func < (a: PlanStanding, b: PlanStanding) -> Bool { a.rawValue < b.rawValue }

    /// Plan positions ordered by standing, then by the period's end (latest first), then site order.
    public static func order(_ plans: [Plan], asOf: CalendarDate) -> [Int] {
        plans.indices.sorted { a, b in
            let sa = PlanStanding(plans[a], asOf: asOf), sb = PlanStanding(plans[b], asOf: asOf)
            if sa != sb { return sa < sb }
            let ea = plans[a].period.to ?? Int.max, eb = plans[b].period.to ?? Int.max
            return ea != eb ? ea > eb : a < b
        }
    }
}
