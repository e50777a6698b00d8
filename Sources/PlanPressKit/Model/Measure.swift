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
    /// The same digest without the measure's text: equal before and after an edit that changed
    /// only the text, whose pages a rebuild can then narrow (`SiteChanges.textOnlyMeasures`).
    public var textFreeDigest: Int = 0
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
    /// Where the value comes from (set by `MergedCells`), for pages that state the reading's grounds.
    public var mergeSource: MergeSource? = nil
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

/// The grounds of a merged cell's value, worked out by `MergedCells` in document order.
public struct MergeSource: Sendable, Hashable {
    /// The measure whose own cell holds the value (the top of the merge).
    public var measure: String
    /// The measure in the row directly above.
    public var rowAbove: String
    /// The row directly above belongs to another goal (task, direction …): the first column
    /// starts a new cell there, so the merge is less certain.
    public var acrossGoal: Bool
    /// The cell directly above is itself empty (a chain of merged cells).
    public var throughEmptyCell: Bool

    /// The reading is likely (the row above is in the same goal and holds its own value);
    /// otherwise it is only possible.
    public var likely: Bool { !acrossGoal && !throughEmptyCell }
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
    /// The comparison the document's own words make (docs/content-format.md): «не менше»,
    /// «щонайменше» → at-least; «понад», «більше» → more-than (strictly); «не більше» → at-most;
    /// «близько» → about; a number printed without such a word has no comparator.
    public enum Comparator: String, Sendable, CaseIterable {
        case atLeast = "at-least", moreThan = "more-than", atMost = "at-most", exactly, about
    }
    public var printed: String
    public var value: Money?
    public var unit: String?
    public var comparator: Comparator?
}
