/// What the importer read from the Word table, before it is written as `plan.yaml`: the same
/// shape as the content format, every value as printed, every item with its source lines.
struct PlanDraft {
    struct Level {
        var name: String
        var plural: String
        var slug: String
        var forms: [String]           // one, few, many
        var english: [String]?        // one, other
    }

    /// A merged cell: the file marks it as continuing the cell above (`w:vMerge`).
    enum Cell<Value> {
        case value(Value)
        case mergedWithRowAbove
    }

    struct Responsible {
        var printed: String
        /// Executor ids in printed order, with «(за згодою)».
        var executors: [(id: String, consent: Bool)]
    }

    struct FundingLine {
        var source: String
        var amounts: [(year: Int, printed: String)]
    }

    struct Funding {
        enum Status: String { case stated, notNeeded = "not-needed", withinExisting = "within-existing" }
        var printed: String?
        var status: Status
        var lines: [FundingLine]
    }

    struct Totals {
        var label: String
        var lines: [FundingLine]
        var sourceLines: ClosedRange<Int>
    }

    enum Term {
        case printed(String)
        case recurring(String)
        case years(String, from: Int, to: Int)
    }

    struct Measure {
        var number: String
        var printedNumber: String?
        var numberAssigned = false
        var lines: ClosedRange<Int>
        var text: String
        var responsible: Cell<Responsible>?
        var term: Cell<Term>?
        var indicators: [String] = []
        var results: [String] = []
        var funding: Funding?
        /// Where the measure's row is in the table (for messages).
        var row: Int
    }

    final class Goal {
        var number: String
        var printedNumber: String?
        var title: String
        var lines: [ClosedRange<Int>]
        var depth: Int
        var goals: [Goal] = []
        var measures: [Measure] = []
        var totals: Totals?

        init(number: String, printedNumber: String?, title: String, lines: [ClosedRange<Int>], depth: Int) {
            self.number = number
            self.printedNumber = printedNumber
            self.title = title
            self.lines = lines
            self.depth = depth
        }
    }

    struct Approval {
        var printed: String
        var label: String
        var document: String?
        var by: String?
        var person: String?
        var number: String?
        var date: CalendarDate?
        var datePrinted: String?

        /// A blank is a field made only of `_` (and `№`).
        static func isBlank(_ text: String?) -> Bool {
            guard let text else { return true }
            return text.allSatisfy { $0 == "_" || $0 == "№" || $0 == " " }
        }

        var isFilledIn: Bool { date != nil || !Approval.isBlank(datePrinted) || !Approval.isBlank(number) }
    }

    struct Budget {
        var heading: String?
        var unit: String?
        var years: [Int]
        var sources: [(id: String, name: String, spellings: [String])]
        var totals: Totals?
    }

    struct NewBody {
        var id: String
        var name: String
        var kind: String
        var aliases: [String]
    }

    var id: String
    var title: String
    var responsibleHeading: String?
    var period: (from: Int, to: Int)
    var approval: Approval?
    var signatory: (position: String, name: String)?
    var source: String
    var levels: [Level]
    var budget: Budget?
    var goals: [Goal] = []
    var measures: [Measure] = []
    var newBodies: [NewBody] = []

    var status: String {
        guard let approval else { return "not-stated" }
        return approval.isFilledIn ? "approved" : "draft"
    }

    /// Every measure in document order.
    var allMeasures: [Measure] {
        func walk(_ goal: Goal) -> [Measure] { goal.measures + goal.goals.flatMap(walk) }
        return measures + goals.flatMap(walk)
    }
}
