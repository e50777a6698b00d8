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

    /// Counts of a set of measures by current status.
    public struct StatusCounts: Sendable, Equatable {
        public var byStatus: [MeasureStatusValue: Int] = [:]
        /// Measures no report mentions.
        public var unreported = 0
        /// Measures whose latest period has disagreeing reports.
        public var disputed = 0
        public var overdue = 0
        public var dueThisYear = 0
        public var total = 0

        public init() {}

        public subscript(status: MeasureStatusValue) -> Int { byStatus[status] ?? 0 }
        public var reported: Int { total - unreported }
    }

    /// Counts the given measures (each with its term) by current status, overdue and due this year.
    public func counts(_ measures: some Sequence<(key: SiteGraph.MeasureKey, term: Term)>) -> StatusCounts {
        var counts = StatusCounts()
        for (key, term) in measures {
            counts.total += 1
            if let current = current(key) {
                counts.byStatus[current.status, default: 0] += 1
                if current.disputed { counts.disputed += 1 }
            } else {
                counts.unreported += 1
            }
            if isOverdue(key, term: term) { counts.overdue += 1 }
            if isDueThisYear(term) { counts.dueThisYear += 1 }
        }
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
