import Foundation

/// Plain-value queries over `Monitoring` for pages and open data: statuses
/// grouped by period, counts per status, the latest indicator value and
/// whether it meets the target.
extension Monitoring {
    /// Every status given for a measure in one period, official and civil-society apart.
    public struct PeriodStatuses: Sendable {
        public var period: ReportPeriod
        /// In publication order.
        public var entries: [StatusEntry]
        public var official: [StatusEntry] { entries.filter { $0.reporter.kind == .official } }
        public var civilSociety: [StatusEntry] { entries.filter { $0.reporter.kind == .civilSociety } }
        /// Reporters give different statuses for this period.
        public var disagree: Bool { Set(entries.map(\.status)).count > 1 }
    }

    /// The status history of a measure, one element per period, oldest first.
    public func periods(_ key: SiteGraph.MeasureKey) -> [PeriodStatuses] {
        var result: [PeriodStatuses] = []
        for entry in history[key] ?? [] {
            if result.last?.period == entry.period {
                result[result.count - 1].entries.append(entry)
            } else {
                result.append(PeriodStatuses(period: entry.period, entries: [entry]))
            }
        }
        return result
    }

    /// A set of measures sorted into the lists the pages count: each voice's
    /// statuses apart, no report, disputed, overdue, due and running this year.
    /// Every count on a page is the size of one of these lists (docs/monitoring.md).
    public struct StatusLists: Sendable {
        public var all: [SiteGraph.MeasureKey] = []
        /// Per voice and status: the measures that voice's latest report gives that status.
        public var byVoice: [Reporter.Kind: [MeasureStatusValue: [SiteGraph.MeasureKey]]] = [:]
        /// Per voice: the measures no report of that voice mentions.
        public var unreportedBy: [Reporter.Kind: [SiteGraph.MeasureKey]] = [:]
        /// Measures no report of either voice mentions.
        public var unreported: [SiteGraph.MeasureKey] = []
        /// Measures whose voices' latest statuses differ.
        public var disputed: [SiteGraph.MeasureKey] = []
        public var overdue: [SiteGraph.MeasureKey] = []
        public var dueThisYear: [SiteGraph.MeasureKey] = []
        public var runningThisYear: [SiteGraph.MeasureKey] = []

        public init() {}

        public func list(_ kind: Reporter.Kind, _ status: MeasureStatusValue) -> [SiteGraph.MeasureKey] { byVoice[kind]?[status] ?? [] }
        /// Measures the voice has reported on.
        public func reported(_ kind: Reporter.Kind) -> Int { all.count - (unreportedBy[kind]?.count ?? 0) }
    }

    /// Sorts the given measures (each with its term) into `StatusLists`, keeping their order.
    public func lists(_ measures: some Sequence<(key: SiteGraph.MeasureKey, term: Term)>) -> StatusLists {
        var lists = StatusLists()
        for (key, term) in measures {
            lists.all.append(key)
            let voices = self.voices(key)
            for kind in Reporter.Kind.allCases {
                if let entry = voices?.counted(kind) {
                    lists.byVoice[kind, default: [:]][entry.status, default: []].append(key)
                } else {
                    lists.unreportedBy[kind, default: []].append(key)
                }
            }
            if voices == nil { lists.unreported.append(key) }
            if voices?.disputed == true { lists.disputed.append(key) }
            if isOverdue(key, term: term) { lists.overdue.append(key) }
            if isDueThisYear(term) { lists.dueThisYear.append(key) }
            if isRunningThisYear(term) { lists.runningThisYear.append(key) }
        }
        return lists
    }

    /// Counts of a set of measures: each voice's statuses, overdue, due this year.
    public struct StatusCounts: Sendable, Equatable {
        public var byVoice: [Reporter.Kind: [MeasureStatusValue: Int]] = [:]
        /// Measures no report mentions.
        public var unreported = 0
        /// Measures whose voices' latest statuses differ.
        public var disputed = 0
        public var overdue = 0
        public var dueThisYear = 0
        public var total = 0

        public init() {}

        public subscript(kind: Reporter.Kind, status: MeasureStatusValue) -> Int { byVoice[kind]?[status] ?? 0 }
        public var reported: Int { total - unreported }
    }

    public func counts(_ measures: some Sequence<(key: SiteGraph.MeasureKey, term: Term)>) -> StatusCounts {
        let lists = self.lists(measures)
        var counts = StatusCounts()
        counts.byVoice = lists.byVoice.mapValues { $0.mapValues(\.count) }
        counts.unreported = lists.unreported.count
        counts.disputed = lists.disputed.count
        counts.overdue = lists.overdue.count
        counts.dueThisYear = lists.dueThisYear.count
        counts.total = lists.all.count
        return counts
    }

    /// The value with the latest date; on the same date an official report wins,
    /// then the later report.
    public func latestValue(_ key: IndicatorKey) -> ValueEntry? {
        values[key]?.max { a, b in
            if a.value.date != b.value.date { return a.value.date < b.value.date }
            let officialA = a.reporter.kind == .official, officialB = b.reporter.kind == .official
            if officialA != officialB { return officialB }
            return a.report < b.report
        }
    }

    /// One voice's value with the latest date (the later report on the same date).
    public func latestValue(_ key: IndicatorKey, kind: Reporter.Kind) -> ValueEntry? {
        values[key]?.filter { $0.reporter.kind == kind }.max { a, b in (a.value.date, a.report) < (b.value.date, b.report) }
    }

    /// Dates for which reports give the indicator different values: every one
    /// of them is shown and flagged, none wins.
    public func conflictingDates(_ key: IndicatorKey) -> Set<CalendarDate> {
        let byDate = Dictionary(grouping: values[key] ?? [], by: \.value.date)
        return Set(byDate.filter { Set($0.value.map(\.value.value.value)).count > 1 }.keys)
    }
}

/// Whether an actual value meets an indicator's target.
public enum TargetAssessment: Sendable, Equatable {
    case met
    case notMet
    /// The target has no number or comparator, or the units differ.
    case notAssessable(Reason)

    public enum Reason: String, Sendable {
        case noNumber = "no-number"
        case noComparator = "no-comparator"
        case unitsDiffer = "units-differ"
    }
}

extension Target {
    /// `about` accepts values within this share of the target (10 %).
    public static let aboutTolerance = Decimal(string: "0.1")!

    /// Compares a reported value with the target: `at-least` ≥, `at-most` ≤,
    /// `exactly` =, `about` within 10 %. Units are compared when both are given.
    public func assess(_ actual: Money, unit actualUnit: String?) -> TargetAssessment {
        guard let value else { return .notAssessable(.noNumber) }
        guard let comparator else { return .notAssessable(.noComparator) }
        if let unit, let actualUnit, Target.normalisedUnit(unit) != Target.normalisedUnit(actualUnit) {
            return .notAssessable(.unitsDiffer)
        }
        let met: Bool
        switch comparator {
        case .atLeast: met = actual.value >= value.value
        case .moreThan: met = actual.value > value.value
        case .atMost: met = actual.value <= value.value
        case .exactly: met = actual.value == value.value
        case .about:
            let difference = actual.value - value.value
            let magnitude = difference < 0 ? -difference : difference
            let allowed = (value.value < 0 ? -value.value : value.value) * Target.aboutTolerance
            met = magnitude <= allowed
        }
        return met ? .met : .notMet
    }

    static func normalisedUnit(_ unit: String) -> String {
        unit.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: " ")
    }
}
