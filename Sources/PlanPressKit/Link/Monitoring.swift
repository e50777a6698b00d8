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
        /// The report (index into `site.reports`) whose assessment of the same measure this entry answers.
        public var replyTo: Int? = nil
        /// The body the reporter asked to answer this assessment (`reply_requested`).
        public var replyRequestedFrom: ExecutorID? = nil
    }

    /// An entry that answers another report's assessment of the same measure: with a status of
    /// its own (it is then also in `history`) or without one (a reply, not an assessment).
    public struct Reply: Sendable {
        public var report: Int
        /// The answered report (index into `site.reports`).
        public var answers: Int
        public var reporter: Reporter
        public var period: ReportPeriod
        public var published: CalendarDate
        public var status: MeasureStatusValue?
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

    public let asOf: CalendarDate
    public var reportsByPlan: [Int: [Int]] = [:]
    public var history: [SiteGraph.MeasureKey: [StatusEntry]] = [:]
    public var values: [IndicatorKey: [ValueEntry]] = [:]
    /// Replies per measure, in publication order.
    public var replies: [SiteGraph.MeasureKey: [Reply]] = [:]

    public init(asOf: CalendarDate) { self.asOf = asOf }

    /// The latest assessment of each voice: the official reports' and the
    /// civil-society reports' latest period for the measure, each on its own.
    public struct Voices: Sendable {
        /// Official statuses of the latest period any official report covers, in publication order.
        public var official: [StatusEntry]
        /// Civil-society statuses of the latest period any civil-society report covers.
        public var civilSociety: [StatusEntry]

        /// Both voices' latest entries: official first.
        public var all: [StatusEntry] { official + civilSociety }
        /// The statuses shown differ (between the voices, or between reporters of one voice).
        public var disputed: Bool { Set(all.map(\.status)).count > 1 }
        /// The voice's status that is counted: its latest published entry.
        public func counted(_ kind: Reporter.Kind) -> StatusEntry? { (kind == .official ? official : civilSociety).last }
    }

    /// Entries that answer the given report's assessment of the measure, in publication order.
    public func replies(to report: Int, _ key: SiteGraph.MeasureKey) -> [Reply] {
        (replies[key] ?? []).filter { $0.answers == report }
    }

    /// The assessment still awaits the reply its reporter asked for: no report by the asked body
    /// (`reporter.executor`) answers it.
    public func awaitsReply(_ entry: StatusEntry, _ key: SiteGraph.MeasureKey, reports: [Report]) -> Bool {
        guard let body = entry.replyRequestedFrom else { return false }
        return !replies(to: entry.report, key).contains { reports[$0.report].reporter.executor == body }
    }

    /// Every assessment whose reporter asked a body for a reply, per body, in measure order then publication order.
    public func replyRequests() -> [ExecutorID: [(key: SiteGraph.MeasureKey, entry: StatusEntry)]] {
        var out: [ExecutorID: [(key: SiteGraph.MeasureKey, entry: StatusEntry)]] = [:]
        for key in history.keys.sorted() {
            for entry in history[key]! {
                if let body = entry.replyRequestedFrom { out[body, default: []].append((key, entry)) }
            }
        }
        return out
    }

    /// Each voice's latest assessment; nil when no report mentions the measure.
    public func voices(_ key: SiteGraph.MeasureKey) -> Voices? {
        guard let entries = history[key], !entries.isEmpty else { return nil }
        func latest(_ kind: Reporter.Kind) -> [StatusEntry] {
            let own = entries.filter { $0.reporter.kind == kind }
            guard let period = own.last?.period else { return [] }
            return own.filter { $0.period == period }
        }
        return Voices(official: latest(.official), civilSociety: latest(.civilSociety))
    }

    /// The dates the term falls due (every occurrence of a recurring term), in order.
    public func dueDates(_ term: Term) -> [CalendarDate] { term.reading.dueDates }

    /// The latest date the term fell due before the as-of date.
    public func lastDue(_ term: Term) -> CalendarDate? { dueDates(term).last { $0 < asOf } }

    /// The next date the term falls due, on or after the as-of date.
    public func nextDue(_ term: Term) -> CalendarDate? { dueDates(term).first { !($0 < asOf) } }

    /// Due: a date the term falls due lies before the as-of date (on that day
    /// itself the measure is still within its term). A recurring term is due
    /// at each occurrence; unstated terms are never due.
    public func isDue(_ term: Term) -> Bool { lastDue(term) != nil }

    /// Overdue: the term (the latest occurrence of a recurring one) has ended and
    /// no voice's latest report says the measure is completed; for a recurring
    /// term that report's period must reach the occurrence.
    public func isOverdue(_ key: SiteGraph.MeasureKey, term: Term) -> Bool {
        guard let due = lastDue(term) else { return false }
        let done = voices(key)?.all.filter { $0.status.isDone } ?? []
        if !term.reading.isRecurring { return done.isEmpty }
        let month = YearMonth(year: due.year, month: due.month)
        return !done.contains { !($0.period.end < month) }
    }

    /// Falls due (an occurrence of a recurring term, too) within the as-of year and not yet past.
    public func isDueThisYear(_ term: Term) -> Bool {
        dueDates(term).contains { $0.year == asOf.year && !($0 < asOf) }
    }

    /// The term's years include the as-of year.
    public func isRunningThisYear(_ term: Term) -> Bool {
        term.reading.years?.contains(asOf.year) ?? false
    }
}
