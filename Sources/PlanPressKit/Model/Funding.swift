/// A measure's funding cell(s).
public struct Funding: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Amounts are given per source and year.
        case stated
        /// «Не потребує»: the document says no money is needed.
        case notNeeded = "not-needed"
        /// «В межах фінансування …»: paid from existing budgets, no amount.
        case withinExisting = "within-existing"
        /// The cell is empty.
        case notStated = "not-stated"
    }

    public var printed: String?
    public var status: Status
    public var lines: [FundingLine]

    public static let notStated = Funding(printed: nil, status: .notStated, lines: [])
}

/// One source's amounts per year.
public struct FundingLine: Sendable {
    /// The normalised source id from the plan's vocabulary.
    public var source: String
    /// The spelling printed in the document.
    public var printedSource: String
    /// Year → amount. A year that is absent is "not stated".
    public var amounts: [Int: Amount]
    public var location: SourceLocation
}

public enum Amount: Sendable, Hashable {
    case value(Money)
    /// A printed dash: no amount for that year.
    case dash

    public var money: Money? {
        if case .value(let money) = self { return money }
        return nil
    }
}

/// A funding vocabulary entry of one plan.
public struct FundingSource: Sendable {
    public var id: String
    public var name: String
    public var spellings: [String]
}

public struct BudgetSpec: Sendable {
    public var unit: String
    public var years: [Int]
    public var sources: [FundingSource]
    public var statedTotals: StatedTotals?
    /// The document's own name for its money columns, e.g. «Прогнозний обсяг фінансування»
    /// (`budget.heading`); pages use it instead of a generic word such as «бюджет».
    public var heading: String? = nil

    public func source(id: String) -> FundingSource? { sources.first { $0.id == id } }
}

/// A subtotal or total row block as printed («ВСЬОГО ЗА НАПРЯМОМ»).
public struct StatedTotals: Sendable {
    public var label: String?
    public var lines: [FundingLine]
    public var location: SourceLocation
    /// The source lines of the subtotal rows (`source_lines:`) and printed fields (`Citation.isCited`).
    public var citation: Citation? = nil
}
