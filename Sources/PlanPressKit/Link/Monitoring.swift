/// Monitoring reports joined to the plans: status history per measure,
/// values per indicator, and the due/overdue reading against the "as of" date.
public struct Monitoring: Sendable {
    public struct StatusEntry: Sendable {
        public var report: Int
        public var period: ReportPeriod
        public var reporter: Reporter
        public var published: CalendarDate
        public var status: MeasureStatusValue
        public var narrativeHTML: String?
        public var evidence: [MeasureStatus.Evidence]
    }

    public struct ValueEntry: Sendable {
        public var report: Int
        public var reporter: Reporter
        public var value: IndicatorValue
    }

    public struct IndicatorKey: Hashable, Sendable {
        public var plan: Int
        public var indicator: Int
    }

    /// The reading used for counts and badges.
    public struct Current: Sendable {
        public var status: MeasureStatusValue
        public var period: ReportPeriod
        /// Reporters disagree about the latest period.
        public var disputed: Bool
        public var entries: [StatusEntry]
    }

    public let asOf: CalendarDate
    public var reportsByPlan: [Int: [Int]] = [:]
    public var history: [SiteGraph.MeasureKey: [StatusEntry]] = [:]
    public var values: [IndicatorKey: [ValueEntry]] = [:]

    public init(asOf: CalendarDate) { self.asOf = asOf }

    /// The latest period's statuses. When an official and a civil-society report
    /// disagree for the same period, the official status is counted and the
    /// measure is marked disputed (docs/monitoring.md).
    public func current(_ key: SiteGraph.MeasureKey) -> Current? {
        guard let entries = history[key], let last = entries.last else { return nil }
        let latest = entries.filter { $0.period == last.period }
        let statuses = Set(latest.map(\.status))
        let official = latest.last { $0.reporter.kind == .official }
        let chosen = official ?? latest.last!
        return Current(status: chosen.status, period: last.period, disputed: statuses.count > 1, entries: latest)
    }

    /// Due: the term's last day lies before the as-of date (on the last day
    /// itself the measure is still within its term). Recurring and unstated
    /// terms are never due.
    public func isDue(_ term: Term) -> Bool {
        guard let due = term.reading.due, !term.reading.isRecurring else { return false }
        return due < asOf
    }

    /// Overdue: the term has ended and no report says the measure is completed.
    public func isOverdue(_ key: SiteGraph.MeasureKey, term: Term) -> Bool {
        guard isDue(term) else { return false }
        return current(key)?.status.isDone != true
    }

    /// Due within the as-of year and not yet past.
    public func isDueThisYear(_ term: Term) -> Bool {
        guard let due = term.reading.due, !term.reading.isRecurring else { return false }
        return due.year == asOf.year && !(due < asOf)
    }
}
