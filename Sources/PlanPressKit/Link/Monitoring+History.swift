/// Status history over time (docs/monitoring.md, *History*): each voice's
/// status of a measure period by period, and per set of measures the counts
/// per voice and period with how many changed since that voice's previous
/// report on the measure.
extension Monitoring {
    /// One voice's status of a measure for one period: the entry counted (of several reporters
    /// of the voice, the one published last) and the voice's status in its previous period.
    public struct VoiceStep: Sendable {
        public var entry: StatusEntry
        /// Reporters of this voice that give a status for the period.
        public var reporters: Int
        /// The same voice's counted entry for the measure in the latest earlier period it covers.
        public var previous: StatusEntry?
        /// The status differs from `previous` (false when there is none).
        public var changed: Bool { previous.map { $0.status != entry.status } ?? false }
    }

    /// A measure's history: per period (oldest first), each voice's step.
    public struct HistoryRow: Sendable {
        public var period: ReportPeriod
        public var steps: [Reporter.Kind: VoiceStep]
    }

    public func statusHistory(_ key: SiteGraph.MeasureKey) -> [HistoryRow] {
        var rows: [HistoryRow] = []
        var last: [Reporter.Kind: StatusEntry] = [:]
        for period in periods(key) {
            var row = HistoryRow(period: period.period, steps: [:])
            for kind in Reporter.Kind.allCases {
                let own = period.entries.filter { $0.reporter.kind == kind }
                guard let counted = own.last else { continue }
                row.steps[kind] = VoiceStep(entry: counted, reporters: Set(own.map(\.reporter)).count, previous: last[kind])
                last[kind] = counted
            }
            rows.append(row)
        }
        return rows
    }

    /// For a set of measures, one voice's counts in one period.
    public struct PeriodCount: Sendable, Equatable {
        public var period: ReportPeriod
        public var byStatus: [MeasureStatusValue: Int] = [:]
        /// Measures the voice assessed in this period.
        public var assessed = 0
        /// Of those, measures whose status differs from the voice's previous report on them.
        public var changed = 0
        /// Of those, measures the voice had assessed before (so a change could be seen).
        public var comparable = 0
    }

    /// Per voice, the counts of every period some report of that voice covers for the measures, oldest first.
    public func periodCounts(_ keys: some Sequence<SiteGraph.MeasureKey>) -> [Reporter.Kind: [PeriodCount]] {
        var byVoice: [Reporter.Kind: [ReportPeriod: PeriodCount]] = [:]
        for key in keys {
            for row in statusHistory(key) {
                for (kind, step) in row.steps {
                    var count = byVoice[kind, default: [:]][row.period] ?? PeriodCount(period: row.period)
                    count.byStatus[step.entry.status, default: 0] += 1
                    count.assessed += 1
                    if step.previous != nil { count.comparable += 1 }
                    if step.changed { count.changed += 1 }
                    byVoice[kind, default: [:]][row.period] = count
                }
            }
        }
        return byVoice.mapValues { $0.values.sorted { $0.period < $1.period } }
    }
}
