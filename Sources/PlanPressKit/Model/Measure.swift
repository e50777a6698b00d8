/// A measure: the leaf of a plan, what someone is responsible for doing.
public struct Measure: Sendable {
    public var number: String
    public var printedNumber: String?
    /// The document prints this item without a number: `number` was assigned by the site
    /// (`number_assigned: true`, or a level with `assigned_numbers: true`). Shown as «[1.2]».
    public var numberAssigned: Bool = false
    public var text: String
    public var responsible: Responsibility?
    public var term: Term
    public var indicators: [Indicator]
    public var results: [String]
    public var funding: Funding
    public var location: SourceLocation
    /// Digest of the measure's YAML, position excluded: a rebuild tells
    /// edited measures apart by it (`SiteChanges`).
    public var sourceDigest: Int = 0
    /// The source lines of the measure's row (`lines:`) and printed fields (`Citation.isCited`).
    public var citation: Citation? = nil
}

/// The "responsible" cell: as printed, and expanded into registry entries.
public struct Responsibility: Sendable {
    public var printed: String?
    public var assignments: [Assignment]
    /// The cell continues the row above (`responsible: {same_as_row_above: true, basis: …}`), and on
    /// what basis; `printed` and `assignments` are then the row above's. nil: the row's own cell.
    public var merged: MergeBasis? = nil
    /// The cell continues the row above, on either basis.
    public var sameAsRowAbove: Bool { merged != nil }
}

/// Why a cell is taken to continue the row above (`same_as_row_above: true` with `basis:`):
/// what the site knows and how, so pages can say which it is (docs/content-format.md, "Merged cells").
public enum MergeBasis: String, Sendable, CaseIterable {
    /// The site's reading (the default): the cell is empty in an extracted text, and the site
    /// reads it as merged with the row above. The reading can be wrong; pages say it is the site's.
    case reading
    /// The Word file itself marks the cell as vertically merged (`w:vMerge`): the cell spans
    /// the rows in the document's table, a fact of the file (written by the Word-table importer).
    case file
}

public struct Assignment: Sendable {
    public var executor: ExecutorID
    /// «за згодою»: the body takes part by consent, not by subordination.
    public var consent: Bool
    public var location: SourceLocation
}

public struct Indicator: Sendable {
    public var id: String
    public var text: String
    public var target: Target?
    public var location: SourceLocation
}

public struct Target: Sendable {
    public enum Comparator: String, Sendable, CaseIterable {
        case atLeast = "at-least", atMost = "at-most", exactly, about
    }
    public var printed: String
    public var value: Money?
    public var unit: String?
    public var comparator: Comparator?
}
