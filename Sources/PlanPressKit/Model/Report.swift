/// A monitoring report: one reporter's account of one plan for one period.
public struct Report: Sendable {
    public var id: String
    public var plan: PlanID
    /// Where the `plan:` value is written, for "unknown plan" errors.
    public var planLocation: SourceLocation
    public var period: ReportPeriod
    public var reporter: Reporter
    public var published: CalendarDate
    public var title: String?
    public var summary: String?
    /// How the reporter worked (Markdown): sources, visits, how a status was chosen.
    public var methodology: String? = nil
    public var measures: [MeasureStatus]
    public var indicators: [IndicatorValue]
    public var file: String
    public var location: SourceLocation

    /// Every entry answers another report's assessment and gives no status of its own, and
    /// the report gives no values: a reply, not a second account of the period (docs/monitoring.md).
    public var isReplyOnly: Bool {
        !measures.isEmpty && indicators.isEmpty && measures.allSatisfy { $0.replyTo != nil && $0.status == nil }
    }
}

public struct ReportPeriod: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, CaseIterable { case year, half, quarter }
    public var kind: Kind
    public var year: Int
    /// Half (1–2) or quarter (1–4); 0 for a year.
    public var part: Int

    public var start: YearMonth {
        switch kind {
        case .year: return YearMonth(year: year, month: 1)
        case .half: return YearMonth(year: year, month: part == 1 ? 1 : 7)
        case .quarter: return YearMonth(year: year, month: (part - 1) * 3 + 1)
        }
    }

    public var end: YearMonth {
        switch kind {
        case .year: return YearMonth(year: year, month: 12)
        case .half: return YearMonth(year: year, month: part == 1 ? 6 : 12)
        case .quarter: return YearMonth(year: year, month: part * 3)
        }
    }

    /// `2025`, `2025-H1`, `2025-Q3`: the machine form used in files.
    public var code: String {
        switch kind {
        case .year: return "\(year)"
        case .half: return "\(year)-H\(part)"
        case .quarter: return "\(year)-Q\(part)"
        }
    }

    public init(kind: Kind, year: Int, part: Int) {
        self.kind = kind
        self.year = year
        self.part = part
    }

    public init?(code: String) {
        let parts = code.split(separator: "-")
        guard let year = Int(parts.first ?? ""), (1900...2200).contains(year) else { return nil }
        if parts.count == 1 { self.init(kind: .year, year: year, part: 0); return }
        guard parts.count == 2, let letter = parts[1].first, let n = Int(parts[1].dropFirst()) else { return nil }
        switch (letter, n) {
        case ("H", 1...2): self.init(kind: .half, year: year, part: n)
        case ("Q", 1...4): self.init(kind: .quarter, year: year, part: n)
        default: return nil
        }
    }

    public static func < (a: ReportPeriod, b: ReportPeriod) -> Bool {
        (a.end, a.start) < (b.end, b.start)
    }
}

public struct Reporter: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The responsible body itself or another state body.
        case official
        /// A civil-society organisation monitoring the plan.
        case civilSociety = "civil-society"
    }
    public var kind: Kind
    public var name: String
    public var executor: ExecutorID?
    /// Where `executor:` is written (not part of the reporter's identity).
    public var executorLocation: SourceLocation?

    public init(kind: Kind, name: String, executor: ExecutorID?, executorLocation: SourceLocation? = nil) {
        self.kind = kind
        self.name = name
        self.executor = executor
        self.executorLocation = executorLocation
    }

    public static func == (a: Reporter, b: Reporter) -> Bool { (a.kind, a.name, a.executor) == (b.kind, b.name, b.executor) }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(executor)
    }
}

public enum MeasureStatusValue: String, Sendable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case completed
    case partlyCompleted = "partly-completed"
    case notCompleted = "not-completed"
    case noInformation = "no-information"

    /// Whether a measure with this status counts as done for overdue logic.
    public var isDone: Bool { self == .completed }
}

public struct MeasureStatus: Sendable {
    public var measure: String
    /// The report's assessment; nil only for a reply that gives none (`reply_to` without `status`).
    public var status: MeasureStatusValue?
    public var narrative: String?
    public var evidence: [Evidence]
    public var location: SourceLocation
    /// `reply_to: <report>#<measure>`: this entry answers another report's
    /// assessment of the same measure (right of reply, docs/monitoring.md).
    public var replyTo: ReplyReference? = nil
    /// `reply_requested`: the reporter asks a body to answer this assessment.
    public var replyRequest: ReplyRequest? = nil

    /// `reply_requested: true` asks the measure's body named first; `reply_requested: <executor id>` names the body.
    public struct ReplyRequest: Sendable {
        public var executor: ExecutorID?
        public var location: SourceLocation

        public init(executor: ExecutorID?, location: SourceLocation) {
            self.executor = executor
            self.location = location
        }
    }

    /// Where a reply points: a report id (its path under `reports/` without
    /// extension) and a measure number.
    public struct ReplyReference: Sendable, Hashable {
        public var report: String
        public var measure: String
        public var location: SourceLocation

        public init(report: String, measure: String, location: SourceLocation) {
            self.report = report
            self.measure = measure
            self.location = location
        }

        public static func == (a: ReplyReference, b: ReplyReference) -> Bool { (a.report, a.measure) == (b.report, b.measure) }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(report)
            hasher.combine(measure)
        }
    }

    public struct Evidence: Sendable {
        public var title: String
        public var url: String
    }
}

public struct IndicatorValue: Sendable {
    public var indicator: String
    public var value: Money
    public var date: CalendarDate
    public var unit: String?
    public var breakdown: [Disaggregation]
    public var note: String?
    public var location: SourceLocation
    /// Where `date:` and `unit:` are written, for the checks against the period and the target's unit.
    public var dateLocation: SourceLocation? = nil
    public var unitLocation: SourceLocation? = nil

    public struct Disaggregation: Sendable, Hashable {
        /// The code of a `BreakdownDimension`: `sex`, `age`, `place` …
        public var dimension: String
        /// `жінки`, `чоловіки`, `18-35` …
        public var group: String
        public var value: Money
    }
}
