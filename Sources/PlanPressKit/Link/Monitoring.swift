import Foundation

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
    /// Index into `site.reports` by report id (the first report of an id).
    public var reportByID: [String: Int] = [:]
    /// Linked reports by the registry id their reporter gives (`reporter.executor`).
    public var reportsByExecutor: [ExecutorID: [Int]] = [:]
    /// Every status given for each measure, in report order. Setting it indexes it once
    /// (`StatusIndex`): pages ask for a measure's voices and reply requests many times.
    public var history: [SiteGraph.MeasureKey: [StatusEntry]] = [:] { didSet { statusIndex = StatusIndex(history) } }
    /// Every value of each indicator, by date then report. Setting it indexes it once (`ValueIndex`).
    public var values: [IndicatorKey: [ValueEntry]] = [:] { didSet { valueIndex = ValueIndex(values) } }
    /// Replies per measure, in publication order. Setting it indexes them by the answered report once.
    public var replies: [SiteGraph.MeasureKey: [Reply]] = [:] { didSet { replyIndex = ReplyIndex(replies) } }
    public private(set) var statusIndex = StatusIndex([:])
    public private(set) var valueIndex = ValueIndex([:])
    public private(set) var replyIndex = ReplyIndex([:])

    public init(asOf: CalendarDate) { self.asOf = asOf }

    /// A report's entry for a measure: the key of the indexes below.
    struct ReportMeasure: Hashable, Sendable {
        var report: Int
        var measure: SiteGraph.MeasureKey
    }

    /// A measure's entries of one period: the key of `StatusIndex.byPeriod`.
    struct MeasurePeriod: Hashable, Sendable {
        var measure: SiteGraph.MeasureKey
        var period: ReportPeriod
    }

    /// What pages ask of the status history, computed once when the history is set: each voice's
    /// latest entries, each report's entry, the assessments that ask a body for a reply.
    public struct StatusIndex: Sendable {
        var voices: [SiteGraph.MeasureKey: Voices] = [:]
        /// The entry a report gives for a measure.
        var entries: [ReportMeasure: StatusEntry] = [:]
        /// Every entry for a measure and period, in report order.
        var byPeriod: [MeasurePeriod: [StatusEntry]] = [:]
        /// `replyRequests()`: per body, in measure order then publication order.
        var requests: [ExecutorID: [(key: SiteGraph.MeasureKey, entry: StatusEntry)]] = [:]

        init(_ history: [SiteGraph.MeasureKey: [StatusEntry]]) {
            for key in history.keys.sorted() {
                let list = history[key]!
                guard !list.isEmpty else { continue }
                voices[key] = Voices(list)
                for entry in list {
                    let at = ReportMeasure(report: entry.report, measure: key)
                    if entries[at] == nil { entries[at] = entry }
                    byPeriod[MeasurePeriod(measure: key, period: entry.period), default: []].append(entry)
                    if let body = entry.replyRequestedFrom { requests[body, default: []].append((key, entry)) }
                }
            }
        }
    }

    /// Replies by the report and measure they answer, in publication order, and by the report that gives them.
    public struct ReplyIndex: Sendable {
        var byAnswered: [ReportMeasure: [Reply]] = [:]
        var byReport: [ReportMeasure: Reply] = [:]

        init(_ replies: [SiteGraph.MeasureKey: [Reply]]) {
            for (key, list) in replies {
                for reply in list {
                    byAnswered[ReportMeasure(report: reply.answers, measure: key), default: []].append(reply)
                    if byReport[ReportMeasure(report: reply.report, measure: key)] == nil { byReport[ReportMeasure(report: reply.report, measure: key)] = reply }
                }
            }
        }
    }

    /// What pages ask of an indicator's values, computed once per indicator when the values are set.
    public struct ValueIndex: Sendable {
        var conflicts: [IndicatorKey: Set<CalendarDate>] = [:]

        init(_ values: [IndicatorKey: [ValueEntry]]) {
            for (key, list) in values {
                var byDate: [CalendarDate: Decimal] = [:]
                var dates: Set<CalendarDate> = []
                for entry in list {
                    let value = entry.value.value.value
                    if let first = byDate[entry.value.date] {
                        if first != value { dates.insert(entry.value.date) }
                    } else {
                        byDate[entry.value.date] = value
                    }
                }
                if !dates.isEmpty { conflicts[key] = dates }
            }
        }
    }

    /// The latest assessment of each voice: the official reports' and the
    /// civil-society reports' latest period for the measure, each on its own.
    public struct Voices: Sendable {
        /// Official statuses of the latest period any official report covers, in publication order.
        public var official: [StatusEntry]
        /// Civil-society statuses of the latest period any civil-society report covers.
        public var civilSociety: [StatusEntry]

        /// Each voice's entries of its latest period, from a measure's history (in report order).
        init(_ entries: [StatusEntry]) {
            func latest(_ kind: Reporter.Kind) -> [StatusEntry] {
                guard let period = entries.last(where: { $0.reporter.kind == kind })?.period else { return [] }
                return entries.filter { $0.reporter.kind == kind && $0.period == period }
            }
            official = latest(.official)
            civilSociety = latest(.civilSociety)
        }

        /// Both voices' latest entries: official first.
        public var all: [StatusEntry] { official + civilSociety }
        /// The statuses shown differ (between the voices, or between reporters of one voice).
        public var disputed: Bool { Set(all.map(\.status)).count > 1 }
        /// The voice's status that is counted: its latest published entry.
        public func counted(_ kind: Reporter.Kind) -> StatusEntry? { (kind == .official ? official : civilSociety).last }
    }

    /// Entries that answer the given report's assessment of the measure, in publication order.
    public func replies(to report: Int, _ key: SiteGraph.MeasureKey) -> [Reply] {
        replyIndex.byAnswered[ReportMeasure(report: report, measure: key)] ?? []
    }

    /// The reply a report gives about a measure (its first).
    public func reply(report: Int, _ key: SiteGraph.MeasureKey) -> Reply? {
        replyIndex.byReport[ReportMeasure(report: report, measure: key)]
    }

    /// The status a report gives for a measure (its first entry for it).
    public func entry(report: Int, _ key: SiteGraph.MeasureKey) -> StatusEntry? {
        statusIndex.entries[ReportMeasure(report: report, measure: key)]
    }

    /// Every status given for the measure for the period, in report order.
    public func entries(_ key: SiteGraph.MeasureKey, period: ReportPeriod) -> [StatusEntry] {
        statusIndex.byPeriod[MeasurePeriod(measure: key, period: period)] ?? []
    }

    /// The assessment still awaits the reply its reporter asked for: no report by the asked body
    /// (`reporter.executor`) answers it.
    public func awaitsReply(_ entry: StatusEntry, _ key: SiteGraph.MeasureKey, reports: [Report]) -> Bool {
        guard let body = entry.replyRequestedFrom else { return false }
        return !replies(to: entry.report, key).contains { reports[$0.report].reporter.executor == body }
    }

    /// Every assessment whose reporter asked a body for a reply, per body, in measure order then publication order.
    public func replyRequests() -> [ExecutorID: [(key: SiteGraph.MeasureKey, entry: StatusEntry)]] { statusIndex.requests }

    /// Each voice's latest assessment; nil when no report mentions the measure.
    public func voices(_ key: SiteGraph.MeasureKey) -> Voices? { statusIndex.voices[key] }

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
