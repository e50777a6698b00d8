/// A measure's term: the cell as printed and its structured reading.
public struct Term: Sendable {
    public var printed: String?
    public var reading: TermReading
    public var location: SourceLocation?
    /// The cell continues the row above (`term: {same_as_row_above: true, basis: …}`), and on what
    /// basis; `printed` and `reading` are then the row above's. nil: the row's own cell.
    public var merged: MergeBasis? = nil
    /// The cell continues the row above, on either basis.
    public var sameAsRowAbove: Bool { merged != nil }

    public static let notStated = Term(printed: nil, reading: .notStated, location: nil)
}

/// A month of a year, the unit of term arithmetic.
public struct YearMonth: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
    /// The last day of the month, the moment a term ending in it is due.
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) }
}

public enum TermReading: Sendable, Hashable {
    case notStated
    case years(from: Int, to: Int)
    case quarters(year: Int, from: Int, to: Int)
    case months(year: Int, from: Int, to: Int)
    /// «протягом року»: the whole year.
    case duringYear(Int)
    /// «постійно», «щоквартально»: recurring over a span (usually the plan period).
    case recurring(frequency: Frequency, from: Int?, to: Int?)

    /// How often a recurring term falls due (docs/monitoring.md, *Recurring terms*).
    public struct Frequency: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case ongoing, monthly, quarterly, yearly, scheduled
        }
        public var kind: Kind
        /// Yearly only: the month by whose end each year's occurrence falls due
        /// («щорічно (1 квартал)» → 3, «листопад – грудень щороку» → 12); nil: December.
        public var month: Int?

        public init(_ kind: Kind, month: Int? = nil) {
            self.kind = kind
            self.month = month
        }

        public static let ongoing = Frequency(.ongoing)
        public static let monthly = Frequency(.monthly)
        public static let quarterly = Frequency(.quarterly)
        public static let yearly = Frequency(.yearly)
        public static let scheduled = Frequency(.scheduled)
        public static func yearly(dueBy month: Int) -> Frequency { Frequency(.yearly, month: month) }

        /// `ongoing`, `monthly`, `quarterly`, `yearly`, `scheduled`.
        public var rawValue: String { kind.rawValue }
    }

    /// First month the term covers.
    public var start: YearMonth? {
        switch self {
        case .notStated: return nil
        case .years(let from, _): return YearMonth(year: from, month: 1)
        case .quarters(let year, let from, _): return YearMonth(year: year, month: (from - 1) * 3 + 1)
        case .months(let year, let from, _): return YearMonth(year: year, month: from)
        case .duringYear(let year): return YearMonth(year: year, month: 1)
        case .recurring(_, let from, _): return from.map { YearMonth(year: $0, month: 1) }
        }
    }

    /// Last month the term covers: after its last day the measure is due.
    public var end: YearMonth? {
        switch self {
        case .notStated: return nil
        case .years(_, let to): return YearMonth(year: to, month: 12)
        case .quarters(let year, _, let to): return YearMonth(year: year, month: to * 3)
        case .months(let year, _, let to): return YearMonth(year: year, month: to)
        case .duringYear(let year): return YearMonth(year: year, month: 12)
        case .recurring(_, _, let to): return to.map { YearMonth(year: $0, month: 12) }
        }
    }

    /// The due date: the last day of the term.
    public var due: CalendarDate? { end?.lastDay }

    /// Years the term touches, for timelines.
    public var years: ClosedRange<Int>? {
        guard let start, let end else { return nil }
        return start.year...end.year
    }

    /// Every date the term falls due, in order: the due date of a one-off
    /// term; each occurrence of a recurring one inside its span (quarterly: each
    /// quarter's last day; monthly: each month's; yearly: the last day of its
    /// month, December unless stated); «постійно» and «за окремим графіком»
    /// fall due once, at the end of the span. Empty when the span is unknown.
    public var dueDates: [CalendarDate] {
        guard case .recurring(let frequency, let from, let to) = self else { return due.map { [$0] } ?? [] }
        guard let from, let to, from <= to else { return due.map { [$0] } ?? [] }
        let years = Array(from...to)
        switch frequency.kind {
        case .monthly: return years.flatMap { y in (1...12).map { YearMonth(year: y, month: $0).lastDay } }
        case .quarterly: return years.flatMap { y in [3, 6, 9, 12].map { YearMonth(year: y, month: $0).lastDay } }
        case .yearly: return years.map { YearMonth(year: $0, month: frequency.month ?? 12).lastDay }
        case .ongoing, .scheduled: return [YearMonth(year: to, month: 12).lastDay]
        }
    }

    public var isRecurring: Bool {
        if case .recurring = self { return true }
        return false
    }

    /// A short machine code: `years`, `quarter`, `month`, `during-year`, `recurring`, `not-stated`.
    public var kindCode: String {
        switch self {
        case .notStated: return "not-stated"
        case .years: return "years"
        case .quarters: return "quarter"
        case .months: return "month"
        case .duringYear: return "during-year"
        case .recurring: return "recurring"
        }
    }
}
